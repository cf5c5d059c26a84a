// inspect verify DRAW_ID | DIR: recompute every part of a draw (and, for a committed draw, of its
// commitment and revealed values) and report match or mismatch with the first difference.
import { dynamicKey } from '../../core/messages.js';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Exit, ExitError, InspectError } from '../../core/errors.js';
import { bundleBytesProblem } from '../../core/jsonSafety.js';
import { bundleFileChunks, readRegularFile, readRegularText, READ_LIMITS } from '../../io/safeRead.js';
import type { AssignPieces } from '../../core/assignText.js';
import { drawAssign } from '../../io/commitStore.js';
import type { Db } from '../../io/db.js';
import { commitmentTimestamp, pemCertificates } from '../../core/timestamp.js';
import { parseInstant } from '../../core/beacon.js';
import type { Commitment } from '../../core/commitment.js';
import type { DrawRecord } from '../../core/record.js';
import { sha256Hex } from '../../core/canonical.js';
import { seedHexFor } from '../../core/selection.js';
import {
  UNPROVABLE_WHY,
  unprovableFields,
  verifyBundle,
  verifyFramePart,
  type BundleInput,
  type Check,
} from '../../core/verify.js';
import { compareNotice, noticeFields } from '../../core/notice.js';
import { readNotice } from '../../io/noticeRead.js';
import type { VerifyOptions } from '../../cli/flags.js';
import { matchInWorker } from '../../io/matchWorker.js';
import { workerMinBytes } from '../../io/workerUrl.js';
import { readEvents } from '../../io/events.js';
import { drawProblems } from '../../io/audit.js';
import { displayWidth, padDisplay } from '../../core/text.js';
import type { Context } from '../../cli/context.js';
import { fieldLabel, fieldList } from '../../core/fieldNames.js';
import { REQUIRED_FILES, loadDrawOrFail, type LoadedDraw } from '../export/bundle.js';

export interface VerifyResult {
  drawId: string;
  source: string;
  ok: boolean;
  checks: Check[];
  superseded: string | null;
  seed: string;
  items: string[];
  year: number;
  window: { start: string; end: string };
  committed: boolean;
  /** Lottery values to compare by hand with the official announcement. */
  lotteries: string[];
  /** Record fields a bundle alone cannot prove: compare them with the published notice. */
  unprovable: string[];
  /** SHA-256 of record.json's exact bytes, printed by the task notice. */
  recordDigest: string;
  /** A committed draw's RFC 3161 token as checked (null: none; a committed draw then gets a warning). */
  timestamp: { ok: boolean; genTime: string | null; tsa: string | null; rootSha256: string | null } | null;
  /** The published notice compared (verify --notice FILE), or null. */
  notice: { file: string; ok: boolean; binds: 'record' | 'commitment' | 'nothing'; compared: string[] } | null;
  clockOverridden: boolean;
  /** From a practice database (record.json says practice: true): shown first, as a warning. */
  practice: boolean;
}

interface BundleFiles {
  /** frame.json's bytes: its digest is of the bytes, whatever they decode to. */
  frameText: Uint8Array;
  record: DrawRecord;
  /** SHA-256 of record.json's exact bytes: what the task notice prints. */
  recordDigest: string;
  /** inspectors.json a piece at a time, and where a second thread can read it too (null: it cannot). */
  assign: AssignPieces;
  assignSource: { file: string; size: number } | { bytes: Uint8Array; size: number } | null;
  commit?: { commitmentText: string; beaconsText: string };
  /** A committed draw's RFC 3161 token and the roots the bundle (or the database) gives for it. */
  timestamp?: { tokenBytes: Uint8Array; roots: Uint8Array[] };
}

function readBundle(dir: string): BundleFiles {
  // A bundle is whole or it is not a bundle: a partial one (a full disk, a copy cut short) fails by name.
  for (const f of REQUIRED_FILES)
    if (!existsSync(join(dir, f)))
      throw new InspectError(Exit.noInput, { key: 'E_FILE_MISSING', params: { file: join(dir, f) } });
  // Regular files under a size limit, no byte-order mark, no absurd nesting: refused, never a hang or crash.
  const needBytes = (f: string) => {
    const p = join(dir, f);
    const small = f === 'commitment.json' || f === 'beacons.json';
    const bytes = readRegularFile(p, small ? READ_LIMITS.bundleSmall : READ_LIMITS.bundleLarge);
    const problem = bundleBytesProblem(f, bytes);
    if (problem) throw new InspectError(Exit.data, problem);
    return bytes;
  };
  const need = (f: string) => needBytes(f).toString('utf8');
  let record: DrawRecord;
  const recordBytes = needBytes('record.json');
  try {
    record = JSON.parse(recordBytes.toString('utf8')) as DrawRecord;
  } catch (e) {
    if (e instanceof InspectError) throw e;
    throw new InspectError(Exit.data, {
      key: 'E_FILE_READ',
      params: { file: join(dir, 'record.json'), detail: (e as Error).message },
    });
  }
  // A committed draw is recognised by its record or by either commitment file: then both must be there.
  const committed =
    record.commitDigest !== undefined ||
    existsSync(join(dir, 'commitment.json')) ||
    existsSync(join(dir, 'beacons.json'));
  return {
    frameText: needBytes('frame.json'),
    record,
    recordDigest: sha256Hex(recordBytes),
    assign: bundleFileChunks(join(dir, 'inspectors.json')),
    assignSource: { file: join(dir, 'inspectors.json'), size: statSync(join(dir, 'inspectors.json')).size },
    ...(committed ? { commit: { commitmentText: need('commitment.json'), beaconsText: need('beacons.json') } } : {}),
    ...(committed && existsSync(join(dir, 'commitment.tsr'))
      ? {
          timestamp: {
            tokenBytes: readRegularFile(join(dir, 'commitment.tsr'), READ_LIMITS.bundleSmall),
            roots: existsSync(join(dir, 'tsa-roots.pem'))
              ? pemCertificates(readRegularText(join(dir, 'tsa-roots.pem'), READ_LIMITS.bundleSmall))
              : [],
          },
        }
      : {}),
  };
}

