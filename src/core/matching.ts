// Inspector matching, inspect-assign/1 (docs/algorithm.md §6): a pure function of the canonical
// matching input (the bundle's inspectors.json) and the draw's seedHex. Teams are filled greedily, each
// seat going to the eligible inspector with the fewest tasks so far, ties broken by a seeded ticket and
// then by id, so the work is spread evenly wherever eligibility allows.
import seedrandom from 'seedrandom';
import { compareCodeUnits } from './canonical.js';
import { assignSeedHex } from './selection.js';

/** [id, department, region, status, certValidTo, specialties, conflicts] */
export type InspectorRow = [string, string, string, string, string, string[], string[]];
/** [objectId, region, inspectors of its most recent inspection] */
export type ObjectRow = [string, string, string[]];

export interface AssignInput {
  algorithm: string;
  drawId: string;
  teamSize: number;
  windowEnd: string;
  crossRegion: boolean;
  /** Participating departments, lead first. */
  departments: string[];
  /** [department, specialty]: an inspector of that department must have that specialty. */
  requirements: [string, string][];
  inspectors: InspectorRow[];
  objects: ObjectRow[];
}

export type RuledOut = 'INACTIVE' | 'CERT_EXPIRED' | 'NO_SPECIALTY' | 'CONFLICT' | 'ROTATION' | 'SAME_REGION' | 'TAKEN';

export interface Assignment {
  id: string;
  inspectors: string[];
}

export interface MatchFailure {
  id: string;
  /** The department that could not send anyone, or null when the team was short overall. */
  department: string | null;
  needed: number;
  candidates: { id: string; department: string; reasons: RuledOut[] }[];
}

export type MatchResult =
  { ok: true; assignments: Assignment[] } | { ok: false; failures: MatchFailure[]; assignments: Assignment[] };

export const ACTIVE_INSPECTOR = '在岗';

export function ruledOut(
  ins: InspectorRow,
  obj: ObjectRow,
  input: AssignInput,
  required: Map<string, string[]>,
): RuledOut[] {
  const [, dept, region, status, validTo, specialties, conflicts] = ins;
  const reasons: RuledOut[] = [];
  if (status !== ACTIVE_INSPECTOR) reasons.push('INACTIVE');
  if (validTo < input.windowEnd) reasons.push('CERT_EXPIRED');
  if ((required.get(dept) ?? []).some((s) => !specialties.includes(s))) reasons.push('NO_SPECIALTY');
  if (conflicts.includes(obj[0])) reasons.push('CONFLICT');
  if (obj[2].includes(ins[0])) reasons.push('ROTATION');
  if (input.crossRegion && region !== '' && region === obj[1]) reasons.push('SAME_REGION');
  return reasons;
}

interface Prepared {
  pool: InspectorRow[];
  staticOk: boolean[];
  conflicts: Set<string>[];
  /** Every object some inspector of the pool must not inspect: for any other, no set need be asked. */
  anyConflict: Set<string>;
  required: Map<string, string[]>;
  teamSize: number;
}

function prepare(input: AssignInput): Prepared {
  const required = new Map<string, string[]>();
  for (const [d, s] of input.requirements) required.set(d, [...(required.get(d) ?? []), s]);
  const participating = new Set(input.departments);
  // The pool in id order; an inspector is referred to by its index, so "ties by id" is "ties by index".
  const pool = input.inspectors.filter((i) => participating.has(i[1])).sort((a, b) => compareCodeUnits(a[0], b[0]));
  const noObject: ObjectRow = ['', '', []];
  // What does not depend on the object (status, certificate, specialty) is decided once.
  const staticOk = pool.map((ins) => ruledOut(ins, noObject, { ...input, crossRegion: false }, required).length === 0);
  return {
    pool,
    staticOk,
    conflicts: pool.map((ins) => new Set(ins[6])),
    anyConflict: new Set(pool.flatMap((ins) => ins[6])),
    required,
    teamSize: Math.max(input.teamSize, input.departments.length),
  };
}

/** Indexes (into the pool) of the inspectors who may inspect this object, in id order. */
function collectEligible(p: Prepared, input: AssignInput, obj: ObjectRow, eligible: number[]): void {
  eligible.length = 0;
  const conflicted = p.anyConflict.has(obj[0]);
  const rotated = obj[2].length > 0;
  for (let i = 0; i < p.pool.length; i++) {
    if (!p.staticOk[i]) continue;
    const ins = p.pool[i]!;
    if ((conflicted && p.conflicts[i]!.has(obj[0])) || (rotated && obj[2].includes(ins[0]))) continue;
    if (input.crossRegion && ins[2] !== '' && ins[2] === obj[1]) continue;
    eligible.push(i);
  }
}

/**
 * The matching input for a selection: the selected objects, in selected order, with their rows from the
 * input. A plain draw's inspectors.json lists exactly these; a committed draw's lists every frame object,
 * since the selection was unknown when it was frozen (inspect-commit/1).
 */
export function forSelection(
  input: AssignInput,
  ids: string[],
): { ok: true; input: AssignInput } | { ok: false; missing: string } {
  if (input.objects.length === ids.length && input.objects.every((o, i) => o[0] === ids[i])) return { ok: true, input };
  const byId = new Map(input.objects.map((o) => [o[0], o]));
  const objects: ObjectRow[] = [];
  for (const id of ids) {
    const o = byId.get(id);
    if (!o) return { ok: false, missing: id };
    objects.push(o);
  }
  return { ok: true, input: { ...input, objects } };
}

