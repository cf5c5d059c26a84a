// Property tests of draw-spec §4 over generated frames (fast-check, fixed seed; see test/property.ts),
// plus the edge cases by hand.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocation.js';
import { ALL_STRATA, type Frame } from '../../src/core/drawTypes.js';
import { rowsFromPairs, rowsToPairs } from '../../src/core/frameRows.js';
import { check, fc } from '../property.js';

function randomFrame(rng: () => number): Pick<Frame, 'policy' | 'scopeCount' | 'coveredCount' | 'frame'> {
  const strata = ALL_STRATA.filter(() => rng() < 0.7);
  if (strata.length === 0) strata.push('B|M');
  const rows: [string, string][] = [];
  const size = 1 + Math.floor(rng() * (rng() < 0.2 ? 5000 : 80));
  for (let i = 0; i < size; i++)
    rows.push([`ID${String(i).padStart(6, '0')}`, strata[Math.floor(rng() * strata.length)]!]);
  const ratiosBp = Object.fromEntries(
    ALL_STRATA.map((s) => [s, rng() < 0.15 ? 0 : rng() < 0.1 ? 10000 : Math.floor(rng() * 6000)]),
  );
  const excluded = Math.floor(rng() * 30);
  return {
    policy: { floorBp: Math.floor(rng() * (rng() < 0.3 ? 10000 : 1500)), ratiosBp },
    scopeCount: size + excluded,
    coveredCount: Math.floor(rng() * (excluded + 3)),
    frame: rowsFromPairs(rows),
  };
}

/**
 * Frames as the spec allows them: some strata present (up to 5,000 rows, mostly small), ratios with
 * zeros and full coverage among them, floors that bind and floors that do not, covered counts.
 */
const frameArb = fc
  .record({
    strata: fc.subarray([...ALL_STRATA], { minLength: 1 }),
    size: fc.oneof(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 5000 })),
    ratios: fc.array(fc.oneof(fc.constant(0), fc.constant(10000), fc.integer({ min: 0, max: 5999 })), {
      minLength: ALL_STRATA.length,
      maxLength: ALL_STRATA.length,
    }),
    floorBp: fc.oneof(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 10000 })),
    excluded: fc.integer({ min: 0, max: 29 }),
    covered: fc.nat(),
    picks: fc.array(fc.nat(), { minLength: 5000, maxLength: 5000 }),
  })
  .map(({ strata, size, ratios, floorBp, excluded, covered, picks }) => {
    const rows: [string, string][] = Array.from({ length: size }, (_, i) => [
      `ID${String(i).padStart(6, '0')}`,
      strata[picks[i]! % strata.length]!,
    ]);
    return {
      policy: { floorBp, ratiosBp: Object.fromEntries(ALL_STRATA.map((s, i) => [s, ratios[i]!])) },
      scopeCount: size + excluded,
      coveredCount: covered % (excluded + 3),
      frame: rowsFromPairs(rows),
    } satisfies Pick<Frame, 'policy' | 'scopeCount' | 'coveredCount' | 'frame'>;
  });

describe('allocation properties (2,000 random frames)', () => {
  const rng = seedrandom('allocation-properties');
  const frames = Array.from({ length: 2000 }, () => randomFrame(rng));
  it('holds sums, bounds, the floor and integer exactness (2,000 generated frames)', () => {
    check(
      fc.property(frameArb, (f) => holds(f)),
      2000,
    );
  });
  function holds(f: Pick<Frame, 'policy' | 'scopeCount' | 'coveredCount' | 'frame'>): void {
    {
      const a = allocate(f);
      const strata = Object.keys(a.N);
      let sumN = 0,
        sumBase = 0,
        sumN_ = 0;
      for (const h of strata) {
        const N = a.N[h]!,
          base = a.base[h]!,
          extra = a.extra[h]!,
          n = a.n[h]!;
        for (const v of [N, base, extra, n]) expect(Number.isInteger(v) && v >= 0).toBe(true);
        // base_h = min(N, ceil(bp·N/10000)), computed independently with BigInt
        const bp = BigInt(f.policy.ratiosBp[h]!);
        const ceil = Number((bp * BigInt(N) + 9999n) / 10000n);
        expect(base).toBe(Math.min(N, ceil));
        expect(n).toBe(base + extra);
        expect(n).toBeLessThanOrEqual(N);
        sumN += N;
        sumBase += base;
        sumN_ += n;
      }
      expect(sumN).toBe(f.frame.ids.length);
      const floorNeed = Math.ceil((f.policy.floorBp * f.scopeCount) / 10000) - f.coveredCount;
      expect(a.floorTotal).toBe(Math.min(f.frame.ids.length, Math.max(0, floorNeed)));
      // The floor is met exactly when it binds, and nothing is added when it does not.
      expect(sumN_).toBe(Math.max(sumBase, a.floorTotal));
    }
  }
  it('is a pure function (same frame, same allocation)', () => {
    for (const f of frames.slice(0, 100))
      expect(allocate(f)).toEqual(
        allocate({ ...structuredClone({ ...f, frame: null }), frame: rowsFromPairs(rowsToPairs(f.frame)) }),
      );
  });
  it(
    'shares extra units in proportion to bp·N: no stratum gets more than one unit above its exact share unless othe' +
      'rs are full',
    () => {
      for (const f of frames) {
        const a = allocate(f);
        const strata = Object.keys(a.N).filter((h) => a.N[h]! > a.base[h]!);
        const E = Object.values(a.extra).reduce((x, y) => x + y, 0);
        if (E === 0 || strata.some((h) => a.n[h] === a.N[h])) continue;
        const W = strata.reduce((s, h) => s + f.policy.ratiosBp[h]! * a.N[h]!, 0);
        if (W === 0) continue;
        for (const h of strata) {
          const exact = (E * f.policy.ratiosBp[h]! * a.N[h]!) / W;
          expect(a.extra[h]!).toBeGreaterThanOrEqual(Math.floor(exact));
          expect(a.extra[h]!).toBeLessThanOrEqual(Math.ceil(exact));
        }
      }
    },
  );
  it('caps a stratum at its room and gives the rest to the others', () => {
    const frame: [string, string][] = [
      ['A1', 'A|L'],
      ['A2', 'A|L'],
      ...Array.from({ length: 20 }, (_, i) => [`B${String(i).padStart(2, '0')}`, 'D|H'] as [string, string]),
    ];
    const a = allocate({
      policy: { floorBp: 5000, ratiosBp: { 'A|L': 0, 'D|H': 10 } },
      scopeCount: 22,
      coveredCount: 0,
      frame: rowsFromPairs(frame),
    });
    expect(a.floorTotal).toBe(11);
    expect(a.n).toEqual({ 'A|L': 0, 'D|H': 11 });
    const b = allocate({
      policy: { floorBp: 10000, ratiosBp: { 'A|L': 9000, 'D|H': 10 } },
      scopeCount: 22,
      coveredCount: 0,
      frame: rowsFromPairs(frame),
    });
    expect(b.n).toEqual({ 'A|L': 2, 'D|H': 20 });
  });
  it('stops with an error naming a stratum without a ratio', () => {
    expect(() =>
      allocate({
        policy: { floorBp: 0, ratiosBp: {} },
        scopeCount: 1,
        coveredCount: 0,
        frame: rowsFromPairs([['X', 'B|M']]),
      }),
    ).toThrow(expect.objectContaining({ msg: { key: 'E_NO_RATIO', params: { stratum: 'B|M' } } }));
  });
});
