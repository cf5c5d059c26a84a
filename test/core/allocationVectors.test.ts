// docs/algorithm.md §4 as numbered steps: the 24 published cases that split two readings of the sharing
// rule (an independent reimplementation from the earlier prose disagreed on 10 of 99 draws).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocation.js';
import { frameRowsBuilder } from '../../src/core/frameRows.js';
import { compareCodeUnits } from '../../src/core/canonical.js';

interface Case {
  N: Record<string, number>;
  ratiosBp: Record<string, number>;
  floorTotal: number;
  base: Record<string, number>;
  extra: Record<string, number>;
  n: Record<string, number>;
}
const V = JSON.parse(readFileSync(join(__dirname, '../vectors/allocation.json'), 'utf8')) as { cases: Case[] };

/** A frame with N_h rows per stratum, and a floor and scope that give exactly the case's floorTotal. */
function frameFor(c: Case) {
  const rows = frameRowsBuilder();
  let i = 0;
  const strata = Object.keys(c.N).sort(compareCodeUnits);
  const ids: [string, string][] = [];
  for (const h of strata) for (let k = 0; k < c.N[h]!; k++) ids.push([`ID${String(i++).padStart(8, '0')}`, h]);
  for (const [id, h] of ids) rows.push(id, h);
  const size = ids.length;
  // floorBp 10000 with coveredCount = scopeCount − floorTotal makes ceil(…) − covered exactly floorTotal.
  return {
    policy: { floorBp: 10000, ratiosBp: c.ratiosBp },
    scopeCount: size,
    coveredCount: size - c.floorTotal,
    frame: rows.done(),
  };
}

describe('allocation vectors', () => {
  it('has the 24 published cases', () => expect(V.cases).toHaveLength(24));
  V.cases.forEach((c, i) =>
    it(`case ${i + 1}`, () => {
      const a = allocate(frameFor(c));
      expect(a.floorTotal).toBe(c.floorTotal);
      expect(a.base).toEqual(c.base);
      expect(a.extra).toEqual(c.extra);
      expect(a.n).toEqual(c.n);
    }),
  );
});
