// A clerk working alone and a script reading stdout (issue 23 §1, §3, §4, §5): the first screen, Chinese
// help placeholders and roster names, what a first import says, scripts' JSON on success and failure,
// Chinese verify details and log lines, the bundle's Chinese algorithm text, xlsx sheet names.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsx from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, DATA, fixture, ROOT, SAMPLE_DRAW, sampleDb, tmp } from '../helpers.js';

let db = '';
beforeAll(async () => {
  db = await sampleDb();
  expect((await cli([...SAMPLE_DRAW, '--yes', '--db', db, '-q'])).code).toBe(0);
});

describe('the first screen and help', () => {
  it('`inspect` alone points to the demo and the guided draw', async () => {
    const r = await cli([]);
    expect(r.code).toBe(0);
    const screen = r.stdout + r.stderr; // commander shows it on stderr when no command is given
    expect(screen).toContain('第一次使用：');
    expect(screen).toContain('inspect draw            在终端中按提示逐步完成抽取（向导');
    expect(screen).toContain('import [选项] <名录> <文件>');
  });

  it('help pads by display width: every description of a command list starts in one column', async () => {
    const lines = (await cli(['--help'])).stdout.split('\n').filter((l) => /^ {2}(import|draw|verify|why) /.test(l));
    const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
    const starts = lines.map((l) => width(/^ {2}\S+(?: \S+)*? {2,}/.exec(l)![0]));
    expect(new Set(starts).size).toBe(1);
  });

  it('results import --help lists every result code with its standard wording; draw --help the default policy path', async () => {
    const r = (await cli(['results', 'import', '--help'])).stdout;
    for (const line of [
      '  1   未发现问题',
      '  6   通过登记的住所（经营场所）无法联系',
      '  F   未发现开展本次抽查涉及的经营活动',
    ])
      expect(r).toContain(line);
    expect((await cli(['results', 'import', '--help', '--lang', 'en'])).stdout).toContain('  1   no problem found');
    expect((await cli(['draw', '--help'])).stdout).toContain(`默认抽查策略：${join(ROOT, 'data', 'policy.json')}`);
  });

  it('commander’s suggestion and a missing argument are Chinese, with Chinese placeholders', async () => {
    expect((await cli(['dra'])).stderr).toContain('（是否想输入 draw？）');
    expect((await cli(['show'])).stderr).toContain("错误：缺少必需的参数 '抽取编号'");
  });
});

