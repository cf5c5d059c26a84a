// Recomputes every part of a draw from its frame text, record and matching input, and reports each
// part as match or mismatch with the first difference. Used by `inspect verify` and `inspect audit`.
import { allocate } from './allocation.js';
import { sha256Hex } from './canonical.js';
import type { Frame, FrameDoc } from './drawTypes.js';
import { frameShapeProblems, rowsShapeProblems } from './frame.js';
import { parseCanonicalFrame, sameBytes } from './frameParse.js';
import { canonicalFrameBytes, frameFromDoc } from './frameRows.js';
import { assign, forSelection, type AssignInput, type MatchResult, type ObjectRow } from './matching.js';
import {
  idsDigest,
  scanAssign,
  textOfPieces,
  type AssignHead,
  type AssignPieces,
  type AssignScan,
} from './assignText.js';
import { verifyCommitment } from './commitment.js';
import { ASSIGN_SHAPE, FRAME_POLICY_SHAPE, keyProblem, RECORD_SHAPE } from './bundleKeys.js';
import { frameRuleProblems } from './frameRules.js';
import { render, type Lang, type Msg, type MessageKey } from './messages.js';
import { fieldLabel, fieldList } from './fieldNames.js';
import type { DrawRecord } from './record.js';
import { seedHexFor, select, tickets } from './selection.js';

export type CheckName =
  | 'frame'
  | 'digest'
  | 'seed'
  | 'allocation'
  | 'selection'
  | 'assignments'
  | 'record'
  | 'tables'
  | 'commitment'
  | 'sourceTimes'
  | 'beacons'
  | 'key'
  | 'notice'
  | 'timestamp';

/** Record fields the three files cannot prove (the published notice or the database can). */
export const UNPROVABLE_PLAIN = ['items', 'window.start', 'supersedes', 'reason', 'rosterDigest', 'software'];

/**
 * What a bundle alone cannot prove: a committed draw's commitment proves its items and window too, and a
 * notice whose recordDigest matches proves every field (the digest is of record.json's exact bytes).
 */
export function unprovableFields(committed: boolean, boundByNotice = false): string[] {
  if (boundByNotice) return [];
  return committed ? UNPROVABLE_PLAIN.filter((f) => f !== 'items' && f !== 'window.start') : UNPROVABLE_PLAIN;
}

/** Why each field a bundle alone cannot prove cannot change the selection, or how to prove it. */
export const UNPROVABLE_WHY: Record<string, MessageKey> = {
  items: 'U_BY_NOTICE',
  'window.start': 'U_BY_NOTICE',
  supersedes: 'U_NO_SELECTION',
  reason: 'U_NO_SELECTION',
  rosterDigest: 'U_SNAPSHOT',
  software: 'U_SOFTWARE',
};
export interface Check {
  name: CheckName;
  ok: boolean;
  detail: string;
}

/** The first place two JSON values differ, as a path with both values (in the reader's language). */
export function firstDifference(expected: unknown, found: unknown, path = '', lang: Lang = 'en'): string | null {
  if (Object.is(expected, found)) return null;
  const say = (p: string, key: MessageKey, params: Msg['params'] = {}) =>
    render({ key, params: { at: fieldLabel(p, lang), ...params } }, lang);
  if (typeof expected !== typeof found || expected === null || found === null || typeof expected !== 'object')
    return say(path || '(value)', 'V_DIFF_VALUE', { expected: JSON.stringify(expected), found: JSON.stringify(found) });
  if (Array.isArray(expected) !== Array.isArray(found))
    return say(path, Array.isArray(expected) ? 'V_DIFF_WANT_ARRAY' : 'V_DIFF_WANT_OBJECT');
  if (Array.isArray(expected) && Array.isArray(found)) {
    for (let i = 0; i < Math.max(expected.length, found.length); i++) {
      if (i >= found.length) return say(`${path}[${i}]`, 'V_DIFF_MISSING', { expected: JSON.stringify(expected[i]) });
      if (i >= expected.length) return say(`${path}[${i}]`, 'V_DIFF_EXTRA', { found: JSON.stringify(found[i]) });
      const d = firstDifference(expected[i], found[i], `${path}[${i}]`, lang);
      if (d) return d;
    }
    return null;
  }
  const e = expected as Record<string, unknown>;
  const f = found as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(e), ...Object.keys(f)])].sort()) {
    const d = firstDifference(e[k], f[k], path ? `${path}.${k}` : k, lang);
    if (d) return d;
  }
  return null;
}

