// Binding commitments (issue 19, commit-spec §7), tried as an operator who wants one firm drawn or spared
// would: void a commitment after its source is public, draw plainly around a commitment, lower the rules
// with another --policy or a setting, set the clock back, fake a lottery issue or witness digits, take a
// firm out of the roster around a draw. Each is refused (the attempt logged) or flagged for ever.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, DATA, fileSha, practiceDb, tmp } from '../helpers.js';

const V = JSON.parse(readFileSync(join(__dirname, '../vectors/beacon.json'), 'utf8'));
const SIG = V.rounds[2].signature as string; // round 657413, public 2023-09-15T19:00:03+08:00
const at = (iso: string) => ({ env: { INSPECT_NOW: iso } });
const AT_COMMIT = at('2023-09-15T18:40:00+08:00');
const AFTER_DRAND = at('2023-09-15T19:01:00+08:00');
const AFTER_LOTTERY = at('2023-09-18T10:00:00+08:00');
const SAMPLE = ['departments', 'items', 'objects', 'inspectors', 'history'] as const;
const DRAW = (items: string) => ['draw', '--items', items, '--year', '2026', '--window', '2026-01-01..2026-12-31'];

let base: string;
beforeAll(async () => {
  base = await practiceDb();
  for (const k of SAMPLE)
    expect(
      (await cli(['import', k, join(DATA, `${k}.csv`), '--db', base, '-q'], at('2023-09-01T10:00:00+08:00'))).code,
    ).toBe(0);
});
/** A fresh copy of the imported practice database. */
const fresh = () => {
  const db = join(tmp(), 'inspect.db');
  copyFileSync(base, db);
  return db;
};
const q = <T>(db: string, sql: string, ...args: unknown[]): T => {
  const d = new Database(db, { readonly: true });
  try {
    return d
      .prepare(sql)
      .pluck()
      .get(...args) as T;
  } finally {
    d.close();
  }
};
/** Every table's row count but the log's: what "the database as it was, but for the logged attempt" compares. */
const tables = (db: string) => {
  const d = new Database(db, { readonly: true });
  try {
    const names = d
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'events' ORDER BY name`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(names.map((n) => [n, d.prepare(`SELECT count(*) FROM "${n}"`).pluck().get()]));
  } finally {
    d.close();
  }
};
const lastAction = (db: string) => q<string>(db, 'SELECT action FROM events ORDER BY seq DESC LIMIT 1');
const auditJson = async (db: string, env: { env?: Record<string, string> } = AFTER_LOTTERY) => {
  const r = await cli(['audit', '--json', '--db', db], env);
  return { code: r.code, ...(JSON.parse(r.stdout) as { warnings: { code: string; message: string }[] }) };
};
const commit = async (db: string, items: string, beacons: string[], env = AT_COMMIT, extra: string[] = []) => {
  const r = await cli(
    [...DRAW(items), '--commit', ...beacons.flatMap((b) => ['--beacon', b]), ...extra, '--yes', '--json', '--db', db],
    env,
  );
  return { ...r, id: r.code === 0 ? (JSON.parse(r.stdout).drawId as string) : '' };
};

describe('a commitment binds once any of its sources is public', () => {
  it('voiding after the drand round is public is refused (65), logged, and changes nothing else', async () => {
    const db = fresh();
    const c = await commit(db, 'SC01', ['drand:657413']);
    expect(c.code).toBe(0);
    const before = tables(db);
    const events = q<number>(db, 'SELECT count(*) FROM events');
    const v = await cli(
      [
        ...DRAW('SC01'),
        '--commit',
        '--beacon',
        'drand:800000',
        '--supersede',
        c.id,
        '--reason',
        '结果不理想',
        '--yes',
        '--db',
        db,
      ],
      AFTER_DRAND,
    );
    expect(v.code).toBe(65);
    expect(v.stderr).toContain('已经公开');
    expect(v.stderr).toContain('drand quicknet #657413');
    expect(tables(db)).toEqual(before);
    expect(q<number>(db, 'SELECT count(*) FROM events')).toBe(events + 1);
    expect(lastAction(db)).toBe('supersede.refused');
    expect((await cli(['log', '--lang', 'en', '--db', db], AFTER_DRAND)).stdout).toContain('refused to supersede');
    // drand rounds stay available: "source unavailable" is no way out either.
    const u = await cli(
      [
        ...DRAW('SC01'),
        '--commit',
        '--beacon',
        'drand:800000',
        '--supersede',
        c.id,
        '--reason',
        'x',
        '--source-unavailable',
        '--yes',
        '--db',
        db,
      ],
      AFTER_DRAND,
    );
    expect(u.code).toBe(65);
    expect(u.stderr).toContain('drand');
    expect(tables(db)).toEqual(before);
    // It can still be revealed, and the audit passes.
    expect((await cli(['reveal', c.id, '--value', SIG, '--db', db], at('2023-09-15T19:05:00+08:00'))).code).toBe(0);
    expect((await auditJson(db)).code).toBe(0);
  });

  it('a plain draw never voids a commitment, even before its source is public (65, logged)', async () => {
    const db = fresh();
    const c = await commit(db, 'SC01', ['drand:800000']);
    const before = tables(db);
    const r = await cli(
      [...DRAW('SC01'), '--seed', 'mine', '--supersede', c.id, '--reason', '改用现场种子', '--yes', '--db', db],
      AT_COMMIT,
    );
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('普通抽取');
    expect(tables(db)).toEqual(before);
    expect(lastAction(db)).toBe('supersede.refused');
    // A new commitment may void it while nothing is public.
    const ok = await commit(db, 'SC01', ['drand:800001'], AT_COMMIT, ['--supersede', c.id, '--reason', '随机源选错']);
    expect(ok.code).toBe(0);
    const listed = JSON.parse((await cli(['draws', '--json', '--db', db], AT_COMMIT)).stdout).draws;
    expect(listed.find((d: { drawId: string }) => d.drawId === c.id)).toMatchObject({
      voidKind: 'pending',
      voidedAfterPublic: false,
    });
  });

  it('a lottery that did not take place: --source-unavailable voids it, named by draws, report, notice and audit', async () => {
    const db = fresh();
    const c = await commit(db, 'SC04', ['drand:657413', 'ssq:2023108@2023-09-17']);
    expect(c.code).toBe(0);
    // Without a committed new draw, never.
    const plain = await cli(
      [
        ...DRAW('SC04'),
        '--seed',
        'x',
        '--supersede',
        c.id,
        '--reason',
        '双色球停售',
        '--source-unavailable',
        '--yes',
        '--db',
        db,
      ],
      AFTER_LOTTERY,
    );
    expect(plain.code).toBe(65);
    const n = await commit(db, 'SC04', ['drand:900000'], AFTER_LOTTERY, [
      '--supersede',
      c.id,
      '--reason',
      '双色球2023108期停售',
      '--source-unavailable',
    ]);
    expect(n.code).toBe(0);
    const listed = JSON.parse((await cli(['draws', '--json', '--db', db], AFTER_LOTTERY)).stdout).draws;
    expect(listed.find((d: { drawId: string }) => d.drawId === c.id)).toMatchObject({
      voidKind: 'unavailable',
      voidedAfterPublic: true,
      supersededBy: n.id,
    });
    expect((await cli(['draws', '--db', db], AFTER_LOTTERY)).stdout).toContain('随机源公开后作废');
    const a = await auditJson(db);
    expect(a.code).toBe(0);
    const w = a.warnings.find((x) => x.code === 'A_VOIDED_AFTER_PUBLIC');
    expect(w?.message).toContain('双色球 2023108');
    const rep = JSON.parse(
      (await cli(['report', '--year', '2026', '--as-of', '2026-11-01', '--json', '--db', db], AFTER_LOTTERY)).stdout,
    );
    expect(rep.trust.voidings).toEqual([expect.objectContaining({ drawId: c.id, by: n.id, kind: 'unavailable' })]);
    const notice = JSON.parse(
      (
        await cli(
          ['export', 'publication', n.id, '--kind', 'commitment', '--format', 'json', '--db', db],
          AFTER_LOTTERY,
        )
      ).stdout,
    );
    expect(notice.supersedes).toMatchObject({ drawId: c.id, kind: 'unavailable', reason: '双色球2023108期停售' });
    expect(notice.supersedes.sources).toContain('双色球 2023108 (2023-09-17)');
  });

  it('a revealed committed draw is voided only by a new commitment, and named for ever', async () => {
    const db = fresh();
    const c = await commit(db, 'SC01', ['drand:657413']);
    expect((await cli(['reveal', c.id, '--value', SIG, '--db', db], at('2023-09-15T19:05:00+08:00'))).code).toBe(0);
    const plain = await cli(
      [...DRAW('SC01'), '--seed', 'x', '--supersede', c.id, '--reason', '重抽', '--yes', '--db', db],
      AFTER_LOTTERY,
    );
    expect(plain.code).toBe(65);
    expect(plain.stderr).toContain('承诺揭示');
    const n = await commit(db, 'SC01', ['drand:900000'], AFTER_LOTTERY, [
      '--supersede',
      c.id,
      '--reason',
      '检查事项调整',
    ]);
    expect(n.code).toBe(0);
    const a = await auditJson(db);
    expect(a.code).toBe(0);
    expect(a.warnings.map((x) => x.code)).toContain('A_REVEALED_DRAW_VOIDED');
    const listed = JSON.parse((await cli(['draws', '--json', '--db', db], AFTER_LOTTERY)).stdout).draws;
    expect(listed.find((d: { drawId: string }) => d.drawId === c.id)).toMatchObject({ voidKind: 'revealed' });
  });

  it('a voiding written behind the tool (a plain draw naming a commitment) fails the audit', async () => {
    const db = fresh();
    const c = await commit(db, 'SC01', ['drand:800000']);
    expect((await cli([...DRAW('SC05'), '--seed', 'p', '--yes', '--db', db], AT_COMMIT)).code).toBe(0);
    // The sqlite3 shell, triggers dropped: the plain draw is made to name the commitment.
    const d = new Database(db);
    d.exec('DROP TRIGGER draws_no_update');
    d.prepare(`UPDATE draws SET supersedes = ?, reason = 'x' WHERE id = '2026-HLSJ-002'`).run(c.id);
    d.close();
    expect((await auditJson(db)).code).toBe(65);
  });
});

describe('the rules in force are the database’s', () => {
  it('settings set commit.required refuses every plain draw whatever --policy says; lowering it needs a reason and stays in the audit', async () => {
    const db = fresh();
    expect((await cli(['settings', '--db', db])).stdout).toContain('commit.required = false');
    expect((await cli(['settings', 'set', 'commit.required', 'true', '--operator', '科长甲', '--db', db])).code).toBe(
      0,
    );
    const policy = join(tmp(), 'policy.json');
    const p = JSON.parse(readFileSync(join(DATA, 'policy.json'), 'utf8'));
    writeFileSync(policy, JSON.stringify({ ...p, commit: { required: false, minLeadMinutes: 10 } }));
    const before = fileSha(db);
    const r = await cli([...DRAW('SC01'), '--seed', 'x', '--policy', policy, '--yes', '--db', db]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('commit.required');
    expect(fileSha(db)).toBe(before);
    // Lowering without a reason: refused, nothing written.
    const low = await cli(['settings', 'set', 'commit.required', 'false', '--db', db]);
    expect(low.code).toBe(65);
    expect(fileSha(db)).toBe(before);
    expect(
      (
        await cli([
          'settings',
          'set',
          'commit.required',
          'false',
          '--reason',
          '试点结束',
          '--operator',
          '科长乙',
          '--db',
          db,
        ])
      ).code,
    ).toBe(0);
    const a = await auditJson(db, {});
    expect(a.code).toBe(0);
    const w = a.warnings.find((x) => x.code === 'A_PROTECTION_LOWERED');
    expect(w?.message).toContain('科长乙');
    expect(w?.message).toContain('试点结束');
    // Unknown and fixed keys are usage errors.
    expect((await cli(['settings', 'set', 'nope', '1', '--db', db])).code).toBe(2);
    expect((await cli(['settings', 'set', 'practice', 'false', '--reason', 'x', '--db', db])).code).toBe(2);
    const s = JSON.parse((await cli(['settings', '--json', '--db', db])).stdout);
    expect(s).toMatchObject({ practice: true });
    expect(s.settings.find((x: { key: string }) => x.key === 'commit.required')).toMatchObject({
      value: false,
      operator: '科长乙',
    });
  });

  it('a setting row inserted with the sqlite3 shell fails the audit', async () => {
    const db = fresh();
    const d = new Database(db);
    d.prepare(
      `INSERT INTO settings (key, value, reason, at, operator) VALUES ('commit.required', 'false', NULL, 'x', 'y')`,
    ).run();
    d.close();
    expect((await auditJson(db, {})).code).toBe(65);
  });

  it('every draw stores the policy it ran under: show and draws give policyDigest; audit recomputes it', async () => {
    const db = fresh();
    expect((await cli([...DRAW('SC01'), '--seed', 's', '--yes', '--db', db])).code).toBe(0);
    const stored = q<string>(db, `SELECT policy_sha256 FROM draw_policies WHERE ref = 'draws:2026-HLSJ-001'`);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse((await cli(['show', '2026-HLSJ-001', '--json', '--db', db])).stdout).policyDigest).toBe(stored);
    expect(JSON.parse((await cli(['draws', '--json', '--db', db])).stdout).draws[0].policyDigest).toBe(stored);
    const text = q<string>(db, `SELECT policy FROM draw_policies WHERE ref = 'draws:2026-HLSJ-001'`);
    expect(JSON.parse(text)).toMatchObject({ teamSize: 2, commit: { required: false } });
    const d = new Database(db);
    d.exec('DROP TRIGGER draw_policies_no_update');
    d.prepare(`UPDATE draw_policies SET policy = replace(policy, '"teamSize":2', '"teamSize":3')`).run();
    d.close();
    expect((await auditJson(db, {})).code).toBe(65);
  });
});

describe('the clock belongs to the office', () => {
  it('INSPECT_NOW on a real database is refused (2) before anything is done; it never creates one', async () => {
    const dir = tmp();
    const real = join(dir, 'real.db');
    expect((await cli(['import', 'departments', join(DATA, 'departments.csv'), '--db', real, '-q'])).code).toBe(0);
    const before = fileSha(real);
    const r = await cli(['import', 'items', join(DATA, 'items.csv'), '--db', real], AT_COMMIT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是演练数据库');
    expect(fileSha(real)).toBe(before);
    const created = join(dir, 'new.db');
    expect((await cli(['import', 'departments', join(DATA, 'departments.csv'), '--db', created], AT_COMMIT)).code).toBe(
      2,
    );
    expect(() => readFileSync(created)).toThrow();
    expect((await cli(['init', '--db', join(dir, 'x.db')], AT_COMMIT)).code).toBe(2);
    // init never touches an existing file.
    expect((await cli(['init', '--practice', '--db', real])).code).toBe(73);
    expect(fileSha(real)).toBe(before);
  });

  it('everything a practice database produces says so: record, commitment, notices, task list, bundle, verify', async () => {
    const db = fresh();
    const c = await commit(db, 'SC01', ['drand:657413']);
    const dir = tmp();
    expect(
      (
        await cli(['export', 'publication', c.id, '--kind', 'commitment', '--format', 'csv', '--db', db], {
          cwd: dir,
          ...AT_COMMIT,
        })
      ).code,
    ).toBe(0);
    const notice = readFileSync(join(dir, `演练-抽取承诺公告-${c.id}.csv`), 'utf8');
    expect(notice.split('\n')[0]).toContain('【演练】');
    expect((await cli(['reveal', c.id, '--value', SIG, '--db', db], at('2023-09-15T19:05:00+08:00'))).code).toBe(0);
    const out = join(dir, 'bundle');
    expect((await cli(['export', 'bundle', c.id, '--out', out, '--db', db])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'record.json'), 'utf8')).practice).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'commitment.json'), 'utf8')).practice).toBe(true);
    expect(readFileSync(join(out, 'README.txt'), 'utf8').split('\n')[0]).toContain('【演练】');
    const v = await cli(['verify', out]);
    expect(v.code).toBe(0);
    expect(v.stdout.split('\n')[0]).toContain('演练数据');
    expect((await cli(['export', 'tasks', c.id, '--format', 'csv', '--db', db], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, `演练-任务清单-${c.id}.csv`), 'utf8')).toContain('【演练】');
    // The commitment notice binds the bundle through its commitDigest.
    const bound = JSON.parse(
      (await cli(['verify', out, '--json', '--notice', join(dir, `演练-抽取承诺公告-${c.id}.csv`)])).stdout,
    );
    expect(bound.notice).toMatchObject({ ok: true, binds: 'commitment' });
    expect(bound.notice.compared).toEqual(expect.arrayContaining(['drawId', 'commitDigest', 'inputDigest']));
    // Deleting the mark from record.json breaks the digests: practice cannot be quietly dropped.
    const rec = join(out, 'record.json');
    writeFileSync(rec, readFileSync(rec, 'utf8').replace(',"practice":true', ''));
    expect((await cli(['verify', out])).code).toBe(65);
  });
});

describe('sources that cannot be faked quietly', () => {
  it('after a commit, each source says where its value will be public: drand relays with a curl line, the lottery page', async () => {
    const db = fresh();
    const r = await cli(
      [
        ...DRAW('SC01'),
        '--commit',
        '--beacon',
        'drand:657413',
        '--beacon',
        'ssq:2023108@2023-09-17',
        '--yes',
        '--db',
        db,
      ],
      AT_COMMIT,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971/public/657413');
    expect(r.stdout).toContain('curl -o round-657413.json');
    expect(r.stdout).toContain('https://www.cwl.gov.cn');
  });

  it('a lottery issue on a day its game is not drawn, or of another year, is refused at commit (65)', async () => {
    const db = fresh();
    const before = fileSha(db);
    const sat = await commit(db, 'SC01', ['ssq:2023001@2023-09-16']);
    expect(sat.code).toBe(65);
    expect(sat.stderr).toContain('不是开奖日');
    expect((await commit(db, 'SC01', ['ssq:2022108@2023-09-17'])).code).toBe(65);
    expect(fileSha(db)).toBe(before);
    expect((await commit(db, 'SC01', ['dlt:2023108@2023-09-16'])).code).toBe(0);
  });

  it('a witness declares its digits at commit and the reveal gives exactly that many', async () => {
    const db = fresh();
    expect((await commit(db, 'SC01', ['witness:公证处摇号@2023-09-15T19:00+08:00'])).code).toBe(2);
    const c = await commit(db, 'SC01', ['witness:公证处摇号@2023-09-15T19:00+08:00#3']);
    expect(c.code).toBe(0);
    const after = at('2023-09-15T19:10:00+08:00');
    expect((await cli(['reveal', c.id, '--value', '7', '--db', db], after)).code).toBe(65);
    expect((await cli(['reveal', c.id, '--value', '0 0 7', '--db', db], after)).code).toBe(0);
  });

  it('--beacon drand:999999999999999 is a usage error, not an internal one', async () => {
    const r = await commit(fresh(), 'SC01', ['drand:999999999999999']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('内部错误');
  });

  it('verify checks every field of beacons.json and of each committed source', async () => {
    const db = fresh();
    const c = await commit(db, 'SC01', ['drand:657413']);
    expect((await cli(['reveal', c.id, '--value', SIG, '--db', db], at('2023-09-15T19:05:00+08:00'))).code).toBe(0);
    const out = join(tmp(), 'b');
    expect((await cli(['export', 'bundle', c.id, '--out', out, '--db', db])).code).toBe(0);
    const file = join(out, 'beacons.json');
    const good = readFileSync(file, 'utf8');
    for (const [what, bad] of [
      ['drawId', good.replace(`"drawId":"${c.id}"`, '"drawId":"2026-HLSJ-999"')],
      ['algorithm', good.replace('"algorithm":"inspect-commit/1"', '"algorithm":"inspect-commit/9"')],
      ['an unknown key', good.replace('{"algorithm"', '{"note":"x","algorithm"')],
      ['clockOverridden removed', good.replace(/"clockOverridden":(true|false),/, '')],
    ] as const) {
      writeFileSync(file, bad);
      expect(bad, what).not.toBe(good);
      expect((await cli(['verify', out])).code, what).toBe(65);
    }
  });

  it('a commitment notice exported only after the source is public is warned at reveal and listed by audit and report', async () => {
    const db = fresh();
    const c = await commit(db, 'SC01', ['drand:657413']);
    const r = await cli(['reveal', c.id, '--value', SIG, '--db', db], at('2023-09-15T19:05:00+08:00'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('承诺公告未在第一个随机源公开');
    expect((await auditJson(db)).warnings.map((w) => w.code)).toContain('A_NOTICE_LATE');
    // Exported in time: no warning.
    const db2 = fresh();
    const c2 = await commit(db2, 'SC01', ['drand:657413']);
    expect(
      (await cli(['export', 'publication', c2.id, '--kind', 'commitment', '--format', 'json', '--db', db2], AT_COMMIT))
        .code,
    ).toBe(0);
    const r2 = await cli(['reveal', c2.id, '--value', SIG, '--db', db2], at('2023-09-15T19:05:00+08:00'));
    expect(r2.stderr).not.toContain('承诺公告未在');
    expect((await auditJson(db2)).warnings.map((w) => w.code)).not.toContain('A_NOTICE_LATE');
  });
});

describe('a firm taken out of the roster around a draw is visible', () => {
  it('inspect why explains, and audit and report name the flip', async () => {
    const db = fresh();
    // A firm the draw's item admits: an enterprise (企业) in business.
    const text = iconv.decode(readFileSync(join(DATA, 'objects.csv')), 'gb18030');
    const lines = text.split(/\r?\n/);
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const [ti, si] = [header.indexOf('对象类型'), header.indexOf('状态')];
    const row = lines.findIndex((l, i) => i > 0 && l.split(',')[ti] === '企业' && l.split(',')[si] === '存续');
    const target = lines[row]!.split(',')[0]!;
    const cells = lines[row]!.split(',');
    cells[si] = '停业';
    const flipped = [...lines];
    flipped[row] = cells.join(',');
    const file = join(tmp(), 'objects-停业.csv');
    writeFileSync(file, iconv.encode(flipped.join('\r\n'), 'gb18030'));
    expect((await cli(['import', 'objects', file, '--db', db, '-q'], at('2023-09-10T10:00:00+08:00'))).code).toBe(0);
    const c = await commit(db, 'SC01', ['drand:657413']);
    expect(
      (await cli(['import', 'objects', join(DATA, 'objects.csv'), '--db', db, '-q'], at('2023-09-20T10:00:00+08:00')))
        .code,
    ).toBe(0);
    const why = JSON.parse((await cli(['why', c.id, target, '--json', '--db', db], AFTER_LOTTERY)).stdout);
    expect(why).toMatchObject({ standing: 'outOfScope', outOfScope: { field: 'status', value: '停业' } });
    expect(why.outOfScope.setBy).toMatchObject({
      fileName: 'objects-停业.csv',
      finishedAt: '2023-09-10T10:00:00+08:00',
    });
    const text2 = (await cli(['why', c.id, target, '--db', db], AFTER_LOTTERY)).stdout;
    expect(text2).toContain('不在');
    expect(text2).toContain('objects-停业.csv');
    const a = await auditJson(db, at('2023-09-20T11:00:00+08:00'));
    const flip = a.warnings.find((w) => w.code === 'A_ROSTER_FLIP');
    expect(flip?.message).toContain(target);
    const rep = JSON.parse(
      (await cli(['report', '--year', '2026', '--as-of', '2026-11-01', '--json', '--db', db], AFTER_LOTTERY)).stdout,
    );
    expect(rep.trust.rosterFlips).toEqual([
      expect.objectContaining({ creditCode: target, drawId: c.id, field: 'status' }),
    ]);
    // In the frame: its stratum; once revealed, its ticket and rank too.
    const other = lines[row + 1]!.split(',')[0]!;
    expect((await cli(['reveal', c.id, '--value', SIG, '--db', db], AFTER_LOTTERY)).code).toBe(0);
    const w2 = JSON.parse((await cli(['why', c.id, other, '--json', '--db', db], AFTER_LOTTERY)).stdout);
    if (w2.frame) expect(w2.frame.ticket).toMatch(/^0\.\d+/);
    // An unknown code: 66.
    expect((await cli(['why', c.id, '91350200MA00000000', '--db', db], AFTER_LOTTERY)).code).toBe(66);
  });
});
