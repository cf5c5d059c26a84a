// Statistical evidence of fairness: over many seeded draws of a small frame, every object's observed
// selection rate stays within a few standard deviations of its published inclusion probability n/N.
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocation.js';
import { frameBytes } from '../../src/core/frame.js';
import type { Frame } from '../../src/core/drawTypes.js';
import { rowsFromPairs, rowsToPairs } from '../../src/core/frameRows.js';
import { seedHexFor, select, tickets } from '../../src/core/selection.js';

describe('inclusion probabilities', () => {
  it('every object is drawn at rate n/N (3,000 seeds, |z| < 4.5 for all 60 objects)', () => {
    const strata = ['A|L', 'B|M', 'C|H', 'D|H', 'KEY'];
    const frame: Frame = {
      algorithm: 'inspect-draw/1',
      drawId: 'FAIR',
      year: 2026,
      scopeCount: 60,
      coveredCount: 0,
      excluded: [],
      policy: { floorBp: 2000, ratiosBp: { 'A|L': 100, 'B|M': 500, 'C|H': 1500, 'D|H': 5000, KEY: 10000 } },
      frame: rowsFromPairs(
        Array.from(
          { length: 60 },
          (_, i) =>
            [
              `9135020${String(i).padStart(11, '0')}`,
              strata[i < 25 ? 0 : i < 45 ? 1 : i < 52 ? 2 : i < 58 ? 3 : 4]!,
            ] as [string, string],
        ),
      ),
    };
    const { digest } = frameBytes(frame);
    const a = allocate(frame);
    const runs = 3000;
    const hits = new Map<string, number>();
    for (let k = 0; k < runs; k++) {
      for (const s of select(frame.frame, tickets(frame.frame, seedHexFor(`fair-${k}`, digest)), a))
        hits.set(s.id, (hits.get(s.id) ?? 0) + 1);
    }
    let worst = 0;
    for (const [id, stratum] of rowsToPairs(frame.frame)) {
      const p = a.n[stratum]! / a.N[stratum]!;
      const rate = (hits.get(id) ?? 0) / runs;
      if (p === 1) expect(rate).toBe(1);
      else worst = Math.max(worst, Math.abs(rate - p) / Math.sqrt((p * (1 - p)) / runs));
    }
    expect(worst).toBeLessThan(4.5);
  });
});
