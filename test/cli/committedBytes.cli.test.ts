// Committed draws, byte for byte (issue 25): the frozen inputs moved from one SQLite value to parts and
// every step now streams them, but what an outsider sees must not change by a single byte. The digests
// below were written by the implementation before that change (commit f08242a), on the sample data and
// on a generated district of 30,000 objects with history and conflicts of interest: the commitment, the
// bundle's data files (frame.json, inspectors.json, record.json, commitment.json, beacons.json) and the
// database's own copies of them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSampleFiles } from '../../src/dev/sampleFiles.js';
import { cli, DATA, fileSha, practiceDb, tmp, dbValue } from '../helpers.js';
import { sha256Hex } from '../../src/core/canonical.js';

const V = JSON.parse(readFileSync(join(__dirname, '../vectors/beacon.json'), 'utf8'));
const SIG = V.rounds[2].signature as string; // round 657413, public 2023-09-15T19:00:03+08:00
const AT_COMMIT = { INSPECT_NOW: '2023-09-15T18:40:00+08:00' };
const AFTER = { INSPECT_NOW: '2023-09-15T19:05:00+08:00' };
const KINDS = ['departments', 'items', 'objects', 'inspectors', 'history'] as const;
const DATA_FILES = ['commitment.json', 'beacons.json', 'frame.json', 'inspectors.json', 'record.json'];

/** A generated district of `count` objects, written as the sample data is (history of the year before). */
function districtFiles(dir: string, count: number): string {
  writeSampleFiles(dir, count, { label: 'district', historyYear: 2025 });
  return dir;
}

async function loaded(dataDir: string): Promise<string> {
  const db = await practiceDb();
  for (const k of KINDS) {
    const r = await cli(['import', k, join(dataDir, `${k}.csv`), '--db', db, '-q'], { env: AT_COMMIT });
    if (r.code !== 0) throw new Error(r.stderr);
  }
  return db;
}

/** Commit, reveal and export one committed draw; the digests of what it wrote. */
async function committedDraw(
  db: string,
  items: string,
  extra: string[] = [],
  env: Record<string, string> = {},
): Promise<Record<string, string>> {
  const args = ['draw', '--items', items, '--year', '2026', '--window', '2026-03-01..2026-12-31', ...extra];
  const c = await cli([...args, '--commit', '--beacon', 'drand:657413', '--yes', '--json', '--db', db], {
    env: { ...AT_COMMIT, ...env },
  });
  if (c.code !== 0) throw new Error(c.stderr);
  const id = (JSON.parse(c.stdout) as { drawId: string }).drawId;
  const r = await cli(['reveal', id, '--value', SIG, '--db', db, '-q'], { env: AFTER });
  if (r.code !== 0) throw new Error(r.stderr);
  const out = join(tmp(), 'bundle');
  const b = await cli(['export', 'bundle', id, '--out', out, '--db', db, '-q'], { env: AFTER });
  if (b.code !== 0) throw new Error(b.stderr);
  // The bundle verifies, and so does the draw from the database, whatever parts it was stored in.
  for (const target of [out, id]) {
    const v = await cli(['verify', target, '--db', db, '--json'], { env: AFTER });
    expect(v.code, v.stdout).toBe(0);
  }
  const digests: Record<string, string> = { id };
  for (const f of DATA_FILES) digests[f] = fileSha(join(out, f));
  const d = new Database(db, { readonly: true });
  try {
    const row = d.prepare(
      'SELECT c.commitment, c.frame AS committed, d.frame AS drawn, d.record FROM commitments c ' +
        'JOIN draws d ON d.id = c.draw_id WHERE d.id = ?',
    );
    const got = row.get(id) as { commitment: string; committed: Buffer; drawn: Buffer; record: string };
    digests['db commitment'] = sha256Hex(got.commitment);
    digests['db frame (commitment)'] = sha256Hex(got.committed);
    digests['db frame (draw)'] = sha256Hex(got.drawn);
    digests['db record'] = sha256Hex(got.record);
  } finally {
    d.close();
  }
  return digests;
}

const count = (file: string, sql: string) => dbValue(file, sql) as number;

describe('committed draws write the same bytes as before the frozen inputs were stored in parts', () => {
  let sample: string;
  let district: string;
  beforeAll(async () => {
    sample = await loaded(DATA);
    district = await loaded(districtFiles(tmp(), 30_000));
  }, 120_000);

  it('on the sample data', async () => {
    const got = [await committedDraw(sample, 'SC01'), await committedDraw(sample, 'SC05', ['--cross-region'])];
    expect(got).toEqual(EXPECTED_SAMPLE);
    expect((await cli(['audit', '--db', sample], { env: AFTER })).code).toBe(0);
  });

  it('on a generated district of 30,000 objects', async () => {
    // The second is stored in parts of 4,099 bytes (cut anywhere, even inside a character): how it is
    // cut changes no byte of anything it writes.
    const got = [
      await committedDraw(district, 'SC01'),
      await committedDraw(district, 'SC02', ['--cross-region'], { INSPECT_PART_BYTES: '4099' }),
    ];
    expect(count(district, "SELECT count(*) FROM commitment_parts WHERE draw_id = '2026-HLSJ-002'")).toBeGreaterThan(5);
    expect(got).toEqual(EXPECTED_DISTRICT);
    const audit = await cli(['audit', '--db', district], { env: AFTER });
    expect(audit.code, audit.stdout + audit.stderr).toBe(0);
  }, 120_000);
});

