// A draw plan: the frame and its allocation, before any seed exists. What a dry run and the
// confirmation show; pure, so the write phase can rebuild it under the lock and compare.
import { allocate } from './allocation.js';
import type { Allocation, Frame, ReasonCode } from './drawTypes.js';
import { dataError, Exit, InspectError } from './errors.js';
import { buildFrame, frameBytes, taskDepartments, type FrameInput, type TaskItem } from './frame.js';
import { effectiveRatios, type Policy } from './policy.js';

export interface Plan {
  frame: Frame;
  /** frame.json: the canonical bytes of the frame (made when first asked for). */
  frameBytes: Uint8Array;
  inputDigest: string;
  allocation: Allocation;
  excludedByReason: Record<ReasonCode, number>;
  departments: string[];
  categories: string[];
  /** A 重点 item: the whole scope is covered. */
  full: boolean;
  floorBinds: boolean;
}

export type PlanInput = Omit<FrameInput, 'floorBp' | 'ratiosBp' | 'rules'> & { policy: Policy };

export function planDraw(input: PlanInput): Plan {
  const eff = effectiveRatios(input.policy, input.items);
  if (!eff.ok) throw new InspectError(Exit.data, eff.error);
  const { frame, excludedByReason } = buildFrame({
    ...input,
    floorBp: eff.floorBp,
    ratiosBp: eff.ratiosBp,
    rules: input.policy.rules,
  });
  if (frame.scopeCount === 0 && input.items.length > 1) {
    // A joint task's scope is what every item admits: say whose filters do not overlap.
    throw dataError('E_JOINT_EMPTY', { filters: input.items.map(itemFilters).join('; ') });
  }
  if (frame.frame.ids.length === 0)
    throw dataError('E_EMPTY_FRAME', { scope: frame.scopeCount, excluded: frame.excluded.length });
  const allocation = allocate(frame);
  // The canonical bytes are made when first asked for: a dry run shows counts only and never needs them
  // (at a million objects they were about 90 MB of its peak).
  let bytes: { bytes: Uint8Array; digest: string } | undefined;
  const canonical = () => (bytes ??= frameBytes(frame));
  const sumBase = Object.values(allocation.base).reduce((a, b) => a + b, 0);
  return {
    frame,
    get frameBytes() {
      return canonical().bytes;
    },
    get inputDigest() {
      return canonical().digest;
    },
    allocation,
    excludedByReason,
    departments: taskDepartments(input.items),
    categories: [...new Set(input.items.map((i: TaskItem) => i.category))].sort(),
    full: eff.full,
    floorBinds: allocation.floorTotal > sumBase,
  };
}

/** The numbers a dry run shows: per stratum N, n and n/N, never which objects. */
export function planSummary(p: Plan) {
  const strata = Object.keys(p.allocation.N).sort();
  return {
    drawId: p.frame.drawId,
    year: p.frame.year,
    departments: p.departments,
    categories: p.categories,
    scopeCount: p.frame.scopeCount,
    coveredCount: p.frame.coveredCount,
    excluded: p.excludedByReason,
    frameSize: p.frame.frame.ids.length,
    floorBp: p.frame.policy.floorBp,
    floorTotal: p.allocation.floorTotal,
    floorBinds: p.floorBinds,
    fullCoverage: p.full,
    selectedTotal: strata.reduce((s, h) => s + p.allocation.n[h]!, 0),
    strata: strata.map((h) => ({
      stratum: h,
      ratioBp: p.frame.policy.ratiosBp[h]!,
      N: p.allocation.N[h]!,
      base: p.allocation.base[h]!,
      extra: p.allocation.extra[h]!,
      n: p.allocation.n[h]!,
      probability: `${p.allocation.n[h]}/${p.allocation.N[h]}`,
    })),
  };
}

/** An item's scope filters in a line: `SC02 industries 51,52`. */
function itemFilters(i: TaskItem): string {
  const parts = [
    i.objectTypes.length ? `types ${i.objectTypes.join(',')}` : '',
    i.industries.length ? `industries ${i.industries.join(',')}` : '',
    i.regions.length ? `regions ${i.regions.join(',')}` : '',
    i.tag ? `tag ${i.tag}` : '',
  ].filter(Boolean);
  return `${i.code} ${parts.length ? parts.join(' ') : 'all'}`;
}
