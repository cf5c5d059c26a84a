// A database made before the frozen matching input was stored in parts (schema 8, written by the code of
// commit f08242a: test/fixtures/schema8-committed.db, 300 objects of the sample data, a plain draw, a
// revealed committed draw and a pending one, each commitment's input one SQLite value and the revealed
// draw holding a copy). Read-only it verifies, exports and audits as it is, and stays byte for byte;
// opened for writing it is migrated, the pending commitment reveals from its single value to exactly the
// bytes the old code wrote, and a new commitment then stores its input in parts beside it.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, fileSha, fixture, tmp } from '../helpers.js';

const SIG = 'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b';
const AFTER = { INSPECT_NOW: '2023-09-15T19:05:00+08:00' };
const FILES = ['beacons.json', 'commitment.json', 'frame.json', 'inspectors.json', 'record.json'];

/** What the old code's bundles held (its own reveal of 2026-HLSJ-003 made on a copy). */
const OLD_BUNDLES: Record<string, string[]> = {
  '2026-HLSJ-002': [
    '2b558c8a47380f9d7ead2dae2aee3e6d34b4b56339df79453ac5f56a0c0fc7be',
    'cc971c8dbbc848319fb010ea230652529e8bf11189a57328edd4e577ca7e1f40',
    '1ea2a3a71bbe164a79ffca1d8d010dadb16e335b49b54c64d4a0ab33f1932261',
    'd5eb3600a3e0aa59413522dae09ad667dde73ea7050347e0bc42cbaf7e68d462',
    '5302747050c531ac25162cfce077502628ec891e9dbbac741d44c0b70b7d3344',
  ],
  '2026-HLSJ-003': [
    '4b748bfe1ca350210ce00c5aa8144254d2db20fc1c2f57610c6dc0fd849940e4',
    '2c0a6ec7480a0bb9c48cb23784021901ad09ca66e58bd40602ccd36c0b43b620',
    '30c0c83aeda81bc8eb6bbf91a8a9193fda5c0b437fa451f4ece7c33562019054',
    'a1a29807b695e0bf69adadca39423f898b74574bfb8a9cad9496f4ccbcd4d11f',
    '51df8cb94252d4b38e0e670b7292dc1b74d2cfd819f17d93f44bee5bd139028a',
  ],
};

function copy(): string {
  const db = join(tmp(), 'v8.db');
  copyFileSync(fixture('schema8-committed.db'), db);
  return db;
}

async function bundleDigests(db: string, id: string): Promise<string[]> {
  const out = join(tmp(), 'bundle');
  const r = await cli(['export', 'bundle', id, '--out', out, '--db', db, '-q'], { env: AFTER });
  expect(r.code, r.stderr).toBe(0);
  const v = await cli(['verify', out, '--json']);
  expect(v.code, v.stdout).toBe(0);
  return FILES.map((f) => fileSha(join(out, f)));
}

const query = (db: string, sql: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).pluck().all();
  } finally {
    d.close();
  }
};

describe('a schema-8 database with committed draws', () => {
  it('read as it is: the revealed draw verifies and exports the old bytes, the audit is clean, the file unchanged', async () => {
    const db = copy();
    const before = fileSha(db);
    expect(query(db, 'PRAGMA user_version')).toEqual([8]);
    expect((await cli(['verify', '2026-HLSJ-002', '--db', db])).code).toBe(0);
    expect(await bundleDigests(db, '2026-HLSJ-002')).toEqual(OLD_BUNDLES['2026-HLSJ-002']);
    const audit = await cli(['audit', '--db', db]);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
    expect(fileSha(db)).toBe(before);
  });

  it('migrated: the pending commitment reveals from its one value to the bytes the old code wrote', async () => {
    const db = copy();
    const r = await cli(['reveal', '2026-HLSJ-003', '--value', SIG, '--db', db, '-q'], { env: AFTER });
    expect(r.code, r.stderr).toBe(0);
    expect(query(db, 'PRAGMA user_version')).toEqual([9]);
    expect(await bundleDigests(db, '2026-HLSJ-003')).toEqual(OLD_BUNDLES['2026-HLSJ-003']);
    expect(await bundleDigests(db, '2026-HLSJ-002')).toEqual(OLD_BUNDLES['2026-HLSJ-002']);
    // Stored as before (one value, no parts); the new reveal keeps no copy of it.
    expect(query(db, "SELECT count(*) FROM commitment_parts WHERE draw_id = '2026-HLSJ-003'")).toEqual([0]);
    expect(query(db, "SELECT length(assign_input) FROM draws WHERE id = '2026-HLSJ-003'")).toEqual([0]);
    expect(query(db, "SELECT length(assign_input) > 0 FROM draws WHERE id = '2026-HLSJ-002'")).toEqual([1]);
    // A new commitment stores its input in parts.
    const c = await cli(
      [
        'draw',
        ...['--items', 'SC06', '--year', '2026', '--window', '2026-03-01..2026-12-31'],
        ...['--commit', '--beacon', 'drand:657413', '--yes', '--db', db, '-q'],
      ],
      { env: { INSPECT_NOW: '2023-09-15T18:40:00+08:00' } },
    );
    expect(c.code, c.stderr).toBe(0);
    expect(query(db, "SELECT count(*) > 0 FROM commitment_parts WHERE draw_id = '2026-HLSJ-004'")).toEqual([1]);
    expect(query(db, "SELECT length(assign_input) FROM commitments WHERE draw_id = '2026-HLSJ-004'")).toEqual([0]);
    for (const id of ['2026-HLSJ-001', '2026-HLSJ-002', '2026-HLSJ-003'])
      expect((await cli(['verify', id, '--db', db])).code, id).toBe(0);
    const audit = await cli(['audit', '--db', db]);
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
  });
});
