// Recording a draw under the write lock, shared by `draw` (a seed given now) and `reveal` (the key
// string of a commitment's public values): select, match, write the rows and the log entry, or log the
// failed attempt. Also the checks every new draw or commitment passes first.
import { sha256Hex } from '../../core/canonical.js';
import { ASSIGN_ALGORITHM, ALGORITHM, type Frame } from '../../core/drawTypes.js';
import { Exit, InspectError, usageError } from '../../core/errors.js';
import type { TaskItem } from '../../core/frame.js';
import { forSelection, type AssignInput, type MatchFailure } from '../../core/matching.js';
import { listMsg, type Msg } from '../../core/messages.js';
import type { Plan } from '../../core/plan.js';
import { computeAssignments, computeSelection, recordText, type Computed, type DrawRecord } from '../../core/record.js';
import { nowSeconds, nowWithOffset } from '../../io/clock.js';
import { commitmentHeads, pendingCommitments } from '../../io/commitStore.js';
import { supersedeTargetOf, supersedeVerdict, type SupersedeBy, type SupersedeTarget } from '../../core/supersede.js';
import type { Db } from '../../io/db.js';
import { getDraw, insertDraw, loadInspectors, loadMatchObjects, unknownDrawIn } from '../../io/drawStore.js';
import { appendEvent } from '../../io/events.js';
import { insertPolicy } from '../../io/policyStore.js';
import { collectGarbage } from '../../io/memory.js';
import { SEEDRANDOM_VERSION, VERSION } from '../../version.js';
import type { Context } from '../../cli/context.js';

export interface DrawOutcome {
  drawId: string;
  seed: string;
  inputDigest: string;
  seedHex: string;
  allocation: Plan['allocation'];
  selectedCount: number;
  recordSha256: string;
  supersedes: string | null;
  commitDigest?: string;
}

export type RecordResult = DrawOutcome | { failures: MatchFailure[]; size: number };

/** [department, specialty] pairs the items require, sorted: part of the matching input. */
export function requirementsOf(items: TaskItem[]): [string, string][] {
  return [...new Set(items.filter((i) => i.specialty).map((i) => `${i.department}\u0000${i.specialty}`))]
    .sort()
    .map((s) => s.split('\u0000') as [string, string]);
}

/** The matching input for these objects (a plain draw: the selected ones; a commitment: the whole frame). */
export function matchInput(
  db: Db,
  a: {
    drawId: string;
    teamSize: number;
    windowEnd: string;
    crossRegion: boolean;
    departments: string[];
    items: TaskItem[];
    objectIds: string[];
  },
): AssignInput {
  return {
    algorithm: ASSIGN_ALGORITHM,
    drawId: a.drawId,
    teamSize: a.teamSize,
    windowEnd: a.windowEnd,
    crossRegion: a.crossRegion,
    departments: a.departments,
    requirements: requirementsOf(a.items),
    inspectors: loadInspectors(db, a.departments),
    objects: loadMatchObjects(db, a.objectIds),
  };
}

/**
 * The draw or commitment being voided must exist, stand, and be of the same year; with `by`, the binding
 * rules (commit-spec §7) must allow this kind of draw to void it now. Returns the target as the rules see it.
 */
export function checkSupersede(
  db: Db,
  supersede: string | null,
  year: number,
  by?: SupersedeBy,
): SupersedeTarget | null {
  if (!supersede) return null;
  const d = getDraw(db, supersede);
  const c = commitmentHeads(db, supersede)[0];
  if (!d && !c) throw unknownDrawIn(db, supersede);
  const voidedBy = d?.superseded_by ?? c?.superseded_by;
  if (voidedBy)
    throw new InspectError(Exit.data, { key: 'E_ALREADY_SUPERSEDED', params: { id: supersede, by: voidedBy } });
  const y = d?.year ?? c!.year;
  if (y !== year) throw usageError('E_SUPERSEDE_YEAR', { id: supersede, year: y, want: year });
  const target = supersedeTargetOf(supersede, d !== undefined, c?.commitment ?? null);
  if (by) {
    const v = supersedeVerdict(target, by, nowSeconds());
    if (!v.ok) throw v.usage ? new InspectError(Exit.usage, v.error) : new InspectError(Exit.data, v.error);
  }
  return target;
}

