// Names from data never become paths or terminal commands: codes are [A-Za-z0-9_-]; a control character
// anywhere in a file is refused with its row and column; a seed is printable text; whatever the tool
// prints from data is printed safely.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { OBJECT_HEADERS, objectRows } from '../../src/dev/sampleData.js';
import { terminalSafe } from '../../src/core/text.js';
import { cli, DATA, fileSha, tmp } from '../helpers.js';

describe('names from data', () => {
  it('a department code that is a path is refused at import (65), naming row and column', async () => {
    const dir = tmp();
    const db = join(dir, 'i.db');
    const file = join(dir, 'departments.csv');
    writeFileSync(
      file,
      `${readFileSync(join(DATA, 'departments.csv'), 'utf8').trimEnd()}\r\nHLSJ/../../x,越界部门,县,SJ3502\r\n`,
    );
    const r = await cli(['import', 'departments', file, '--db', db]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/第 \d+ 行「部门编码」列（值：HLSJ\/\.\.\/\.\.\/x）：编码只能用 ASCII 字母、数字和 - _/);
    expect(existsSync(db)).toBe(false);
  });

  it('a control character beyond the first MiB is refused with its row and column, and nothing is written', async () => {
    const dir = tmp();
    const rows = [...objectRows(12000, 'ctl')];
    rows[11990]![1] = `恶意\u001b]0;pwned\u0007名称`;
    const file = join(dir, 'objects.csv');
    writeFileSync(file, stringify([OBJECT_HEADERS, ...rows]));
    expect(readFileSync(file).length).toBeGreaterThan(1 << 20);
    const r = await cli(['import', 'objects', file, '--db', join(dir, 'i.db')]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('第 11992 行「名称」列');
    expect(r.stderr).toContain('含有控制字符');
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).not.toContain('\u0007');
  });

  it('a seed must be printable and not empty (exit 2, nothing written)', async () => {
    const dir = tmp();
    const db = join(dir, 'i.db');
    for (const k of ['departments', 'items', 'objects', 'inspectors'])
      await cli(['import', k, join(DATA, `${k}.csv`), '--db', db, '-q']);
    const before = fileSha(db);
    const draw = [
      'draw',
      '--items',
      'SC01',
      '--year',
      '2026',
      '--window',
      '2026-11-23..2026-12-31',
      '--yes',
      '--db',
      db,
    ];
    const ctl = await cli([...draw, '--seed', 'ab\u001b[2Jc']);
    expect(ctl.code).toBe(2);
    expect(ctl.stderr).toContain('可打印');
    const empty = await cli([...draw, '--seed', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('不能为空');
    expect(fileSha(db)).toBe(before);
  });

  it("terminal output escapes every control character but the tool's own colours", () => {
    expect(terminalSafe('a\u001b[2Jb\u001b]0;t\u0007c\rd\u009be')).toBe(
      'a\\u001b[2Jb\\u001b]0;t\\u0007c\\u000dd\\u009be',
    );
    expect(terminalSafe('\u001b[31mred\u001b[39m\n\tok')).toBe('\u001b[31mred\u001b[39m\n\tok');
  });
});