const EXPECTED_SAMPLE: Record<string, string>[] = [
  {
    id: '2026-HLSJ-001',
    'commitment.json': 'a20389e2b4ae67a32e8ddfd57a91301a92940b5035e344321d881d8b1cb91b8a',
    'beacons.json': '7e42f029cca8044117ee3b452fbcf5c43d76189e2309da7e74adb560a62ac3a4',
    'frame.json': '167a15dbcb355bb61c96dbdb0a43d5742de8027e7a3666ac73474a2f685f8b2b',
    'inspectors.json': 'cb18e91302bfeb9c9818ae103ec60822efd61eff0f55068760fe5a7c9aab8209',
    'record.json': '005d746cca80463444ad6082631226a3e072dc19cd629cebfa05406de6d22b74',
    'db commitment': 'a20389e2b4ae67a32e8ddfd57a91301a92940b5035e344321d881d8b1cb91b8a',
    'db frame (commitment)': '167a15dbcb355bb61c96dbdb0a43d5742de8027e7a3666ac73474a2f685f8b2b',
    'db frame (draw)': '167a15dbcb355bb61c96dbdb0a43d5742de8027e7a3666ac73474a2f685f8b2b',
    'db record': '005d746cca80463444ad6082631226a3e072dc19cd629cebfa05406de6d22b74',
  },
  {
    id: '2026-HLSJ-002',
    'commitment.json': '9763f1e08c375b195277ca69415bb486e747f800d164bf8656e822081bfae301',
    'beacons.json': 'ec27fd94b658f932b46a693537b6ed8c3561058f7acd3499b39e26fc0f34804f',
    'frame.json': 'cacb1453a02b263506f4dba0116d40b502333749d7e0076d3f7095507200b45b',
    'inspectors.json': '3d2ff84a423d190e811fb0bdff758fc1f185abb4b888feb349e7782b6d0ebf09',
    'record.json': '40137cffd816cff46baa0078e37e0f3fbbf436e851f7037244b599eeb2e2b995',
    'db commitment': '9763f1e08c375b195277ca69415bb486e747f800d164bf8656e822081bfae301',
    'db frame (commitment)': 'cacb1453a02b263506f4dba0116d40b502333749d7e0076d3f7095507200b45b',
    'db frame (draw)': 'cacb1453a02b263506f4dba0116d40b502333749d7e0076d3f7095507200b45b',
    'db record': '40137cffd816cff46baa0078e37e0f3fbbf436e851f7037244b599eeb2e2b995',
  },
];
const EXPECTED_DISTRICT: Record<string, string>[] = [
  {
    id: '2026-HLSJ-001',
    'commitment.json': 'aa655d50a39eb0d0c1d280dbb76733a572a5c3b879be30720d7fd020572c8b9e',
    'beacons.json': '5ffd3ab72dfd707c3a70205aa5a4352e553621f71cd912a984e11db08ad12e60',
    'frame.json': 'd2567d0e48b961a05a058b65c9dc733bc0613096b23dfe7222631ef7ecd4f846',
    'inspectors.json': 'a257897393c244b27faee01fea2c76313234ee60d5996a0308368b2f33f61246',
    'record.json': '7cacc875af5ffd1bf7c575d265c7ce733687cb4c64b6b43664863d0fc17763c9',
    'db commitment': 'aa655d50a39eb0d0c1d280dbb76733a572a5c3b879be30720d7fd020572c8b9e',
    'db frame (commitment)': 'd2567d0e48b961a05a058b65c9dc733bc0613096b23dfe7222631ef7ecd4f846',
    'db frame (draw)': 'd2567d0e48b961a05a058b65c9dc733bc0613096b23dfe7222631ef7ecd4f846',
    'db record': '7cacc875af5ffd1bf7c575d265c7ce733687cb4c64b6b43664863d0fc17763c9',
  },
  {
    id: '2026-HLSJ-002',
    'commitment.json': '983adabb2682873aff65e4b259e1424f72a7aa6269286ebb2b5fbbf561068158',
    'beacons.json': 'a23359c0edb4a6cbfb0e40dea9f4f1876a798521c513de995255097b459e7956',
    'frame.json': '3fcfda437103660612e7ec41927a770e8416422b034c7e2e9241b2db015032c9',
    'inspectors.json': '0d5f647c6bcc68041f0e9709aebc94c1fae13565fbada85b1a69aef998ba2aba',
    'record.json': 'ece8f3a198fae2a8e0835d0092b0671cb52e5c367f94a429310342c0fc9486b8',
    'db commitment': '983adabb2682873aff65e4b259e1424f72a7aa6269286ebb2b5fbbf561068158',
    'db frame (commitment)': '3fcfda437103660612e7ec41927a770e8416422b034c7e2e9241b2db015032c9',
    'db frame (draw)': '3fcfda437103660612e7ec41927a770e8416422b034c7e2e9241b2db015032c9',
    'db record': 'ece8f3a198fae2a8e0835d0092b0671cb52e5c367f94a429310342c0fc9486b8',
  },
];