describe('imports as a clerk types them', () => {
  it('rosters by their Chinese names; an unknown one lists both names', async () => {
    const d = join(tmp(), 'a.db');
    const r = await cli(['import', '检查对象', join(DATA, 'objects.csv'), '--db', d]);
    expect(r.code).toBe(0);
    // A first import says it makes the database, and where.
    expect(r.stderr).toBe(`这里原来没有数据库：已新建 ${d}（若要用已有的数据库，请用 --db 指定）。\n`);
    const bad = await cli(['import', '对象', join(DATA, 'objects.csv'), '--db', d]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('objects（检查对象）');
  });

  it('an import summary counts every warning it printed', async () => {
    const r = await cli(['import', 'objects', fixture('objects-english.csv'), '--db', db, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const printed = r.stderr.split('\n').filter((l) => l.startsWith('警告')).length;
    expect(printed).toBeGreaterThan(0);
    expect(JSON.parse(r.stdout).warnings).toBe(printed);
  });
});

describe('scripts read stdout', () => {
  it('every failure with --json is one JSON document: usage, missing database, unknown draw', async () => {
    for (const [args, code, exit] of [
      [['drow', '--json'], 'E_USAGE', 2],
      [['status', '--json', '--db', join(tmp(), 'none.db')], 'E_NO_DB', 66],
      [['show', '2026-HLSJ-404', '--json', '--db', db], undefined, 66],
    ] as const) {
      const r = await cli([...args]);
      expect(r.code).toBe(exit);
      const doc = JSON.parse(r.stdout) as {
        schemaVersion: number;
        error: { code: string; exit: number; message: string };
      };
      expect(doc.schemaVersion).toBe(1);
      expect(doc.error.exit).toBe(exit);
      if (code) expect(doc.error.code).toBe(code);
      expect(doc.error.message.length).toBeGreaterThan(0);
    }
  });

  it('export tasks --json --out FILE writes the file in its format (xlsx by extension) and a summary', async () => {
    const dir = tmp();
    const r = await cli(['export', 'tasks', '2026-HLSJ-001', '--json', '--out', join(dir, 't.xlsx'), '--db', db]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'xlsx', rows: 109 });
    const sheets = await readXlsx(readFileSync(join(dir, 't.xlsx')));
    expect(sheets.map((s) => s.sheet)).toEqual(['任务清单']);
    const csv = await cli(['export', 'tasks', '2026-HLSJ-001', '--json', '--out', join(dir, 't.csv'), '--db', db]);
    expect(readFileSync(join(dir, 't.csv'), 'utf8')).toMatch(/^\uFEFF?"?【演练】/);
    expect(JSON.parse(csv.stdout).format).toBe('csv');
  });
});

describe('Chinese for auditors', () => {
  it('the bundle carries 算法说明.md; a bundle made before it still verifies', async () => {
    const out = join(tmp(), 'b');
    expect((await cli(['export', 'bundle', '2026-HLSJ-001', '--out', out, '--db', db, '-q'])).code).toBe(0);
    expect(readFileSync(join(out, '算法说明.md'), 'utf8')).toContain('## 4. 分配（只用整数）');
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toContain('算法说明.md');
    rmSync(join(out, '算法说明.md'));
    expect((await cli(['verify', out])).code).toBe(0);
  });

  it('verify names fields in Chinese with the code in brackets, and says a difference in Chinese', async () => {
    const out = join(tmp(), 'b');
    expect((await cli(['export', 'bundle', '2026-HLSJ-001', '--out', out, '--db', db, '-q'])).code).toBe(0);
    const ok = (await cli(['verify', out])).stdout;
    expect(ok).toContain('算法（algorithm）、年度（year）、抽取编号（drawId）');
    expect(ok).toContain('复核包无法单独证明的字段（请与公告核对）：抽查事项（items）');
    const bad = join(tmp(), 'bad');
    cpSync(out, bad, { recursive: true });
    const rec = JSON.parse(readFileSync(join(bad, 'record.json'), 'utf8'));
    const first = rec.selected[0].id as string;
    rec.selected[0].id = `X${first.slice(1)}`;
    writeFileSync(join(bad, 'record.json'), JSON.stringify(rec));
    const zh = await cli(['verify', bad]);
    expect(zh.code).toBe(65);
    expect(zh.stdout).toContain(`抽中对象（selected[0].id）：应为 "${first}"，实为 "X${first.slice(1)}"`);
    const en = await cli(['verify', bad, '--lang', 'en']);
    expect(en.stdout).toContain(`selected[0].id: expected "${first}", found "X${first.slice(1)}"`);
  });

  it('the log names actions and references in words, with no doubled punctuation', async () => {
    const log = (await cli(['log', '--db', db])).stdout;
    expect(log).toContain('[导入记录 1]');
    expect(log).toContain('[抽取 2026-HLSJ-001]');
    expect(log).toContain('创建数据库');
    expect(log).not.toMatch(/\[imports:|。；|settings\.set|sha256 /);
  });

  it('--lang en shows no Chinese punctuation or labels of its own in show', async () => {
    const show = (await cli(['show', '2026-HLSJ-001', '--lang', 'en', '--db', db])).stdout;
    expect(show).toMatch(/^items: SC01 /m);
    expect(show).toMatch(/^seed: /m);
    expect(show).not.toMatch(/^[a-z (/)]+：/m);
  });
});

describe('the demo’s last hint is a command that works here', () => {
  it('node with the full path outside the tool folder, npx inspect inside it', async () => {
    const keep = join(tmp(), 'demo');
    const outside = await cli(['demo', '--keep', keep, '--json', '-q'], { cwd: tmp(), env: { PATH: '/usr/bin:/bin' } });
    expect(outside.code).toBe(0);
    expect(JSON.parse(outside.stdout).next).toBe(
      `node ${join(ROOT, 'bin', 'inspect.js')} --db ${join(keep, 'inspect.db')} status`,
    );
    expect(existsSync(join(keep, 'inspect.db'))).toBe(true);
    const inside = await cli(['demo', '--keep', join(tmp(), 'demo2'), '--json', '-q'], {
      cwd: ROOT,
      env: { PATH: '/usr/bin:/bin' },
    });
    expect(JSON.parse(inside.stdout).next).toMatch(/^npx inspect --db /);
  });
});

describe('mistakes that deserve a hint', () => {
  it('a title row above the header; another roster’s file; a results file given as a roster', async () => {
    const dir = tmp();
    const titled = join(dir, 'titled.csv');
    writeFileSync(titled, `2026年检查对象名录\n${readFileSync(fixture('objects-utf8.csv'), 'utf8')}`);
    const d = join(dir, 'x.db');
    const a = await cli(['import', 'objects', titled, '--db', d]);
    expect(a.code).toBe(65);
    expect(a.stderr).toContain('第 1 行看起来是标题，表头似乎在第 2 行');
    const b = await cli(['import', 'objects', join(DATA, 'inspectors.csv'), '--db', d]);
    expect(b.stderr).toContain(`是否想运行 inspect import inspectors ${join(DATA, 'inspectors.csv')}？`);
    const c = await cli(['import', 'objects', join(DATA, '检查结果-示例.csv'), '--db', d]);
    expect(c.stderr).toContain('是否想运行 inspect results import');
    // Nothing was made by the failed first imports.
    expect(existsSync(d)).toBe(false);
  });

  it('a code in lower case or full width names the one that exists', async () => {
    const items = await cli(['draw', '--items', 'ｓｃ０１', '--year', '2026', '--dry-run', '--db', db]);
    expect(items.code).toBe(2);
    expect(items.stderr).toContain('是否想输入 SC01？（您输入的是 ｓｃ０１）');
    const draw = await cli(['show', '2026-hlsj-001', '--db', db]);
    expect(draw.code).toBe(66);
    expect(draw.stderr).toContain('是否想输入 2026-HLSJ-001？');
  });

  it('an output open in Excel (its ~$ owner file beside it) is named as such, exit 74, nothing written', async () => {
    const dir = tmp();
    const out = join(dir, '任务清单.csv');
    writeFileSync(out, 'old');
    writeFileSync(join(dir, '~$任务清单.csv'), '');
    const r = await cli(['export', 'tasks', '2026-HLSJ-001', '--out', out, '--force', '--db', db]);
    expect(r.code).toBe(74);
    expect(r.stderr).toContain('很可能正在 Excel 中打开');
    expect(readFileSync(out, 'utf8')).toBe('old');
  });
});
