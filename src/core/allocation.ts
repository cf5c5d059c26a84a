// draw-spec §4: integer allocation of the sample to strata. Counts never touch floating point; products
// that can pass 2^53 (E · bp · N) are computed with BigInt.
import { compareCodeUnits } from './canonical.js';
import { dataError } from './errors.js';
import type { Allocation, Frame } from './drawTypes.js';

const ceilDiv = (a: number, b: number) => Number((BigInt(a) + BigInt(b) - 1n) / BigInt(b));

export function allocate(frame: Pick<Frame, 'policy' | 'scopeCount' | 'coveredCount' | 'frame'>): Allocation {
  const { codes, names } = frame.frame;
  const perCode = new Array<number>(names.length).fill(0);
  for (let i = 0; i < codes.length; i++) perCode[codes[i]!]!++;
  const counts: Record<string, number> = {};
  names.forEach((h, c) => {
    if (perCode[c]! > 0) counts[h] = (counts[h] ?? 0) + perCode[c]!;
  });
  const strata = Object.keys(counts).sort(compareCodeUnits);
  const N: Record<string, number> = Object.fromEntries(strata.map((h) => [h, counts[h]!]));
  const bp: Record<string, number> = {};
  for (const h of strata) {
    const r = frame.policy.ratiosBp[h];
    if (r === undefined) throw dataError('E_NO_RATIO', { stratum: h });
    bp[h] = r;
  }
  const base: Record<string, number> = {};
  for (const h of strata) base[h] = Math.min(N[h]!, ceilDiv(bp[h]! * N[h]!, 10000));
  const sumBase = strata.reduce((s, h) => s + base[h]!, 0);
  const floorTotal = Math.min(
    frame.frame.ids.length,
    Math.max(0, ceilDiv(frame.policy.floorBp * frame.scopeCount, 10000) - frame.coveredCount),
  );

  const extra: Record<string, number> = Object.fromEntries(strata.map((h) => [h, 0]));
  let E = floorTotal - sumBase;
  let open = strata.filter((h) => N[h]! - base[h]! > 0);
  while (E > 0 && open.length > 0) {
    const room = (h: string) => N[h]! - base[h]!;
    let v = open.map((h) => BigInt(bp[h]!) * BigInt(N[h]!));
    if (v.every((x) => x === 0n)) v = open.map((h) => BigInt(N[h]!));
    const W = v.reduce((a, b) => a + b, 0n);
    const a = open.map((_, i) => Number((BigInt(E) * v[i]!) / W));
    // A stratum whose share exceeds its room is fixed at its room; the rest is shared again.
    const over = open.filter((h, i) => a[i]! > room(h));
    if (over.length > 0) {
      for (const h of over) {
        extra[h] = room(h);
        E -= room(h);
      }
      open = open.filter((h) => !over.includes(h));
      continue;
    }
    open.forEach((h, i) => (extra[h] = a[i]!));
    let left = E - a.reduce((s, x) => s + x, 0);
    const order = open
      .map((h, i) => ({ h, rem: (BigInt(E) * v[i]!) % W }))
      .sort((x, y) => (x.rem !== y.rem ? (y.rem > x.rem ? 1 : -1) : bp[y.h]! - bp[x.h]! || compareCodeUnits(x.h, y.h)));
    // Leftover units one each in that order, skipping a stratum already full.
    while (left > 0) {
      let gave = false;
      for (const { h } of order) {
        if (left === 0) break;
        if (extra[h]! < room(h)) {
          extra[h]! += 1;
          left--;
          gave = true;
        }
      }
      if (!gave) break;
    }
    E = 0;
  }
  const n: Record<string, number> = {};
  for (const h of strata) n[h] = base[h]! + extra[h]!;
  return { N, base, extra, n, floorTotal };
}
