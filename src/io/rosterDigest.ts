// A digest of a whole roster table as the tool left it, recorded with each import. `audit` recomputes it:
// a row changed behind the tool's back (with the sqlite3 shell, say) no longer matches.
import { createHash } from 'node:crypto';
import { SCHEMAS, type RosterKind } from '../core/rosters.js';
import { dataColumns, type Db } from './db.js';

const q = (id: string) => `"${id}"`;

export function rosterDigest(db: Db, kind: RosterKind): string {
  const cols = dataColumns(kind).map(q).join(', ');
  const sql = kind === 'history'
    ? `SELECT ${cols} FROM history ORDER BY id`
    : `SELECT ${cols}, in_roster FROM ${kind} ORDER BY ${q(SCHEMAS[kind].key[0]!)}`;
  const h = createHash('sha256');
  for (const row of db.prepare(sql).raw().iterate()) h.update(`${JSON.stringify(row)}\n`);
  return h.digest('hex');
}

/**
 * The whole table as the import left it, every column (bookkeeping too: in_roster, src_row, import_id,
 * seen_import), recorded with each import from schema 5 on. Only the latest import's can be recomputed:
 * a later import changes the table.
 */
export function tableDigest(db: Db, kind: RosterKind): string {
  const order = kind === 'history' ? 'id' : q(SCHEMAS[kind].key[0]!);
  const h = createHash('sha256');
  for (const row of db.prepare(`SELECT * FROM ${kind} ORDER BY ${order}`).raw().iterate()) h.update(`${JSON.stringify(row)}\n`);
  return h.digest('hex');
}
