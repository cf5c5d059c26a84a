// Small ones found on the way: a UTF-16 file named as such, unknown columns capped, an Excel cell cut
// visibly at Excel's limit, a joint task whose items' scopes do not overlap.
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli, DATA, tmp } from '../helpers.js';

describe('small ones', () => {
  it('a UTF-16 file (Excel "Unicode text") is named as such, with what to do', async () => {
    const dir = tmp();
    const file = join(dir, 'departments.txt');
    const text = readFileSync(join(DATA, 'departments.csv'), 'utf8').replace(/^\uFEFF/, '');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await cli(['import', 'departments', file, '--db', join(dir, 'i.db')]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('UTF-16');
    expect(r.stderr).toContain('CSV UTF-8');
  });

  it('a header with thousands of unknown columns warns about 50 and counts the rest', async () => {
    const dir = tmp();
    const lines = readFileSync(join(DATA, 'departments.csv'), 'utf8').split('\r\n');
    const extra = Array.from({ length: 3000 }, (_, i) => `x${i}`);
    const wide = lines
      .map((l, i) => (l === '' ? l : `${l},${(i === 0 ? extra : extra.map(() => '')).join(',')}`))
      .join('\r\n');
    const file = join(dir, 'departments.csv');
    writeFileSync(file, wide);
    const r = await cli(['import', 'departments', file, '--db', join(dir, 'i.db')]);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.includes('忽略未知列')).length).toBe(50);
    expect(r.stderr).toContain('另有 2950 个未知列被忽略');
  });

  it('an xlsx cell longer than Excel allows is cut with a visible mark, and the export says so', async () => {
    const dir = tmp();
    const db = join(dir, 'i.db');
    for (const k of ['departments', 'items', 'objects', 'inspectors'])
      expect((await cli(['import', k, join(DATA, `${k}.csv`), '--db', db, '-q'])).code).toBe(0);
    // An import refuses a 40,000-character name now (at most 200): such a cell can only come from an older
    // database, so it is written in as one would have been.
    const d = new Database(db);
    d.prepare(`UPDATE items SET name = name || ? WHERE code = 'SC01'`).run('长'.repeat(40000));
    d.close();
    expect(
      (
        await cli([
          'draw',
          '--items',
          'SC01',
          '--year',
          '2026',
          '--window',
          '2026-11-23..2026-12-31',
          '--seed',
          'x',
          '--yes',
          '--db',
          db,
          '-q',
        ])
      ).code,
    ).toBe(0);
    const out = join(dir, 'task.xlsx');
    const r = await cli([
      'export',
      'publication',
      '2026-HLSJ-001',
      '--kind',
      'task',
      '--format',
      'xlsx',
      '--out',
      out,
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('32767');
    const zip = unzipSync(new Uint8Array(readFileSync(out)));
    const xml = strFromU8(zip['xl/sharedStrings.xml'] ?? zip['xl/worksheets/sheet1.xml']!);
    const longest = Math.max(...[...xml.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]!.length));
    expect(longest).toBeLessThanOrEqual(32767);
    expect(xml).toContain('已截断');
  });

  it("a joint task whose scopes do not overlap names each item's filters", async () => {
    const dir = tmp();
    const db = join(dir, 'i.db');
    for (const k of ['departments', 'items', 'objects'])
      await cli(['import', k, join(DATA, `${k}.csv`), '--db', db, '-q']);
    const r = await cli(['draw', '--items', 'SC05,SC02', '--year', '2026', '--dry-run', '--db', db]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('SC05 industries 62; SC02 industries 51,52');
  });
});
