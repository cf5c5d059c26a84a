// Slips that would lose work or hide a deadline, tried as a hurried clerk and an unattended cron job
// would: a partial roster file, overdue results of last year on 2 January, a future --as-of, a date cell
// holding a year, a publication previewed on screen, a draw with nothing loaded.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, DATA, fileSha, practiceDb, tmp } from '../helpers.js';

const SAMPLE = ['departments', 'items', 'objects', 'inspectors', 'history'] as const;
let db: string;
let dir: string;
let selected: string[];
const at = (iso: string) => ({ env: { INSPECT_NOW: iso } });

beforeAll(async () => {
  dir = tmp();
  db = await practiceDb(join(dir, 'inspect.db'));
  for (const k of SAMPLE) expect((await cli(['import', k, join(DATA, `${k}.csv`), '--db', db, '-q'])).code).toBe(0);
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
        'slips',
        '--yes',
        '--db',
        db,
        '-q',
      ])
    ).code,
  ).toBe(0);
  const d = new Database(db, { readonly: true });
  selected = d
    .prepare("SELECT object_id FROM draw_selections WHERE draw_id = '2026-HLSJ-001' ORDER BY position")
    .pluck()
    .all() as string[];
  d.close();
});

describe("a clerk's slips", () => {
  it('a partial roster file is refused (65, nothing written); --full-roster takes it and says so in the log', async () => {
    const lines = readFileSync(join(DATA, 'inspectors.csv'), 'utf8').split('\r\n');
    const partial = join(dir, 'partial.csv');
    writeFileSync(partial, lines.slice(0, 6).join('\r\n') + '\r\n');
    const before = fileSha(db);
    const dry = await cli(['import', 'inspectors', partial, '--dry-run', '--db', db]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('将停用 35 行');
    const r = await cli(['import', 'inspectors', partial, '--db', db]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('--full-roster');
    expect(fileSha(db)).toBe(before);
    const copy = join(tmp(), 'copy.db');
    copyFileSync(db, copy);
    expect((await cli(['import', 'inspectors', partial, '--full-roster', '--db', copy, '-q'])).code).toBe(0);
    expect((await cli(['log', '--db', copy])).stdout).toContain('完整名录（--full-roster）');
    expect((await cli(['log', '--db', copy, '--lang', 'en'])).stdout).toContain('retired; roster');
    expect((await cli(['log', '--db', copy, '--lang', 'en'])).stdout).toContain('whole roster (--full-roster)');
  });

  it('results: a future --as-of is refused (2); a cell holding just a year is an error, not 1905-07-19', async () => {
    const file = join(dir, 'r.csv');
    writeFileSync(file, `抽查编号,统一社会信用代码,检查完成日期,检查结果\n2026-HLSJ-001,${selected[0]},2027,1\n`);
    expect((await cli(['results', 'import', file, '--as-of', '2099-01-01', '--db', db])).code).toBe(2);
    const r = await cli(['results', 'import', file, '--db', db], at('2026-12-20T10:00:00+08:00'));
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('只有年份，不是日期');
  });

  it('a result notice to stdout or with --dry-run is a preview: nothing is marked published', async () => {
    const file = join(dir, 'ok.csv');
    writeFileSync(
      file,
      `抽查编号,统一社会信用代码,检查完成日期,检查结果\n` +
        `2026-HLSJ-001,${selected[0]},2026-11-24,1\n2026-HLSJ-001,${selected[1]},2026-11-25,E\n`,
    );
    expect((await cli(['results', 'import', file, '--db', db, '-q'], at('2026-11-26T10:00:00+08:00'))).code).toBe(0);
    const before = fileSha(db);
    const pre = await cli([
      'export',
      'publication',
      '2026-HLSJ-001',
      '--kind',
      'result',
      '--format',
      'json',
      '--db',
      db,
    ]);
    expect(pre.code).toBe(0);
    expect(JSON.parse(pre.stdout).results).toHaveLength(2);
    expect(pre.stderr).toContain('预览');
    expect(
      (await cli(['export', 'publication', '2026-HLSJ-001', '--kind', 'result', '--dry-run', '--db', db])).code,
    ).toBe(0);
    expect(fileSha(db)).toBe(before);
  });

  it(
    "cron on 2 January: last year's overdue results still make report --fail-on-overdue exit 3; --year narrows only" +
      ' the listing',
    async () => {
      const jan2 = at('2027-01-02T08:00:00+08:00');
      const r = await cli(['report', '--fail-on-overdue', '--json', '--db', db], jan2);
      expect(r.code).toBe(3);
      const rep = JSON.parse(r.stdout);
      expect(rep.year).toBe(2027);
      expect(rep.totals.overdue).toBe(2);
      expect(rep.unpublished.map((u: { objectId: string }) => u.objectId).sort()).toEqual(
        [selected[0], selected[1]].sort(),
      );
      const narrowed = JSON.parse((await cli(['report', '--year', '2027', '--json', '--db', db], jan2)).stdout);
      expect(narrowed.unpublished).toEqual([]);
      expect(narrowed.totals.overdue).toBe(2);
    },
  );

  it('a publication after the deadline is named late in the text report', async () => {
    const out = join(dir, 'late.csv');
    expect(
      (
        await cli([
          'export',
          'publication',
          '2026-HLSJ-001',
          '--kind',
          'result',
          '--out',
          out,
          '--as-of',
          '2026-12-31',
          '--db',
          db,
        ])
      ).code,
    ).toBe(0);
    const r = await cli(['report', '--year', '2026', '--as-of', '2026-12-31', '--db', db]);
    expect(r.stdout).toContain('逾期公示的结果');
    expect(r.stdout).toContain(selected[0]);
  });

  it('a draw with no items loaded says what to import first (66)', async () => {
    const empty = join(tmp(), 'e.db');
    expect((await cli(['import', 'departments', join(DATA, 'departments.csv'), '--db', empty, '-q'])).code).toBe(0);
    const r = await cli(['draw', '--year', '2026', '--db', empty]);
    expect(r.code).toBe(66);
    expect(r.stderr).toContain('inspect import items');
  });
});

describe('looking without exporting', () => {
  it('inspect show DRAW_ID lists the selected objects with their teams; --json carries ids and a schemaVersion', async () => {
    const r = await cli(['show', '2026-HLSJ-001', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('抽取 2026-HLSJ-001（2026 年度）');
    expect(r.stdout).toContain(selected[0]);
    const j = JSON.parse((await cli(['show', '2026-HLSJ-001', '--json', '--db', db])).stdout);
    expect(j).toMatchObject({ schemaVersion: 1, drawId: '2026-HLSJ-001', status: 'standing' });
    expect(j.selected).toHaveLength(selected.length);
    expect(j.selected[0].team[0].id).toMatch(/^HL\d+$/);
  });
  it('inspect items lists every item with its department and cap', async () => {
    const r = await cli(['items', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SC02\s+食品经营者监督检查\s+食品安全\s+厦门市湖里区市场监督管理局（HLSJ）\s+一般\s+20%/);
    const j = JSON.parse((await cli(['items', '--json', '--db', db])).stdout);
    expect(j.items.find((i: { code: string }) => i.code === 'SC05')).toMatchObject({
      partners: ['HLWJ'],
      capPercent: null,
    });
  });
});