/** A pending commitment of a category this draw covers blocks it (unless this draw voids it). */
export function checkPending(db: Db, year: number, categories: string[], supersede: string | null): void {
  const hit = pendingCommitments(db, year).find(
    (p) => p.id !== supersede && p.categories.some((c) => categories.includes(c)),
  );
  if (hit)
    throw new InspectError(Exit.data, {
      key: 'E_PENDING_COMMITMENT',
      params: { id: hit.id, categories: hit.categories.join('、') },
    });
}

export interface ToRecord {
  drawId: string;
  /** frame.json (its rows are not needed any more: the selection is made). */
  frameBytes: Uint8Array;
  /** Rows in the frame. */
  eligible: number;
  /** The selection from these very bytes and this seed (selectionOf). */
  computed: Computed;
  seed: string;
  year: number;
  items: string[];
  departments: string[];
  window: { start: string; end: string };
  /** SHA-256 of the canonical matching input (for a reveal, its commitment's: every frame object). */
  assignDigest: string;
  /** What the draw row stores of it: the text, or nothing for a reveal (its commitment holds it). */
  assignStored: string;
  /** The matching input of at least the selected objects (a reveal reads only theirs from the frozen input). */
  assignInput: AssignInput;
  snapshot: { digest: string; deflated: Buffer };
  supersedes: string | null;
  reason: string | null;
  leadDepartment: string;
  categories: string[];
  regions: string[];
  crossRegion: boolean;
  commitDigest?: string;
  /** Log action and the words the entry adds after the standard summary. */
  action: string;
  /** What the log entry adds for this kind of draw (a reveal names its commitment and sources). */
  note?: Msg;
  /** Rows written with the draw, before its log entry hashes what was written (a reveal's beacons). */
  alsoWrite?: () => void;
  /** The canonical policy the draw ran under (null: a commitment made before policies were stored). */
  policyText: string | null;
  /** Made on a practice database: the record says so, and its digest covers it. */
  practice: boolean;
}

/**
 * Steps 1–5 on a frame, keeping of the frame only what the record needs: called in a scope of its own,
 * the frame's rows can be let go before matching and writing (at 2,000,000 objects about 100 MB).
 */
export function selectionOf(frameBytes: Uint8Array, frame: Frame, seed: string) {
  return {
    drawId: frame.drawId,
    frameBytes,
    eligible: frame.frame.ids.length,
    computed: computeSelection(frameBytes, frame, seed),
  };
}

const EMPTY = new Uint8Array(0);

/**
 * Select, match and record, or log the failed attempt (a seed must not be quietly swapped). Takes `t`
 * over: its frame bytes and snapshot are dropped once written.
 */
