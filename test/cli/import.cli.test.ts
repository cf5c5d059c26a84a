import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DATA, fileSha, fixture, tmp } from '../helpers.js';

describe('inspect import (spawned binary)', () => {
  it('imports the sample rosters and prints one summary line each; status --json agrees', async () => {
    const db = join(tmp(), 'x.db');
    for (const k of ['departments', 'items', 'objects', 'inspectors', 'history']) {
      const r = await cli(['import', k, join(DATA, `${k}.csv`), '--db', db]);
      // The first import says it makes the database, and where; the others say nothing on stderr.
      expect(r.stderr).toBe(
        k === 'departments' ? `这里原来没有数据库：已新建 ${db}（若要用已有的数据库，请用 --db 指定）。\n` : '',
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/导入 \d+ 行，拒绝 0 行，停用 0 行，用时 [\d.]+ 秒（\d+ 行\/秒）/);
    }
    const s = await cli(['--db', db, 'status', '--json']);
    expect(s.code).toBe(0);
    const status = JSON.parse(s.stdout);
    expect(status.rosters.objects.current).toBe(2000);
    expect(status.rosters.objects.lastImport.sha256).toBe(fileSha(join(DATA, 'objects.csv')));
    expect(status.rosters.inspectors.current).toBe(40);
    expect(Object.values(status.objects.byGradeRisk as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it('a broken file: exit 65, Chinese message naming file, row and column, on stderr only', async () => {
    const db = join(tmp(), 'x.db');
    const r = await cli(['import', 'objects', fixture('broken-check-char.csv'), '--db', db]);
    expect(r.code).toBe(65);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'broken-check-char.csv 第 7 行「统一社会信用代码」列（值：91350203M0001QAY9B）：校验位错误',
    );
    expect(r.stderr).toContain('1 行有错误，未写入任何数据');
  });

  it('English with --lang en, and with a non-Chinese LANG', async () => {
    const db = join(tmp(), 'x.db');
    const a = await cli(['--lang', 'en', 'import', 'objects', fixture('broken-unterminated-quote.csv'), '--db', db]);
    expect(a.code).toBe(65);
    expect(a.stderr).toMatch(/broken-unterminated-quote\.csv row 6: unterminated quote/);
    const b = await cli(['import', 'objects', fixture('broken-empty.csv'), '--db', db], {
      env: { LANG: 'en_US.UTF-8' },
    });
    expect(b.stderr).toMatch(/the file is empty/);
  });

  it('exit codes: 66 for a missing file, 2 for an unknown roster or option, 0 for --help', async () => {
    const db = join(tmp(), 'x.db');
    expect((await cli(['import', 'objects', 'nope.csv', '--db', db])).code).toBe(66);
    const u = await cli(['import', 'widgets', fixture('objects-utf8.csv'), '--db', db]);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('未知的名录类型「widgets」');
    expect((await cli(['import', 'objects', fixture('objects-utf8.csv'), '--bogus', '--db', db])).code).toBe(2);
    expect(
      (await cli(['import', 'objects', fixture('objects-utf8.csv'), '--encoding', 'latin1', '--db', db])).code,
    ).toBe(2);
    expect((await cli(['--help'])).code).toBe(0);
  });

  it('only an import creates a database: every other command on a missing one exits 66 and creates nothing', async () => {
    const db = join(tmp(), 'missing.db');
    for (const args of [
      ['verify', '2026-HLSJ-001'],
      ['status'],
      ['status', '--json'],
      ['draws'],
      ['report'],
      ['log'],
      ['audit'],
      ['export', 'tasks', 'X'],
      ['draw', '--items', 'SC01', '--year', '2026', '--dry-run'],
    ]) {
      const r = await cli([...args, '--db', db]);
      expect(r.code, args.join(' ')).toBe(66);
      expect(r.stderr).toContain('不存在');
      expect(existsSync(db)).toBe(false);
    }
  });

  it('--db works before or after the command, and INSPECT_DB is the default', async () => {
    const dir = tmp();
    expect((await cli(['--db', join(dir, 'a.db'), 'import', 'departments', join(DATA, 'departments.csv')])).code).toBe(
      0,
    );
    expect((await cli(['import', 'departments', join(DATA, 'departments.csv'), '--db', join(dir, 'b.db')])).code).toBe(
      0,
    );
    expect(
      (await cli(['import', 'departments', join(DATA, 'departments.csv')], { env: { INSPECT_DB: join(dir, 'c.db') } }))
        .code,
    ).toBe(0);
    for (const f of ['a.db', 'b.db', 'c.db']) {
      const s = JSON.parse((await cli(['status', '--json', '--db', join(dir, f)])).stdout);
      expect(s.rosters.departments.current).toBe(7);
    }
  });

  it('--json prints one object on stdout', async () => {
    const db = join(tmp(), 'x.db');
    const r = await cli(['import', 'objects', fixture('objects-gb18030.csv'), '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'objects', encoding: 'gb18030', imported: 12, rejected: 0 });
  });
});

describe('inspect demo', () => {
  it('runs the whole cycle on the sample data in a temporary folder and says where', async () => {
    const r = await cli(['demo']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/演示目录：/);
    expect(r.stdout).toContain('检查对象名录库: 当前 2000 条');
  });
});

describe('language and unknown ids', () => {
  it('Chinese unless the locale is English; --lang xx is a usage error naming zh and en', async () => {
    const db = join(tmp(), 'missing.db');
    for (const LANG of ['C.UTF-8', 'POSIX', 'zh_CN.UTF-8', ''])
      expect((await cli(['status', '--db', db], { env: { LANG } })).stderr, LANG).toContain('不存在');
    expect((await cli(['status', '--db', db], { env: { LANG: 'en_US.UTF-8' } })).stderr).toContain('does not exist');
    // commander's own errors too: an unknown option, with its suggestion, and a missing argument.
    const typo = await cli(['draw', '--itms', 'SC01']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("错误：未知选项 '--itms'");
    expect(typo.stderr).toContain('（是否想输入 --items？）');
    expect((await cli(['import'])).stderr).toContain("缺少必需的参数 '名录'");
    expect((await cli(['draw', '--itms', 'SC01', '--lang', 'en'])).stderr).toContain("error: unknown option '--itms'");
    // Help is Chinese to the last word: titles, the usage line, every description (commands' names and
    // arguments are what is typed, so they stay).
    for (const args of [['--help'], ['draw', '--help'], ['export', '--help'], ['export', 'publication', '--help']]) {
      const help = (await cli(args)).stdout;
      expect(help, args.join(' ')).toContain('用法：');
      expect(help, args.join(' ')).not.toMatch(/Usage:|Options:|Commands:|\[options\]|\[command\]|display help/);
    }
    expect((await cli(['draw', '--help', '--lang', 'en'])).stdout).toContain('Usage: inspect draw [options]');
    const bad = await cli(['status', '--lang', 'xx', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('zh | en');
  });
  it('an unknown draw id is exit 66 with the command that lists them', async () => {
    const dir = tmp();
    const db = join(dir, 'i.db');
    expect((await cli(['import', 'departments', join(DATA, 'departments.csv'), '--db', db, '-q'])).code).toBe(0);
    for (const args of [
      ['verify', 'NOPE'],
      ['export', 'tasks', 'NOPE'],
      ['export', 'bundle', 'NOPE', '--out', join(dir, 'b')],
      ['reveal', 'NOPE', '--value', '1'],
    ]) {
      const r = await cli([...args, '--db', db]);
      expect(r.code, args.join(' ')).toBe(66);
      expect(r.stderr).toContain('inspect draws');
    }
    const folder = await cli(['verify', './no-such-bundle/']);
    expect(folder.code).toBe(66);
    expect(folder.stderr).toContain('找不到复核包文件夹 ./no-such-bundle/');
  });
});
