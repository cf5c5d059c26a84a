import { existsSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, DATA, fileSha, sampleDb, SAMPLE_DRAW, tmp } from '../helpers.js';

const DRAW = SAMPLE_DRAW;

describe('inspect draw', () => {
  let db: string;
  beforeAll(async () => {
    db = await sampleDb();
  });

  it('--dry-run shows scope, exclusions and per-stratum N, n, n/N but never an object, and records nothing', async () => {
    const r = await cli([...DRAW, '--dry-run', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/范围内对象 \d+ 户/);
    expect(r.stdout).toMatch(/排除：本年同类已检查 \d+，本年已被抽中 0，上级部门本年已检查 \d+/);
    expect(r.stdout).toMatch(/D\|H D类·高风险\s+50\.00%\s+\d+\s+\d+\s+\d+\/\d+/);
    expect(r.stdout).not.toMatch(/[0-9A-Z]{18}/); // no credit code anywhere
    expect(r.stderr).toContain('试运行');
    const j = JSON.parse((await cli([...DRAW, '--dry-run', '--json', '--db', db])).stdout);
    expect(j).toMatchObject({ dryRun: true, drawId: '2026-HLSJ-001' });
    expect(JSON.stringify(j)).not.toMatch(/[0-9A-Z]{18}/);
    const d = new Database(db, { readonly: true });
    expect(d.prepare('SELECT count(*) FROM draws').pluck().get()).toBe(0);
    d.close();
  });

  it('without a TTY a real draw needs --yes (exit 2), and nothing is recorded', async () => {
    const before = fileSha(db);
    const r = await cli([...DRAW, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--yes');
    expect(fileSha(db)).toBe(before);
  });

  it('--yes --json records the draw and prints drawId, seed, inputDigest, seedHex, allocation and the count', async () => {
    const r = await cli([...DRAW, '--yes', '--json', '--db', db]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ drawId: '2026-HLSJ-001', seed: '湖里区2026年第一批' });
    expect(j.inputDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(j.seedHex).toMatch(/^[0-9a-f]{64}$/);
    expect(j.selectedCount).toBe(Object.values(j.allocation.n as Record<string, number>).reduce((a, b) => a + b, 0));
    // the bundle verifies on its own, and sha256sum frame.json is the digest
    const out = join(tmp(), 'bundle');
    expect((await cli(['export', 'bundle', j.drawId, '--out', out, '--db', db])).code).toBe(0);
    expect(fileSha(join(out, 'frame.json'))).toBe(j.inputDigest);
    const v = await cli(['verify', out, '--lang', 'en']);
    expect(v.code).toBe(0);
    expect(v.stdout.match(/^ {2}match/gm)).toHaveLength(7);
    expect(readFileSync(join(out, 'README.txt'), 'utf8')).toContain('sha256sum frame.json');
    // a second export into the same folder needs --force
    expect((await cli(['export', 'bundle', j.drawId, '--out', out, '--db', db])).code).toBe(73);
  });

  it('a later draw for the same items is a new batch that excludes what the first selected; both stand', async () => {
    const r = JSON.parse(
      (
        await cli([
          'draw',
          '--items',
          'SC01',
          '--year',
          '2026',
          '--window',
          '2026-11-01..2026-12-31',
          '--seed',
          'batch-2',
          '--yes',
          '--json',
          '--db',
          db,
        ])
      ).stdout,
    );
    expect(r.drawId).toBe('2026-HLSJ-002');
    const d = new Database(db, { readonly: true });
    const overlap = d
      .prepare(
        `SELECT count(*) FROM draw_selections a JOIN draw_selections b ON a.object_id = b.object_id WHERE a.draw_id ` +
          `= '2026-HLSJ-001' AND b.draw_id = '2026-HLSJ-002'`,
      )
      .pluck()
      .get();
    expect(overlap).toBe(0);
    d.close();
    const list = JSON.parse((await cli(['draws', '--json', '--db', db])).stdout).draws;
    expect(list.map((x: { status: string }) => x.status)).toEqual(['standing', 'standing']);
  });

  it('--supersede needs --reason; the voided draw stays listed with the reason and no longer counts as drawn', async () => {
    expect((await cli([...DRAW, '--supersede', '2026-HLSJ-001', '--yes', '--db', db])).code).toBe(2);
    const r = await cli([
      'draw',
      '--items',
      'SC01',
      '--year',
      '2026',
      '--window',
      '2026-11-01..2026-12-31',
      '--seed',
      'redo',
      '--supersede',
      '2026-HLSJ-001',
      '--reason',
      '名录导入有误',
      '--yes',
      '--json',
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    const list = (await cli(['draws', '--db', db])).stdout;
    expect(list).toContain('2026-HLSJ-001');
    expect(list).toContain('已作废（被 2026-HLSJ-003 取代，原因：名录导入有误）');
    const again = await cli([
      'draw',
      '--items',
      'SC01',
      '--year',
      '2026',
      '--seed',
      'x',
      '--supersede',
      '2026-HLSJ-001',
      '--reason',
      'again',
      '--yes',
      '--db',
      db,
    ]);
    expect(again.code).toBe(65);
    expect(again.stderr).toContain('已被 2026-HLSJ-003 作废');
    // verify still recomputes the voided draw, and says it was superseded
    const v = await cli(['verify', '2026-HLSJ-001', '--db', db]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('已被 2026-HLSJ-003 作废');
  });

  it(
    'usage and data errors: unknown item (2), bad year (2), bad window (2), bad policy (65, field by field), missin' +
      'g policy (66)',
    async () => {
      expect((await cli(['draw', '--items', 'NOPE', '--year', '2026', '--dry-run', '--db', db])).stderr).toContain(
        'NOPE',
      );
      expect((await cli(['draw', '--items', 'NOPE', '--year', '2026', '--dry-run', '--db', db])).code).toBe(2);
      expect((await cli(['draw', '--items', 'SC01', '--year', '26', '--dry-run', '--db', db])).code).toBe(2);
      expect(
        (
          await cli([
            'draw',
            '--items',
            'SC01',
            '--year',
            '2026',
            '--window',
            '2026-12-31..2026-01-01',
            '--dry-run',
            '--db',
            db,
          ])
        ).code,
      ).toBe(2);
      expect((await cli(['draw', '--year', '2026', '--dry-run', '--db', db])).stderr).toContain('--items');
      const policy = join(tmp(), 'policy.json');
      writeFileSync(
        policy,
        JSON.stringify({
          floorPercent: 5,
          ratiosPercent: {
            A: { L: 1, M: 2, H: 3 },
            B: { L: 3, M: 5, H: 8 },
            C: { L: 8, M: 10, H: 15 },
            D: { L: 20, M: 'x', H: 50 },
          },
          teamSize: 1,
        }),
      );
      const p = await cli([
        'draw',
        '--items',
        'SC01',
        '--year',
        '2026',
        '--dry-run',
        '--policy',
        policy,
        '--db',
        db,
        '--lang',
        'en',
      ]);
      expect(p.code).toBe(65);
      expect(p.stderr).toContain('field ratiosPercent.D.M');
      expect(p.stderr).toContain('field teamSize');
      expect(
        (await cli(['draw', '--items', 'SC01', '--year', '2026', '--dry-run', '--policy', '/nope.json', '--db', db]))
          .code,
      ).toBe(66);
      // SC02 caps at 20 %: a 25 % floor cannot be met
      writeFileSync(
        policy,
        readFileSync(join(DATA, 'policy.json'), 'utf8').replace('"floorPercent": 5', '"floorPercent": 25'),
      );
      const cap = await cli(['draw', '--items', 'SC02', '--year', '2026', '--dry-run', '--policy', policy, '--db', db]);
      expect(cap.code).toBe(65);
      expect(cap.stderr).toContain('比例上限 20%');
    },
  );
});

describe('reproducibility', () => {
  it(
    'the same inputs and seed give the identical record across processes and a roster in another row order; a chang' +
      'ed object changes the digest',
    async () => {
      const dir = tmp();
      const lines = readFileSync(join(DATA, 'objects.csv')); // GB18030 bytes: reorder by lines
      const text = new TextDecoder('gb18030').decode(lines).trimEnd().split('\r\n');
      const reversed = join(dir, 'objects-reversed.csv');
      writeFileSync(reversed, [text[0], ...text.slice(1).reverse()].join('\r\n') + '\r\n');
      const a = await sampleDb();
      const b = await sampleDb({ objects: reversed });
      const bundles: string[] = [];
      for (const [i, db] of [a, b].entries()) {
        const r = await cli([...DRAW, '--yes', '--db', db, '--operator', `op${i}`]);
        expect(r.code).toBe(0);
        const out = join(dir, `b${i}`);
        await cli(['export', 'bundle', '2026-HLSJ-001', '--out', out, '--db', db]);
        bundles.push(out);
      }
      for (const f of ['frame.json', 'inspectors.json', 'record.json'])
        expect(fileSha(join(bundles[0]!, f))).toBe(fileSha(join(bundles[1]!, f)));

      // one object's grade changed → another digest
      const changed = join(dir, 'objects-changed.csv');
      const row = text.findIndex(
        (l, i) => i > 0 && l.includes(',企业,') && l.includes(',存续,') && !l.includes(',是,'),
      );
      const cells = text[row]!.split(',');
      cells[6] = cells[6] === 'A' ? 'B' : 'A';
      writeFileSync(changed, [...text.slice(0, row), cells.join(','), ...text.slice(row + 1)].join('\r\n') + '\r\n');
      const c = await sampleDb({ objects: changed });
      const d1 = JSON.parse((await cli([...DRAW, '--dry-run', '--json', '--db', a])).stdout);
      const d2 = JSON.parse((await cli([...DRAW, '--dry-run', '--json', '--db', c])).stdout);
      expect(d1.scopeCount).toBe(d2.scopeCount);
      const rec = JSON.parse(readFileSync(join(bundles[0]!, 'record.json'), 'utf8'));
      const r2 = JSON.parse((await cli([...DRAW, '--yes', '--json', '--db', c])).stdout);
      expect(r2.inputDigest).not.toBe(rec.inputDigest);
    },
  );
});

describe('tampered bundles fail verify (exit 65)', () => {
  it('a changed selected id, a changed ticket, a removed frame row', async () => {
    const db = await sampleDb();
    await cli([...DRAW, '--yes', '--db', db]);
    const good = join(tmp(), 'good');
    await cli(['export', 'bundle', '2026-HLSJ-001', '--out', good, '--db', db]);
    const tamper = async (name: string, file: string, edit: (s: string) => string) => {
      const dir = join(tmp(), name);
      cpSync(good, dir, { recursive: true });
      writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
      return await cli(['verify', dir, '--lang', 'en']);
    };
    const rec = JSON.parse(readFileSync(join(good, 'record.json'), 'utf8'));
    const frame = JSON.parse(readFileSync(join(good, 'frame.json'), 'utf8'));
    const other = (frame.frame as [string, string][]).find(
      ([id]) => !rec.selected.some((s: { id: string }) => s.id === id),
    )![0];
    const a = await tamper('id', 'record.json', (s) => {
      const r = JSON.parse(s);
      r.selected[2].id = other;
      return JSON.stringify(r);
    });
    expect(a.code).toBe(65);
    expect(a.stdout).toMatch(/MISMATCH selection\s+selected\[2\]\.id/);
    const b = await tamper('ticket', 'record.json', (s) =>
      s.replace(`"ticket":"${rec.selected[5].ticket}"`, '"ticket":"0.123"'),
    );
    expect(b.code).toBe(65);
    expect(b.stdout).toMatch(/MISMATCH selection\s+selected\[5\]\.ticket/);
    const c = await tamper('row', 'frame.json', (s) => s.replace(`${JSON.stringify(frame.frame[10])},`, ''));
    expect(c.code).toBe(65);
    expect(c.stdout).toMatch(/MISMATCH digest/);
    expect(existsSync(join(good, 'record.json'))).toBe(true);

    // Every record field is checked against frame.json and inspectors.json, or named as unprovable.
    for (const [name, edit] of [
      [
        'year',
        (r: Record<string, unknown>) => {
          r.year = 2027;
        },
      ],
      [
        'departments',
        (r: Record<string, unknown>) => {
          r.departments = ['HLWJ'];
        },
      ],
      [
        'window',
        (r: Record<string, unknown>) => {
          r.window = { start: '2026-11-01', end: '2027-06-30' };
        },
      ],
    ] as const) {
      const t = await tamper(name, 'record.json', (s) => {
        const r = JSON.parse(s);
        edit(r);
        return JSON.stringify(r);
      });
      expect(t.code, name).toBe(65);
      expect(t.stdout, name).toMatch(/MISMATCH record fields/);
    }
    const ok = await cli(['verify', good, '--lang', 'en']);
    expect(ok.stdout).toContain(
      'not provable from the bundle alone (compare with the notice): items, window.start, supersedes, reason, ros' +
        'terDigest, software',
    );
    expect(ok.stdout).toContain('seed (as given): "湖里区2026年第一批"');
    // A bundle without inspectors.json is incomplete, not "all match".
    const dir = join(tmp(), 'noins');
    cpSync(good, dir, { recursive: true });
    rmSync(join(dir, 'inspectors.json'));
    expect((await cli(['verify', dir])).code).toBe(66);

    // By id, the tables every export reads are checked against the record.
    const copy = join(tmp(), 'copy.db');
    cpSync(db, copy);
    const raw = new Database(copy);
    raw.exec('DROP TRIGGER draw_selections_no_update');
    raw.prepare("UPDATE draw_selections SET object_id = ? WHERE draw_id = '2026-HLSJ-001' AND position = 1").run(other);
    raw.close();
    const byId = await cli(['verify', '2026-HLSJ-001', '--db', copy, '--lang', 'en']);
    expect(byId.code).toBe(65);
    expect(byId.stdout).toMatch(/MISMATCH tables\s+the selection table differs from the record/);
  });
});

describe('matching failure', () => {
  it('names each object without a full team, records no draw, logs the attempt, exit 65', async () => {
    const dir = tmp();
    // every 卫健 (HLWJ) inspector suspended: the joint item SC05 cannot field a team
    const ins = readFileSync(join(DATA, 'inspectors.csv'), 'utf8')
      .split('\r\n')
      .map((l) => (l.includes(',HLWJ,') ? l.replace(',在岗,', ',停用,') : l))
      .join('\r\n');
    writeFileSync(join(dir, 'inspectors.csv'), ins);
    const db = await sampleDb({ inspectors: join(dir, 'inspectors.csv') });
    const r = await cli(['draw', '--items', 'SC05', '--year', '2026', '--seed', 's', '--yes', '--db', db]);
    expect(r.code).toBe(65);
    expect(r.stderr).toMatch(/个对象无法组成完整的检查组/);
    // Objects ruled out for the same reasons share one line, naming them and how many.
    expect(r.stderr).toMatch(/对象 \w{18}(、\w{18})*…?（共 \d+ 个，原因相同） \[HLWJ\]：HL0\d\d（HLWJ）停用/);
    expect(r.stderr.split('\n').filter((l) => l.includes('[HLWJ]')).length).toBe(1);
    const d = new Database(db, { readonly: true });
    expect(d.prepare('SELECT count(*) FROM draws').pluck().get()).toBe(0);
    expect(d.prepare("SELECT count(*) FROM events WHERE action = 'draw.failed'").pluck().get()).toBe(1);
    d.close();
  });
});
