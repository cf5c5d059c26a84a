// draw-spec §2, §3, §5: seed binding, one ticket per frame row from seedrandom (ARC4), and selection of
// the n_h smallest tickets in each stratum.
import seedrandom from 'seedrandom';
import { compareCodeUnits, sha256Hex } from './canonical.js';
import { ALGORITHM, type Allocation, type Frame, type Selected } from './drawTypes.js';

/** Hashing first avoids seedrandom's low-byte key mixing and binds the seed to this exact frame. */
export function seedHexFor(seed: string, inputDigest: string): string {
  return sha256Hex(`${ALGORITHM}\n${seed}\n${inputDigest}`);
}

/** The stream for inspector matching (spec §6): independent of the object selection. */
export function assignSeedHex(seedHex: string): string {
  return sha256Hex(`${seedHex}\nassign`);
}

export function tickets(frame: Frame['frame'], seedHex: string): number[] {
  const rng = seedrandom(seedHex);
  const out = new Array<number>(frame.length);
  for (let i = 0; i < frame.length; i++) out[i] = rng();
  return out;
}

/**
 * Orders each stratum by (ticket, id) and takes the first n_h. `limit` lets a caller take more later
 * rows of the same order (a larger sample in the same draw), never a different order.
 */
export function select(frame: Frame['frame'], ticketValues: number[], allocation: Allocation): Selected[] {
  const byStratum = new Map<string, number[]>();
  frame.forEach(([, stratum], i) => {
    let list = byStratum.get(stratum);
    if (!list) byStratum.set(stratum, (list = []));
    list.push(i);
  });
  const out: Selected[] = [];
  for (const stratum of [...byStratum.keys()].sort(compareCodeUnits)) {
    const rows = byStratum.get(stratum)!;
    const n = allocation.n[stratum] ?? 0;
    if (n === 0) continue;
    rows.sort((a, b) => ticketValues[a]! - ticketValues[b]! || compareCodeUnits(frame[a]![0], frame[b]![0]));
    for (let r = 0; r < n; r++) {
      const i = rows[r]!;
      out.push({ id: frame[i]![0], stratum, rank: r + 1, ticket: String(ticketValues[i]) });
    }
  }
  return out;
}
