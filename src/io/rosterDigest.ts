// Digests of a whole roster table as the tool left it, recorded with each import; `audit` recomputes
// them: a row changed behind the tool's back (with the sqlite3 shell, say) no longer matches.
//  - roster: the data columns and in_roster (schema 1 on), as imports have always recorded it;
//  - table: every column, bookkeeping too (src_row, import_id, seen_import; schema 5 on).
// Both come from one pass over the table: at a million rows the pass is the cost.
import { createHash } from 'node:crypto';
import { SCHEMAS, type RosterKind } from '../core/rosters.js';
import { dataColumns, type Db } from './db.js';

const q = (id: string) => `"${id}"`;

export function rosterDigests(db: Db, kind: RosterKind): { roster: string; table: string } {
  const n = dataColumns(kind).length;
  // Columns in table order: history is (id, data…, import_id, src_row); the others (data…, in_roster, …).
  const [from, to] = kind === 'history' ? [1, 1 + n] : [0, n + 1];
  const order = kind === 'history' ? 'id' : q(SCHEMAS[kind].key[0]!);
  const roster = createHash('sha256');
  const table = createHash('sha256');
  for (const row of db.prepare(`SELECT * FROM ${kind} ORDER BY ${order}`).raw().iterate() as Iterable<unknown[]>) {
    roster.update(`${JSON.stringify(row.slice(from, to))}\n`);
    table.update(`${JSON.stringify(row)}\n`);
  }
  return { roster: roster.digest('hex'), table: table.digest('hex') };
}

/** The data-columns digest alone (what imports before schema 5 recorded), by its original query. */
export function rosterDigest(db: Db, kind: RosterKind): string {
  const cols = dataColumns(kind).map(q).join(', ');
  const sql =
    kind === 'history'
      ? `SELECT ${cols} FROM history ORDER BY id`
      : `SELECT ${cols}, in_roster FROM ${kind} ORDER BY ${q(SCHEMAS[kind].key[0]!)}`;
  const h = createHash('sha256');
  for (const row of db.prepare(sql).raw().iterate()) h.update(`${JSON.stringify(row)}\n`);
  return h.digest('hex');
}
