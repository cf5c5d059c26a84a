// The bounded heap that picks each stratum's n smallest tickets: it must give exactly what a full sort
// gives (the published vectors and the byte-identity test check the whole draw too).
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { smallest } from '../../src/core/selection.js';

describe('smallest (the bounded heap behind select)', () => {
  it('is exactly the first n of a full sort, for every n, with ties broken by the second key', () => {
    const rng = seedrandom('smallest');
    for (let t = 0; t < 300; t++) {
      const len = Math.floor(rng() * 60);
      // Few distinct values, so ties are common and the tie-break decides.
      const keys = Array.from({ length: len }, () => Math.floor(rng() * 8));
      const ids = Array.from({ length: len }, (_, i) => `id${String(i).padStart(3, '0')}`);
      const before = (a: number, b: number) => keys[a]! - keys[b]! || (ids[a]! < ids[b]! ? -1 : 1);
      const items = Array.from({ length: len }, (_, i) => i).sort(() => rng() - 0.5);
      const sorted = [...items].sort(before);
      for (const n of [0, 1, 2, Math.floor(len / 2), len - 1, len, len + 3])
        expect(smallest(items, n, before), `len ${len} n ${n}`).toEqual(sorted.slice(0, Math.max(0, n)));
    }
  });
});
