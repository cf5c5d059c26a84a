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

const all = (db: Db, sql: string, id: string | number): Canon[] =>
  (db.prepare(sql).all(id) as Record<string, unknown>[]).map(plain);
const one = (db: Db, sql: string, id: string | number): Canon =>
  plain(db.prepare(sql).get(id) as Record<string, unknown> | undefined);

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
        draw: one(db, 'SELECT * FROM draws WHERE id = ?', id),
        reveal: one(db, 'SELECT * FROM reveals WHERE draw_id = ?', id),
      };
      break;
    case 'commitments':
      rows = { commitment: one(db, 'SELECT * FROM commitments WHERE draw_id = ?', id) };
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
