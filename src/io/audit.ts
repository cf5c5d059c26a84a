// The audit over an open database: the hash chain, every draw recomputed from its stored frame and seed,
// every commitment and reveal, and every stored fact against the log entry that recorded it. Read-only.
import { checkChain, type StoredEvent } from '../core/chain.js';
import { sha256Hex } from '../core/canonical.js';

import { parseSnapshot, stratumOf } from '../core/frame.js';
import type { FrameDoc } from '../core/drawTypes.js';
import type { Lang, Msg } from '../core/messages.js';
import type { DrawRecord } from '../core/record.js';
import { ROSTER_KINDS, type RosterKind } from '../core/rosters.js';
import { firstDifference, verifyDraw } from '../core/verify.js';
import { verifyCommitment, type Commitment } from '../core/commitment.js';
import type { Db } from './db.js';
import { getDraw, readSnapshot, type DrawRow } from './drawStore.js';
import { CLOCK_MARK, readEvents, summaryMessage } from './events.js';
import {
  commitmentSnapshot,
  drawAssign,
  frozenAssign,
  getCommitment,
  listCommitments,
  type CommitmentRow,
} from './commitStore.js';
import { piecesDigest } from '../core/assignText.js';
import { resultRowsDigest } from './resultsStore.js';
import { rosterDigests } from './rosterDigest.js';
import { orphanProblems, rowProblems, schemaProblems } from './auditChecks.js';
import { rowsDigest } from './rowDigests.js';
import { auditBinding } from './auditBinding.js';

export interface AuditSection {
  name: string;
  checked: number;
  problems: Msg[];
}
export interface AuditResult {
  ok: boolean;
  head: { seq: number; hash: string } | null;
  sections: AuditSection[];
  firstBrokenLink: number | null;
  /** Not failures: facts an auditor should know (a commitment made under INSPECT_NOW). */
  warnings: Msg[];
}

function auditDraws(db: Db, byRef: Map<string, StoredEvent>, lang: Lang): AuditSection {
  const s: AuditSection = { name: 'draws', checked: 0, problems: [] };
  for (const d of db.prepare('SELECT * FROM draws ORDER BY created_at, id').all() as DrawRow[]) {
    s.checked++;
    s.problems.push(
      ...unbroken(() => drawProblems(db, d, byRef, lang)).map((m): Msg => ({
        key: 'A_ABOUT',
        params: { draw_id: String(d.id), value: m },
      })),
    );
  }
  return s;
}

/**
 * A row's checks that cannot be stopped by the row itself: a cell of the wrong kind (text where JSON, a
 * number or a blob belongs, written with the sqlite3 shell) is one problem, and the audit goes on.
 */
function unbroken(check: () => Msg[]): Msg[] {
  try {
    return check();
  } catch (e) {
    return [{ key: 'A_UNREADABLE_ROW', params: { detail: (e as Error).message } }];
  }
}

/** A cell that must hold JSON, parsed; a malformed one is reported by name. */
function jsonCell(value: unknown, col: string, p: (m: Msg) => void): unknown {
  try {
    return JSON.parse(String(value));
  } catch {
    p({ key: 'A_CELL_NOT_JSON', params: { col, value: String(value).slice(0, 80) } });
    return undefined;
  }
}

/** A cell that must hold a blob, as bytes (text written in its place compares as its UTF-8 bytes). */
const blob = (v: unknown): Buffer => (Buffer.isBuffer(v) ? v : Buffer.from(String(v ?? ''), 'utf8'));

/**
 * One draw: its record against its log entry, recomputed from its frame, seed and matching input, and
 * every table an export reads (the draw's columns, selections, teams, snapshot) against the record.
 */
/**
 * One draw's stored rows against its record and log entry, and (unless `recompute` is false: `verify ID`
 * recomputes the draw itself, with the same checks) the draw recomputed from its frame and matching input.
 */
