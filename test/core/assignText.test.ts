// The matching input written and read a piece at a time (issue 25): the parts make exactly the canonical
// text, and a scan of any cut of the bytes finds the same header, rows, count and digests as parsing the
// whole; anything that is not the canonical text the tool writes is refused by the fast path, so the
// caller parses it whole and says what is wrong.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  assignFrame,
  assignTextOf,
  idsDigest,
  piecesDigest,
  rowsText,
  scanAssign,
  textOfPieces,
  type AssignHead,
} from '../../src/core/assignText.js';
import { canonicalJson } from '../../src/core/canonical.js';
import { depthWatch, nestsDeeperThan } from '../../src/core/jsonSafety.js';
import type { ObjectRow } from '../../src/core/matching.js';
import { check, fc } from '../property.js';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const enc = (s: string) => new TextEncoder().encode(s);

// Strings with what JSON escapes and what UTF-8 spreads over several bytes: quotes, backslashes,
// control characters, brackets and commas (`]],[` inside an id), Chinese, an astral character.
const text = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('在岗', '企业登记', ']],[', '"', '\\', '\n', '\u0001', '𠀀', '],"requirements":', ',"objects":['),
);
const headArb: fc.Arbitrary<AssignHead> = fc.record({
  algorithm: fc.constant('inspect-assign/1'),
  drawId: text,
  teamSize: fc.integer({ min: 2, max: 4 }),
  windowEnd: fc.constant('2026-12-31'),
  crossRegion: fc.boolean(),
  departments: fc.array(text, { minLength: 1, maxLength: 3 }),
  requirements: fc.array(fc.tuple(text, text), { maxLength: 3 }),
  inspectors: fc.array(
    fc.tuple(text, text, text, text, text, fc.array(text, { maxLength: 2 }), fc.array(text, { maxLength: 2 })),
    { maxLength: 5 },
  ),
});
const rowsArb: fc.Arbitrary<ObjectRow[]> = fc.array(fc.tuple(text, text, fc.array(text, { maxLength: 3 })), {
  maxLength: 40,
});