export interface VerifyInput {
  /** frame.json, as bytes (what its digest is of) or as text. */
  frameText: string | Uint8Array;
  record: DrawRecord;
  /** inspectors.json a piece at a time, when the bundle has it. */
  assign?: AssignPieces;
  /** A scan of it made beforehand (the CLI's second thread): used when it read the text as canonical. */
  assignScan?: AssignScan;
  /** A committed draw: its inspectors.json lists every frame object, not only the selected ones. */
  committed?: boolean;
  /** The language of the details (the checks themselves do not depend on it). */
  lang?: Lang;
}

/** The frame's checks (frame, digest, seed, allocation, selection) and what the teams' checks need of them. */
export interface FramePart {
  checks: Check[];
  frame: Frame | null;
  head: Pick<FrameDoc, 'algorithm' | 'year' | 'drawId'>;
  seedHex: string;
  /** The frame could not be read at all: no further check is made. */
  final?: boolean;
}

/**
 * The matching of this draw computed elsewhere (the CLI computes it in a second thread while this one
 * checks the frame): used only when it is for exactly this seedHex and these selected ids, which the
 * teams' check itself recomputes and compares; otherwise the matching is computed here.
 */
export interface Assigned {
  seedHex: string;
  selected: readonly string[];
  result: MatchResult;
}

export function verifyDraw(v: VerifyInput & { framePart?: FramePart; assigned?: Assigned }): Check[] {
  const part = v.framePart ?? verifyFramePart(v);
  return part.final ? part.checks : [...part.checks, ...verifyTeams(v, part, v.assigned)];
}

export function verifyFramePart(v: VerifyInput): FramePart {
  const t = (key: MessageKey, params: Msg['params'] = {}) => render({ key, params }, v.lang ?? 'en');
  const checks: Check[] = [];
  const r = v.record;
  const bytes = typeof v.frameText === 'string' ? new TextEncoder().encode(v.frameText) : v.frameText;
  // A canonical frame is read as bytes, straight into columns; anything else through JSON.parse, for
  // the detail of what is wrong with it.
  let frame: Frame | null = parseCanonicalFrame(bytes);
  let shape: string[];
  let excludedCount: number;
  let head: Pick<FrameDoc, 'algorithm' | 'year' | 'drawId'>;
  if (frame) {
    shape = rowsShapeProblems(frame);
    excludedCount = frame.excluded.length;
    head = frame;
  } else {
    let doc: FrameDoc;
    try {
      doc = JSON.parse(typeof v.frameText === 'string' ? v.frameText : new TextDecoder().decode(bytes)) as FrameDoc;
    } catch (e) {
      const detail = t('V_NOT_JSON', { file: 'frame.json', detail: (e as Error).message });
      // Nothing else can be checked against a frame that is not even JSON.
      return {
        checks: [{ name: 'frame', ok: false, detail }],
        frame: null,
        head: {} as FramePart['head'],
        seedHex: '',
        final: true,
      };
    }
    shape = frameShapeProblems(doc);
    // The rows as columns, then the canonical bytes written from them: frame.json must be exactly those.
    try {
      frame = frameFromDoc(doc);
      if (!sameBytes(canonicalFrameBytes(frame), bytes)) shape.push(t('V_NOT_CANONICAL', { file: 'frame.json' }));
    } catch (e) {
      shape.push((e as Error).message);
    }
    excludedCount = Array.isArray(doc.excluded) ? doc.excluded.length : 0;
    head = doc;
  }
  if (head.drawId !== r.drawId) shape.push(t('V_DRAW_ID', { frame: String(head.drawId), record: String(r.drawId) }));
  // What the frame means: counts, orders, codes, ranges (docs/algorithm.md §1, §4), each rule named.
  if (frame) {
    const policyKeys = keyProblem(frame.policy, FRAME_POLICY_SHAPE, 'frame.json policy', v.lang);
    if (policyKeys) shape.push(policyKeys);
    shape.push(...frameRuleProblems(frame, r.allocation).map((m) => render(m, v.lang ?? 'en')));
  }
  checks.push({
    name: 'frame',
    ok: shape.length === 0,
    detail: shape[0] ?? t('V_FRAME_OK', { rows: frame?.frame.ids.length ?? 0, excluded: excludedCount }),
  });

  const digest = sha256Hex(bytes);
  checks.push({
    name: 'digest',
    ok: digest === r.inputDigest,
    detail:
      digest === r.inputDigest
        ? digest
        : t('V_DIGEST_DIFFERS', { what: 'sha256(frame.json)', computed: digest, recorded: String(r.inputDigest) }),
  });

  const seedHex = seedHexFor(r.seed, digest);
  checks.push({
    name: 'seed',
    ok: seedHex === r.seedHex,
    detail:
      seedHex === r.seedHex
        ? seedHex
        : t('V_DIGEST_DIFFERS', { what: 'seedHex', computed: seedHex, recorded: String(r.seedHex) }),
  });

  try {
    if (!frame) throw new Error(shape[0]);
    const a = allocate(frame);
    const d = firstDifference(a, r.allocation, 'allocation', v.lang);
    const allocationOk = d === null;
    checks.push({
      name: 'allocation',
      ok: allocationOk,
      detail: d ?? t('V_ALLOCATION_OK', { n: Object.values(a.n).reduce((s, x) => s + x, 0) }),
    });
    const sel = select(frame.frame, tickets(frame.frame, seedHex), a);
    const ds = firstDifference(sel, r.selected, 'selected', v.lang);
    checks.push({ name: 'selection', ok: ds === null, detail: ds ?? t('V_SELECTED_OK', { n: sel.length }) });
  } catch (e) {
    checks.push({ name: 'allocation', ok: false, detail: (e as Error).message });
  }
  return { checks, frame, head, seedHex };
}

