// Values are what they say (issue 22 §5): options take YYYY-MM-DD and decimal numbers only, offsets are
// real ones, a plan year and its window agree, text kept for ever in the log is printable and bounded.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { printable } from '../../src/core/text.js';
import { cli, DATA, fileSha, SAMPLE_DRAW, sampleDb, tmp } from '../helpers.js';

describe('options are what they say', () => {
  let db = '';
  beforeAll(async () => {
    db = await sampleDb();
  });
  it.each([
    [['report', '--as-of', '99999']],
    [['report', '--as-of', '61']],
    [['report', '--as-of', '2026/11/01']],
    [['draw', '--items', 'SC01', '--year', '2026', '--window', '46388..46400', '--dry-run']],
    [['simulate', '--items', 'SC01', '--year', '2026', '--runs', '0x10']],
    [['simulate', '--items', 'SC01', '--year', '2026', '--runs', '1e3']],
  ])('%j is a usage error (2)', async (args) => {
    expect((await cli([...args, '--db', db])).code).toBe(2);
  });

  it('offsets beyond ±14:00 or with 99 minutes are refused, never stored as +100:39', async () => {
    const before = fileSha(db);
    expect((await cli(['status', '--db', db], { env: { INSPECT_NOW: '2026-11-01T10:00:00+99:99' } })).code).toBe(2);
    const w = await cli([
      ...SAMPLE_DRAW.slice(0, 5),
      '--commit',
      '--beacon',
      'witness:x@2026-12-31T10:00+99:99#3',
      '--yes',
      '--db',
      db,
    ]);
    expect(w.code).toBe(2);
    expect(fileSha(db)).toBe(before);
  });

  it('a plan year out of range, or a window outside the plan year, is refused (65) and nothing recorded', async () => {
    const before = fileSha(db);
    const y = await cli([
      'draw',
      '--items',
      'SC01',
      '--year',
      '1900',
      '--window',
      '1900-01-01..1900-12-31',
      '--seed',
      'x',
      '--yes',
      '--db',
      db,
    ]);
    expect(y.code).toBe(65);
    const w = await cli([
      'draw',
      '--items',
      'SC01',
      '--year',
      '2027',
      '--window',
      '2026-01-01..2026-01-02',
      '--seed',
      'x',
      '--yes',
      '--db',
      db,
    ]);
    expect(w.code).toBe(65);
    expect(w.stderr).toContain('不在抽取年度 2027 之内');
    expect(fileSha(db)).toBe(before);
  });

  it('--operator and --reason: no control characters, no newline, not empty, bounded', async () => {
    const before = fileSha(db);
    for (const op of ['a\u001b[8mhidden', 'two\nlines', '   ', 'x'.repeat(100_000), 'evil\u202eetxet'])
      expect(
        (await cli([...SAMPLE_DRAW, '--operator', op, '--yes', '--db', db])).code,
        JSON.stringify(op.slice(0, 12)),
      ).toBe(2);
    expect(
      (await cli([...SAMPLE_DRAW, '--supersede', '2026-HLSJ-001', '--reason', 'a\u001b[2Jb', '--yes', '--db', db]))
        .code,
    ).toBe(2);
    expect(fileSha(db)).toBe(before);
  });

  it('stored values are printed escaped: ESC, newlines and direction overrides', () => {
    expect(printable('a\u001b[8mb\nc\u202ed')).toBe('a\\u001b[8mb\\u000ac\\u202ed');
  });
});

describe('messages that say what happened', () => {
  it('UTF-32, UTF-16 without a BOM, Excel’s ~$ owner file, a folder and a --db folder are each named', async () => {
    const dir = tmp();
    const db = join(dir, 'i.db');
    const text = readFileSync(join(DATA, 'departments.csv'), 'utf8').replace(/^\uFEFF/, '');
    const u32 = Buffer.alloc(text.length * 4);
    for (let i = 0; i < text.length; i++) u32.writeUInt32LE(text.charCodeAt(i), i * 4);
    writeFileSync(join(dir, 'u32.csv'), u32);
    expect((await cli(['import', 'departments', join(dir, 'u32.csv'), '--db', db])).stderr).toContain('UTF-32');
    writeFileSync(join(dir, 'u16.csv'), Buffer.from(text, 'utf16le'));
    expect((await cli(['import', 'departments', join(dir, 'u16.csv'), '--db', db])).stderr).toContain('UTF-16');
    writeFileSync(join(dir, '~$部门.csv'), 'x');
    const owner = await cli(['import', 'departments', join(dir, '~$部门.csv'), '--db', db]);
    expect(owner.code).toBe(66);
    expect(owner.stderr).toContain('正在 Excel 中打开');
    mkdirSync(join(dir, 'folder.csv'));
    const folder = await cli(['import', 'departments', join(dir, 'folder.csv'), '--db', db]);
    expect(folder.stderr).toContain('文件夹');
    expect(folder.stderr).not.toContain('not a file');
    const dbDir = await cli(['status', '--db', dir]);
    expect(dbDir.code).toBe(66);
    expect(dbDir.stderr).toContain('是一个文件夹');
    expect(dbDir.stderr).not.toContain('只读');
  });
});