/**
 * Objects that could not get a full team even if they were the only object (commit-spec §1): a committed
 * draw must never become impossible to reveal. Teams draw on no capacity, so an object that can be
 * matched alone can always be matched, whatever the selection.
 */
export function unmatchableAlone(input: AssignInput): MatchFailure[] {
  return aloneChecker(input)(input.objects);
}

/**
 * unmatchableAlone a page of rows at a time, the inspectors prepared once: a commitment checks every
 * frame object as it writes the frozen input, never holding all of them.
 */
export function aloneChecker(head: Omit<AssignInput, 'objects'>): (rows: readonly ObjectRow[]) => MatchFailure[] {
  const input: AssignInput = { ...head, objects: [] };
  const p = prepare(input);
  const eligible: number[] = [];
  // An object no inspector must avoid and with no previous team is eligible for exactly the same
  // inspectors as any other such object of its region (of any region, without --cross-region): once one
  // of them can get a full team, all can. At 2,000,000 objects that is nearly every one.
  const fineAlone = new Set<string>();
  return (rows) => {
    const failures: MatchFailure[] = [];
    for (const obj of rows) {
      const plain = obj[2].length === 0 && !p.anyConflict.has(obj[0]);
      const key = input.crossRegion ? obj[1] : '';
      if (plain && fineAlone.has(key)) continue;
      const before = failures.length;
      collectEligible(p, input, obj, eligible);
      const short = input.departments.find((d) => !eligible.some((i) => p.pool[i]![1] === d));
      if (short !== undefined) {
        failures.push({
          id: obj[0],
          department: short,
          needed: p.teamSize,
          candidates: explain(
            p.pool.filter((i) => i[1] === short),
            obj,
            input,
            p.required,
            [],
          ),
        });
      } else if (eligible.length < p.teamSize) {
        failures.push({
          id: obj[0],
          department: null,
          needed: p.teamSize,
          candidates: explain(p.pool, obj, input, p.required, []),
        });
      }
      if (plain && failures.length === before) fineAlone.add(key);
    }
    return failures;
  };
}

export function assign(input: AssignInput, seedHex: string): MatchResult {
  const rng = seedrandom(assignSeedHex(seedHex));
  const prep = prepare(input);
  const { pool, required, teamSize } = prep;
  const load = new Int32Array(pool.length);
  const ticket = new Float64Array(pool.length);
  const assignments: Assignment[] = [];
  const failures: MatchFailure[] = [];
  const eligible: number[] = [];
  const team: number[] = [];
  // Departments as numbers (equal names, equal numbers), and team membership as a flag: the loops below
  // run for every eligible inspector of every object.
  const deptNumber = new Map<string, number>();
  const numberOf = (d: string) => deptNumber.get(d) ?? deptNumber.set(d, deptNumber.size).get(d)!;
  const deptOf = Int32Array.from(pool, (ins) => numberOf(ins[1]));
  const wanted = input.departments.map(numberOf);
  const onTeam = new Uint8Array(pool.length);
  /** The eligible inspector not on the team with the smallest (load, ticket, id), of department d (-1: any). */
  const take = (d: number): boolean => {
    let best = -1;
    for (let k = 0; k < eligible.length; k++) {
      const i = eligible[k]!;
      if ((d >= 0 && deptOf[i] !== d) || onTeam[i] === 1) continue;
      if (best < 0 || load[i]! < load[best]! || (load[i] === load[best] && ticket[i]! < ticket[best]!)) best = i;
    }
    if (best < 0) return false;
    team.push(best);
    onTeam[best] = 1;
    load[best]! += 1;
    return true;
  };

  for (const obj of input.objects) {
    collectEligible(prep, input, obj, eligible);
    // Exactly one ticket per eligible inspector, in id order: the stream's use is fixed by the input.
    for (const i of eligible) ticket[i] = rng();
    for (const i of team) onTeam[i] = 0;
    team.length = 0;
    let failed: MatchFailure | null = null;
    for (const [k, d] of input.departments.entries()) {
      if (!take(wanted[k]!)) {
        failed = {
          id: obj[0],
          department: d,
          needed: teamSize,
          candidates: explain(
            pool.filter((i) => i[1] === d),
            obj,
            input,
            required,
            team.map((i) => pool[i]![0]),
          ),
        };
        break;
      }
    }
    while (!failed && team.length < teamSize) {
      if (!take(-1))
        failed = {
          id: obj[0],
          department: null,
          needed: teamSize,
          candidates: explain(
            pool,
            obj,
            input,
            required,
            team.map((i) => pool[i]![0]),
          ),
        };
    }
    if (failed) failures.push(failed);
    else assignments.push({ id: obj[0], inspectors: team.map((i) => pool[i]![0]) });
  }
  return failures.length ? { ok: false, failures, assignments } : { ok: true, assignments };
}

function explain(
  candidates: InspectorRow[],
  obj: ObjectRow,
  input: AssignInput,
  required: Map<string, string[]>,
  team: string[],
) {
  return candidates.map((c) => {
    const reasons = ruledOut(c, obj, input, required);
    if (reasons.length === 0 && team.includes(c[0])) reasons.push('TAKEN');
    return { id: c[0], department: c[1], reasons };
  });
}
