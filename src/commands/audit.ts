// inspect audit: walks the hash chain, recomputes every draw from its stored frame and seed, and checks
// every stored fact against the log entry that recorded it. Exit 0 only when all holds.
import { checkChain, type StoredEvent } from '../core/chain.js';
import { sha256Hex } from '../core/canonical.js';
import { Exit, ExitError, usageError } from '../core/errors.js';
import { parseSnapshot, stratumOf } from '../core/frame.js';
import type { Frame } from '../core/drawTypes.js';
import type { DrawRecord } from '../core/record.js';
import { ROSTER_KINDS, type RosterKind } from '../core/rosters.js';
import { firstDifference, verifyDraw } from '../core/verify.js';
import { openDb, type Db } from '../io/db.js';
import { readSnapshot, type DrawRow } from '../io/drawStore.js';
import { CLOCK_MARK, readEvents } from '../io/events.js';
import { getDraw } from '../io/drawStore.js';
import { commitmentSnapshot, listCommitments } from '../io/commitStore.js';
import { verifyCommitment, type Commitment } from '../core/commitment.js';
import { resultRowsDigest } from '../io/resultsStore.js';
import { rosterDigests } from '../io/rosterDigest.js';
import { orphanProblems, rowProblems, schemaProblems } from '../io/auditChecks.js';
import { rowsDigest } from '../io/rowDigests.js';
import type { Context } from './context.js';

export interface AuditSection {
  name: string;
  checked: number;
  problems: string[];
}
export interface AuditResult {
  ok: boolean;
  head: { seq: number; hash: string } | null;
  sections: AuditSection[];
  firstBrokenLink: number | null;
  /** Not failures: facts an auditor should know (a commitment made under INSPECT_NOW). */
  warnings: string[];
}

function openForAudit(ctx: Context): Db {
  return openDb(ctx.dbPath, { readonly: true });
}

function auditDraws(db: Db, byRef: Map<string, StoredEvent>): AuditSection {
  const s: AuditSection = { name: 'draws', checked: 0, problems: [] };
  for (const d of db.prepare('SELECT * FROM draws ORDER BY created_at, id').all() as DrawRow[]) {
    s.checked++;
    s.problems.push(...drawProblems(db, d, byRef).map((m) => `${d.id}: ${m}`));
  }
  return s;
}

/**
 * One draw: its record against its log entry, recomputed from its frame, seed and matching input, and
 * every table an export reads (the draw's columns, selections, teams, snapshot) against the record.
 */
