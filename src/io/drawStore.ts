// Reading the draw's inputs from SQLite as plain values, and recording a draw atomically.
import {
  type ScopeFields,
  type StandingDraw,
  type PastInspection,
  type ScopeObject,
  type TaskItem,
} from '../core/frame.js';
import type { InspectorRow, ObjectRow } from '../core/matching.js';
import type { DrawRecord } from '../core/record.js';
import { ACTIVE_OBJECT_STATUSES, percentToBp } from '../core/values.js';
import { createHash } from 'node:crypto';
import { constants as zlibConstants, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Db } from './db.js';
import { dataError, InspectError, unknownDraw } from '../core/errors.js';
import { suggestCode } from '../core/suggest.js';

const list = (s: string) => (s === '' ? [] : s.split(';'));

/** `status IN (…)` for the active statuses, from the one list in the core. */
export const ACTIVE_STATUS_SQL = `status IN (${ACTIVE_OBJECT_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export function loadItems(db: Db, codes: string[]): { items: TaskItem[]; unknown: string[] } {
  const stmt = db.prepare('SELECT * FROM items WHERE code = ? AND in_roster = 1');
  const items: TaskItem[] = [];
  const unknown: string[] = [];
  for (const code of codes) {
    const r = stmt.get(code) as Record<string, string> | undefined;
    if (!r) {
      unknown.push(code);
      continue;
    }
    items.push({
      code: r.code!,
      name: r.name!,
      category: r.category!,
      kind: r.kind!,
      department: r.department!,
      partners: list(r.partners!),
      method: r.method!,
      objectTypes: list(r.object_types!),
      industries: list(r.industries!),
      regions: list(r.regions!),
      tag: r.tag!,
      specialty: r.specialty!,
      capBp: r.cap_percent ? percentToBp(r.cap_percent) : null,
    });
  }
  return { items, unknown };
}

export function allItemCodes(db: Db): { code: string; name: string; department: string; kind: string }[] {
  return db.prepare('SELECT code, name, department, kind FROM items WHERE in_roster = 1 ORDER BY code').all() as never;
}

const OBJECT_COLUMNS = 'credit_code, type, industry, region, credit_grade, risk_level, key_supervision, tags';
const ACTIVE_WHERE = `in_roster = 1 AND ${ACTIVE_STATUS_SQL}`;

/**
 * Active objects of the current roster, in id order (the table's key order, so no sort is needed), one
 * row at a time from the database cursor. The reference for scanScope, and its way through a page it
 * cannot split.
 */
export function* scanActiveObjects(db: Db, range?: { after: string | null; upTo: string }): Generator<ScopeObject> {
  const bounds = range ? `${range.after === null ? '' : ' AND credit_code > @after'} AND credit_code <= @upTo` : '';
  const stmt = db
    .prepare(`SELECT ${OBJECT_COLUMNS} FROM objects WHERE ${ACTIVE_WHERE}${bounds} ORDER BY credit_code`)
    .raw();
  const params = range ? (range.after === null ? { upTo: range.upTo } : range) : {};
  for (const r of stmt.iterate(params) as Iterable<string[]>) {
    yield {
      id: r[0]!,
      type: r[1]!,
      industry: r[2]!,
      region: r[3]!,
      grade: r[4]!,
      risk: r[5]!,
      key: r[6] === 'yes',
      tags: r[7]!,
    };
  }
}

export interface ScopeScan {
  /** The active objects in id order; the fields the scope filters do not read are ''. */
  objects: Iterable<ScopeObject>;
  /** After `objects` has been read through: the snapshot of every active row (when asked for). */
  snapshot(): { digest: string; deflated: Buffer };
}

/** Object rows to a page: a page is one statement, a few strings and one snapshot slice. */
const PAGE_ROWS = 8192;

/**
 * The active objects for a draw, read a page at a time: SQLite joins each column of a page with line
 * feeds (one string per column instead of one per cell: at 2,000,000 objects the scan took about half
 * the time of stepping rows) and, for a draw that records, writes the page's snapshot rows as JSON
 * (json_array: the bytes of JSON.stringify, see snapshotRow) straight into bytes that are hashed and
 * raw-deflated as they come, so neither the snapshot's text nor the rows are ever whole in memory.
 *
 * A page splits back into exactly `count` values per column unless some value holds a line feed (never
 * true of an imported roster; possible with the sqlite3 shell): such a page is read again row by row.
 * Pages follow the key: the first has no lower bound, each later one starts after the previous page's
 * last key; each page's group_concat reads its ordered subquery in order (see rosterDigest.ts).
 */
export function scanScope(db: Db, fields: ScopeFields, withSnapshot: boolean, pageRows = PAGE_ROWS): ScopeScan {
  const col = (name: string, read: boolean) => (read ? `group_concat(${name}, char(10))` : "''");
  const snapshotSql = withSnapshot
    ? `CAST(group_concat(json_array(credit_code, type, industry, region, credit_grade, risk_level, ` +
      `CASE WHEN key_supervision = 'yes' THEN 'yes' ELSE 'no' END, tags), ',') AS BLOB)`
    : 'NULL';
  const page = (where: string) =>
    db
      .prepare(
        `SELECT count(*), max(credit_code), group_concat(credit_code, char(10)), ` +
          `group_concat(credit_grade, char(10)), group_concat(risk_level, char(10)), ` +
          `group_concat(key_supervision = 'yes', ''), ` +
          `${col('type', fields.type)}, ${col('industry', fields.industry)}, ${col('region', fields.region)}, ` +
          `${col('tags', fields.tags)}, ${snapshotSql} ` +
          `FROM (SELECT ${OBJECT_COLUMNS} FROM objects WHERE ${ACTIVE_WHERE}${where} ` +
          `ORDER BY credit_code LIMIT ${pageRows})`,
      )
      .raw();
  const first = page('');
  const next = page(' AND credit_code > ?');
  const hash = createHash('sha256');
  const deflated: Buffer[] = [];
  const slice = (bytes: Uint8Array) => {
    hash.update(bytes);
    deflated.push(deflateRawSync(bytes, { level: 1, finishFlush: zlibConstants.Z_SYNC_FLUSH }));
  };
  if (withSnapshot) slice(Buffer.from('['));

  /** An object with '' for every field the scope filters do not read (whichever way its page was read). */
  const scoped = (
    id: string,
    grade: string,
    risk: string,
    key: boolean,
    type = '',
    industry = '',
    region = '',
    tags = '',
  ): ScopeObject => ({
    id,
    grade,
    risk,
    key,
    type: fields.type ? type : '',
    industry: fields.industry ? industry : '',
    region: fields.region ? region : '',
    tags: fields.tags ? tags : '',
  });

  function* objects(): Generator<ScopeObject> {
    let after: string | null = null;
    for (;;) {
      let r: PageRow;
      try {
        r = (after === null ? first.get() : next.get(after)) as PageRow;
      } catch (e) {
        // json_array refuses a BLOB ("JSON cannot hold BLOB values"): only the sqlite3 shell writes one.
        if (/JSON cannot hold BLOB/i.test(String((e as Error).message))) throw dataError('E_ROSTER_NOT_TEXT', {});
        throw e;
      }
      const [count, last, ids, grades, risks, keys, types, industries, regions, tags, snap] = r;
      if (count === 0) break;
      if (withSnapshot) slice(after === null ? snap! : Buffer.concat([COMMA, snap!]));
      const read = [true, true, true, fields.type, fields.industry, fields.region, fields.tags];
      const cols = [ids, grades, risks, types, industries, regions, tags].map((c, k) =>
        read[k] ? (c ?? '').split('\n') : null,
      );
      if (keys!.length !== count || cols.some((c) => c !== null && c.length !== count)) {
        for (const o of scanActiveObjects(db, { after, upTo: last! }))
          yield scoped(o.id, o.grade, o.risk, o.key, o.type, o.industry, o.region, o.tags);
      } else {
        const [id, grade, risk, type, industry, region, tag] = cols;
        for (let i = 0; i < count; i++)
          yield scoped(
            id![i]!,
            grade![i]!,
            risk![i]!,
            keys!.charCodeAt(i) === 0x31, // '1'
            type?.[i],
            industry?.[i],
            region?.[i],
            tag?.[i],
          );
      }
      if (count < pageRows) break;
      after = last!;
    }
  }
  return {
    objects: objects(),
    snapshot() {
      slice(Buffer.from(']'));
      deflated.push(deflateRawSync(Buffer.alloc(0), { level: 1 }));
      return { digest: hash.digest('hex'), deflated: Buffer.concat(deflated) };
    },
  };
}

const COMMA = Buffer.from(',');
type PageRow = [
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  Buffer | null,
];

export function hasObjects(db: Db): boolean {
  return db.prepare('SELECT 1 FROM objects LIMIT 1').pluck().get() !== undefined;
}

export function loadHistory(db: Db, year: number): PastInspection[] {
  return (
    db
      .prepare(
        `SELECT h.credit_code, CASE WHEN h.category != '' THEN h.category ELSE coalesce(i.category, '') END, ` +
          `h.department
         FROM history h LEFT JOIN items i ON i.code = h.item_code WHERE substr(h.date, 1, 4) = ?`,
      )
      .raw()
      .all(String(year)) as string[][]
  ).map((r) => ({ id: r[0]!, category: r[1]!, department: r[2]! }));
}

export interface DrawRow {
  id: string;
  year: number;
  lead_department: string;
  departments: string;
  items: string;
  categories: string;
  seed: string;
  input_digest: string;
  seed_hex: string;
  frame: Buffer;
  assign_input: Buffer;
  record: string;
  record_sha256: string;
  window_start: string;
  window_end: string;
  regions: string;
  cross_region: number;
  supersedes: string | null;
  reason: string | null;
  created_at: string;
  operator: string;
  superseded_by?: string | null;
  superseded_reason?: string | null;
}

export function getDraw(db: Db, id: string): DrawRow | undefined {
  return db
    .prepare(
      `SELECT d.*, s.by_id AS superseded_by, s.reason AS superseded_reason FROM draws d LEFT JOIN supersessions s ON ` +
        `s.superseded = d.id WHERE d.id = ?`,
    )
    .get(id) as DrawRow | undefined;
}

export function listDraws(db: Db, year?: number): Omit<DrawRow, 'frame' | 'assign_input' | 'record'>[] {
  return db
    .prepare(
      `SELECT d.id, d.year, d.lead_department, d.departments, d.items, d.categories, d.seed, d.input_digest, ` +
        `d.seed_hex, d.record_sha256,
              d.window_start, d.window_end, d.supersedes, d.reason, d.created_at, d.operator,
              s.by_id AS superseded_by, s.reason AS superseded_reason,
              (SELECT count(*) FROM draw_selections x WHERE x.draw_id = d.id) AS selected
       FROM draws d LEFT JOIN supersessions s ON s.superseded = d.id
       WHERE @year IS NULL OR d.year = @year ORDER BY d.created_at, d.id`,
    )
    .all({ year: year ?? null }) as never;
}

/** Draws of the year that still stand, with what they selected; `voiding` is treated as already voided. */
export function loadStanding(db: Db, year: number, voiding: string | null): StandingDraw[] {
  const draws = db
    .prepare(
      `SELECT d.id, d.lead_department, d.categories FROM draws d
       WHERE d.year = ? AND NOT EXISTS (SELECT 1 FROM supersessions s WHERE s.superseded = d.id) AND d.id IS NOT ?`,
    )
    .all(year, voiding) as { id: string; lead_department: string; categories: string }[];
  const sel = db.prepare('SELECT object_id FROM draw_selections WHERE draw_id = ?').pluck();
  return draws.map((d) => ({
    drawId: d.id,
    leadDepartment: d.lead_department,
    categories: JSON.parse(d.categories) as string[],
    selected: sel.all(d.id) as string[],
  }));
}

export function loadParents(db: Db): Record<string, string> {
  return Object.fromEntries(db.prepare('SELECT code, parent FROM departments').raw().all() as [string, string][]);
}

export function nextDrawId(db: Db, year: number, lead: string): string {
  // A commitment allots its id when it is made; its reveal is a draw row with the same id.
  const n = db
    .prepare(
      `SELECT count(*) FROM (SELECT id FROM draws WHERE year = @year AND lead_department = @lead
        UNION SELECT draw_id FROM commitments WHERE year = @year AND lead_department = @lead)`,
    )
    .pluck()
    .get({ year, lead }) as number;
  return `${year}-${lead}-${String(n + 1).padStart(3, '0')}`;
}

export function loadInspectors(db: Db, departments: string[]): InspectorRow[] {
  const rows = db
    .prepare(
      `SELECT id, department, region, status, cert_valid_to, specialties, conflicts FROM inspectors
       WHERE in_roster = 1 AND department IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .raw()
    .all(JSON.stringify(departments)) as string[][];
  return rows.map((r) => [r[0]!, r[1]!, r[2]!, r[3]!, r[4]!, list(r[5]!).sort(), list(r[6]!).sort()]);
}

