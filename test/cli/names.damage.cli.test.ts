// Names stay what they are (issue 22 §5): Excel's GBK CSV turns 𠀾 into "?"; such an import is refused
// (or taken with --accept-damaged-names, named row by row), and an older draw shows the names it was
// drawn with, whatever a later import says.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cli, DATA, fileSha, SAMPLE_DRAW, sampleDb, tmp } from '../helpers.js';

describe('names damaged by a GBK CSV', () => {
  it('is refused naming the rows; with --accept-damaged-names taken; an old draw still shows the real name', async () => {
    const db = await sampleDb();
    expect((await cli([...SAMPLE_DRAW, '--yes', '--db', db, '-q'])).code).toBe(0);
    const drawn = JSON.parse((await cli(['show', '2026-HLSJ-001', '--json', '--db', db])).stdout) as {
      selected: { id: string; name: string }[];
    };
    const target = drawn.selected[0]!;
    const lines = iconv.decode(readFileSync(join(DATA, 'objects.csv')), 'gb18030').split(/\r?\n/);
    const at = lines.findIndex((l) => l.startsWith(`${target.id},`));
    const dir = tmp();
    // After the draw, the firm's real name, with a character GBK cannot hold, from a UTF-8 file.
    const row = lines[at]!.split(',');
    const real = `厦门${'\u{2003E}'}记贸易有限公司`;
    row[1] = real;
    const utf8 = [...lines];
    utf8[at] = row.join(',');
    writeFileSync(join(dir, 'utf8.csv'), `\uFEFF${utf8.join('\r\n')}`);
    expect((await cli(['import', 'objects', join(dir, 'utf8.csv'), '--db', db, '-q'])).code).toBe(0);
    // What Excel's "CSV (逗号分隔)" would save: the character as "?".
    row[1] = real.replace('\u{2003E}', '?');
    const gbk = [...lines];
    gbk[at] = row.join(',');
    writeFileSync(join(dir, 'gbk.csv'), iconv.encode(gbk.join('\r\n'), 'gb18030'));
    const before = fileSha(db);
    const r = await cli(['import', 'objects', join(dir, 'gbk.csv'), '--db', db]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('CSV UTF-8');
    expect(r.stderr).toContain(`第 ${at + 1} 行 ${target.id}`);
    expect(fileSha(db)).toBe(before);
    const a = await cli(['import', 'objects', join(dir, 'gbk.csv'), '--accept-damaged-names', '--db', db]);
    expect(a.code).toBe(0);
    expect(a.stderr).toContain('--accept-damaged-names');
    // The draw shows the name it was drawn with: neither the later real name nor the damaged one.
    const show = JSON.parse((await cli(['show', '2026-HLSJ-001', '--json', '--db', db])).stdout) as typeof drawn;
    expect(show.selected.find((s) => s.id === target.id)!.name).toBe(target.name);
    const tasks = (await cli(['export', 'tasks', '2026-HLSJ-001', '--format', 'json', '--db', db])).stdout;
    expect(tasks).toContain(target.name);
    expect(tasks).not.toContain(real.replace('\u{2003E}', '?'));
  });
});