export function drawProblems(db: Db, d: DrawRow, byRef: Map<string, StoredEvent>): string[] {
  const problems: string[] = [];
  const sel = db.prepare('SELECT object_id AS id, stratum, rank, ticket FROM draw_selections WHERE draw_id = ? ORDER BY position');
  const asg = db.prepare('SELECT object_id, inspector_id FROM draw_assignments WHERE draw_id = ? ORDER BY object_id, seat');
  const p = (m: string) => problems.push(m);
  const recSha = sha256Hex(d.record);
  if (recSha !== d.record_sha256) p(`record.json hashes to ${recSha}, the draw row says ${d.record_sha256}`);
  const ev = byRef.get(`draws:${d.id}`);
  if (!ev) p('no log entry records this draw');
  else if (ev.payloadSha256 !== recSha) p(`the log entry ${ev.seq} recorded record hash ${ev.payloadSha256}, the stored record hashes to ${recSha}`);
  let rec: DrawRecord;
  try {
    rec = JSON.parse(d.record) as DrawRecord;
  } catch {
    p('record.json is not JSON');
    return problems;
  }
  if (d.seed !== rec.seed) p(`seed column "${d.seed}" differs from the record's "${rec.seed}"`);
  // The columns exports and results read (status, window, items) must say what the record says.
  const columns: [string, unknown, unknown][] = [
    ['year', d.year, rec.year], ['departments', JSON.parse(d.departments), rec.departments], ['items', JSON.parse(d.items), rec.items],
    ['window_start', d.window_start, rec.window.start], ['window_end', d.window_end, rec.window.end], ['supersedes', d.supersedes, rec.supersedes],
    ['reason', d.reason, rec.reason], ['lead_department', d.lead_department, rec.departments[0]],
  ];
  for (const [col, stored, recorded] of columns) {
    if (JSON.stringify(stored) !== JSON.stringify(recorded)) p(`column ${col} is ${JSON.stringify(stored)}, the record says ${JSON.stringify(recorded)}`);
  }
  if (ev && (ev.at !== d.created_at || ev.operator !== d.operator)) p(`created_at/operator (${d.created_at}, ${d.operator}) differ from log entry ${ev.seq} (${ev.at}, ${ev.operator})`);
  if (ev?.rowsSha256 && rowsDigest(db, `draws:${d.id}`) !== ev.rowsSha256) p(`its rows differ from what log entry ${ev.seq} hashed`);
  if (d.input_digest !== rec.inputDigest || d.seed_hex !== rec.seedHex) p('digest or seedHex columns differ from the record');
  const committed = rec.commitDigest !== undefined;
  for (const c of verifyDraw({ frameText: d.frame.toString('utf8'), record: rec, assignText: d.assign_input.toString('utf8'), committed })) {
    if (!c.ok) p(`recomputed ${c.name}: ${c.detail}`);
  }
  const selDiff = firstDifference(rec.selected, sel.all(d.id), 'draw_selections');
  if (selDiff) p(`the selection table differs from the record: ${selDiff}`);
  const teams = new Map<string, string[]>();
  for (const r of asg.all(d.id) as { object_id: string; inspector_id: string }[]) teams.set(r.object_id, [...(teams.get(r.object_id) ?? []), r.inspector_id]);
  const asgDiff = firstDifference(
    [...rec.assignments].sort((a, b) => (a.id < b.id ? -1 : 1)),
    [...teams].map(([id, inspectors]) => ({ id, inspectors })),
    'draw_assignments',
  );
  if (asgDiff) p(`the team table differs from the record: ${asgDiff}`);
  const snap = readSnapshot(db, d.id);
  if (snap === null) p('the roster snapshot is missing or unreadable');
  else {
    const sh = sha256Hex(snap);
    if (sh !== rec.rosterDigest) p(`the roster snapshot hashes to ${sh}, the draw recorded ${rec.rosterDigest}`);
    else {
      try {
        const rows = new Map(parseSnapshot(snap).map((o) => [o.id, o]));
        const frame = JSON.parse(d.frame.toString('utf8')) as Frame;
        const bad = frame.frame.find(([id, st]) => !rows.has(id) || stratumOf(rows.get(id)!) !== st);
        if (bad) p(`frame row ${bad[0]} (${bad[1]}) does not follow from the roster snapshot`);
      } catch (e) {
        p(`the frame or snapshot cannot be read: ${(e as Error).message}`);
      }
    }
  }
  return problems;
}

/**
 * Every commitment against the log entry that recorded it and against its own frozen inputs, and every
 * reveal against its commitment: the draw's frame and matching input must be the frozen bytes, and its
 * seed the key string of the revealed values (checked again from their proofs).
 */