/**
 * For each object, in order, its region and previous inspectors (docs/algorithm.md §6): every inspector
 * named by any history row of the object on the latest date on which a row names inspectors. A rule of
 * the published rows alone: not the order they were imported in, and a row that names nobody is no
 * inspection to rotate away from. One statement per 4,096 ids (json_each over them, in their order), not
 * two lookups per object: at 2,000,000 objects the 140,000 selected cost about 1.1 s one by one.
 */
export function loadMatchObjects(db: Db, ids: string[]): ObjectRow[] {
  const stmt = db
    .prepare(
      `SELECT coalesce(o.region, ''), coalesce((SELECT group_concat(h.inspectors, ';') FROM history h ` +
        `WHERE h.credit_code = j.value AND h.inspectors != '' AND h.date = (SELECT max(x.date) FROM history x ` +
        `WHERE x.credit_code = j.value AND x.inspectors != '')), '') ` +
        `FROM json_each(?) j LEFT JOIN objects o ON o.credit_code = j.value ORDER BY j.key`,
    )
    .raw();
  const out: ObjectRow[] = [];
  for (let at = 0; at < ids.length; at += 4096) {
    const chunk = ids.slice(at, at + 4096);
    const rows = stmt.all(JSON.stringify(chunk)) as [string, string][];
    rows.forEach(([region, last], i) => out.push([chunk[i]!, region, [...new Set(list(last))].sort()]));
  }
  return out;
}

