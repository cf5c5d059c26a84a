// Nothing lost, nothing half-written (issue 22 §1–§2): an output path that is the database, an input, a
// device, a folder or a link is refused even with --force; a notice on disk always means it is recorded,
// killed at any point; a bundle is whole or absent; a killed backup leaves nothing behind next time.
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, DATA, fileSha, ROOT, SAMPLE_DRAW, sampleDb, tmp } from '../helpers.js';

let db: string;
const ID = '2026-HLSJ-001';
beforeAll(async () => {
  db = await sampleDb();
  expect((await cli([...SAMPLE_DRAW, '--yes', '--db', db, '-q'])).code).toBe(0);
});
const auditOk = async () => expect((await cli(['audit', '--db', db])).code).toBe(0);

describe('the tool never destroys what it reads or keeps', () => {
  it.each([
    ['export tasks', (out: string) => ['export', 'tasks', ID, '--format', 'csv', '--out', out, '--force']],
    [
      'export publication',
      (out: string) => ['export', 'publication', ID, '--kind', 'task', '--format', 'csv', '--out', out, '--force'],
    ],
    ['export verifier', (out: string) => ['export', 'verifier', '--out', out, '--force']],
    ['backup', (out: string) => ['backup', '--out', out, '--force']],
  ])('%s --out the database or its -wal/-shm is refused (73) and the database is intact', async (_, args) => {
    for (const out of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) {
      const r = await cli([...args(out), '--db', db]);
      expect(r.code, out).toBe(73);
      expect(r.stderr).toContain('数据库');
    }
    await auditOk();
  });

  it('import --errors naming the file being imported is refused (73); the file is unchanged', async () => {
    const dir = tmp();
    const roster = join(dir, 'objects.csv');
    writeFileSync(roster, readFileSync(join(DATA, 'objects.csv')));
    const before = fileSha(roster);
    const r = await cli(['import', 'objects', roster, '--skip-invalid', '--errors', roster, '--force', '--db', db]);
    expect(r.code).toBe(73);
    expect(fileSha(roster)).toBe(before);
  });

  it('/dev/null, a folder and a symbolic link are refused (73); /dev/null stays a device', async () => {
    const dir = tmp();
    const link = join(dir, 'link.csv');
    writeFileSync(join(dir, 'real.csv'), 'x');
    symlinkSync(join(dir, 'real.csv'), link);
    for (const out of ['/dev/null', dir, link]) {
      const r = await cli(['export', 'tasks', ID, '--format', 'csv', '--out', out, '--force', '--db', db]);
      expect(r.code, out).toBe(73);
    }
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe('x');
  });

  it('a write that fails says so as a write (74), not as a read', async () => {
    const r = await cli(['export', 'tasks', ID, '--format', 'csv', '--out', join(tmp(), 'missing/x.csv'), '--db', db]);
    expect(r.code).toBe(74);
    expect(r.stderr).toContain('无法写入');
    expect(r.stderr).not.toContain('读取');
  });
});

/** The binary in a child process, killed after `ms`. */
function killedAfter(args: string[], env: Record<string, string>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(ROOT, 'bin/inspect.js'), ...args], {
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: 'ignore',
    });
    const t = setTimeout(() => p.kill('SIGKILL'), ms);
    p.on('exit', () => {
      clearTimeout(t);
      resolve();
    });
  });
}
const publications = (file: string) => {
  const d = new Database(file, { readonly: true });
  try {
    return d.prepare('SELECT count(*) FROM publications').pluck().get() as number;
  } finally {
    d.close();
  }
};

describe('all or nothing for every file the tool writes', () => {
  it('a publication killed before its commit leaves no file and no record; after it, never a file without a record', async () => {
    for (const point of ['before-commit', 'before-rename']) {
      const d = await sampleDb();
      expect((await cli([...SAMPLE_DRAW, '--yes', '--db', d, '-q'])).code).toBe(0);
      const out = join(tmp(), 'pub.csv');
      const args = ['export', 'publication', ID, '--kind', 'task', '--format', 'csv', '--out', out, '--db', d];
      await killedAfter(args, { INSPECT_FAULT_PAUSE: `${point}:5000` }, 1500);
      // The invariant: a notice on disk means it is recorded.
      if (existsSync(out)) expect(publications(d), point).toBe(1);
      expect(existsSync(out), point).toBe(false);
      expect(publications(d), point).toBe(point === 'before-commit' ? 0 : 1);
      expect((await cli(['audit', '--db', d])).code, point).toBe(0);
    }
  });

  it('a bundle is never written into a folder of other files, and verify fails a bundle missing a file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'mine.txt'), 'keep me');
    expect((await cli(['export', 'bundle', ID, '--out', dir, '--force', '--db', db])).code).toBe(73);
    expect(readFileSync(join(dir, 'mine.txt'), 'utf8')).toBe('keep me');
    const b = join(tmp(), 'bundle');
    expect((await cli(['export', 'bundle', ID, '--out', b, '--db', db])).code).toBe(0);
    expect(readdirSync(join(b, '..')).filter((n) => n.includes('.tmp-'))).toEqual([]);
    // Replacing an earlier bundle with --force works, whole.
    expect((await cli(['export', 'bundle', ID, '--out', b, '--force', '--db', db])).code).toBe(0);
    expect((await cli(['verify', b])).code).toBe(0);
    for (const f of ['verify.html', 'algorithm.md', 'README.txt']) {
      const partial = join(tmp(), 'p');
      mkdirSync(partial);
      for (const n of readdirSync(b)) if (n !== f) writeFileSync(join(partial, n), readFileSync(join(b, n)));
      expect((await cli(['verify', partial])).code, f).toBe(66);
    }
  });

  it('a killed backup’s leftovers are cleaned up by the next backup', async () => {
    const dir = tmp();
    const out = join(dir, 'b.db');
    writeFileSync(`${out}.tmp-999999`, 'half');
    writeFileSync(`${out}.tmp-999999-journal`, 'half');
    expect((await cli(['backup', '--out', out, '--db', db])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['b.db']);
  });
});