/** The bytes cut at the given positions (sorted, deduplicated): mid-row, mid-string, mid-character. */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((a) => a % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

describe('the matching input in pieces', () => {
  it('prefix, rows and suffix are exactly the canonical text', () => {
    check(
      fc.property(headArb, rowsArb, (head, rows) => {
        const whole = canonicalJson({ ...head, objects: rows } as never);
        expect(assignTextOf(head, rows)).toBe(whole);
        // Written a page at a time, as a commitment writes it.
        const { prefix, suffix } = assignFrame(head);
        const pages = [rows.slice(0, 7), rows.slice(7, 20), rows.slice(20)].filter((p) => p.length);
        expect(prefix + pages.map(rowsText).join(',') + suffix).toBe(whole);
      }),
      300,
    );
  });

  it('a scan of any cut of the bytes finds what parsing the whole finds', () => {
    check(
      fc.property(
        headArb,
        rowsArb,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (head, rows, at, wantAt) => {
          const bytes = enc(assignTextOf(head, rows));
          const want = new Set(wantAt.filter((i) => i < rows.length).map((i) => rows[i]![0]));
          const scan = scanAssign(cut(bytes, at), want);
          expect(scan.ok, scan.why).toBe(true);
          expect(scan.digest).toBe(sha(bytes));
          expect(scan.bytes).toBe(bytes.length);
          expect(scan.head).toEqual(head);
          expect(scan.count).toBe(rows.length);
          expect(scan.idsDigest).toBe(idsDigest(rows.map((r) => r[0])));
          // The last row of an id, as forSelection takes it.
          const last = new Map(rows.map((r) => [r[0], r]));
          expect(new Map([...scan.rows])).toEqual(new Map([...want].map((id) => [id, last.get(id)])));
        },
      ),
      300,
    );
  });

  it('sees every row in order when asked, and reads one large buffer a megabyte at a time', () => {
    const head: AssignHead = {
      algorithm: 'inspect-assign/1',
      drawId: '2026-HLSJ-001',
      teamSize: 2,
      windowEnd: '2026-12-31',
      crossRegion: false,
      departments: ['HLSJ'],
      requirements: [['HLSJ', '企业登记']],
      inspectors: [['I1', 'HLSJ', '', '在岗', '2030-12-31', ['企业登记'], []]],
    };
    const rows: ObjectRow[] = Array.from({ length: 60_000 }, (_, i) => [
      `91350200${String(i).padStart(10, '0')}`,
      '350206',
      i % 7 ? [] : ['I1'],
    ]);
    const bytes = enc(assignTextOf(head, rows));
    expect(bytes.length).toBeGreaterThan(2 << 20);
    const seen: string[] = [];
    const scan = scanAssign([bytes], new Set(), (row, i) => seen.push(`${i}:${row[0]}`));
    expect(scan.ok).toBe(true);
    expect(seen).toEqual(rows.map((r, i) => `${i}:${r[0]}`));
    expect(piecesDigest([bytes])).toBe(scan.digest);
    expect(textOfPieces(cut(bytes, [5, 1000, 3_000_000]))).toBe(new TextDecoder().decode(bytes));
  });

  it('an empty list of objects is read as such', () => {
    check(
      fc.property(headArb, (head) => {
        const scan = scanAssign([enc(assignTextOf(head, []))]);
        expect(scan.ok, scan.why).toBe(true);
        expect(scan.count).toBe(0);
        expect(scan.head).toEqual(head);
      }),
      50,
    );
  });

  it('refuses, on the fast path, anything that is not the canonical text (the caller then parses it whole)', () => {
    const head: AssignHead = {
      algorithm: 'inspect-assign/1',
      drawId: 'D',
      teamSize: 2,
      windowEnd: '2026-12-31',
      crossRegion: false,
      departments: ['HLSJ'],
      requirements: [],
      inspectors: [['I1', 'HLSJ', '', '在岗', '2030-12-31', [], []]],
    };
    const good = assignTextOf(head, [
      ['A', 'r', []],
      ['B', 'r', ['I1']],
    ]);
    expect(scanAssign([enc(good)]).ok).toBe(true);
    const bad: [string, string | Uint8Array][] = [
      ['a space between rows', good.replace('],["B"', '], ["B"')],
      ['pretty-printed', JSON.stringify(JSON.parse(good), null, 1)],
      ['keys out of order', good.replace('"algorithm":"inspect-assign/1",', '').replace('}', ',"algorithm":"x"}')],
      ['a number for an id', good.replace('["A"', '[1')],
      ['a row of two', good.replace('["A","r",[]]', '["A","r"]')],
      ['an escaped character written differently', good.replace('"A"', '"\\u0041"')],
      ['cut short', good.slice(0, -5)],
      ['no rows at all', good.replace(/,"objects":\[.*\],"requirements"/, ',"requirements"')],
      ['a byte-order mark', `\ufeff${good}`],
      ['an inspector that is an object', good.replace('[["I1"', '[{"objects":[]},["I1"')],
      ['objects not empty in the header', good.replace('"requirements":[]', '"requirements":[],"x":1')],
      ['invalid UTF-8', new Uint8Array([...enc(good.slice(0, 40)), 0xff, ...enc(good.slice(40))])],
    ];
    for (const [what, text] of bad) {
      const bytes = typeof text === 'string' ? enc(text) : text;
      const scan = scanAssign([bytes]);
      expect(scan.ok, what).toBe(false);
      // The digest is of the bytes whatever they are.
      expect(scan.digest, what).toBe(sha(bytes));
      expect(scan.rows.size, what).toBe(0);
    }
  });
});

describe('the nesting check on a file read in chunks', () => {
  it('says what the whole-file check says, wherever the chunks are cut (strings and escapes across cuts)', () => {
    const nested = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('x', '[', ']', '"', '\\', '{', '}'),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', '[', '"'), tie('v'), { maxKeys: 2 }),
      ),
    })).v;
    check(
      fc.property(nested, fc.integer({ min: 1, max: 6 }), fc.array(fc.nat(), { maxLength: 8 }), (v, max, at) => {
        const bytes = enc(JSON.stringify(v));
        const watch = depthWatch(max);
        const deep = cut(bytes, at).reduce((seen, piece) => watch(piece) || seen, false);
        expect(deep).toBe(nestsDeeperThan(bytes, max));
      }),
      300,
    );
  });
});