export interface DrawToRecord {
  createdAt: string;
  operator: string;
  record: DrawRecord;
  recordText: string;
  recordSha256: string;
  frameBytes: Uint8Array;
  assignText: string;
  leadDepartment: string;
  categories: string[];
  regions: string[];
  crossRegion: boolean;
  /** The deflated snapshot (packSnapshot). */
  snapshot: Buffer;
}

/**
 * SHA-256 of a whole snapshot text and its raw-deflated bytes: the reference snapshotPacker is tested
 * against (draws before the roster streamed were stored this way, and read back the same).
 */
export function packSnapshot(text: string): { digest: string; deflated: Buffer } {
  const bytes = Buffer.from(text, 'utf8');
  return { digest: createHash('sha256').update(bytes).digest('hex'), deflated: deflateRawSync(bytes, { level: 1 }) };
}

export function insertDraw(db: Db, d: DrawToRecord): void {
  const r = d.record;
  db.prepare(
    `INSERT INTO draws (id, year, lead_department, departments, items, categories, seed, input_digest, seed_hex, ` +
      `frame, assign_input, record,
       record_sha256, window_start, window_end, regions, cross_region, supersedes, reason, created_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.drawId,
    r.year,
    d.leadDepartment,
    JSON.stringify(r.departments),
    JSON.stringify(r.items),
    JSON.stringify(d.categories),
    r.seed,
    r.inputDigest,
    r.seedHex,
    d.frameBytes,
    Buffer.from(d.assignText, 'utf8'),
    d.recordText,
    d.recordSha256,
    r.window.start,
    r.window.end,
    JSON.stringify(d.regions),
    d.crossRegion ? 1 : 0,
    r.supersedes,
    r.reason,
    d.createdAt,
    d.operator,
  );
  db.prepare('INSERT INTO draw_snapshots (draw_id, objects) VALUES (?, ?)').run(r.drawId, d.snapshot);
  // Written in object id order: the tables are keyed by it, so each row goes to the end of its B-tree
  // instead of a random page (the rows and their position column are the same in any order).
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sel = batchInsert(db, 'draw_selections (draw_id, object_id, stratum, rank, ticket, position)', 6);
  const positioned = r.selected.map((s, i) => ({ ...s, position: i + 1 })).sort(byId);
  for (const s of positioned) sel.add(r.drawId, s.id, s.stratum, s.rank, s.ticket, s.position);
  sel.end();
  const asg = batchInsert(db, 'draw_assignments (draw_id, object_id, seat, inspector_id)', 4);
  for (const a of [...r.assignments].sort(byId)) a.inspectors.forEach((ins, i) => asg.add(r.drawId, a.id, i + 1, ins));
  asg.end();
}

/** Rows inserted 64 to a statement: one native call per batch instead of per row. */
function batchInsert(db: Db, target: string, width: number) {
  const BATCH = 64;
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  const one = db.prepare(`INSERT INTO ${target} VALUES ${tuple}`);
  const many = db.prepare(`INSERT INTO ${target} VALUES ${Array.from({ length: BATCH }, () => tuple).join(', ')}`);
  let pending: (string | number)[] = [];
  return {
    add(...values: (string | number)[]): void {
      for (const v of values) pending.push(v);
      if (pending.length === BATCH * width) {
        many.run(pending);
        pending = [];
      }
    },
    end(): void {
      for (let i = 0; i < pending.length; i += width) one.run(pending.slice(i, i + width));
      pending = [];
    },
  };
}

/** A draw's snapshot as its bytes (what rosterDigest is the SHA-256 of), or null when missing or broken. */
export function readSnapshot(db: Db, drawId: string): Buffer | null {
  const blob = db.prepare('SELECT objects FROM draw_snapshots WHERE draw_id = ?').pluck().get(drawId) as
    Buffer | undefined;
  if (!blob) return null;
  try {
    return inflateRawSync(blob);
  } catch {
    return null;
  }
}

/** Standing draws of the year that drew any of these items (a second batch), except the one being voided. */
export function standingWithItems(db: Db, year: number, items: string[], voiding: string | null): string[] {
  return db
    .prepare(
      `SELECT DISTINCT d.id FROM draws d JOIN json_each(d.items) j WHERE d.year = ? AND j.value IN (SELECT value ` +
        `FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM supersessions s WHERE s.superseded = d.id) AND d.id IS NOT ? ORDER BY d.id`,
    )
    .pluck()
    .all(year, JSON.stringify(items), voiding) as string[];
}

/**
 * The error for a draw id that is not on record, with the id that was probably meant (2026-hlsj-001 →
 * 2026-HLSJ-001) when exactly one draw or commitment matches it case- and width-insensitively.
 */
export function unknownDrawIn(db: Db, id: string): InspectError {
  const ids = db.prepare('SELECT id FROM draws UNION SELECT draw_id FROM commitments').pluck().all() as string[];
  const meant = suggestCode(id, ids);
  const e = unknownDraw(id);
  return meant ? new InspectError(e.exit, e.msg, [{ key: 'T_DID_YOU_MEAN', params: { given: id, code: meant } }]) : e;
}
