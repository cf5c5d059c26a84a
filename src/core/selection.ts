// draw-spec §2, §3, §5: seed binding, one ticket per frame row from seedrandom (ARC4), and selection of
// the n_h smallest tickets in each stratum.
import seedrandom from 'seedrandom';
import { compareCodeUnits, sha256Hex } from './canonical.js';
import { ALGORITHM, type Allocation, type FrameRows, type Selected } from './drawTypes.js';

/** Hashing first avoids seedrandom's low-byte key mixing and binds the seed to this exact frame. */
export function seedHexFor(seed: string, inputDigest: string): string {
  return sha256Hex(`${ALGORITHM}\n${seed}\n${inputDigest}`);
}

/** The stream for inspector matching (spec §6): independent of the object selection. */
export function assignSeedHex(seedHex: string): string {
  return sha256Hex(`${seedHex}\nassign`);
}

/** One ticket per frame row, in frame order (8 bytes a row). */
export function tickets(rows: FrameRows, seedHex: string): Float64Array {
  const rng = seedrandom(seedHex);
  const out = new Float64Array(rows.ids.length);
  for (let i = 0; i < out.length; i++) out[i] = rng();
  return out;
}

/**
 * Orders each stratum by (ticket, id) and takes the first n_h. `limit` lets a caller take more later
 * rows of the same order (a larger sample in the same draw), never a different order.
 */
export function select(rows: FrameRows, ticketValues: Float64Array, allocation: Allocation): Selected[] {
  const { ids, codes, names } = rows;
  const out: Selected[] = [];
  const before = (a: number, b: number) => ticketValues[a]! - ticketValues[b]! || ids.compare(a, b);
  const order = names.map((_, c) => c).sort((a, b) => compareCodeUnits(names[a]!, names[b]!));
  for (const code of order) {
    const stratum = names[code]!;
    const n = allocation.n[stratum] ?? 0;
    if (n === 0) continue;
    // One stratum at a time, so only one list of row numbers is ever held.
    const inStratum: number[] = [];
    for (let i = 0; i < codes.length; i++) if (codes[i] === code) inStratum.push(i);
    const first = smallest(inStratum, n, before);
    for (let r = 0; r < first.length; r++) {
      const i = first[r]!;
      // Keys in code-unit order: the record's canonical text of it is then plain JSON.stringify.
      out.push({ id: ids.at(i), rank: r + 1, stratum, ticket: String(ticketValues[i]) });
    }
  }
  return out;
}

/**
 * The n smallest of `items` under `before` (a strict total order: ids are unique), in order: exactly
 * the first n of items sorted by it. A bounded max-heap sees each item once, so a stratum of a million
 * rows costs about a million comparisons instead of a full sort's twenty million.
 */
export function smallest(items: number[], n: number, before: (a: number, b: number) => number): number[] {
  if (n >= items.length) return [...items].sort(before);
  if (n <= 0) return [];
  const heap: number[] = []; // max-heap: heap[0] is the largest kept
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && before(heap[l]!, heap[top]!) > 0) top = l;
      if (r < heap.length && before(heap[r]!, heap[top]!) > 0) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top]!, heap[i]!];
      i = top;
    }
  };
  for (const x of items) {
    if (heap.length < n) {
      heap.push(x);
      for (let i = heap.length - 1; i > 0;) {
        const p = (i - 1) >> 1;
        if (before(heap[i]!, heap[p]!) <= 0) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (before(x, heap[0]!) < 0) {
      heap[0] = x;
      down(0);
    }
  }
  return heap.sort(before);
}
