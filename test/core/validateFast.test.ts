// The compiled fast path against the full validator, on every roster of the sample data and on rows
// mutated into every kind of trouble: for a row it accepts, the record must be the full validator's and
// the full validator must have nothing to say; it must accept nearly every clean row (else it is no
// fast path); and it never rejects on its own (a null only sends the row to the full validator).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { USCC_CHARSET, orgCheckChar, usccCheckChar } from '../../src/core/creditCode.js';
import type { SchemaKind } from '../../src/core/rosters.js';
import { fastRowValidator } from '../../src/core/validateFast.js';
import { mapHeader, rowValidator, type RefSets } from '../../src/core/validateRow.js';
import { DATA, fixture } from '../helpers.js';

/** A roster file as rows: UTF-8 (with or without BOM), or GB18030 as the sample objects are. */
function table(file: string): string[][] {
  const bytes = readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
}

const col = (t: string[][], name: string) => {
  const i = t[0]!.indexOf(name);
  return new Set(t.slice(1).map((r) => r[i]!));
};

const departments = table(join(DATA, 'departments.csv'));
const items = table(join(DATA, 'items.csv'));
const objects = table(join(DATA, 'objects.csv'));
const inspectors = table(join(DATA, 'inspectors.csv'));
const refs: RefSets = {
  departments: col(departments, '部门编码'),
  items: col(items, '事项编码'),
  categories: col(items, '检查类别'),
  objects: col(objects, '统一社会信用代码'),
  inspectors: col(inspectors, '人员编号'),
  allowCodes: new Set(['91350200MA00000000']),
};

/** Cell texts that make trouble, alone or spliced into a valid cell. */
const TROUBLE = [
  '',
  ' ',
  '\u000b',
  '\u0001',
  '\t',
  'a',
  'Z',
  'X',
  '低风险',
  'high',
  '是',
  'Y',
  '否',
  'A类',
  'd',
  '注销',
  'active',
  '2026-13-01',
  '2026-02-29',
  '45000',
  '9.13502E+17',
  '1E1234567890123456',
  '913502000000000000',
  '91350200MA00000000',
  '91350200776049653a',
  ' 91350200776049653A ',
  '91350200776049653B',
  '91350200776049654A',
  'HLSJ',
  'NOPE',
  'SC01',
  'HL001',
  'a;b',
  '企业登记；特种设备',
  '"',
  '中文',
];

/**
 * Codes that pass or fail the checks the fast path does by arithmetic: right USCC check character with
 * a wrong organisation check (a warning), Excel's 1E+17 form with a right check character, lower case.
 */
function trickyCodes(rng: () => number): string[] {
  const pick = (set: string) => set[Math.floor(rng() * set.length)]!;
  const withCheck = (first17: string) => first17 + usccCheckChar(first17);
  const out: string[] = [];
  for (let k = 0; k < 40; k++) {
    const region = Array.from({ length: 6 }, () => pick('0123456789')).join('');
    const body = Array.from({ length: 8 }, () => pick('0123456789ABCDEFGHJKLMNPQRTUWXY')).join('');
    const orgOk = orgCheckChar(body);
    const orgBad = orgOk === '0' ? '1' : '0';
    out.push(withCheck(`91${region}${body}${orgOk}`));
    // Every wrong check character too: a check computed wrongly would take one of them.
    if (k < 4) for (const c of USCC_CHARSET) out.push(`91${region}${body}${orgOk}${c}`);
    out.push(withCheck(`91${region}${body}${orgBad}`));
    out.push(withCheck(`91${region}${body}${orgOk}`).toLowerCase());
    // A letter where the region digits belong, with a right check character.
    const at = 2 + Math.floor(rng() * 6);
    out.push(withCheck(`91${region.slice(0, at - 2)}A${region.slice(at - 1)}${body}${orgOk}`));
  }
  // Excel's 1E+17 form: 1, E, then 16 digits, the last of them a right check character.
  for (let k = 0; out.length < 200 && k < 5000; k++) {
    const code = withCheck(`1E${Array.from({ length: 15 }, () => pick('0123456789')).join('')}`);
    if (/^1E\d{16}$/.test(code)) out.push(code);
  }
  return out;
}

function mutate(rng: () => number, row: string[]): string[] {
  const out = [...row];
  const n = 1 + Math.floor(rng() * 2);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(rng() * out.length);
    const t = TROUBLE[Math.floor(rng() * TROUBLE.length)]!;
    const r = rng();
    out[i] = r < 0.5 ? t : r < 0.7 ? `${out[i]}${t}` : r < 0.85 ? `${t}${out[i]}` : out[i]!.toLowerCase();
  }
  if (rng() < 0.03) out.push(rng() < 0.5 ? '' : 'x');
  if (rng() < 0.03) out.pop();
  return out;
}

const files: [SchemaKind, string][] = [
  ['objects', join(DATA, 'objects.csv')],
  ['departments', join(DATA, 'departments.csv')],
  ['items', join(DATA, 'items.csv')],
  ['inspectors', join(DATA, 'inspectors.csv')],
  ['history', join(DATA, 'history.csv')],
  ['objects', fixture('objects-english.csv')],
];

describe('fastRowValidator', () => {
  for (const [kind, file] of files) {
    const name = `${kind} (${file.split('/').pop()})`;
    it(`${name}: the full validator's record on every row it takes, and nearly every clean row`, () => {
      const t = table(file);
      const m = mapHeader(kind, t[0]!);
      if (!m.ok) throw new Error(JSON.stringify(m.error));
      const full = rowValidator(kind, m.map, refs);
      const fast = fastRowValidator(kind, m.map, refs);
      const rng = seedrandom(`fast-${kind}-${file}`);
      let clean = 0;
      let taken = 0;
      let mutatedTaken = 0;
      const check = (cells: string[], row: number) => {
        const f = fast(cells);
        const v = full(cells, row);
        if (f !== null) {
          expect(v.problems, JSON.stringify(cells)).toEqual([]);
          expect(f, JSON.stringify(cells)).toEqual(v.record);
        }
        return { f, v };
      };
      t.slice(1).forEach((cells, i) => {
        const { f, v } = check(cells, i + 2);
        if (v.problems.length === 0) clean++;
        if (f !== null) taken++;
      });
      for (let k = 0; k < 3000; k++) {
        const base = t[1 + Math.floor(rng() * (t.length - 1))]!;
        if (check(mutate(rng, base), k + 2).f !== null) mutatedTaken++;
      }
      // Every code column (and every other column) given each tricky code.
      for (const code of trickyCodes(rng))
        for (let i = 0; i < t[0]!.length; i++) {
          const cells = [...t[1 + Math.floor(rng() * (t.length - 1))]!];
          cells[i] = code;
          check(cells, 2);
        }
      expect(clean).toBeGreaterThan(0);
      expect(taken).toBeGreaterThanOrEqual(Math.floor(clean * 0.95));
      expect(mutatedTaken).toBeGreaterThan(0);
    });
  }
});