function auditCommitments(db: Db, byRef: Map<string, StoredEvent>, warnings: string[]): AuditSection {
  const s: AuditSection = { name: 'commitments', checked: 0, problems: [] };
  const drawsWithCommit = new Set<string>();
  for (const c of listCommitments(db)) {
    s.checked++;
    const p = (m: string) => s.problems.push(`${c.draw_id}: ${m}`);
    const digest = sha256Hex(c.commitment);
    if (digest !== c.commit_digest) p(`commitment.json hashes to ${digest}, the row says ${c.commit_digest}`);
    const ev = byRef.get(`commitments:${c.draw_id}`);
    if (!ev) p('no log entry records this commitment');
    else {
      if (ev.payloadSha256 !== digest) p(`the log entry ${ev.seq} recorded commitDigest ${ev.payloadSha256}, the stored commitment hashes to ${digest}`);
      if (ev.summary.endsWith(CLOCK_MARK) !== (c.clock_overridden === 1)) p(`the clock flag (${c.clock_overridden}) disagrees with the log entry ${ev.seq}`);
    }
    if (c.clock_overridden === 1) warnings.push(`${c.draw_id}: committed under a clock set by INSPECT_NOW`);
    let commitment: Commitment;
    try {
      commitment = JSON.parse(c.commitment) as Commitment;
    } catch {
      p('commitment.json is not JSON');
      continue;
    }
    const fd = sha256Hex(c.frame);
    const ad = sha256Hex(c.assign_input);
    if (fd !== commitment.inputDigest) p(`the frozen frame hashes to ${fd}, the commitment says ${commitment.inputDigest}`);
    if (ad !== commitment.assignDigest) p(`the frozen matching input hashes to ${ad}, the commitment says ${commitment.assignDigest}`);
    if (commitment.drawId !== c.draw_id || commitment.year !== c.year) p('the row\'s id or year differs from the commitment');
    if (commitment.committedAt !== c.created_at) p(`created_at ${c.created_at} differs from committedAt ${commitment.committedAt}`);
    const snap = commitmentSnapshot(c);
    if (snap === null || sha256Hex(snap) !== c.roster_digest) p('the roster snapshot is missing or does not hash to its recorded digest');
    const d = getDraw(db, c.draw_id);
    if (!c.beacons) {
      if (d) p('a draw was recorded under this id without a reveal');
      continue;
    }
    if (!d) {
      p('revealed, but no draw was recorded');
      continue;
    }
    drawsWithCommit.add(d.id);
    if (!d.frame.equals(c.frame)) p('the draw\'s frame is not the frozen frame');
    if (!d.assign_input.equals(c.assign_input)) p('the draw\'s matching input is not the frozen one');
    const record = JSON.parse(d.record) as DrawRecord;
    if (record.rosterDigest !== c.roster_digest) p('the draw\'s roster digest is not the commitment\'s');
    const v = verifyCommitment({
      commitmentText: c.commitment, beaconsText: c.beacons, frameText: d.frame.toString('utf8'), assignText: d.assign_input.toString('utf8'), record, lang: 'en',
    });
    for (const x of v.checks) if (!x.ok) p(`recomputed ${x.name}: ${x.detail}`);
  }
  // A record that names a commitment must have one.
  for (const d of db.prepare('SELECT id, record FROM draws').all() as { id: string; record: string }[]) {
    if (drawsWithCommit.has(d.id)) continue;
    try {
      if ((JSON.parse(d.record) as DrawRecord).commitDigest !== undefined) s.problems.push(`${d.id}: its record names a commitment that is not stored or not revealed`);
    } catch {
      /* reported by the draws section */
    }
  }
  return s;
}

