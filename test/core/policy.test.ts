import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { effectiveRatios, parsePolicy } from '../../src/core/policy.js';
import { DATA } from '../helpers.js';

const shipped = JSON.parse(readFileSync(join(DATA, 'policy.json'), 'utf8'));

describe('policy', () => {
  it('the shipped default parses to the documented table, in exact basis points', () => {
    const p = parsePolicy(shipped);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.policy.floorBp).toBe(500);
    expect(p.policy.ratiosBp).toMatchObject({ 'A|L': 100, 'B|M': 500, 'C|H': 1500, 'D|H': 5000, KEY: 10000 });
    expect(p.policy.teamSize).toBe(2);
    expect(p.policy.rules).toEqual({ sameCategory: true, drawnThisYear: true, higherLevel: true });
  });
  it('commit: defaults, required and minLeadMinutes, every bad value named', () => {
    const d = parsePolicy({ ...shipped, commit: undefined });
    expect(d.ok && d.policy.commit).toEqual({ required: false, minLeadMinutes: 10 });
    const r = parsePolicy({ ...shipped, commit: { required: true, minLeadMinutes: 30 } });
    expect(r.ok && r.policy.commit).toEqual({ required: true, minLeadMinutes: 30 });
    const bad = parsePolicy({ ...shipped, commit: { required: 'yes', minLeadMinutes: 0, other: 1 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((m) => m.params?.field)).toEqual([
        'commit.required',
        'commit.minLeadMinutes',
        'commit.other',
      ]);
  });
  it('converts two-decimal percentages exactly', () => {
    const p = parsePolicy({
      ...shipped,
      floorPercent: 14.35,
      ratiosPercent: { ...shipped.ratiosPercent, A: { L: 0.01, M: '2.5', H: 33.33 } },
    });
    expect(
      p.ok && [p.policy.floorBp, p.policy.ratiosBp['A|L'], p.policy.ratiosBp['A|M'], p.policy.ratiosBp['A|H']],
    ).toEqual([1435, 1, 250, 3333]);
  });
  it('reports every invalid field by name', () => {
    const p = parsePolicy({
      floorPercent: 'lots',
      ratiosPercent: { A: { L: 1, M: 2 }, B: 5, C: { L: 1, M: 1, H: 1.234 }, D: { L: 1, M: 1, H: 101 }, Z: 1 },
      teamSize: 1,
      exclude: { sameCategory: 'yes', other: true },
      colour: 'red',
    });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    const fields = p.problems.map((x) => x.params!.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'floorPercent',
        'ratiosPercent.A.H',
        'ratiosPercent.B',
        'ratiosPercent.C.H',
        'ratiosPercent.D.H',
        'ratiosPercent.Z',
        'teamSize',
        'exclude.sameCategory',
        'exclude.other',
        'colour',
      ]),
    );
  });
  it('a 重点 item covers every stratum in full; a cap lowers grade strata; a floor above the cap is an error', () => {
    const p = parsePolicy(shipped);
    if (!p.ok) throw new Error();
    const full = effectiveRatios(p.policy, [{ code: 'K', kind: '重点', capBp: null }]);
    expect(full.ok && Object.values(full.ratiosBp).every((v) => v === 10000)).toBe(true);
    const capped = effectiveRatios(p.policy, [{ code: 'S', kind: '一般', capBp: 2000 }]);
    expect(
      capped.ok && [capped.ratiosBp['D|H'], capped.ratiosBp['D|M'], capped.ratiosBp['A|L'], capped.ratiosBp.KEY],
    ).toEqual([2000, 2000, 100, 10000]);
    const bad = effectiveRatios(p.policy, [{ code: 'S', kind: '一般', capBp: 300 }]);
    expect(bad).toMatchObject({
      ok: false,
      error: { key: 'E_FLOOR_ABOVE_CAP', params: { item: 'S', cap: 3, floor: 5 } },
    });
  });
});
