// Reading the draw's inputs from SQLite as plain values, and recording a draw atomically.
import { snapshotRow, type StandingDraw, type PastInspection, type ScopeObject, type TaskItem } from '../core/frame.js';
import type { InspectorRow, ObjectRow } from '../core/matching.js';
import type { DrawRecord } from '../core/record.js';
import { ACTIVE_OBJECT_STATUSES, percentToBp } from '../core/values.js';
import { createHash } from 'node:crypto';
import { constants as zlibConstants, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Db } from './db.js';

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

/**
 * Active objects of the current roster, in id order (the table's key order, so no sort is needed), one
 * at a time, straight from the database cursor: a draw over a province's roster
 * keeps only what the frame needs ([id, stratum]) and the snapshot's compressed bytes, never every row.
 */
export function* scanActiveObjects(db: Db): Generator<ScopeObject> {
  const stmt = db
    .prepare(
      `SELECT credit_code, type, industry, region, credit_grade, risk_level, key_supervision, tags FROM objects
       WHERE in_roster = 1 AND ${ACTIVE_STATUS_SQL} ORDER BY credit_code`,
    )
    .raw();
  for (const r of stmt.iterate() as Iterable<string[]>) {
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

/** For each selected object, in order: its region and the inspectors of its most recent inspection. */
export function loadMatchObjects(db: Db, ids: string[]): ObjectRow[] {
  const region = db.prepare('SELECT region FROM objects WHERE credit_code = ?').pluck();
  const last = db
    .prepare(
      `SELECT inspectors FROM history WHERE credit_code = ? AND inspectors != '' ORDER BY date DESC, id DESC LIMIT 1`,
    )
    .pluck();
  return ids.map((id) => [
    id,
    (region.get(id) as string | undefined) ?? '',
    list((last.get(id) as string | undefined) ?? '').sort(),
  ]);
}

export interface DrawToRecord {
  createdAt: string;
  operator: string;
  record: DrawRecord;
  recordText: string;
  recordSha256: string;
  frameText: string;
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

/**
 * The snapshot written as the objects stream past: hashed and raw-deflated in slices, so neither its
 * text nor its rows are ever whole in memory. Each slice is compressed on its own and ends with a sync
 * flush (byte-aligned, not final); a last empty final block closes the stream, so the slices together
 * are one valid raw-deflate stream (back-references stay inside their slice). Same text, same digest as
 * packSnapshot(snapshotText(objects)); the compressed bytes inflate to that text.
 */
export function snapshotPacker(): { add(o: ScopeObject): void; finish(): { digest: string; deflated: Buffer } } {
  const hash = createHash('sha256');
  const out: Buffer[] = [];
  let parts: string[] = ['['];
  let rows = 0;
  const flush = (final: boolean) => {
    const bytes = Buffer.from(parts.join(''), 'utf8');
    parts = [];
    hash.update(bytes);
    out.push(deflateRawSync(bytes, { level: 1, finishFlush: zlibConstants.Z_SYNC_FLUSH }));
    if (final) out.push(deflateRawSync(Buffer.alloc(0), { level: 1 }));
  };
  return {
    add(o) {
      parts.push(rows++ === 0 ? snapshotRow(o) : `,${snapshotRow(o)}`);
      if (parts.length >= 8192) flush(false);
    },
    finish() {
      parts.push(']');
      flush(true);
      return { digest: hash.digest('hex'), deflated: Buffer.concat(out) };
    },
  };
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
    Buffer.from(d.frameText, 'utf8'),
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
  const sel = batchInsert(db, 'draw_selections (draw_id, object_id, stratum, rank, ticket, position)', 6);
  r.selected.forEach((s, i) => sel.add(r.drawId, s.id, s.stratum, s.rank, s.ticket, i + 1));
  sel.end();
  const asg = batchInsert(db, 'draw_assignments (draw_id, object_id, seat, inspector_id)', 4);
  for (const a of r.assignments) a.inspectors.forEach((ins, i) => asg.add(r.drawId, a.id, i + 1, ins));
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
      pending.push(...values);
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

export function readSnapshot(db: Db, drawId: string): string | null {
  const blob = db.prepare('SELECT objects FROM draw_snapshots WHERE draw_id = ?').pluck().get(drawId) as
    Buffer | undefined;
  if (!blob) return null;
  try {
    return inflateRawSync(blob).toString('utf8');
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