export async function verifyTarget(ctx: Context, target: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  // A database opened to read a draw's matching input a part at a time stays open until the checks end.
  const opened: Db[] = [];
  try {
    return await verifyIn(ctx, target, opts, opened);
  } finally {
    for (const db of opened) db.close();
  }
}

async function verifyIn(ctx: Context, target: string, opts: VerifyOptions, opened: Db[]): Promise<VerifyResult> {
  let files: BundleFiles;
  let source: string;
  let superseded: string | null = null;
  let tables: string[] | null = null;
  // Draw ids are letters, digits, - and _: anything else is a folder, and a missing one is said to be so.
  if (!existsSync(target) && /[./\\]/.test(target))
    throw new InspectError(Exit.noInput, { key: 'E_FOLDER_MISSING', params: { dir: target } });
  if (existsSync(target) && statSync(target).isDirectory()) {
    files = readBundle(target);
    source = target;
  } else {
    const d = loadDrawOrFail(ctx, target);
    const db = ctx.openDb({ readonly: true });
    opened.push(db);
    source = ctx.dbPath;
    superseded = d.superseded_by ?? null;
    tables = tableProblems(ctx, d);
    files = {
      frameText: d.frame,
      record: JSON.parse(d.record) as DrawRecord,
      recordDigest: sha256Hex(d.record),
      // Its own matching input (a plain draw, or one revealed before schema 9), or its commitment's parts.
      assign: drawAssign(db, d),
      assignSource: d.assign_input.length > 0 ? { bytes: d.assign_input, size: d.assign_input.length } : null,
      ...(d.commitment
        ? { commit: { commitmentText: d.commitment.commitment, beaconsText: d.commitment.beacons ?? '' } }
        : {}),
      ...(d.timestamp
        ? { timestamp: { tokenBytes: d.timestamp.token, roots: d.timestamp.rootsDer.map((r) => new Uint8Array(r)) } }
        : {}),
    };
  }
  const r = files.record;
  const lang = ctx.ui.lang;
  let ahead: Pick<BundleInput, 'framePart' | 'assigned' | 'assignScan'> = {};
  // A large matching (inspectors.json of a megabyte or more: some 25,000 selected objects) is computed
  // in a second thread while this one checks the frame and the selection; the teams' check then
  // compares its result with the record exactly as it would its own.
  if (files.assignSource && files.assignSource.size >= workerMinBytes() && Array.isArray(r.selected)) {
    const seedHex = seedHexFor(String(r.seed), sha256Hex(files.frameText));
    const selected = r.selected.map((x) => x.id);
    const { size: _, ...source } = files.assignSource;
    const matching = matchInWorker({ source, selected, seedHex });
    const framePart = verifyFramePart({ ...files, committed: files.commit !== undefined, lang });
    const got = await matching;
    ahead = {
      framePart,
      ...(got.assigned ? { assigned: got.assigned } : {}),
      ...(got.scan ? { assignScan: got.scan } : {}),
    };
  }
  const v = verifyBundle({ ...files, lang, ...ahead });
  // By id, the tables every export reads are checked against the record too.
  if (tables)
    v.checks.push({
      name: 'tables',
      ok: tables.length === 0,
      detail: tables[0] ?? fieldList(['draws', 'draw_selections', 'draw_assignments', 'draw_snapshots'], lang),
    });
  const committed = files.commit !== undefined;
  // The published notice, when given: its digests and figures against the bundle's.
  let notice: VerifyResult['notice'] = null;
  if (opts.notice) {
    const n = compareNotice(noticeFields(await readNotice(opts.notice)), {
      drawId: String(r.drawId),
      recordDigest: files.recordDigest,
      count: Array.isArray(r.selected) ? r.selected.length : 0,
      inputDigest: String(r.inputDigest),
      commitDigest: files.commit ? sha256Hex(files.commit.commitmentText) : null,
    });
    notice = { file: opts.notice, ok: n.ok, binds: n.binds, compared: n.compared };
    v.checks.push({
      name: 'notice',
      ok: n.ok,
      detail: n.ok
        ? ctx.ui.t('V_NOTICE_OK', { fields: n.compared.join(', ') })
        : n.problems.map((m) => ctx.ui.t(m)).join('; '),
    });
  }
  // The outside clock: a committed draw's token, checked against the bundle's roots or the auditor's own.
  let timestamp: VerifyResult['timestamp'] = null;
  if (files.commit && files.timestamp) {
    const roots = opts.trust ? pemCertificates(readRegularText(opts.trust, READ_LIMITS.policy)) : files.timestamp.roots;
    let sources: { publicAt: string }[] = [];
    try {
      sources = (JSON.parse(files.commit.commitmentText) as Commitment).sources ?? [];
    } catch {
      /* the commitment check reports it */
    }
    const t = await commitmentTimestamp({
      tokenBytes: files.timestamp.tokenBytes,
      roots,
      commitDigest: sha256Hex(files.commit.commitmentText),
      sourceTimes: sources.map((x) => ({ at: parseInstant(x.publicAt) ?? 0, text: x.publicAt })),
    });
    v.checks.push({ name: 'timestamp', ok: t.ok, detail: ctx.ui.t(t.detail) });
    timestamp = t.facts
      ? { ok: t.ok, genTime: t.facts.genTime, tsa: t.facts.tsa, rootSha256: t.facts.rootSha256 }
      : { ok: false, genTime: null, tsa: null, rootSha256: null };
  }
  const bound = notice?.ok === true && notice.binds === 'record';
  return {
    drawId: r.drawId,
    recordDigest: files.recordDigest,
    notice,
    timestamp,
    source,
    ok: v.checks.every((c) => c.ok),
    checks: v.checks,
    superseded,
    seed: r.seed,
    items: r.items,
    year: r.year,
    window: r.window,
    committed,
    lotteries: v.lotteries,
    clockOverridden: v.clockOverridden,
    practice: v.practice,
    unprovable: tables ? [] : unprovableFields(committed, bound),
  };
}