function auditImports(db: Db, byRef: Map<string, StoredEvent>): AuditSection {
  const s: AuditSection = { name: 'imports', checked: 0, problems: [] };
  const rows = db.prepare('SELECT * FROM imports ORDER BY id').all() as { id: number; kind: string; file_name: string; file_sha256: string; roster_sha256: string; table_sha256?: string }[];
  const latest = new Map<string, { id: number; roster_sha256: string; table_sha256?: string }>();
  for (const r of rows) {
    s.checked++;
    const ev = byRef.get(`imports:${r.id}`);
    if (!ev) {
      s.problems.push(`import ${r.id} (${r.file_name}): no log entry records it`);
      continue;
    }
    if (r.kind === 'results') {
      const d = resultRowsDigest(db, r.id);
      if (d !== ev.payloadSha256) s.problems.push(`results import ${r.id} (${r.file_name}): the result rows hash to ${d}, the log entry ${ev.seq} recorded ${ev.payloadSha256}`);
    } else {
      if (r.file_sha256 !== ev.payloadSha256) s.problems.push(`import ${r.id} (${r.file_name}): file digest ${r.file_sha256} ≠ log entry ${ev.seq}'s ${ev.payloadSha256}`);
      if (!ev.summary.includes(r.roster_sha256)) s.problems.push(`import ${r.id} (${r.file_name}): its roster digest is not the one the log entry ${ev.seq} recorded`);
      latest.set(r.kind, r);
    }
  }
  // The current rosters must be exactly what the latest import of each left behind.
  for (const kind of ROSTER_KINDS) {
    const l = latest.get(kind);
    const both = rosterDigests(db, kind as RosterKind);
    const now = both.roster;
    s.checked++;
    if (!l) {
      const n = db.prepare(`SELECT count(*) FROM ${kind}`).pluck().get() as number;
      if (n > 0) s.problems.push(`${kind}: ${n} rows but no import recorded them`);
    } else if (now !== l.roster_sha256) {
      s.problems.push(`${kind}: the table now hashes to ${now}, but import ${l.id} left ${l.roster_sha256}: rows were changed outside an import`);
    } else if (l.table_sha256 && both.table !== l.table_sha256) {
      s.problems.push(`${kind}: a bookkeeping column (in_roster, src_row, import_id, seen_import) differs from what import ${l.id} left`);
    }
  }
  return s;
}

function auditPublications(db: Db, byRef: Map<string, StoredEvent>): AuditSection {
  const s: AuditSection = { name: 'publications', checked: 0, problems: [] };
  for (const r of db.prepare('SELECT id, draw_id, kind, file_sha256 FROM publications ORDER BY id').all() as { id: number; draw_id: string; kind: string; file_sha256: string }[]) {
    s.checked++;
    const ev = byRef.get(`publications:${r.id}`);
    if (!ev) s.problems.push(`publication ${r.id} (${r.kind} ${r.draw_id}): no log entry records it`);
    else if (ev.payloadSha256 !== r.file_sha256) s.problems.push(`publication ${r.id}: file digest ${r.file_sha256} ≠ log entry ${ev.seq}'s ${ev.payloadSha256}`);
  }
  return s;
}

function auditRefs(db: Db, events: StoredEvent[]): AuditSection {
  // Every log entry that names a row must still find it: a deleted draw or import is caught here.
  const s: AuditSection = { name: 'references', checked: 0, problems: [] };
  const exists: Record<string, (id: string) => boolean> = {
    draws: (id) => db.prepare('SELECT 1 FROM draws WHERE id = ?').get(id) !== undefined,
    imports: (id) => db.prepare('SELECT 1 FROM imports WHERE id = ?').get(Number(id)) !== undefined,
    publications: (id) => db.prepare('SELECT 1 FROM publications WHERE id = ?').get(Number(id)) !== undefined,
  };
  for (const e of events) {
    const [table, id] = e.ref.split(':');
    const check = table ? exists[table] : undefined;
    if (!check || id === undefined) continue;
    s.checked++;
    if (!check(id)) s.problems.push(`log entry ${e.seq} (${e.action}) names ${e.ref}, which is gone`);
  }
  return s;
}

