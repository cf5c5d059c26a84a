// The cron path, as docs/cron-daily.sh (the README's crontab example) runs it, twice, without a TTY:
// results from a drop folder entered, every pending result published in one dated notice, the report's
// overdue check; the second run finds nothing new, writes nothing and exits 0.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, DATA, practiceDb, ROOT, tmp } from '../helpers.js';

let dir: string;
let db: string;
const env = (now: string) => ({
  ...process.env,
  PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
  INSPECT_DB: db,
  INSPECT_NOW: now,
  NO_COLOR: '1',
  LANG: 'zh_CN.UTF-8',
  CI: '1',
});
const job = (now: string) =>
  spawnSync('bash', [join(ROOT, 'docs/cron-daily.sh')], { cwd: dir, env: env(now), encoding: 'utf8', input: '' });

beforeAll(async () => {
  dir = tmp();
  db = await practiceDb(join(dir, 'inspect.db'));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(
    join(dir, 'bin/inspect'),
    `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/inspect.js')}" "$@"\n`,
  );
  chmodSync(join(dir, 'bin/inspect'), 0o755);
  for (const k of ['departments', 'items', 'objects', 'inspectors', 'history'])
    expect((await cli(['import', k, join(DATA, `${k}.csv`), '--db', db, '-q'])).code).toBe(0);
  for (const [items, seed] of [
    ['SC01', 'c1'],
    ['SC04', 'c2'],
  ]) {
    expect(
      (
        await cli([
          'draw',
          '--items',
          items!,
          '--year',
          '2026',
          '--window',
          '2026-11-23..2026-12-31',
          '--seed',
          seed!,
          '--yes',
          '--db',
          db,
          '-q',
        ])
      ).code,
    ).toBe(0);
  }
  const d = new Database(db, { readonly: true });
  const pick = (id: string) =>
    d
      .prepare('SELECT object_id FROM draw_selections WHERE draw_id = ? ORDER BY position LIMIT 2')
      .pluck()
      .all(id) as string[];
  const [a, b] = [pick('2026-HLSJ-001'), pick('2026-HLSJ-002')];
  d.close();
  mkdirSync(join(dir, 'drop'));
  writeFileSync(
    join(dir, 'drop/team1.csv'),
    `抽查编号,统一社会信用代码,检查完成日期,检查结果\n2026-HLSJ-001,${a[0]},2026-11-24,1\n2026-HLSJ-001,${a[1]},2026-11-25,E\n`,
  );
  writeFileSync(
    join(dir, 'drop/team2.csv'),
    `抽查编号,统一社会信用代码,检查完成日期,检查结果\n2026-HLSJ-002,${b[0]},2026-11-26,1\n`,
  );
});

