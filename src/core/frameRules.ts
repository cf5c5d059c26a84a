// What a frame must mean, not only how it must hash (docs/algorithm.md §1, §4): counts that add up, ids
// once across frame and exclusions, orders, reason codes, stratum keys, ratio and floor ranges, KEY under
// full coverage. One function, run by `inspect verify`, verify.html and `inspect audit` alike; each
// problem names its rule.
import { ALL_STRATA, KEY_STRATUM, REASON_ORDER, type Allocation, type Frame } from './drawTypes.js';
import { compareCodeUnits } from './canonical.js';
import type { Msg, MessageKey } from './messages.js';

export type FrameRule =
  | 'counts'
  | 'covered'
  | 'excludedOrder'
  | 'idOnce'
  | 'reasonCode'
  | 'stratumKey'
  | 'ratioRange'
  | 'floorRange'
  | 'keyFull'
  | 'nWithinN';

const rule = (name: FrameRule, key: MessageKey, params: Msg['params'] = {}): Msg => ({
  key: 'V_RULE',
  params: { rule: name, detail: { key, params } },
});

const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isBp = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10000;

/** Every structural rule of a frame (read as columns) and of the allocation a record carries for it. */
export function frameRuleProblems(f: Frame, allocation?: Allocation): Msg[] {
  const out: Msg[] = [];
  const rows = f.frame.ids.length;
  const excluded = Array.isArray(f.excluded) ? f.excluded : [];
  if (!isCount(f.scopeCount) || !isCount(f.coveredCount))
    out.push(rule('counts', 'V_RULE_COUNT_TYPE', { scope: String(f.scopeCount), covered: String(f.coveredCount) }));
  else {
    if (rows + excluded.length !== f.scopeCount)
      out.push(rule('counts', 'V_RULE_COUNTS', { rows, excluded: excluded.length, scope: f.scopeCount }));
    if (f.coveredCount > f.scopeCount)
      out.push(rule('covered', 'V_RULE_COVERED', { covered: f.coveredCount, scope: f.scopeCount }));
  }
  for (let i = 0; i < excluded.length; i++) {
    const e = excluded[i];
    if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'string') {
      out.push(rule('excludedOrder', 'V_RULE_EXCLUDED_ROW', { row: i + 1 }));
      break;
    }
    if (i > 0 && !(compareCodeUnits(String(excluded[i - 1]![0]), e[0]) < 0)) {
      out.push(rule('excludedOrder', 'V_RULE_EXCLUDED_ORDER', { row: i + 1, id: e[0] }));
      break;
    }
  }
  const badReason = excluded.find((e) => Array.isArray(e) && !REASON_ORDER.includes(e[1]));
  if (badReason)
    out.push(rule('reasonCode', 'V_RULE_REASON', { id: String(badReason[0]), reason: String(badReason[1]) }));
  // Both lists are sorted: one merge finds an id in both.
  const ids = f.frame.ids;
  for (let i = 0, j = 0; i < rows && j < excluded.length;) {
    const c = compareCodeUnits(ids.at(i), String(excluded[j]?.[0]));
    if (c === 0) {
      out.push(rule('idOnce', 'V_RULE_ID_BOTH', { id: ids.at(i) }));
      break;
    }
    if (c < 0) i++;
    else j++;
  }
  const known = new Set(ALL_STRATA);
  const used = new Set<string>();
  for (let i = 0; i < f.frame.codes.length; i++) used.add(f.frame.names[f.frame.codes[i]!]!);
  const unknownStratum = [...used].find((s) => !known.has(s));
  if (unknownStratum !== undefined) out.push(rule('stratumKey', 'V_RULE_STRATUM', { stratum: unknownStratum }));
  const ratios = (f.policy?.ratiosBp ?? {}) as Record<string, unknown>;
  const unknownRatio = Object.keys(ratios).find((s) => !known.has(s));
  if (unknownRatio !== undefined) out.push(rule('stratumKey', 'V_RULE_RATIO_KEY', { stratum: unknownRatio }));
  const badRatio = Object.entries(ratios).find(([, v]) => !isBp(v));
  if (badRatio) out.push(rule('ratioRange', 'V_RULE_RATIO', { stratum: badRatio[0], value: String(badRatio[1]) }));
  if (!isBp(f.policy?.floorBp)) out.push(rule('floorRange', 'V_RULE_FLOOR', { value: String(f.policy?.floorBp) }));
  if (used.has(KEY_STRATUM) && ratios[KEY_STRATUM] !== 10000)
    out.push(rule('keyFull', 'V_RULE_KEY', { value: String(ratios[KEY_STRATUM]) }));
  if (allocation && typeof allocation.n === 'object' && allocation.n !== null) {
    for (const [h, n] of Object.entries(allocation.n)) {
      const N = allocation.N?.[h];
      if (!isCount(n) || !isCount(N) || (n as number) > (N as number)) {
        out.push(rule('nWithinN', 'V_RULE_N', { stratum: h, n: String(n), N: String(N) }));
        break;
      }
    }
  }
  return out;
}