export function audit(db: Db, expectHead?: string): AuditResult {
  const events = readEvents(db);
  const chain = checkChain(events);
  const sections: AuditSection[] = [{ name: 'chain', checked: chain.checked, problems: chain.problems.map((p) => `entry ${p.seq}: ${p.detail}`) }];
  if (expectHead !== undefined) {
    const m = /^(\d+):([0-9a-f]{64})$/.exec(expectHead.trim());
    if (!m) throw usageError('E_BAD_OPTION', { flag: '--expect-head', value: expectHead, reason: 'SEQ:HASH (64 hex)' });
    const e = events.find((x) => x.seq === Number(m[1]));
    const s: AuditSection = { name: 'head', checked: 1, problems: [] };
    if (!e) s.problems.push(`entry ${m[1]} is not in the log`);
    else if (e.hash !== m[2]) s.problems.push(`entry ${m[1]} has hash ${e.hash}, the head read out was ${m[2]}: the chain was rewritten`);
    sections.push(s);
  }
  const byRef = new Map<string, StoredEvent>();
  for (const e of events) if (e.ref) byRef.set(e.ref, e);
  const warnings: string[] = [];
  const rows = rowProblems(db, events);
  if (rows.legacy) warnings.push(`${rows.legacy} log entries were made before row digests (schema 5): their rows are checked by the older, narrower checks only`);
  sections.push(
    { name: 'schema', checked: 1, problems: schemaProblems(db) },
    auditImports(db, byRef), auditDraws(db, byRef), auditCommitments(db, byRef, warnings), auditPublications(db, byRef), auditRefs(db, events),
    { name: 'rows', checked: rows.checked, problems: [...rows.problems, ...orphanProblems(db)] },
  );
  const last = events[events.length - 1];
  return {
    ok: sections.every((x) => x.problems.length === 0),
    head: last ? { seq: last.seq, hash: last.hash } : null,
    sections,
    firstBrokenLink: chain.problems[0]?.seq ?? null,
    warnings,
  };
}

export function runAudit(ctx: Context, opts: { head?: boolean; expectHead?: string }): AuditResult {
  const { ui } = ctx;
  const db = openForAudit(ctx);
  let result: AuditResult;
  try {
    if (opts.head) {
      const events = readEvents(db);
      const last = events[events.length - 1];
      const head = last ? { seq: last.seq, hash: last.hash } : null;
      if (ui.json) ui.outJson({ head });
      else ui.out(head ? `${head.seq}:${head.hash}` : '0:-');
      return { ok: true, head, sections: [], firstBrokenLink: null, warnings: [] };
    }
    result = audit(db, opts.expectHead);
  } finally {
    db.close();
  }
  const zh = ui.lang === 'zh';
  const names: Record<string, string> = zh
    ? { chain: '日志链', head: '链头', schema: '数据库结构与触发器', imports: '导入与名录', draws: '抽取', commitments: '承诺抽取', publications: '公示', references: '日志引用', rows: '逐行核对' }
    : { chain: 'log chain', head: 'chain head', schema: 'schema and triggers', imports: 'imports and rosters', draws: 'draws', commitments: 'commitments', publications: 'publications', references: 'log references', rows: 'rows against the log' };
  if (ui.json) ui.outJson(result);
  else {
    for (const s of result.sections) {
      const mark = s.problems.length ? ui.c.red(zh ? '不通过' : 'FAIL') : ui.c.green(zh ? '通过' : 'ok');
      ui.out(`${mark}  ${names[s.name] ?? s.name}: ${zh ? `检查 ${s.checked} 项` : `${s.checked} checked`}${s.problems.length ? (zh ? `，${s.problems.length} 个问题` : `, ${s.problems.length} problems`) : ''}`);
      for (const p of s.problems.slice(0, 20)) ui.out(`    ${p}`);
      if (s.problems.length > 20) ui.out(`    … +${s.problems.length - 20}`);
    }
    for (const w of result.warnings) ui.out(`${ui.c.yellow(zh ? '注意' : 'note')}  ${w}`);
    if (result.warnings.some((w) => w.includes('INSPECT_NOW'))) ui.warn('W_CLOCK_OVERRIDDEN');
    if (result.firstBrokenLink !== null) ui.out(zh ? `第一个断开的环节：第 ${result.firstBrokenLink} 条` : `First broken link: entry ${result.firstBrokenLink}`);
    if (result.head) ui.out(zh ? `链头：${result.head.seq}:${result.head.hash}` : `Chain head: ${result.head.seq}:${result.head.hash}`);
    ui.out(result.ok ? (zh ? '审计通过：记录完整，未发现篡改。' : 'Audit passed: the record is complete and untampered.') : zh ? '审计未通过。' : 'Audit FAILED.');
  }
  if (!result.ok) throw new ExitError(Exit.data);
  return result;
}