function verifyTeams(v: VerifyInput, { frame, head, seedHex }: FramePart, assigned?: Assigned): Check[] {
  const t = (key: MessageKey, params: Msg['params'] = {}) => render({ key, params }, v.lang ?? 'en');
  const checks: Check[] = [];
  const r = v.record;
  if (v.assign === undefined) return checks;
  const problems: string[] = [];
  const selIds = Array.isArray(r.selected) ? r.selected.map((s) => s?.id) : [];
  const view = assignView(v.assign, selIds, v.assignScan);
  if (view.digest !== r.assignDigest)
    problems.push(
      t('V_DIGEST_DIFFERS', {
        what: 'sha256(inspectors.json)',
        computed: view.digest,
        recorded: String(r.assignDigest),
      }),
    );
  let input: AssignHead | null = view.head;
  if ('error' in view) problems.push(t('V_NOT_JSON', { file: 'inspectors.json', detail: view.error }));
  const keys = input === null ? null : keyProblem(view.shape, ASSIGN_SHAPE, 'inspectors.json', v.lang);
  if (keys) {
    problems.push(keys);
    input = null;
  }
  if (input) {
    // A committed draw's inspectors.json lists every frame object; a plain draw's, the selected ones.
    const dObj = view.idsDiffer(v.committed ? (frame?.frame.ids ?? []) : selIds, v.lang);
    if (dObj) problems.push(dObj);
    const forSel = view.rows(selIds);
    if (!forSel.ok) problems.push(t('V_NO_MATCH_ROW', { id: forSel.missing }));
    else {
      const given = assigned && assigned.seedHex === seedHex && firstDifference(assigned.selected, selIds) === null;
      const m = given ? assigned.result : assign({ ...input, objects: forSel.objects }, seedHex);
      if (!m.ok) problems.push(t('V_MATCH_FAILS', { ids: m.failures.map((f) => f.id).join(', ') }));
      const d = firstDifference(m.assignments, r.assignments, 'assignments', v.lang);
      if (d) problems.push(d);
    }
  }
  checks.push({
    name: 'assignments',
    ok: problems.length === 0,
    detail: problems[0] ?? t('V_TEAMS_OK', { n: r.assignments.length }),
  });
  if (input) checks.push(recordCheck(r, head, input, v.lang ?? 'en'));
  return checks;
}

/** inspectors.json as the teams' check reads it: from a scan of its pieces, or parsed whole. */
interface AssignView {
  digest: string;
  /** The header (null: not a matching input at all). */
  head: AssignHead | null;
  /** What the key check looks at. */
  shape: unknown;
  /** The first difference between its object ids and `expected`, or null. */
  idsDiffer(expected: Iterable<string> & { length: number }, lang?: Lang): string | null;
  rows(ids: string[]): { ok: true; objects: ObjectRow[] } | { ok: false; missing: string };
}

/**
 * The scan's view when the text is canonical (the only kind the tool writes: read a piece at a time,
 * keeping only the selected rows); otherwise the whole text parsed, so what is wrong is said in full.
 */
