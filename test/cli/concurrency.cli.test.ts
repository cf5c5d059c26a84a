// Real processes: two writers at once (one waits, or fails with exit 75 after the busy timeout; never two
// draws with one id, never a fork in the chain), and processes killed mid-import and mid-draw.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { OBJECT_HEADERS, objectRows } from '../../src/dev/sampleData.js';
import { cli, DATA, ROOT, tmp, dbValue } from '../helpers.js';

let big: string;
let db: string;

function start(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [join(ROOT, 'bin/inspect.js'), ...args], {
    env: { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', CI: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until the child holds SQLite's write lock (its BEGIN IMMEDIATE went through). */
async function whenLocked(dbPath: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const probe = new Database(dbPath, { timeout: 0 });
    try {
      probe.exec('BEGIN IMMEDIATE');
      probe.exec('ROLLBACK');
    } catch {
      probe.close();
      return;
    } finally {
      if (probe.open) probe.close();
    }
    await sleep(25);
  }
  throw new Error('the child never took the write lock');
}
const count = (file: string, sql: string) => dbValue(file, sql) as number;

beforeAll(async () => {
  const dir = tmp();
  big = join(dir, 'objects-big.csv');
  writeFileSync(big, stringify([OBJECT_HEADERS, ...objectRows(150_000, 'concurrency')]));
  db = join(dir, 'inspect.db');
  for (const k of ['departments', 'items', 'objects', 'inspectors', 'history'])
    expect((await cli(['import', k, join(DATA, `${k}.csv`), '--db', db, '-q'])).code).toBe(0);
});

describe('two writers at once', () => {
  it('a draw while another process holds the write lock waits for the busy timeout, then exits 75', async () => {
    // The lock is held by a process the test controls, for as long as the test wants: no race with
    // how fast an import happens to run on a busy machine.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `
      const D = require(${JSON.stringify(join(ROOT, 'node_modules/better-sqlite3'))});
      const db = new D(${JSON.stringify(db)}); db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked\\n');
      process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); }); process.stdin.resume();`,
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    const r = await cli(['draw', '--items', 'SC01', '--year', '2026', '--seed', 'x', '--yes', '--db', db], {
      env: { INSPECT_BUSY_TIMEOUT_MS: '200' },
    });
    holder.stdin!.end();
    await new Promise((resolve) => holder.on('close', resolve));
    expect(r.code).toBe(75);
    expect(r.stderr).toContain('正被另一个操作使用');
    expect((await cli(['audit', '--db', db])).code).toBe(0);
  });
  it('two draws at once: both recorded, one after the other, with distinct ids and one chain', async () => {
    const w = '2026-11-01..2026-12-31';
    const a = start([
      'draw',
      '--items',
      'SC06',
      '--year',
      '2026',
      '--window',
      w,
      '--seed',
      'a',
      '--yes',
      '--db',
      db,
      '-q',
    ]);
    const b = start([
      'draw',
      '--items',
      'SC06',
      '--year',
      '2026',
      '--window',
      w,
      '--seed',
      'b',
      '--yes',
      '--db',
      db,
      '-q',
    ]);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect(count(db, 'SELECT count(DISTINCT id) FROM draws WHERE items = \'["SC06"]\'')).toBe(2);
    // the second batch excluded what the first selected
    expect(
      count(
        db,
        `SELECT count(*) FROM draw_selections a JOIN draw_selections b ON a.object_id = b.object_id
      WHERE a.draw_id = '2026-HLSJ-001' AND b.draw_id = '2026-HLSJ-002'`,
      ),
    ).toBe(0);
    const audit = await cli(['audit', '--db', db, '--json']);
    expect(audit.code).toBe(0);
  });
});

describe('killed processes leave a consistent database', () => {
  it('an import killed midway leaves the previous roster and a valid chain', async () => {
    const before = count(db, 'SELECT count(*) FROM objects');
    const events = count(db, 'SELECT count(*) FROM events');
    const imp = start(['import', 'objects', big, '--db', join(db), '-q']);
    await whenLocked(db);
    // Killed as soon as it holds the lock: 150,000 rows keep it busy for seconds, so it is mid-import.
    imp.child.kill('SIGKILL');
    const done = await imp.done;
    expect(done.signal).toBe('SIGKILL');
    expect(count(db, 'SELECT count(*) FROM objects')).toBe(before);
    expect(count(db, 'SELECT count(*) FROM events')).toBe(events);
    expect((await cli(['audit', '--db', db])).code).toBe(0);
  });
  it('a draw killed midway records nothing half-way', async () => {
    const draws = count(db, 'SELECT count(*) FROM draws');
    const d = start([
      'draw',
      '--items',
      'SC01',
      '--year',
      '2026',
      '--window',
      '2026-11-01..2026-12-31',
      '--seed',
      'k',
      '--yes',
      '--db',
      db,
      '-q',
    ]);
    await whenLocked(db);
    d.child.kill('SIGKILL');
    await d.done;
    const after = count(db, 'SELECT count(*) FROM draws');
    expect([draws, draws + 1]).toContain(after);
    expect(
      count(
        db,
        'SELECT count(*) FROM draws d WHERE NOT EXISTS (SELECT 1 FROM draw_snapshots s WHERE s.draw_id = d.id)',
      ),
    ).toBe(0);
    expect((await cli(['audit', '--db', db])).code).toBe(0);
  });
});

describe('backup', () => {
  it('writes a consistent copy while another process reads, and the copy audits clean', async () => {
    const out = join(tmp(), 'backup.db');
    const reader = start(['report', '--as-of', '2026-11-21', '--db', db]);
    const r = await cli(['backup', '--out', out, '--db', db]);
    expect(r.code).toBe(0);
    await reader.done;
    expect((await cli(['audit', '--db', out])).code).toBe(0);
    expect((await cli(['backup', '--out', out, '--db', db])).code).toBe(73);
    const head = (await cli(['audit', '--head', '--db', out])).stdout.trim();
    expect(head).toMatch(/^\d+:[0-9a-f]{64}$/);
    expect((await cli(['audit', '--expect-head', head, '--db', db])).code).toBe(0);
  });
});
