// Digests of a whole roster table as the tool left it, recorded with each import; `audit` recomputes
// them: a row changed behind the tool's back (with the sqlite3 shell, say) no longer matches.
//  - roster: the data columns and in_roster (schema 1 on), as imports have always recorded it;
//  - table: every column, bookkeeping too (src_row, import_id, seen_import; schema 5 on).
// Both come from one pass over the table: at a million rows the pass is the cost.
import { createHash } from 'node:crypto';
import { SCHEMAS, type RosterKind } from '../core/rosters.js';
import { dataColumns, type Db } from './db.js';

const q = (id: string) => `"${id}"`;

/**
 * Rows go to the hash in pages: SQLite writes each row's JSON line (json_array gives the same bytes as
 * JSON.stringify for the text and integers stored here; test/io/import.test.ts compares them on hostile
 * text), concatenates a page of them and hands the page over as bytes. No row becomes a JavaScript
 * string: at a million rows this pass went from about 5 s to 3.4 s.
 *  - roster line: json_array(data columns…, in_roster) (history: data columns only);
 *  - table line: json_array(every column, in table order).
 * Pages follow the key (first page unconditioned, so even an empty key is read; then key > last). Each
 * page's group_concat reads its ordered subquery in order; were a future SQLite to reorder it, the
 * digests would stop matching and audit would say so loudly (never pass quietly), and the test that
 * pages a small table in pages of 3 would fail first.
 */
export function rosterDigests(db: Db, kind: RosterKind, pageRows = 2048): { roster: string; table: string } {
  const n = dataColumns(kind).length;
  // Columns in table order: history is (id, data…, import_id, src_row); the others (data…, in_roster, …).
  const cols = (db.prepare(`PRAGMA table_info(${kind})`).all() as { name: string }[]).map((c) => q(c.name));
  const [from, to] = kind === 'history' ? [1, 1 + n] : [0, n + 1];
  const key = kind === 'history' ? 'id' : q(SCHEMAS[kind].key[0]!);
  const lines =
    `SELECT ${key} AS k, json_array(${cols.slice(from, to).join(', ')}) || char(10) AS a, ` +
    `json_array(${cols.join(', ')}) || char(10) AS b FROM ${kind}`;
  const page = (where: string) =>
    db
      .prepare(
        `SELECT CAST(group_concat(a, '') AS BLOB), CAST(group_concat(b, '') AS BLOB), count(*), max(k) ` +
          `FROM (${lines} ${where} ORDER BY k LIMIT ${pageRows})`,
      )
      .raw();
  const first = page('');
  const next = page(`WHERE ${key} > ?`);
  const roster = createHash('sha256');
  const table = createHash('sha256');
  let r = first.get() as [Buffer | null, Buffer | null, number, unknown];
  while (r[2] > 0) {
    roster.update(r[0]!);
    table.update(r[1]!);
    if (r[2] < pageRows) break;
    r = next.get(r[3]) as typeof r;
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