describe('the daily job', () => {
  it('first run: enters the drop folder, publishes every pending result in one dated notice, exits 0', async () => {
    const r = job('2026-11-27T07:30:00+08:00');
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'drop')).sort()).toEqual(['done']);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ publishedOn: '2026-11-27', results: 3, out: '演练-抽查结果公告-2026-11-27.csv' });
    expect(out.draws.map((x: { drawId: string }) => x.drawId).sort()).toEqual(['2026-HLSJ-001', '2026-HLSJ-002']);
    const notice = readFileSync(join(dir, 'publish/演练-抽查结果公告-2026-11-27.csv'), 'utf8');
    // The 【演练】 banner, the header and three results: the job ran on a practice database.
    expect(notice.trim().split('\n')).toHaveLength(5);
    expect((await cli(['audit', '--db', db])).code).toBe(0);
  });
  it('second run the same day: nothing new, no file written, says so, exits 0', () => {
    const r = job('2026-11-27T18:00:00+08:00');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ results: 0, out: null });
    expect(readdirSync(join(dir, 'publish'))).toEqual(['演练-抽查结果公告-2026-11-27.csv']);
    expect(existsSync(join(dir, 'publish/演练-抽查结果公告-2026-11-27-2.csv'))).toBe(false);
  });
  it('a result left unpublished past its deadline makes the overdue check fail with exit 3, across New Year', async () => {
    const d = new Database(db, { readonly: true });
    const c = d
      .prepare(
        "SELECT object_id FROM draw_selections WHERE draw_id = '2026-HLSJ-002' ORDER BY position LIMIT 1 OFFSET 1",
      )
      .pluck()
      .get() as string;
    d.close();
    writeFileSync(
      join(dir, 'drop/late.csv'),
      `抽查编号,统一社会信用代码,检查完成日期,检查结果\n2026-HLSJ-002,${c},2026-11-27,1\n`,
    );
    // Entered, and then no job ran to publish it: weeks later the overdue check fails the job.
    expect(
      (
        await cli(['results', 'import', join(dir, 'drop/late.csv'), '--db', db, '-q'], {
          env: { INSPECT_NOW: '2026-11-28T07:30:00+08:00' },
        })
      ).code,
    ).toBe(0);
    const r = await cli(['report', '--fail-on-overdue', '--db', db], {
      env: { INSPECT_NOW: '2027-01-06T07:30:00+08:00' },
    });
    expect(r.code).toBe(3);
    // Years later, a 2026 result never published is still overdue (its deadline provisional, counted).
    expect(
      (await cli(['report', '--fail-on-overdue', '--db', db], { env: { INSPECT_NOW: '2028-03-01T07:30:00+08:00' } }))
        .code,
    ).toBe(3);
  });
  it('the job publishes a late result but fails (3): the overdue check runs before the publication', () => {
    const r = job('2027-01-06T07:30:00+08:00');
    expect(r.status, r.stderr).toBe(3);
    expect(readdirSync(join(dir, 'publish'))).toContain('演练-抽查结果公告-2027-01-06.csv');
  });
  it('a rejected file among good ones fails the job (65); the good one is entered and moved, the bad one stays', () => {
    const d = new Database(db, { readonly: true });
    const c = d
      .prepare(
        "SELECT object_id FROM draw_selections WHERE draw_id = '2026-HLSJ-001' ORDER BY position LIMIT 1 OFFSET 5",
      )
      .pluck()
      .get() as string;
    d.close();
    writeFileSync(
      join(dir, 'drop/good.csv'),
      `抽查编号,统一社会信用代码,检查完成日期,检查结果\n2026-HLSJ-001,${c},2026-12-01,1\n`,
    );
    writeFileSync(
      join(dir, 'drop/bad.csv'),
      `抽查编号,统一社会信用代码,检查完成日期,检查结果\n2026-HLSJ-001,NOT-A-CODE,2026-12-01,1\n`,
    );
    const r = job('2026-12-02T07:30:00+08:00');
    expect(r.status, r.stderr).toBe(65);
    expect(existsSync(join(dir, 'drop/bad.csv'))).toBe(true);
    expect(existsSync(join(dir, 'drop/done/good.csv'))).toBe(true);
  });
  it('results import warns, with the deadline, when a result is entered after it', async () => {
    const d = new Database(db, { readonly: true });
    const c = d
      .prepare(
        "SELECT object_id FROM draw_selections WHERE draw_id = '2026-HLSJ-001' ORDER BY position LIMIT 1 OFFSET 6",
      )
      .pluck()
      .get() as string;
    d.close();
    const f = join(dir, 'lateentry.csv');
    writeFileSync(f, `抽查编号,统一社会信用代码,检查完成日期,检查结果\n2026-HLSJ-001,${c},2026-11-24,1\n`);
    const r = await cli(['results', 'import', f, '--as-of', '2026-12-28', '--json', '--db', db], {
      env: { INSPECT_NOW: '2026-12-28T10:00:00+08:00' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('已过公示期限 2026-12-22');
    expect(JSON.parse(r.stdout).pastDeadline).toEqual([
      expect.objectContaining({ objectId: c, deadline: '2026-12-22' }),
    ]);
  });
});
