// The frame's rows as columns: packed ids, the canonical bytes written straight from the columns (the same
// bytes as canonicalJson of the document, on hostile ids and strata too), sorting, and a file read back.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { canonicalJson, compareCodeUnits } from '../../src/core/canonical.js';
import type { Allocation, FrameDoc, Selected } from '../../src/core/drawTypes.js';
import {
  canonicalFrameBytes,
  frameFromDoc,
  frameRowsBuilder,
  frameToDoc,
  rowsFromPairs,
  rowsToPairs,
} from '../../src/core/frameRows.js';
import { IdColumn } from '../../src/core/idColumn.js';
import { parseCanonicalFrame, readFrame } from '../../src/core/frameParse.js';
import { select } from '../../src/core/selection.js';

/** Ids a tampered database could hold: quotes, backslashes, controls, non-ASCII, astral, lone surrogates. */
const HOSTILE = [
  '',
  '"',
  '\\',
  'a"b',
  'x\\y',
  '\u0000',
  '\n',
  '\u001f',
  '\u007f',
  '中文',
  '😀',
  '\ud800',
  '\udfff',
  ' ',
];

function randomId(rng: () => number): string {
  if (rng() < 0.15) return HOSTILE[Math.floor(rng() * HOSTILE.length)]! + String(Math.floor(rng() * 1000));
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let s = '9135';
  for (let i = 0; i < 14; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
  return s;
}

function randomDoc(rng: () => number): FrameDoc {
  const strata = ['A|L', 'B|M', 'D|H', 'KEY', ...(rng() < 0.2 ? ['"|\\', '中|😀', '\u0001|x'] : [])];
  const ids = [...new Set(Array.from({ length: Math.floor(rng() * 300) }, () => randomId(rng)))].sort(compareCodeUnits);
  return {
    algorithm: 'inspect-draw/1',
    drawId: rng() < 0.1 ? 'D"1\\' : '2026-HLSJ-001',
    year: 2026,
    policy: { floorBp: 500, ratiosBp: Object.fromEntries(strata.map((s, i) => [s, i * 100])) },
    scopeCount: ids.length + 3,
    coveredCount: 1,
    frame: ids.map((id) => [id, strata[Math.floor(rng() * strata.length)]!]),
    excluded: rng() < 0.5 ? [] : [['Z"1', 'SAME_CATEGORY']],
  };
}

describe('IdColumn', () => {
  it('gives back every id, plain or not, past its first capacity', () => {
    const rng = seedrandom('ids');
    const ids = Array.from({ length: 9000 }, () => randomId(rng)); // > 4,096 ends, > 65,536 bytes
    const col = new IdColumn();
    for (const id of ids) col.push(id);
    col.trim();
    expect(col.length).toBe(ids.length);
    expect(col.toArray()).toEqual(ids);
    expect(col.at(0)).toBe(ids[0]);
  });
  it('compares as code units do, plain against plain (bytes) and against kept strings', () => {
    const rng = seedrandom('compare');
    const ids = Array.from({ length: 400 }, () => randomId(rng));
    ids.push('AB', 'ABC', 'AB', '');
    const col = new IdColumn();
    for (const id of ids) col.push(id);
    for (let t = 0; t < 5000; t++) {
      const i = Math.floor(rng() * ids.length);
      const j = Math.floor(rng() * ids.length);
      expect(col.compare(i, j), `${JSON.stringify(ids[i])} vs ${JSON.stringify(ids[j])}`).toBe(
        compareCodeUnits(ids[i]!, ids[j]!),
      );
    }
  });
});

describe('canonical frame bytes from the columns', () => {
  it('are exactly canonicalJson of the document (1,000 random frames, hostile ids and strata among them)', () => {
    const rng = seedrandom('canonical-frames');
    const enc = new TextEncoder();
    for (let t = 0; t < 1000; t++) {
      const doc = randomDoc(rng);
      const frame = frameFromDoc(doc);
      expect(Buffer.from(canonicalFrameBytes(frame)).equals(Buffer.from(enc.encode(canonicalJson(doc as never))))).toBe(
        true,
      );
      expect(frameToDoc(frame)).toEqual(doc);
    }
  });
  it('an empty frame, and a float where an integer belongs is refused as canonicalJson refuses it', () => {
    const doc = randomDoc(seedrandom('empty'));
    doc.frame = [];
    expect(new TextDecoder().decode(canonicalFrameBytes(frameFromDoc(doc)))).toBe(canonicalJson(doc as never));
    expect(() => canonicalFrameBytes(frameFromDoc({ ...doc, scopeCount: 1.5 }))).toThrow(/safe integers/);
  });
});

describe('building the columns', () => {
  it('sorts rows pushed out of order by code unit, and keeps file order when asked', () => {
    const rng = seedrandom('sort');
    for (let t = 0; t < 200; t++) {
      const pairs = randomDoc(rng).frame.sort(() => rng() - 0.5);
      const b = frameRowsBuilder();
      for (const [id, s] of pairs) b.push(id, s);
      const sorted = [...pairs].sort((x, y) => compareCodeUnits(x[0], y[0]));
      expect(rowsToPairs(b.done())).toEqual(sorted);
      expect(rowsToPairs(frameFromDoc({ ...randomDoc(rng), frame: pairs }).frame)).toEqual(pairs);
    }
  });
  it('refuses a row that is not [id, stratum], naming it', () => {
    const doc = randomDoc(seedrandom('bad'));
    expect(() => frameFromDoc({ ...doc, frame: [['A', 'B|M'], ['B'] as never] })).toThrow(/frame row 2/);
    expect(() => frameFromDoc({ ...doc, frame: [[1, 'B|M'] as never] })).toThrow(/frame row 1/);
    expect(() => frameFromDoc({ ...doc, frame: {} as never })).toThrow(/not an array/);
  });
});

describe('select over columns', () => {
  it('is the reference: per stratum, (ticket, id) ascending, the first n_h, strata in code-unit order', () => {
    const rng = seedrandom('select-columns');
    for (let t = 0; t < 200; t++) {
      const pairs = randomDoc(rng).frame;
      const rows = rowsFromPairs(pairs);
      // Few distinct tickets, so ties are common and the id decides.
      const tickets = Float64Array.from(pairs, () => Math.floor(rng() * 4) / 4);
      const strata = [...new Set(pairs.map((p) => p[1]))].sort(compareCodeUnits);
      const n = Object.fromEntries(strata.map((h) => [h, Math.floor(rng() * 5)]));
      const expected: Selected[] = [];
      for (const h of strata) {
        const inH = pairs.map((p, i) => ({ id: p[0], s: p[1], t: tickets[i]! })).filter((x) => x.s === h);
        inH.sort((a, b) => a.t - b.t || compareCodeUnits(a.id, b.id));
        inH.slice(0, n[h]).forEach((x, r) => expected.push({ id: x.id, rank: r + 1, stratum: h, ticket: String(x.t) }));
      }
      expect(select(rows, tickets, { n } as unknown as Allocation)).toEqual(expected);
    }
  });
});

describe('parseCanonicalFrame (frame.json read as bytes)', () => {
  const enc = new TextEncoder();
  it('reads every canonical frame of plain rows, and gives up (null) on the rest', () => {
    const rng = seedrandom('parse-canonical');
    let fast = 0;
    for (let t = 0; t < 1000; t++) {
      const doc = randomDoc(rng);
      const isPlain = ([id, s]: [string, string]) => /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/.test(id + s);
      // Half the frames keep only plain rows (what an imported roster gives), half keep hostile ones.
      if (t % 2 === 0) doc.frame = doc.frame.filter(isPlain);
      const bytes = enc.encode(canonicalJson(doc as never));
      const got = parseCanonicalFrame(bytes);
      const plain = doc.frame.every(isPlain);
      if (plain) expect(got, JSON.stringify(doc.frame.slice(0, 3))).not.toBeNull();
      if (got) {
        fast++;
        expect(frameToDoc(got)).toEqual(doc);
      }
      expect(frameToDoc(readFrame(bytes))).toEqual(doc);
    }
    expect(fast).toBeGreaterThan(300);
  });
  it('never gives a frame other than JSON.parse would, whatever the bytes are changed to', () => {
    const rng = seedrandom('parse-mutated');
    const pieces = [',', '"', '[', ']', '\\', ' ', 'x', '"frame":[', ',"frame":[', '}', '{', '0', 'é'];
    let valid = 0;
    for (let t = 0; t < 3000; t++) {
      let text = canonicalJson(randomDoc(rng) as never);
      for (let m = 0; m < 1 + Math.floor(rng() * 3); m++) {
        const at = Math.floor(rng() * text.length);
        const cut = rng() < 0.5 ? 1 : 0;
        text =
          text.slice(0, at) + (rng() < 0.7 ? pieces[Math.floor(rng() * pieces.length)]! : '') + text.slice(at + cut);
      }
      const got = parseCanonicalFrame(enc.encode(text));
      if (!got) continue;
      valid++;
      expect(frameToDoc(got)).toEqual(JSON.parse(text));
      expect(canonicalJson(JSON.parse(text) as never)).toBe(text);
    }
    expect(valid).toBeGreaterThan(0);
  });
});
