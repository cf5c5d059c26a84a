// The shell against what the world hands it: another program's SQLite file, an archived copy on a
// read-only mount, a full disk. Nothing foreign is touched; nothing of ours is half-written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { OBJECT_HEADERS, objectRows } from '../../src/dev/sampleData.js';
import { cli, DATA, fileSha, tmp } from '../helpers.js';

const SAMPLE = ['departments', 'items', 'objects', 'inspectors', 'history'] as const;
async function sampleDb(dir = tmp()): Promise<string> {
  const db = join(dir, 'inspect.db');
  for (const k of SAMPLE) {
    const r = await cli(['import', k, join(DATA, `${k}.csv`), '--db', db, '-q']);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  return db;
}

/** Root in a sandbox that allows mounts (as here and in CI); elsewhere these tests say so and skip. */
const canMount = (() => {
  const dir = tmp();
  const r = spawnSync('sh', ['-c', `mount -t tmpfs -o size=64k tmpfs ${dir} && umount ${dir}`]);
  return r.status === 0;
})();
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts.reverse()) spawnSync('umount', [m]);
});

describe("another program's database is never changed", () => {
  it('every command refuses it with exit 65 and leaves its bytes as they were', async () => {
    const file = join(tmp(), 'other.db');
    const other = new Database(file);
    other.exec("CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT); INSERT INTO events (what) VALUES ('theirs');");
    other.pragma('user_version = 7');
    other.close();
    const before = fileSha(file);
    for (const args of [
      ['status'],
      ['log'],
      ['draws'],
      ['audit'],
      ['report'],
      ['verify', 'X'],
      ['import', 'objects', join(DATA, 'objects.csv')],
      ['draw', '--items', 'SC01', '--year', '2026', '--dry-run'],
    ]) {
      const r = await cli([...args, '--db', file]);
      expect(r.code, args.join(' ')).toBe(65);
      expect(r.stderr, args.join(' ')).toContain('不是 inspect 的数据库');
    }
    expect(fileSha(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
  it('an empty file is not a database to read, but an import may start one in it', async () => {
    const file = join(tmp(), 'empty.db');
    writeFileSync(file, '');
    expect((await cli(['status', '--db', file])).code).toBe(65);
    expect((await cli(['import', 'departments', join(DATA, 'departments.csv'), '--db', file, '-q'])).code).toBe(0);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(0x494e5350);
    db.close();
  });
});

describe.skipIf(!canMount)('an archived copy on a read-only mount', () => {
  let ro: string;
  beforeAll(async () => {
    const src = tmp();
    const db = await sampleDb(src);
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
          'ro',
          '--yes',
          '--db',
          db,
          '-q',
        ])
      ).code,
    ).toBe(0);
    ro = tmp();
    expect(spawnSync('sh', ['-c', `mount --bind ${src} ${ro} && mount -o remount,ro,bind ${ro}`]).status).toBe(0);
    mounts.push(ro);
  });
  it('read-only commands work there', async () => {
    const db = join(ro, 'inspect.db');
    const out = join(tmp(), 'tasks.csv');
    for (const args of [
      ['status'],
      ['log'],
      ['draws'],
      ['audit'],
      ['verify', '2026-HLSJ-001'],
      ['report', '--as-of', '2026-12-01'],
      ['export', 'tasks', '2026-HLSJ-001', '--out', out],
      ['export', 'bundle', '2026-HLSJ-001', '--out', join(tmp(), 'b')],
    ]) {
      const r = await cli([...args, '--db', db]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(readdirSync(ro).sort()).toEqual(['inspect.db']);
  });
  it('a command that writes says the place is read-only (exit 74)', async () => {
    const r = await cli(['import', 'objects', join(DATA, 'objects.csv'), '--db', join(ro, 'inspect.db')]);
    expect(r.code).toBe(74);
    expect(r.stderr).toContain('只读');
    expect(r.stderr).not.toContain('内部错误');
  });
});

describe.skipIf(!canMount)('a full disk', () => {
  it('an import, a draw and a backup that run out of space exit 74 and leave the database intact', async () => {
    const db = await sampleDb();
    const full = tmp();
    const size = statSync(db).size + (statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    // Room for the database as it is and a little more, not for another roster.
    expect(
      spawnSync('sh', ['-c', `mount -t tmpfs -o size=${Math.ceil(size / 4096) * 4096 + 256 * 1024} tmpfs ${full}`])
        .status,
    ).toBe(0);
    mounts.push(full);
    const audited = await cli(['backup', '--out', join(full, 'inspect.db'), '--db', db]);
    expect(audited.code).toBe(0);
    const target = join(full, 'inspect.db');
    const before = fileSha(target);
    // A roster of 20,000 more objects: far more than the room left.
    const big = join(tmp(), 'big.csv');
    writeFileSync(big, stringify([OBJECT_HEADERS, ...objectRows(20000, 'full')]));
    const r = await cli(['import', 'objects', big, '--full-roster', '--db', target]);
    expect(r.code, r.stderr).toBe(74);
    expect(r.stderr).toContain('磁盘已满');
    expect(r.stderr).not.toContain('内部错误');
    const draw = await cli([
      'draw',
      '--items',
      'SC01',
      '--year',
      '2026',
      '--window',
      '2026-11-23..2026-12-31',
      '--seed',
      'full',
      '--yes',
      '--db',
      target,
    ]);
    expect([0, 74]).toContain(draw.code);
    // Whatever failed left nothing behind: the copy audits clean.
    const copy = join(tmp(), 'after.db');
    mkdirSync(join(copy, '..'), { recursive: true });
    expect((await cli(['backup', '--out', copy, '--db', target])).code).toBe(0);
    expect((await cli(['audit', '--db', copy])).code).toBe(0);
    if (draw.code === 74) expect(fileSha(target)).toBe(before);
    const b = await cli(['backup', '--out', join(full, 'second.db'), '--db', db]);
    expect(b.code).toBe(74);
    expect(existsSync(join(full, 'second.db'))).toBe(false);
  });
});

describe('a roster value written as a BLOB with the sqlite3 shell', () => {
  it('a draw refuses it with exit 65 and a message, in both languages, and records nothing', async () => {
    const db = await sampleDb();
    const raw = new Database(db);
    raw.exec('DROP TRIGGER objects_keep_version');
    raw.exec(
      "UPDATE objects SET tags = x'00ff' WHERE credit_code = (SELECT credit_code FROM objects WHERE in_roster = 1 " +
        "AND status IN ('存续', '在业') LIMIT 1)",
    );
    const events = raw.prepare('SELECT count(*) FROM events').pluck().get();
    raw.close();
    const args = ['draw', '--items', 'SC01', '--year', '2026', '--window', '2026-11-23..2026-12-31', '--db', db];
    const zh = await cli([...args, '--seed', 'blob', '--yes']);
    expect(zh.code).toBe(65);
    expect(zh.stderr).toContain('非文本的值');
    const en = await cli([...args, '--seed', 'blob', '--yes', '--lang', 'en']);
    expect(en.code).toBe(65);
    expect(en.stderr).toContain('a value that is not text');
    expect((await cli([...args, '--dry-run'])).code).toBe(0); // a dry run reads no snapshot, so no JSON of the blob
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT count(*) FROM draws').pluck().get()).toBe(0);
    expect(check.prepare('SELECT count(*) FROM events').pluck().get()).toBe(events);
    check.close();
  });
});
