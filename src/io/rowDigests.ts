// The rows a log entry's change wrote, hashed: computed by appendEvent right after the change (in its
// transaction) and again by `audit`, with this one function, so any cell changed, row deleted or row
// inserted behind the tool's back no longer matches the chain. Every table the project owns is covered
// here, by its roster import's whole-table digest, or by the hash chain itself (events).
import { canonicalSha256, sha256Hex, type Canon } from '../core/canonical.js';
import type { Db } from './db.js';

/** A row as canonical JSON values: blobs by their SHA-256, so a frame of a million rows stays small. */
function plain(row: Record<string, unknown> | undefined): Canon {
  if (!row) return null;
  const out: Record<string, Canon> = {};
  for (const [k, v] of Object.entries(row)) out[k] = Buffer.isBuffer(v) ? `sha256:${sha256Hex(v)}` : (v as Canon);
  return out;
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * plain() of one row, its blob columns read one at a time: a draw row holds the frame (250 MB at
 * 10,000,000 objects) and the matching input, and read whole beside the record text they were a
 * transient half gigabyte. typeof() tells a blob without loading it; each blob is then read alone,
 * hashed and let go. The same values, so the same digest, as plain(SELECT *).
 */
function oneByColumn(db: Db, table: string, key: string, id: string): Canon {
  const cols = db
    .prepare(`SELECT * FROM ${table} LIMIT 0`)
    .columns()
    .map((c) => c.name);
  const head = db
    .prepare(
      `SELECT ${cols
        .map((c) => `typeof(${q(c)}) = 'blob', CASE WHEN typeof(${q(c)}) = 'blob' THEN NULL ELSE ${q(c)} END`)
        .join(', ')} FROM ${table} WHERE ${q(key)} = ?`,
    )
    .raw()
    .get(id) as unknown[] | undefined;
  if (!head) return null;
  const out: Record<string, Canon> = {};
  cols.forEach((c, i) => {
    if (head[2 * i] === 1) {
      const blob = db
        .prepare(`SELECT ${q(c)} FROM ${table} WHERE ${q(key)} = ?`)
        .pluck()
        .get(id) as Buffer;
      out[c] = `sha256:${sha256Hex(blob)}`;
    } else out[c] = head[2 * i + 1] as Canon;
  });
  return out;
}

const all = (db: Db, sql: string, id: string | number): Canon[] =>
  (db.prepare(sql).all(id) as Record<string, unknown>[]).map(plain);
const one = (db: Db, sql: string, id: string | number): Canon =>
  plain(db.prepare(sql).get(id) as Record<string, unknown> | undefined);

/**
 * The policy a draw or commitment stored (schema 7 on). Only present rows are hashed, so the digests of
 * entries written before schema 7 stay what they were.
 */
function policyRow(db: Db, ref: string): { policy?: Canon } {
  let row: Record<string, unknown> | undefined;
  try {
    row = db.prepare('SELECT * FROM draw_policies WHERE ref = ?').get(ref) as Record<string, unknown> | undefined;
  } catch {
    return {}; // an older schema, read as it is
  }
  return row ? { policy: plain(row) } : {};
}

/**
 * The parts of a commitment's frozen matching input (schema 9 on), each by its number and digest, read
 * one at a time. Present only when there are parts, so a commitment stored as one value keeps its digest.
 */
function partRows(db: Db, id: string): { parts?: Canon } {
  let rows: IterableIterator<unknown[]>;
  try {
    rows = db
      .prepare('SELECT draw_id, part, bytes FROM commitment_parts WHERE draw_id = ? ORDER BY part')
      .raw()
      .iterate(id) as IterableIterator<unknown[]>;
  } catch {
    return {}; // an older schema, read as it is
  }
  const parts: Canon[] = [];
  for (const [drawId, part, bytes] of rows)
    parts.push({ draw_id: drawId as string, part: part as number, bytes: `sha256:${sha256Hex(bytes as Buffer)}` });
  return parts.length ? { parts } : {};
}

/**
 * Digest of what `ref` (`imports:12`, `draws:ID`, `commitments:ID`, `publications:3`) covers, or null
 * when it covers no rows.
 */
export function rowsDigest(db: Db, ref: string): string | null {
  const i = ref.indexOf(':');
  const table = ref.slice(0, i);
  const id = ref.slice(i + 1);
  let rows: Canon;
  switch (table) {
    case 'imports': {
      const n = Number(id);
      rows = {
        import: one(db, 'SELECT * FROM imports WHERE id = ?', n),
        versions: all(db, 'SELECT * FROM roster_versions WHERE replaced_by = ? ORDER BY seq', n),
        history: all(db, 'SELECT * FROM history WHERE import_id = ? ORDER BY id', n),
        results: all(db, 'SELECT * FROM results WHERE import_id = ? ORDER BY seq', n),
      };
      break;
    }
    case 'draws':
      rows = {
        draw: oneByColumn(db, 'draws', 'id', id),
        reveal: one(db, 'SELECT * FROM reveals WHERE draw_id = ?', id),
        ...policyRow(db, ref),
      };
      break;
    case 'commitments':
      rows = { commitment: oneByColumn(db, 'commitments', 'draw_id', id), ...policyRow(db, ref), ...partRows(db, id) };
      break;
    case 'tsa-roots':
      rows = { root: one(db, 'SELECT * FROM tsa_roots WHERE seq = ?', Number(id)) };
      break;
    case 'timestamp-requests':
      rows = { request: one(db, 'SELECT * FROM timestamp_requests WHERE seq = ?', Number(id)) };
      break;
    case 'timestamp-tokens':
      rows = { token: one(db, 'SELECT * FROM timestamp_tokens WHERE seq = ?', Number(id)) };
      break;
    case 'settings':
      rows = { setting: one(db, 'SELECT * FROM settings WHERE seq = ?', Number(id)) };
      break;
    case 'publications': {
      const n = Number(id);
      rows = {
        publication: one(db, 'SELECT * FROM publications WHERE id = ?', n),
        results: all(db, 'SELECT * FROM published_results WHERE publication_id = ? ORDER BY result_seq', n),
      };
      break;
    }
    default:
      return null;
  }
  return canonicalSha256(rows);
}
