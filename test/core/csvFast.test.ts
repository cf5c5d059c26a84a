// The fast CSV splitter against csv-parse (the reference) on generated hostile files: quotes in every
// place, CR/LF mixes, ragged rows, BOMs, blank lines, unclosed quotes, each split into chunks at random
// places. The hybrid (fast path, then csv-parse from the first record it hands over) must give the same
// records, or the same error at the same record, for every file.
import { parse } from 'csv-parse/sync';
import seedrandom from 'seedrandom';
import { check, fc } from '../property.js';
import { describe, expect, it } from 'vitest';
import { FastCsv } from '../../src/core/csvFast.js';

const OPTS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false } as const;

type Outcome = { records: string[][] } | { error: string; record: number };

function reference(text: string): Outcome {
  try {
    return { records: parse(text, { ...OPTS, bom: true }) as string[][] };
  } catch (e) {
    const err = e as { code: string; records?: number };
    return { error: err.code, record: err.records ?? 0 };
  }
}

function hybrid(text: string, cuts: number[]): Outcome {
  const fast = new FastCsv();
  const records: string[][] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    const r = fast.push(text.slice(from, cut), cut === text.length);
    records.push(...r.records);
    if (r.fallback !== undefined) {
      const rest = r.fallback + text.slice(cut);
      const delimiter = r.lineEnding ? { record_delimiter: r.lineEnding } : {};
      try {
        records.push(...(parse(rest, { ...OPTS, ...delimiter, bom: false }) as string[][]));
      } catch (e) {
        const err = e as { code: string; records?: number };
        return { error: err.code, record: records.length + (err.records ?? 0) };
      }
      return { records };
    }
    from = cut;
  }
  return { records };
}

const PIECES = ['a', 'b', 'xy', ',', ',', '"', '"', '""', '\n', '\r\n', '\r', ' ', '中文', '𠀾', '\t'];

/** A well-formed file as Excel writes it (fields quoted when they must be), with one line ending. */
function regular(rng: () => number): string {
  const eol = ['\n', '\r\n', '\r'][Math.floor(rng() * 3)]!;
  const rows = Math.floor(rng() * 8);
  // A header row as Excel writes it: plain names, so the line ending is known after it.
  const lines: string[] = ['代码,名称,地址'];
  for (let r = 0; r < rows; r++) {
    const cols = 1 + Math.floor(rng() * 5);
    const cells: string[] = [];
    for (let c = 0; c < cols; c++) {
      let v = '';
      const len = Math.floor(rng() * 6);
      for (let k = 0; k < len; k++) v += ['a', '中', ',', '"', '\n', ' ', '1'][Math.floor(rng() * 7)];
      cells.push(/[",\r\n]/.test(v) || rng() < 0.2 ? `"${v.replaceAll('"', '""')}"` : v);
    }
    lines.push(cells.join(','));
  }
  return lines.join(eol) + (rng() < 0.5 ? eol : '');
}

function cutsFor(text: string, rng: () => number): number[] {
  const k = Math.floor(rng() * 4);
  return Array.from({ length: k }, () => Math.floor(rng() * (text.length + 1))).sort((a, b) => a - b);
}

describe('fast CSV splitter, differential against csv-parse', () => {
  it('agrees on the edge cases csv-parse is known for', () => {
    const cases = [
      'a,b\nc,d\n',
      'a,b\r\nc,d\ne,f\r\n',
      'a,b\nc,d\r\ne,f\n',
      'a,b\rc\nd',
      '"a""b",c\n',
      'a"b,c\n',
      '"ab"c,d\n',
      '"a\nb",c\r\nd,e\r\n',
      'a,,\n,\n\n\nx',
      '\ufeffa,b\n',
      '"abc',
      'a,"b\n',
      '"x"y"z",w\n',
      '"a" ,b\n',
      '',
      '\n',
      '\r',
      '\r\n\r\n',
      'a,\n',
      '"",""',
    ];
    for (const c of cases) expect(hybrid(c, []), JSON.stringify(c)).toEqual(reference(c));
  });

  it('agrees on 20,000 generated hostile files, each cut into chunks at random places', () => {
    // A file of CSV's troublesome pieces (quotes, every line ending, wide characters, a BOM sometimes),
    // and up to three places where the reader's chunks end; shrunk to the smallest disagreement.
    const file = fc
      .tuple(fc.boolean(), fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }))
      .map(([bom, pieces]) => (bom ? '\ufeff' : '') + pieces.join(''));
    const cuts = fc.array(fc.nat(), { maxLength: 3 });
    check(
      fc.property(file, cuts, (text, at) => {
        const c = at.map((x) => x % (text.length + 1)).sort((a, b) => a - b);
        expect(hybrid(text, c), JSON.stringify({ text, cuts: c })).toEqual(reference(text));
      }),
      20_000,
    );
  });

  it('parses regular Excel files itself (no hand-over) and agrees with csv-parse', () => {
    const rng = seedrandom('csv-regular');
    let handedOver = 0;
    for (let i = 0; i < 5_000; i++) {
      const text = regular(rng);
      const cuts = cutsFor(text, rng);
      expect(hybrid(text, cuts), JSON.stringify({ text, cuts })).toEqual(reference(text));
      const fast = new FastCsv();
      let from = 0;
      for (const cut of [...cuts, text.length]) {
        if (fast.push(text.slice(from, cut), cut === text.length).fallback !== undefined) {
          handedOver++;
          break;
        }
        from = cut;
      }
    }
    expect(handedOver).toBe(0);
  });
});
