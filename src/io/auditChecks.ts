// The audit's reads that are about the database itself: the rows each log entry hashed, rows whose
// parent is missing or of the wrong kind, and the schema (tables, triggers, views) against the one the
// migrations make. With the chain and the per-table checks, every stored cell is covered.
import Database from 'better-sqlite3';
import type { StoredEvent } from '../core/chain.js';
import type { Msg, MessageKey } from '../core/messages.js';
import { MIGRATIONS, type Db } from './db.js';
import { rowsDigest } from './rowDigests.js';

export interface RowCheck {
  problems: Msg[];
  checked: number;
  /** Entries made before schema 5 that name rows but hash none: covered only by the older checks. */
  legacy: number;
}

/** Every entry that hashed its rows must still find exactly those rows. */
export function rowProblems(db: Db, events: StoredEvent[]): RowCheck {
  const out: RowCheck = { problems: [], checked: 0, legacy: 0 };
  for (const e of events) {
    if (!e.rowsSha256) {
      if (/^(imports|draws|commitments|publications):/.test(e.ref)) out.legacy++;
      continue;
    }
    out.checked++;
    const now = rowsDigest(db, e.ref);
    if (now !== e.rowsSha256) {
      out.problems.push({
        key: 'A_ROWS_CHANGED',
        params: {
          seq: e.seq,
          action: e.action,
          ref: e.ref,
          value: e.rowsSha256.slice(0, 16),
          value2: now?.slice(0, 16) ?? '(none)',
        },
      });
    }
  }
  return out;
}

/** Rows whose parent does not exist or is of the wrong kind (an inserted row no entry can cover). */
const ORPHANS: [MessageKey, string][] = [
  [
    'A_ORPHAN_VERSIONS',
    `SELECT 'roster_versions ' || seq FROM roster_versions v WHERE NOT EXISTS (SELECT 1 FROM imports i WHERE i.id = ` +
      `v.replaced_by AND i.kind = v.kind)`,
  ],
  [
    'A_ORPHAN_HISTORY',
    `SELECT 'history ' || id FROM history h WHERE NOT EXISTS (SELECT 1 FROM imports i WHERE i.id = h.import_id AND ` +
      `i.kind = 'history')`,
  ],
  [
    'A_ORPHAN_RESULTS_IMPORT',
    `SELECT 'results ' || seq FROM results r WHERE NOT EXISTS (SELECT 1 FROM imports i WHERE i.id = r.import_id AND ` +
      `i.kind = 'results')`,
  ],
  [
    'A_ORPHAN_RESULTS_DRAW',
    `SELECT 'results ' || seq FROM results r WHERE NOT EXISTS (SELECT 1 FROM draws d WHERE d.id = r.draw_id)`,
  ],
  [
    'A_ORPHAN_SELECTIONS',
    `SELECT 'draw_selections ' || draw_id || ' ' || object_id FROM draw_selections x WHERE NOT EXISTS (SELECT 1 FROM ` +
      `draws d WHERE d.id = x.draw_id)`,
  ],
  [
    'A_ORPHAN_SEATS',
    `SELECT 'draw_assignments ' || draw_id || ' ' || object_id FROM draw_assignments x WHERE NOT EXISTS (SELECT 1 ` +
      `FROM draws d WHERE d.id = x.draw_id)`,
  ],
  [
    'A_ORPHAN_SNAPSHOTS',
    `SELECT 'draw_snapshots ' || draw_id FROM draw_snapshots x WHERE NOT EXISTS (SELECT 1 FROM draws d WHERE d.id = ` +
      `x.draw_id)`,
  ],
  [
    'A_ORPHAN_PUBLICATIONS',
    `SELECT 'publications ' || id FROM publications p WHERE NOT EXISTS (SELECT 1 FROM draws d WHERE d.id = p.draw_id)`,
  ],
  [
    'A_ORPHAN_MARKS',
    `SELECT 'published_results ' || publication_id || ' ' || result_seq FROM published_results x
     WHERE NOT EXISTS (SELECT 1 FROM publications p WHERE p.id = x.publication_id) OR NOT EXISTS (SELECT 1 FROM ` +
      `results r WHERE r.seq = x.result_seq)`,
  ],
  [
    'A_ORPHAN_REVEALS',
    `SELECT 'reveals ' || draw_id FROM reveals x WHERE NOT EXISTS (SELECT 1 FROM commitments c WHERE c.draw_id = ` +
      `x.draw_id)`,
  ],
  [
    'A_ORPHAN_PARTS',
    `SELECT 'commitment_parts ' || draw_id || ' ' || part FROM commitment_parts x WHERE NOT EXISTS (SELECT 1 FROM ` +
      `commitments c WHERE c.draw_id = x.draw_id)`,
  ],
];

export function orphanProblems(db: Db): Msg[] {
  const out: Msg[] = [];
  for (const [what, sql] of ORPHANS) {
    const rows = db.prepare(`${sql} LIMIT 20`).pluck().all() as string[];
    if (rows.length) out.push({ key: 'A_ORPHANS', params: { what: { key: what }, value: rows.join(', ') } });
  }
  return out;
}

type SchemaObject = { type: string; name: string; sql: string | null };
const expected = new Map<number, Map<string, SchemaObject>>();

/** The schema the migrations make at a version, from an empty in-memory database. */
function expectedSchema(version: number): Map<string, SchemaObject> {
  let m = expected.get(version);
  if (m) return m;
  const mem = new Database(':memory:');
  try {
    mem.pragma('foreign_keys = OFF');
    for (const sql of MIGRATIONS.slice(0, version)) mem.exec(sql);
    m = new Map(
      (
        mem.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`).all() as SchemaObject[]
      ).map((o) => [o.name, o]),
    );
  } finally {
    mem.close();
  }
  expected.set(version, m);
  return m;
}

/** Missing, changed or extra tables, indexes, triggers and views (a dropped trigger, a rewritten view). */
export function schemaProblems(db: Db): Msg[] {
  const version = db.pragma('main.user_version', { simple: true }) as number;
  const want = expectedSchema(Math.min(version, MIGRATIONS.length));
  const have = new Map(
    (
      db
        .prepare(`SELECT type, name, sql FROM main.sqlite_master WHERE name NOT LIKE 'sqlite_%'`)
        .all() as SchemaObject[]
    ).map((o) => [o.name, o]),
  );
  const out: Msg[] = [];
  for (const [name, o] of want) {
    const h = have.get(name);
    if (!h) out.push({ key: 'A_SCHEMA_MISSING', params: { type: o.type, name } });
    else if (h.sql !== o.sql) out.push({ key: 'A_SCHEMA_CHANGED', params: { type: o.type, name } });
  }
  for (const [name, o] of have)
    if (!want.has(name)) out.push({ key: 'A_SCHEMA_FOREIGN', params: { type: o.type, name } });
  return out;
}
