// The draw policy (data/policy.json): coverage floor, ratios per stratum, exclusion switches, team size.
// Percentages become basis points from their digits, never through float arithmetic.
import { ALL_STRATA, GRADES, KEY_STRATUM, RISKS } from './drawTypes.js';
import type { Msg, MessageKey } from './messages.js';
import { percentToBp } from './values.js';

export interface Policy {
  floorBp: number;
  ratiosBp: Record<string, number>;
  rules: { sameCategory: boolean; drawnThisYear: boolean; higherLevel: boolean };
  teamSize: number;
  /**
   * Committed draws (inspect-commit/1): whether plain seeded draws are refused, and the least lead time
   * of a source.
   */
  commit: { required: boolean; minLeadMinutes: number };
}

type Problems = Msg[];
const problem = (field: string, reason: MessageKey, value?: unknown): Msg => ({
  key: 'E_POLICY_FIELD',
  params: { field, reason: { key: reason }, value: value === undefined ? '∅' : JSON.stringify(value) },
});

function bpOf(v: unknown): number | null {
  if (typeof v === 'number' || typeof v === 'string') return percentToBp(v);
  return null;
}

/** Parses the policy JSON value; returns every problem, field by field. */
export function parsePolicy(raw: unknown): { ok: true; policy: Policy } | { ok: false; problems: Problems } {
  const problems: Problems = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problems: [problem('(root)', 'R_POLICY_OBJECT', raw)] };
  const o = raw as Record<string, unknown>;
  const known = new Set(['floorPercent', 'ratiosPercent', 'exclude', 'teamSize', 'commit', '$comment', 'description']);
  for (const k of Object.keys(o)) if (!known.has(k)) problems.push(problem(k, 'R_POLICY_UNKNOWN', o[k]));

  const floorBp = bpOf(o.floorPercent ?? 5);
  if (floorBp === null) problems.push(problem('floorPercent', 'R_POLICY_PERCENT', o.floorPercent));

  const ratiosBp: Record<string, number> = {};
  const ratios = o.ratiosPercent;
  if (typeof ratios !== 'object' || ratios === null || Array.isArray(ratios))
    problems.push(problem('ratiosPercent', 'R_POLICY_OBJECT', ratios));
  else {
    const r = ratios as Record<string, unknown>;
    for (const k of Object.keys(r))
      if (![...GRADES, KEY_STRATUM].includes(k as never))
        problems.push(problem(`ratiosPercent.${k}`, 'R_POLICY_UNKNOWN', r[k]));
    for (const g of GRADES) {
      const row = r[g];
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        problems.push(problem(`ratiosPercent.${g}`, 'R_POLICY_GRADE_ROW', row));
        continue;
      }
      for (const risk of RISKS) {
        const bp = bpOf((row as Record<string, unknown>)[risk]);
        if (bp === null)
          problems.push(
            problem(`ratiosPercent.${g}.${risk}`, 'R_POLICY_PERCENT', (row as Record<string, unknown>)[risk]),
          );
        else ratiosBp[`${g}|${risk}`] = bp;
      }
      for (const k of Object.keys(row))
        if (!(RISKS as readonly string[]).includes(k))
          problems.push(problem(`ratiosPercent.${g}.${k}`, 'R_POLICY_UNKNOWN', (row as Record<string, unknown>)[k]));
    }
    const key = bpOf(r.KEY ?? 100);
    if (key === null) problems.push(problem('ratiosPercent.KEY', 'R_POLICY_PERCENT', r.KEY));
    else ratiosBp[KEY_STRATUM] = key;
  }

  const rules = { sameCategory: true, drawnThisYear: true, higherLevel: true };
  if (o.exclude !== undefined) {
    if (typeof o.exclude !== 'object' || o.exclude === null)
      problems.push(problem('exclude', 'R_POLICY_OBJECT', o.exclude));
    else
      for (const [k, v] of Object.entries(o.exclude)) {
        if (!(k in rules)) problems.push(problem(`exclude.${k}`, 'R_POLICY_UNKNOWN', v));
        else if (typeof v !== 'boolean') problems.push(problem(`exclude.${k}`, 'R_POLICY_BOOLEAN', v));
        else rules[k as keyof typeof rules] = v;
      }
  }
  const teamSize = o.teamSize ?? 2;
  if (typeof teamSize !== 'number' || !Number.isInteger(teamSize) || teamSize < 2 || teamSize > 10)
    problems.push(problem('teamSize', 'R_POLICY_TEAM', teamSize));

  const commit = { required: false, minLeadMinutes: 10 };
  if (o.commit !== undefined) {
    if (typeof o.commit !== 'object' || o.commit === null || Array.isArray(o.commit))
      problems.push(problem('commit', 'R_POLICY_OBJECT', o.commit));
    else
      for (const [k, v] of Object.entries(o.commit)) {
        if (k === 'required') {
          if (typeof v !== 'boolean') problems.push(problem('commit.required', 'R_POLICY_BOOLEAN', v));
          else commit.required = v;
        } else if (k === 'minLeadMinutes') {
          if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 10080)
            problems.push(problem('commit.minLeadMinutes', 'R_POLICY_LEAD', v));
          else commit.minLeadMinutes = v;
        } else problems.push(problem(`commit.${k}`, 'R_POLICY_UNKNOWN', v));
      }
  }

  if (problems.length) return { ok: false, problems };
  return { ok: true, policy: { floorBp: floorBp!, ratiosBp, rules, teamSize: teamSize as number, commit } };
}

/**
 * The ratios a task actually uses: a 重点 item covers its whole scope (every stratum 100 %); a 一般 item's
 * cap lowers every grade stratum above it (KEY stays under full coverage). A floor above a cap cannot be met.
 */
export function effectiveRatios(
  policy: Policy,
  items: { code: string; kind: string; capBp: number | null }[],
): { ok: true; ratiosBp: Record<string, number>; floorBp: number; full: boolean } | { ok: false; error: Msg } {
  if (items.some((i) => i.kind === '重点')) {
    return {
      ok: true,
      ratiosBp: Object.fromEntries(ALL_STRATA.map((s) => [s, 10000])),
      floorBp: policy.floorBp,
      full: true,
    };
  }
  const capped = items.filter((i) => i.capBp !== null);
  if (capped.length === 0) return { ok: true, ratiosBp: { ...policy.ratiosBp }, floorBp: policy.floorBp, full: false };
  const tightest = capped.reduce((a, b) => (b.capBp! < a.capBp! ? b : a));
  const cap = tightest.capBp!;
  if (policy.floorBp > cap) {
    return {
      ok: false,
      error: { key: 'E_FLOOR_ABOVE_CAP', params: { item: tightest.code, cap: cap / 100, floor: policy.floorBp / 100 } },
    };
  }
  const ratiosBp = Object.fromEntries(
    Object.entries(policy.ratiosBp).map(([s, bp]) => [s, s === KEY_STRATUM ? bp : Math.min(bp, cap)]),
  );
  return { ok: true, ratiosBp, floorBp: policy.floorBp, full: false };
}