function assignView(
  pieces: AssignPieces,
  selIds: string[],
  given?: AssignScan,
): AssignView | (AssignView & { error: string }) {
  const scan = given ?? scanAssign(pieces(), new Set(selIds));
  if (scan.ok && scan.head) {
    const head = scan.head;
    return {
      digest: scan.digest,
      head,
      shape: { ...head, objects: [] },
      idsDiffer(expected, lang) {
        if (expected.length === scan.count && idsDigest(expected) === scan.idsDigest) return null;
        // They differ: both lists are made whole, once, to say where.
        const found: string[] = [];
        scanAssign(pieces(), new Set(), (row) => found.push(row[0]));
        return firstDifference([...expected], found, 'inspectors.json objects', lang);
      },
      rows(ids) {
        const objects: ObjectRow[] = [];
        for (const id of ids) {
          const o = scan.rows.get(id);
          if (!o) return { ok: false, missing: id };
          objects.push(o);
        }
        return { ok: true, objects };
      },
    };
  }
  const text = textOfPieces(pieces());
  let input: AssignInput | null = null;
  let error: string | null = null;
  try {
    input = JSON.parse(text) as AssignInput;
  } catch (e) {
    error = (e as Error).message;
  }
  const full: AssignView = {
    digest: scan.digest,
    head: input,
    shape: input,
    idsDiffer: (expected, lang) =>
      firstDifference(
        [...expected],
        input!.objects.map((o) => o[0]),
        'inspectors.json objects',
        lang,
      ),
    rows(ids) {
      const f = forSelection(input!, ids);
      return f.ok ? { ok: true, objects: f.input.objects } : f;
    },
  };
  return error === null ? full : { ...full, error };
}

/** The record's own fields against what frame.json and inspectors.json say. */
function recordCheck(r: DrawRecord, frame: Pick<FrameDoc, 'algorithm' | 'year'>, input: AssignHead, lang: Lang): Check {
  const keys = keyProblem(r, RECORD_SHAPE, 'record.json', lang);
  if (keys) return { name: 'record', ok: false, detail: keys };
  const fields: [string, unknown, unknown][] = [
    ['algorithm', frame.algorithm, r.algorithm],
    ['year', frame.year, r.year],
    ['drawId', input.drawId, r.drawId],
    ['assignAlgorithm', input.algorithm, r.assignAlgorithm],
    ['departments', input.departments, r.departments],
    ['window.end', input.windowEnd, r.window?.end],
  ];
  const bad = fields
    .map(([name, expected, found]) =>
      JSON.stringify(expected) === JSON.stringify(found) ? null : firstDifference(expected, found, name, lang),
    )
    .find(Boolean);
  if (bad) return { name: 'record', ok: false, detail: `record.json ${bad}` };
  const ordered = typeof r.window?.start === 'string' && r.window.start <= r.window.end;
  if (!ordered)
    return {
      name: 'record',
      ok: false,
      detail: render({ key: 'V_WINDOW_NOT_RANGE', params: { window: JSON.stringify(r.window) } }, lang),
    };
  return {
    name: 'record',
    ok: true,
    detail: fieldList(
      fields.map(([n]) => n),
      lang,
    ),
  };
}

export interface BundleInput extends VerifyInput {
  /** The frame's checks and the matching, when computed beforehand (see Assigned). */
  framePart?: FramePart;
  assigned?: Assigned;
  /** commitment.json and beacons.json of a committed draw. */
  commit?: { commitmentText: string; beaconsText: string };
  lang: 'zh' | 'en';
}

/** Every check of a draw, plain or committed; for a committed draw also the lottery values to compare. */
export function verifyBundle(v: BundleInput): {
  checks: Check[];
  lotteries: string[];
  clockOverridden: boolean;
  practice: boolean;
} {
  // A practice draw is checked in full; saying so first is the caller's (演练数据).
  const practice = (v.record as { practice?: unknown }).practice === true;
  // inspectors.json is read once here (unless read beforehand): its digest serves both checks below.
  const selIds = Array.isArray(v.record.selected) ? v.record.selected.map((x) => x?.id) : [];
  const assignScan = v.assignScan ?? (v.assign ? scanAssign(v.assign(), new Set(selIds)) : undefined);
  const checks = verifyDraw({ ...v, ...(assignScan ? { assignScan } : {}), committed: v.commit !== undefined });
  if (!v.commit) {
    if ((v.record as { commitDigest?: string }).commitDigest !== undefined) {
      checks.push({
        name: 'commitment',
        ok: false,
        detail: render({ key: 'V_COMMITMENT_FILES_MISSING' }, v.lang),
      });
    }
    return { checks, lotteries: [], clockOverridden: false, practice };
  }
  const c = verifyCommitment({
    ...v.commit,
    frameText: v.frameText,
    assignDigest: assignScan?.digest ?? sha256Hex(''),
    record: v.record,
    lang: v.lang,
  });
  return {
    checks: [...checks, ...c.checks],
    lotteries: c.lotteries,
    clockOverridden: c.clockOverridden,
    practice,
  };
}
