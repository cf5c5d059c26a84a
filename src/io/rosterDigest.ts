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
  const cols = (db.prepare(`PRAGMA table_info(${kind})`).all() as { name: string }[]).map((c) => q(c.name));
  const [from, to] = kind === 'history' ? [1, 1 + n] : [0, n + 1];
  const order = kind === 'history' ? 'id' : q(SCHEMAS[kind].key[0]!);
  // SQLite writes the JSON text of the roster columns (json_array gives the same bytes as JSON.stringify
  // for the text and integers stored here; test/io/import.test.ts compares them); the whole row's text
  // is that array with the bookkeeping integers spliced in, so each row crosses into JavaScript once.
  const before = cols.slice(0, from);
  const after = cols.slice(to);
  const extra = [...before, ...after].map((c) => `, ${c}`).join('');
  const sql = `SELECT json_array(${cols.slice(from, to).join(', ')})${extra} FROM ${kind} ORDER BY ${order}`;
  const roster = createHash('sha256');
  const table = createHash('sha256');
  let a: string[] = [];
  let b: string[] = [];
  const nb = before.length;
  for (const row of db.prepare(sql).raw().iterate() as Iterable<[string, ...unknown[]]>) {
    const r = row[0];
    a.push(r, '\n');
    const head = nb
      ? `${row
          .slice(1, 1 + nb)
          .map(num)
          .join(',')},`
      : '';
    const tail =
      row.length > 1 + nb
        ? `,${row
            .slice(1 + nb)
            .map(num)
            .join(',')}`
        : '';
    b.push(`[${head}${r.slice(1, -1)}${tail}]\n`);
    if (a.length >= 4096) {
      roster.update(a.join(''));
      table.update(b.join(''));
      a = [];
      b = [];
    }
  }
  roster.update(a.join(''));
  table.update(b.join(''));
  return { roster: roster.digest('hex'), table: table.digest('hex') };
}

/** A bookkeeping value as JSON (integers and nulls in practice; any value by the same rule). */
const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : JSON.stringify(v));

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
