import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { RowPacker, RowUnpacker, recordOf, type PackedRows } from '../../src/core/rowPacking.js';

const KEYS = ['credit_code', 'name', 'type', 'region', 'tags'];

/** Hostile text: empty strings, quotes, commas, line breaks, surrogate pairs, tabs (never U+0000). */
function text(rnd: () => number): string {
  const parts = ['', 'A', '厦门', '𠀾', '"', ',', '\n', '\r\n', '\t', ' ', 'x'.repeat(300), '　', '\u2028'];
  let s = '';
  const n = Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) s += parts[Math.floor(rnd() * parts.length)];
  return s;
}

interface Sent {
  row: number;
  cells?: string[];
  clean?: Record<string, string>;
  fastChecked: boolean;
}

/** Generated batches: raw and clean rows mixed, a few repeated values and many distinct ones. */
function batches(seed: string, count: number, perBatch: number): Sent[][] {
  const rnd = seedrandom(seed);
  let row = 1;
  const out: Sent[][] = [];
  for (let b = 0; b < count; b++) {
    const batch: Sent[] = [];
    for (let i = 0; i < perBatch; i++) {
      row += 1 + Math.floor(rnd() * 2); // blank lines leave gaps
      if (rnd() < 0.2) {
        const cells = Array.from({ length: 1 + Math.floor(rnd() * 7) }, () => text(rnd));
        batch.push({ row, cells, fastChecked: rnd() < 0.5 });
      } else {
        const clean: Record<string, string> = {
          credit_code: `9135${row}`, // new in every row: the dictionary fills and the column goes literal
          name: text(rnd),
          type: ['企业', '个体工商户', ''][Math.floor(rnd() * 3)]!,
          region: `R${Math.floor(rnd() * 30)}`,
          tags: text(rnd),
        };
        batch.push({ row, clean, fastChecked: true });
      }
    }
    out.push(batch);
  }
  return out;
}

function pack(packer: RowPacker, batch: Sent[]): PackedRows {
  for (const r of batch) {
    if (r.clean) packer.addClean(r.row, r.clean);
    else packer.addRaw(r.row, r.cells!, r.fastChecked);
  }
  return packer.take();
}

describe('row packing across the parse worker boundary', () => {
  it('gives back every row, cell and record exactly, batch after batch (dictionaries grown in step)', () => {
    for (const seed of ['a', 'b', 'c']) {
      const packer = new RowPacker(KEYS);
      const unpacker = new RowUnpacker(KEYS.length);
      let sent = 0;
      // 5,000 distinct credit codes: past the 4,096-entry dictionary limit.
      for (const batch of batches(seed, 12, 500)) {
        const rows = unpacker.unpack(structuredClone(pack(packer, batch)));
        expect(rows.map((r) => r.row)).toEqual(batch.map((r) => r.row));
        rows.forEach((r, i) => {
          const s = batch[i]!;
          if (s.clean) {
            expect(r.cells).toEqual([]);
            expect(recordOf(KEYS, r.values!, r.at!)).toEqual(s.clean);
          } else {
            expect(r.values).toBeUndefined();
            expect(r.cells).toEqual(s.cells);
            expect(r.checked).toBe(s.fastChecked);
          }
        });
        sent += batch.length;
      }
      expect(sent).toBe(6000);
    }
  });

  it('a batch of dictionary entries only has no literal (and an empty text is one empty cell, not none)', () => {
    const packer = new RowPacker(['type']);
    const unpacker = new RowUnpacker(1);
    unpacker.unpack(pack(packer, [{ row: 2, clean: { type: '企业' }, fastChecked: true }]));
    const second = pack(packer, [{ row: 3, clean: { type: '企业' }, fastChecked: true }]);
    expect(second.literals).toBe(0);
    expect(recordOf(['type'], ...(([r]) => [r!.values!, r!.at!] as const)(unpacker.unpack(second)))).toEqual({
      type: '企业',
    });
    const empty = pack(packer, [{ row: 4, cells: [''], fastChecked: false }]);
    expect(empty).toMatchObject({ text: '', literals: 1 });
    expect(unpacker.unpack(empty)[0]!.cells).toEqual(['']);
  });

  it('refuses a batch whose counts do not add up instead of shifting values between cells', () => {
    const packer = new RowPacker(KEYS);
    const good = pack(packer, batches('d', 1, 20)[0]!);
    const lost = { ...good, text: good.text.slice(0, good.text.lastIndexOf('\0')), literals: good.literals };
    expect(() => new RowUnpacker(KEYS.length).unpack(lost)).toThrow(/literals/);
    const extra = { ...good, text: `${good.text}\0x`, literals: good.literals + 1 };
    expect(() => new RowUnpacker(KEYS.length).unpack(extra)).toThrow(/left over/);
    // A reference to a dictionary entry the main thread never got (batches out of order).
    const later = pack(packer, batches('d', 1, 20)[0]!);
    expect(() => new RowUnpacker(KEYS.length).unpack(later)).toThrow(/not sent/);
    expect(() => packer.addClean(9, { credit_code: 'x' })).toThrow(/has no name/);
  });
});