export function drawProblems(db: Db, d: DrawRow, byRef: Map<string, StoredEvent>, lang: Lang, recompute = true): Msg[] {
  const problems: Msg[] = [];
  const sel = db.prepare(
    'SELECT object_id AS id, stratum, rank, ticket FROM draw_selections WHERE draw_id = ? ORDER BY position',
  );
  const asg = db.prepare(
    'SELECT object_id, inspector_id FROM draw_assignments WHERE draw_id = ? ORDER BY object_id, seat',
  );
  const p = (m: Msg) => problems.push(m);
  const recSha = sha256Hex(d.record);
  if (recSha !== d.record_sha256) p({ key: 'A_RECORD_HASH', params: { recSha, record_sha256: d.record_sha256 } });
  const ev = byRef.get(`draws:${d.id}`);
  if (!ev) p({ key: 'A_DRAW_UNLOGGED' });
  else if (ev.payloadSha256 !== recSha)
    p({ key: 'A_DRAW_LOG_HASH', params: { seq: ev.seq, payloadSha256: ev.payloadSha256, recSha } });
  let rec: DrawRecord;
  try {
    rec = JSON.parse(d.record) as DrawRecord;
  } catch {
    p({ key: 'A_RECORD_NOT_JSON' });
    return problems;
  }
  if (d.seed !== rec.seed) p({ key: 'A_SEED_COLUMN', params: { seed: d.seed, seed2: rec.seed } });
  // The columns exports and results read (status, window, items) must say what the record says.
  const columns: [string, unknown, unknown][] = [
    ['year', d.year, rec.year],
    ['departments', jsonCell(d.departments, 'departments', p), rec.departments],
    ['items', jsonCell(d.items, 'items', p), rec.items],
    ['window_start', d.window_start, rec.window.start],
    ['window_end', d.window_end, rec.window.end],
    ['supersedes', d.supersedes, rec.supersedes],
    ['reason', d.reason, rec.reason],
    ['lead_department', d.lead_department, rec.departments[0]],
  ];
  for (const [col, stored, recorded] of columns) {
    if (JSON.stringify(stored) !== JSON.stringify(recorded))
      p({ key: 'A_DRAW_COLUMN', params: { col, value: JSON.stringify(stored), value2: JSON.stringify(recorded) } });
  }
  if (ev && (ev.at !== d.created_at || ev.operator !== d.operator))
    p({
      key: 'A_DRAW_WHEN_WHO',
      params: { created_at: d.created_at, operator: d.operator, seq: ev.seq, at: ev.at, operator2: ev.operator },
    });
  if (ev?.rowsSha256 && rowsDigest(db, `draws:${d.id}`) !== ev.rowsSha256)
    p({ key: 'A_DRAW_ROWS', params: { seq: ev.seq } });
  if (d.input_digest !== rec.inputDigest || d.seed_hex !== rec.seedHex) p({ key: 'A_DRAW_DIGEST_COLUMNS' });
  const committed = rec.commitDigest !== undefined;
  const recomputed = recompute
    ? verifyDraw({ frameText: d.frame, record: rec, assign: drawAssign(db, d), committed, lang })
    : [];
  for (const c of recomputed) if (!c.ok) p({ key: 'A_RECOMPUTED', params: { name: c.name, detail: c.detail } });
  const selDiff = firstDifference(rec.selected, sel.all(d.id), 'draw_selections');
  if (selDiff) p({ key: 'A_SELECTION_TABLE', params: { selDiff } });
  const teams = new Map<string, string[]>();
  for (const r of asg.all(d.id) as { object_id: string; inspector_id: string }[])
    teams.set(r.object_id, [...(teams.get(r.object_id) ?? []), r.inspector_id]);
  const asgDiff = firstDifference(
    [...rec.assignments].sort((a, b) => (a.id < b.id ? -1 : 1)),
    [...teams].map(([id, inspectors]) => ({ id, inspectors })),
    'draw_assignments',
  );
  if (asgDiff) p({ key: 'A_TEAM_TABLE', params: { asgDiff } });
  const snap = readSnapshot(db, d.id);
  if (snap === null) p({ key: 'A_SNAPSHOT_MISSING' });
  else {
    const sh = sha256Hex(snap);
    if (sh !== rec.rosterDigest) p({ key: 'A_SNAPSHOT_HASH', params: { sh, rosterDigest: rec.rosterDigest } });
    else {
      try {
        const rows = new Map(parseSnapshot(snap.toString('utf8')).map((o) => [o.id, o]));
        const frame = JSON.parse(d.frame.toString('utf8')) as FrameDoc;
        const bad = frame.frame.find(([id, st]) => !rows.has(id) || stratumOf(rows.get(id)!) !== st);
        if (bad) p({ key: 'A_FRAME_ROW', params: { value: bad[0], value2: bad[1] } });
      } catch (e) {
        p({ key: 'A_FRAME_UNREADABLE', params: { value: (e as Error).message } });
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
function auditCommitments(db: Db, byRef: Map<string, StoredEvent>, warnings: Msg[], lang: Lang): AuditSection {
  const s: AuditSection = { name: 'commitments', checked: 0, problems: [] };
  const drawsWithCommit = new Set<string>();
  // One commitment's frozen inputs in memory at a time.
  for (const { draw_id: id } of listCommitments(db)) {
    const c = getCommitment(db, id);
    if (!c) continue;
    s.checked++;
    const p = (m: Msg) => s.problems.push({ key: 'A_ABOUT', params: { draw_id: String(c.draw_id), value: m } });
    for (const m of unbroken(() => {
      commitmentProblems(db, c, byRef, warnings, lang, p, drawsWithCommit);
      return [];
    }))
      p(m);
  }
  // A record that names a commitment must have one.
  for (const d of db.prepare('SELECT id, record FROM draws').all() as { id: string; record: string }[]) {
    if (drawsWithCommit.has(d.id)) continue;
    try {
      if ((JSON.parse(d.record) as DrawRecord).commitDigest !== undefined)
        s.problems.push({ key: 'A_RECORD_NAMES_COMMIT', params: { id: d.id } });
    } catch {
      /* reported by the draws section */
    }
  }
  return s;
}

/** One commitment against its log entry and frozen inputs, and its reveal against it. */
function commitmentProblems(
  db: Db,
  c: CommitmentRow,
  byRef: Map<string, StoredEvent>,
  warnings: Msg[],
  lang: Lang,
  p: (m: Msg) => void,
  drawsWithCommit: Set<string>,
): void {
  {
    const digest = sha256Hex(c.commitment);
    if (digest !== c.commit_digest) p({ key: 'A_COMMIT_HASH', params: { digest, commit_digest: c.commit_digest } });
    const ev = byRef.get(`commitments:${c.draw_id}`);
    if (!ev) p({ key: 'A_COMMIT_UNLOGGED' });
    else {
      if (ev.payloadSha256 !== digest)
        p({ key: 'A_COMMIT_LOG_HASH', params: { seq: ev.seq, payloadSha256: ev.payloadSha256, digest } });
      if (ev.summary.endsWith(CLOCK_MARK) !== (c.clock_overridden === 1))
        p({ key: 'A_COMMIT_CLOCK_FLAG', params: { clock_overridden: c.clock_overridden, seq: ev.seq } });
    }
    if (c.clock_overridden === 1) warnings.push({ key: 'A_COMMIT_UNDER_INSPECT_NOW', params: { draw_id: c.draw_id } });
    let commitment: Commitment;
    try {
      commitment = JSON.parse(c.commitment) as Commitment;
    } catch {
      p({ key: 'A_COMMIT_NOT_JSON' });
      return;
    }
    const fd = sha256Hex(c.frame);
    const ad = piecesDigest(frozenAssign(db, c)());
    if (fd !== commitment.inputDigest)
      p({ key: 'A_FROZEN_FRAME', params: { fd, inputDigest: commitment.inputDigest } });
    if (ad !== commitment.assignDigest)
      p({ key: 'A_FROZEN_ASSIGN', params: { ad, assignDigest: commitment.assignDigest } });
    if (commitment.drawId !== c.draw_id || commitment.year !== c.year) p({ key: 'A_COMMIT_ID_YEAR' });
    if (commitment.committedAt !== c.created_at)
      p({ key: 'A_COMMIT_TIME', params: { created_at: c.created_at, committedAt: commitment.committedAt } });
    const snap = commitmentSnapshot(c);
    if (snap === null || sha256Hex(snap) !== c.roster_digest) p({ key: 'A_COMMIT_SNAPSHOT' });
    const d = getDraw(db, c.draw_id);
    if (!c.beacons) {
      if (d) p({ key: 'A_COMMIT_DRAW_WITHOUT_REVEAL' });
      return;
    }
    if (!d) {
      p({ key: 'A_COMMIT_REVEAL_WITHOUT_DRAW' });
      return;
    }
    drawsWithCommit.add(d.id);
    if (!blob(d.frame).equals(blob(c.frame))) p({ key: 'A_COMMIT_FRAME_CHANGED' });
    // A draw revealed from schema 9 on stores no copy (its matching input is the frozen one); an earlier
    // one stored a copy, which must be the frozen bytes.
    const drawAd = piecesDigest(drawAssign(db, d)());
    if (drawAd !== ad) p({ key: 'A_COMMIT_ASSIGN_CHANGED' });
    const record = jsonCell(d.record, 'record', p) as DrawRecord | undefined;
    if (!record) return;
    if (record.rosterDigest !== c.roster_digest) p({ key: 'A_COMMIT_ROSTER_CHANGED' });
    const v = verifyCommitment({
      commitmentText: c.commitment,
      beaconsText: c.beacons,
      frameText: d.frame,
      assignDigest: drawAd,
      record,
      lang,
    });
    for (const x of v.checks) if (!x.ok) p({ key: 'A_RECOMPUTED', params: { name: x.name, detail: x.detail } });
  }
}

function auditImports(db: Db, byRef: Map<string, StoredEvent>): AuditSection {
  const s: AuditSection = { name: 'imports', checked: 0, problems: [] };
  const rows = db.prepare('SELECT * FROM imports ORDER BY id').all() as {
    id: number;
    kind: string;
    file_name: string;
    file_sha256: string;
    roster_sha256: string;
    table_sha256?: string;
  }[];
  const latest = new Map<string, { id: number; roster_sha256: string; table_sha256?: string }>();
  for (const r of rows) {
    s.checked++;
    const ev = byRef.get(`imports:${r.id}`);
    if (!ev) {
      s.problems.push({ key: 'A_IMPORT_UNLOGGED', params: { id: r.id, file_name: r.file_name } });
      continue;
    }
    if (r.kind === 'results') {
      const d = resultRowsDigest(db, r.id);
      if (d !== ev.payloadSha256)
        s.problems.push({
          key: 'A_RESULTS_ROWS',
          params: { id: r.id, file_name: r.file_name, value: d, seq: ev.seq, payloadSha256: ev.payloadSha256 },
        });
    } else {
      if (r.file_sha256 !== ev.payloadSha256)
        s.problems.push({
          key: 'A_IMPORT_FILE_HASH',
          params: {
            id: r.id,
            file_name: r.file_name,
            file_sha256: r.file_sha256,
            seq: ev.seq,
            payloadSha256: ev.payloadSha256,
          },
        });
      if (!ev.summary.includes(r.roster_sha256))
        s.problems.push({ key: 'A_IMPORT_ROSTER_HASH', params: { id: r.id, file_name: r.file_name, seq: ev.seq } });
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
      if (n > 0) s.problems.push({ key: 'A_ROSTER_UNIMPORTED', params: { kind, n } });
    } else if (now !== l.roster_sha256) {
      s.problems.push({ key: 'A_ROSTER_CHANGED', params: { kind, now, id: l.id, roster_sha256: l.roster_sha256 } });
    } else if (l.table_sha256 && both.table !== l.table_sha256) {
      s.problems.push({ key: 'A_ROSTER_BOOKKEEPING', params: { kind, id: l.id } });
    }
  }
  return s;
}

function auditPublications(db: Db, byRef: Map<string, StoredEvent>): AuditSection {
  const s: AuditSection = { name: 'publications', checked: 0, problems: [] };
  for (const r of db.prepare('SELECT id, draw_id, kind, file_sha256 FROM publications ORDER BY id').all() as {
    id: number;
    draw_id: string;
    kind: string;
    file_sha256: string;
  }[]) {
    s.checked++;
    const ev = byRef.get(`publications:${r.id}`);
    if (!ev) s.problems.push({ key: 'A_PUBLICATION_UNLOGGED', params: { id: r.id, kind: r.kind, draw_id: r.draw_id } });
    else if (ev.payloadSha256 !== r.file_sha256)
      s.problems.push({
        key: 'A_PUBLICATION_HASH',
        params: { id: r.id, file_sha256: r.file_sha256, seq: ev.seq, payloadSha256: ev.payloadSha256 },
      });
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
    if (!check(id)) s.problems.push({ key: 'A_REF_GONE', params: { seq: e.seq, action: e.action, ref: e.ref } });
  }
  return s;
}

/** Everything `inspect audit` checks; problems are messages (rendered by the caller, coded in JSON). */
export function audit(db: Db, expectHead: { seq: number; hash: string } | undefined, lang: Lang): AuditResult {
  const events = readEvents(db);
  const chain = checkChain(events);
  const chainProblems = chain.problems.map((p): Msg => ({ key: 'A_ENTRY', params: { seq: p.seq, detail: p.detail } }));
  // An entry's two summaries (English text and message) must agree, or `log` would show another story.
  for (const e of events) {
    if (e.summaryMsg && !summaryMessage(e))
      chainProblems.push({ key: 'A_ENTRY', params: { seq: e.seq, detail: { key: 'A_SUMMARY_DIFFERS' } } });
  }
  const sections: AuditSection[] = [{ name: 'chain', checked: chain.checked, problems: chainProblems }];
  if (expectHead !== undefined) {
    const e = events.find((x) => x.seq === expectHead.seq);
    const s: AuditSection = { name: 'head', checked: 1, problems: [] };
    if (!e) s.problems.push({ key: 'A_HEAD_MISSING', params: { value: expectHead.seq } });
    else if (e.hash !== expectHead.hash)
      s.problems.push({
        key: 'A_HEAD_REWRITTEN',
        params: { value: expectHead.seq, hash: e.hash, value2: expectHead.hash },
      });
    sections.push(s);
  }
  const byRef = new Map<string, StoredEvent>();
  for (const e of events) if (e.ref) byRef.set(e.ref, e);
  const warnings: Msg[] = [];
  const rows = rowProblems(db, events);
  if (rows.legacy) warnings.push({ key: 'A_LEGACY_ENTRIES', params: { legacy: rows.legacy } });
  sections.push(
    { name: 'schema', checked: 1, problems: schemaProblems(db) },
    auditImports(db, byRef),
    auditDraws(db, byRef, lang),
    auditCommitments(db, byRef, warnings, lang),
    auditPublications(db, byRef),
    auditRefs(db, events),
    auditBinding(db, events, byRef, warnings),
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
