// rowsDigest reads a draw's and a commitment's row a column at a time (the frame and the matching input
// are read and hashed one by one): the digests must be exactly those of the whole row as plain(SELECT *)
// made them before, or every log entry already written would stop matching. Also on rows changed behind
// inspect's back: a blob where text belongs, text where a blob belongs, a NULL.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDraw } from '../../src/commands/draw/draw.js';
import { runReveal } from '../../src/commands/draw/reveal.js';
import { canonicalJson, type Canon } from '../../src/core/canonical.js';
import { openDb } from '../../src/io/db.js';
import { rowsDigest } from '../../src/io/rowDigests.js';
import { loadSample, testContext } from '../helpers.js';

const sha = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

/** The digest as it was computed before: the whole row, blobs by their SHA-256. */
function wholeRow(db: Database.Database, table: string, key: string, id: string): Canon {
  const row = db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? `sha256:${sha(v)}` : (v as Canon)]),
  );
}
/** Schema 7 on, the stored policy joins the digest when there is one (entries before it have none). */
const policy = (db: Database.Database, ref: string): { policy?: Canon } => {
  const row = wholeRow(db, 'draw_policies', 'ref', ref);
  return row ? { policy: row } : {};
};
/** Schema 9 on, a commitment's frozen matching input is in parts: each part's row, in order, when there are any. */
const parts = (db: Database.Database, id: string): { parts?: Canon } => {
  const rows = db.prepare('SELECT * FROM commitment_parts WHERE draw_id = ? ORDER BY part').all(id) as Record<
    string,
    unknown
  >[];
  const plain = rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Buffer.isBuffer(v) ? `sha256:${sha(v)}` : (v as Canon)])),
  );
  return plain.length ? { parts: plain } : {};
};
const before = (db: Database.Database, ref: string) => {
  const [table, id] = ref.split(':') as [string, string];
  const rows: Canon =
    table === 'draws'
      ? { draw: wholeRow(db, 'draws', 'id', id), reveal: wholeRow(db, 'reveals', 'draw_id', id), ...policy(db, ref) }
      : { commitment: wholeRow(db, 'commitments', 'draw_id', id), ...policy(db, ref), ...parts(db, id) };
  return sha(canonicalJson(rows));
};

/** drand quicknet round 657413's signature (test/vectors/beacon.json). */
const SIG = 'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b';

let dbPath: string;
beforeAll(async () => {
  const ctx = testContext(undefined, { yes: true });
  dbPath = ctx.dbPath;
  await loadSample(ctx, { practice: true });
  await runDraw(ctx, { items: 'SC01', year: '2026', window: '2026-11-23..2026-12-31', seed: 'digests' });
  // A commitment and its reveal, on drand round 657413 with the clock set around it.
  process.env.INSPECT_NOW = '2023-09-15T18:40:00+08:00';
  try {
    await runDraw(ctx, {
      items: 'SC05',
      year: '2026',
      window: '2026-09-01..2026-12-31',
      commit: true,
      beacon: ['drand:657413'],
    });
    process.env.INSPECT_NOW = '2023-09-15T19:05:00+08:00';
    await runReveal(ctx, '2026-HLSJ-002', { value: [SIG] });
  } finally {
    delete process.env.INSPECT_NOW;
  }
});

describe('rowsDigest, a column at a time', () => {
  it('is the whole-row digest for every draw and commitment', () => {
    const raw = new Database(dbPath, { readonly: true });
    const db = openDb(dbPath, { readonly: true });
    const refs = [
      ...(raw.prepare('SELECT id FROM draws').pluck().all() as string[]).map((id) => `draws:${id}`),
      ...(raw.prepare('SELECT draw_id FROM commitments').pluck().all() as string[]).map((id) => `commitments:${id}`),
      'draws:NO-SUCH-DRAW',
    ];
    expect(refs).toContain('commitments:2026-HLSJ-002');
    expect(refs).toContain('draws:2026-HLSJ-002'); // the reveal: a draw row with a reveals row
    for (const ref of refs) expect(rowsDigest(db, ref), ref).toBe(before(raw, ref));
    raw.close();
    db.close();
  });

  it('is the whole-row digest on a row changed with the sqlite3 shell (blob, text and NULL swapped in)', () => {
    const raw = new Database(dbPath);
    raw.exec('DROP TRIGGER IF EXISTS draws_no_update');
    const id = raw.prepare('SELECT id FROM draws LIMIT 1').pluck().get() as string;
    raw
      .prepare("UPDATE draws SET record = x'00ff', frame = 'now text', reason = NULL, seed = x'' WHERE id = ?")
      .run(id);
    const db = openDb(dbPath, { readonly: true });
    expect(rowsDigest(db, `draws:${id}`)).toBe(before(raw, `draws:${id}`));
    db.close();
    raw.close();
  });
});