function tableProblems(ctx: Context, d: LoadedDraw): string[] {
  const { ui } = ctx;
  const db = ctx.openDb({ readonly: true });
  try {
    const byRef = new Map(
      readEvents(db)
        .filter((e) => e.ref)
        .map((e) => [e.ref, e]),
    );
    // The draw itself is recomputed by the checks above; here only its tables, columns and log entry.
    return drawProblems(db, d, byRef, ui.lang, false).map((m) => ui.t(m));
  } finally {
    db.close();
  }
}

export async function runVerify(ctx: Context, target: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const { ui } = ctx;
  const r = await verifyTarget(ctx, target, opts);
  const name = (check: string) => ui.t(dynamicKey(`T_CHECK_${check}`));
  if (ui.json) ui.outJson(r);
  else {
    if (r.practice) ui.out(ui.c.yellow(ui.c.bold(ui.t('V_PRACTICE'))));
    ui.out(ui.t('T_VERIFYING_DRAW', { drawId: r.drawId, source: r.source }));
    ui.out(
      ui.t('T_ITEMS_YEAR_WINDOW_TO', {
        items: r.items.join(','),
        year: r.year,
        start: r.window.start,
        end: r.window.end,
      }),
    );
    ui.out(ui.t('T_SEED_AS_GIVEN', { seed: JSON.stringify(r.seed) }));
    if (r.superseded) ui.out(ui.t('T_THIS_DRAW_WAS_SUPERSEDED', { superseded: r.superseded }));
    const width = Math.max(...r.checks.map((c) => displayWidth(name(c.name))));
    for (const c of r.checks) {
      const mark = c.ok ? ui.c.green(ui.t('T_MATCH')) : ui.c.red(ui.t('T_MISMATCH'));
      ui.out(`  ${mark} ${padDisplay(name(c.name), width)}  ${c.detail}`);
    }
    ui.out(ui.t('T_RECORD_DIGEST', { digest: r.recordDigest }));
    if (r.unprovable.length) {
      ui.out(ui.t('T_NOT_PROVABLE_FROM_THE', { fields: fieldList(r.unprovable, ui.lang) }));
      for (const f of r.unprovable)
        ui.out(ui.t('T_UNPROVABLE_WHY', { field: fieldLabel(f, ui.lang), why: { key: UNPROVABLE_WHY[f]! } }));
    }
    if (r.lotteries.length) {
      ui.out(ui.t('T_COMPARE_THESE_NUMBERS_WITH'));
      for (const l of r.lotteries) ui.out(`  ${l}`);
    }
    ui.out(r.ok ? ui.t('T_ALL_PARTS_MATCH') : ui.t('T_VERIFICATION_FAILED'));
  }
  if (r.clockOverridden) ui.warn('W_CLOCK_OVERRIDDEN');
  if (r.committed && r.timestamp === null) ui.warn('W_NO_TIMESTAMP');
  if (!r.ok) throw new ExitError(Exit.data);
  return r;
}