export function recordDraw(ctx: Context, db: Db, t: ToRecord): RecordResult {
  const { computed, drawId } = t;
  const forSel = forSelection(
    t.assignInput,
    computed.selected.map((s) => s.id),
  );
  if (!forSel.ok) throw new Error(`matching input has no row for ${forSel.missing}`);
  const match = computeAssignments(forSel.input, computed.seedHex);
  const { assignDigest } = t;
  const at = nowWithOffset();
  if (!match.ok) {
    appendEvent(db, {
      at,
      operator: ctx.operator,
      action: 'draw.failed',
      summary: {
        key: 'L_DRAW_FAILED',
        params: { drawId, objects: match.failures.length, seed: t.seed, inputDigest: computed.inputDigest },
      },
      payloadSha256: sha256Hex(`${computed.inputDigest}\n${computed.seedHex}\n${assignDigest}`),
      ref: `draw-attempt:${drawId}`,
    });
    return { failures: match.failures, size: Math.max(t.assignInput.teamSize, t.departments.length) };
  }
  const rec: DrawRecord = {
    algorithm: ALGORITHM,
    assignAlgorithm: ASSIGN_ALGORITHM,
    drawId,
    year: t.year,
    items: t.items,
    departments: t.departments,
    window: t.window,
    seed: t.seed,
    inputDigest: computed.inputDigest,
    seedHex: computed.seedHex,
    allocation: computed.allocation,
    selected: computed.selected,
    assignDigest,
    assignments: match.assignments,
    rosterDigest: t.snapshot.digest,
    supersedes: t.supersedes,
    reason: t.reason,
    software: { inspect: VERSION, seedrandom: SEEDRANDOM_VERSION, node: process.version },
    ...(t.commitDigest ? { commitDigest: t.commitDigest } : {}),
    ...(t.practice ? { practice: true } : {}),
  };
  const rText = recordText(rec);
  const rSha = sha256Hex(rText);
  collectGarbage();
  insertDraw(db, {
    createdAt: at,
    operator: ctx.operator,
    record: rec,
    recordText: rText,
    recordSha256: rSha,
    frameBytes: t.frameBytes,
    assignText: t.assignStored,
    leadDepartment: t.leadDepartment,
    categories: t.categories,
    regions: t.regions,
    crossRegion: t.crossRegion,
    snapshot: t.snapshot.deflated,
  });
  // In the database now: the frame's bytes and the snapshot (at 2,000,000 objects some 75 MB) are let go
  // before the log entry reads the rows back to hash them.
  t.frameBytes = EMPTY;
  t.snapshot = { digest: t.snapshot.digest, deflated: Buffer.alloc(0) };
  collectGarbage();
  t.alsoWrite?.();
  if (t.policyText !== null) insertPolicy(db, `draws:${drawId}`, t.policyText);
  appendEvent(db, {
    at,
    operator: ctx.operator,
    action: t.action,
    summary: {
      key: 'L_DRAW',
      params: {
        drawId,
        items: rec.items.join(','),
        year: rec.year,
        selected: rec.selected.length,
        eligible: t.eligible,
        inputDigest: rec.inputDigest,
        seed: t.seed,
        supersedes: t.supersedes ? { key: 'L_SUPERSEDES', params: { id: t.supersedes, reason: t.reason } } : '',
        note: t.note ?? '',
      },
    },
    payloadSha256: rSha,
    ref: `draws:${drawId}`,
  });
  return {
    drawId,
    seed: t.seed,
    inputDigest: rec.inputDigest,
    seedHex: rec.seedHex,
    allocation: rec.allocation,
    selectedCount: rec.selected.length,
    recordSha256: rSha,
    supersedes: rec.supersedes,
    ...(t.commitDigest ? { commitDigest: t.commitDigest } : {}),
  };
}

export function failureMsg(f: MatchFailure): Msg {
  const candidates: Msg = f.candidates.length
    ? listMsg(
        f.candidates.map((c) => ({
          key: 'E_MATCH_CANDIDATE',
          params: {
            id: c.id,
            dept: c.department,
            reasons: listMsg(
              c.reasons.map((r) => ({ key: `R_${r}` })),
              '、',
            ),
          },
        })),
        '; ',
      )
    : { key: 'E_MATCH_NOBODY' };
  return { key: 'E_MATCH_OBJECT', params: { id: f.id, dept: f.department ? ` [${f.department}]` : '', candidates } };
}

/**
 * The failures as lines: objects ruled out for the same reasons share one line (fifteen identical lines
 * hide the one that differs), each line naming its objects, then a total.
 */
export function failureLines(failures: MatchFailure[], atMost = 30): Msg[] {
  const groups = new Map<string, MatchFailure[]>();
  for (const f of failures) {
    const key = JSON.stringify([f.department, f.candidates]);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const lines: Msg[] = [];
  for (const group of groups.values()) {
    if (lines.length >= atMost) break;
    const first = failureMsg(group[0]!);
    if (group.length === 1) lines.push(first);
    else {
      const ids =
        group
          .slice(0, 10)
          .map((f) => f.id)
          .join('、') + (group.length > 10 ? '…' : '');
      lines.push({ key: 'E_MATCH_GROUP', params: { ...first.params, id: ids, count: group.length } });
    }
  }
  if (groups.size > atMost) lines.push({ key: 'E_IMPORT_MORE', params: { count: groups.size - atMost } });
  return lines;
}
