// A database made before committed draws (schema 3) keeps working: read-only it is read as it is (an
// archived copy is never changed), and opened for writing it is migrated to schema 4 with every draw,
// supersession and log entry intact, auditing clean before and after.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditText as audit } from '../helpers.js';
import { runDraw } from '../../src/commands/draw/draw.js';
import { MIGRATIONS, openDb } from '../../src/io/db.js';
import { eventHash } from '../../src/core/chain.js';
import { fileSha, loadSample, testContext, tmp } from '../helpers.js';

const V3_TABLES = [
  'imports',
  'roster_versions',
  'objects',
  'inspectors',
  'items',
  'departments',
  'history',
  'events',
  'draws',
  'draw_snapshots',
  'draw_selections',
  'draw_assignments',
  'results',
  'publications',
  'published_results',
];
let v3: string;

beforeAll(async () => {
  // Rows made by the current code, copied into a file built with migrations 1–3 only: a schema-3 database.
  const dir = tmp();
  const current = join(dir, 'current.db');
  const ctx = testContext(current, { yes: true });
  await loadSample(ctx);
  await runDraw(ctx, { items: 'SC01', year: '2026', window: '2026-09-01..2026-12-31', seed: 'a' });
  await runDraw(ctx, {
    items: 'SC01',
    year: '2026',
    window: '2026-09-01..2026-12-31',
    seed: 'b',
    supersede: '2026-HLSJ-001',
    reason: '重抽',
  });
  v3 = join(dir, 'v3.db');
  const db = new Database(v3);
  db.exec('BEGIN');
  for (const m of MIGRATIONS.slice(0, 3)) db.exec(m);
  db.pragma('user_version = 3');
  db.exec(`ATTACH '${current}' AS cur`);
  for (const t of V3_TABLES) {
    const cols = (db.prepare(`PRAGMA main.table_info(${t})`).all() as { name: string }[])
      .map((c) => `"${c.name}"`)
      .join(', ');
    db.exec(`INSERT INTO main.${t} (${cols}) SELECT ${cols} FROM cur.${t}`);
  }
  // Entries of that time hashed no rows: chain them again as the schema-3 code did.
  const trigger = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'events_no_update'`).pluck().get() as string;
  db.exec('DROP TRIGGER events_no_update');
  let prev = '0'.repeat(64);
  for (const e of db.prepare('SELECT * FROM events ORDER BY seq').all() as Record<string, string | number>[]) {
    const content = {
      seq: e.seq as number,
      at: e.at as string,
      operator: e.operator as string,
      action: e.action as string,
      summary: e.summary as string,
      payloadSha256: e.payload_sha256 as string,
      ref: e.ref as string,
      prevHash: prev,
    };
    const hash = eventHash(content);
    db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, e.seq);
    prev = hash;
  }
  db.exec(trigger);
  db.exec('COMMIT');
  db.exec('DETACH cur');
  db.pragma('journal_mode = DELETE');
  db.close();
});

describe('schema 3 → current', () => {
  it('read-only: audits clean, lists the supersession, and leaves the file byte for byte', () => {
    const before = fileSha(v3);
    const db = openDb(v3, { readonly: true });
    const r = audit(db);
    expect(r.sections.filter((x) => x.problems.length)).toEqual([]);
    expect(r.warnings.join('\n')).toContain('before row digests');
    expect(db.prepare('SELECT by_id FROM supersessions WHERE superseded = ?').pluck().get('2026-HLSJ-001')).toBe(
      '2026-HLSJ-002',
    );
    db.close();
    expect(fileSha(v3)).toBe(before);
  });

  it('opened for writing: migrated with every row kept, audits clean, and a committed draw can follow', async () => {
    const file = join(tmp(), 'up.db');
    copyFileSync(v3, file);
    const db = openDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT count(*) FROM draws').pluck().get()).toBe(2);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(audit(db).ok).toBe(true);
    // The rebuilt draws table is still append-only.
    expect(() => db.prepare("UPDATE draws SET seed = 'x'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM draws').run()).toThrow(/never deleted/);
    db.close();
    const ctx = testContext(file, { yes: true });
    // A real database keeps the computer's clock: the commitment names a round far in the future.
    const c = (await runDraw(ctx, {
      items: 'SC04',
      year: '2026',
      window: '2026-09-01..2026-12-31',
      commit: true,
      beacon: ['drand:900000000'],
    })) as { drawId: string };
    expect(c.drawId).toBe('2026-HLSJ-003');
    expect(audit(openDb(file, { readonly: true })).ok).toBe(true);
  });
});
