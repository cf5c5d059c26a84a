// The frozen matching input in parts, as an adversary with the sqlite3 shell sees it (triggers dropped):
// a part edited so the text stays well-formed, a part deleted, parts swapped, the frame edited, a part
// added for nobody. The reveal refuses (and logs the attempt) rather than draw from changed inputs, and
// the audit names what changed; the untouched copy still reveals.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, DATA, practiceDb, tmp, dbValue } from '../helpers.js';

const V = JSON.parse(readFileSync(join(__dirname, '../vectors/beacon.json'), 'utf8'));
const SIG = V.rounds[2].signature as string;
const AT_COMMIT = { INSPECT_NOW: '2023-09-15T18:40:00+08:00' };
const AFTER = { INSPECT_NOW: '2023-09-15T19:05:00+08:00' };
const ID = '2026-HLSJ-001';

let base: string;
beforeAll(async () => {
  base = await practiceDb();
  for (const k of ['departments', 'items', 'objects', 'inspectors', 'history']) {
    const r = await cli(['import', k, join(DATA, `${k}.csv`), '--db', base, '-q'], { env: AT_COMMIT });
    if (r.code !== 0) throw new Error(r.stderr);
  }
  const c = await cli(
    [
      ...['draw', '--items', 'SC01', '--year', '2026', '--window', '2026-03-01..2026-12-31'],
      ...['--commit', '--beacon', 'drand:657413', '--yes', '--db', base, '-q'],
    ],
    { env: { ...AT_COMMIT, INSPECT_PART_BYTES: '2048' } },
  );
  if (c.code !== 0) throw new Error(c.stderr);
});

/** A copy changed as the sqlite3 shell could: every trigger dropped, foreign keys off, then put back. */
function tampered(change: (db: Database.Database) => void): string {
  const file = join(tmp(), 'copy.db');
  copyFileSync(base, file);
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  const triggers = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as {
    name: string;
    sql: string;
  }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  change(db);
  for (const t of triggers) db.exec(t.sql);
  db.close();
  return file;
}

const part = (db: Database.Database, n: number) =>
  db.prepare('SELECT bytes FROM commitment_parts WHERE draw_id = ? AND part = ?').pluck().get(ID, n) as Buffer;
const setPart = (db: Database.Database, n: number, bytes: Buffer) =>
  db.prepare('UPDATE commitment_parts SET bytes = ? WHERE draw_id = ? AND part = ?').run(bytes, ID, n);
const count = (file: string, sql: string) => dbValue(file, sql) as number;

async function refused(file: string, what: string): Promise<void> {
  const r = await cli(['reveal', ID, '--value', SIG, '--db', file, '--lang', 'en'], { env: AFTER });
  expect(r.code, r.stderr).toBe(65);
  expect(r.stderr).toContain(what);
  expect(count(file, 'SELECT count(*) FROM draws')).toBe(0);
  expect(count(file, "SELECT count(*) FROM events WHERE action = 'reveal.refused'")).toBe(1);
  const audit = await cli(['audit', '--db', file, '--lang', 'en']);
  expect(audit.code).not.toBe(0);
}

describe('a committed draw whose frozen parts were changed behind the tool', () => {
  it('is stored in many parts', () => {
    expect(count(base, `SELECT count(*) FROM commitment_parts WHERE draw_id = '${ID}'`)).toBeGreaterThan(10);
  });

  it('a part edited so the text stays well-formed: refused, logged, and the audit fails', async () => {
    const file = tampered((db) => {
      // One inspector code in the rows turned into another (the text is still canonical JSON).
      const p = part(db, 3);
      const text = p.toString('latin1');
      const at = text.search(/\d/);
      const b = Buffer.from(p);
      b[at] = b[at] === 0x31 ? 0x32 : 0x31;
      setPart(db, 3, b);
    });
    await refused(file, 'inspectors.json');
  });

  it('a part deleted, or two parts swapped: refused', async () => {
    await refused(
      tampered((db) => db.prepare('DELETE FROM commitment_parts WHERE draw_id = ? AND part = 2').run(ID)),
      'inspectors.json',
    );
    await refused(
      tampered((db) => {
        const [a, b] = [part(db, 1), part(db, 2)];
        setPart(db, 1, b);
        setPart(db, 2, a);
      }),
      'inspectors.json',
    );
  });

  it('the frozen frame edited: refused', async () => {
    await refused(
      tampered((db) => {
        const f = db.prepare('SELECT frame FROM commitments WHERE draw_id = ?').pluck().get(ID) as Buffer;
        const b = Buffer.from(f);
        b[b.length - 3] = b[b.length - 3]! ^ 1;
        db.prepare('UPDATE commitments SET frame = ? WHERE draw_id = ?').run(b, ID);
      }),
      'frame.json',
    );
  });

  it('a part added for no commitment: the audit names it', async () => {
    const file = tampered((db) =>
      db
        .prepare('INSERT INTO commitment_parts (draw_id, part, bytes) VALUES (?, 0, ?)')
        .run('2026-HLSJ-999', Buffer.from('[]')),
    );
    const audit = await cli(['audit', '--db', file, '--lang', 'en']);
    expect(audit.code).not.toBe(0);
    expect(audit.stdout + audit.stderr).toContain('commitment_parts 2026-HLSJ-999');
  });

  it('the untouched copy reveals, verifies and audits clean', async () => {
    const file = tampered(() => undefined);
    const r = await cli(['reveal', ID, '--value', SIG, '--db', file, '-q'], { env: AFTER });
    expect(r.code, r.stderr).toBe(0);
    expect((await cli(['verify', ID, '--db', file])).code).toBe(0);
    expect((await cli(['audit', '--db', file])).code).toBe(0);
  });
});
