// What the exports show, read from SQLite as plain rows: selections with their objects, items, teams.
import { Exit, InspectError } from '../core/errors.js';
import { getCommitment } from './commitStore.js';
import type { DrawRecord } from '../core/record.js';
import type { Db } from './db.js';
import { getDraw, unknownDrawIn } from './drawStore.js';

export interface TaskRow {
  position: number;
  object_id: string;
  stratum: string;
  rank: number;
  name: string;
  address: string;
  region: string;
}

/**
 * A draw's selected objects with their names, addresses and regions as they were when it was drawn: the
 * kept version standing at the draw (the first one replaced by an import logged after the draw — the log's
 * order, not clock seconds, which two commands can share), else the current row. A later import, even a
 * damaged one, never changes what an old draw shows.
 */
export function selectionRows(db: Db, drawId: string): TaskRow[] {
  const rows = db
    .prepare(
      `SELECT s.position, s.object_id, s.stratum, s.rank, coalesce(o.name, '') AS name, coalesce(o.address, '') AS ` +
        `address, coalesce(o.region, '') AS region,
         (SELECT v.data FROM roster_versions v JOIN imports ri ON ri.id = v.replaced_by
           WHERE v.kind = 'objects' AND v.key = s.object_id
             AND (SELECT e.seq FROM events e WHERE e.ref = 'imports:' || ri.id)
               > (SELECT e.seq FROM events e WHERE e.ref = 'draws:' || d.id)
           ORDER BY v.seq LIMIT 1) AS then_data
       FROM draw_selections s JOIN draws d ON d.id = s.draw_id LEFT JOIN objects o ON o.credit_code = s.object_id
       WHERE s.draw_id = ? ORDER BY s.position`,
    )
    .all(drawId) as (TaskRow & { then_data: string | null })[];
  return rows.map(({ then_data, ...r }) => {
    if (!then_data) return r;
    try {
      const v = JSON.parse(then_data) as Record<string, string>;
      return { ...r, name: v.name ?? r.name, address: v.address ?? r.address, region: v.region ?? r.region };
    } catch {
      return r; // an unreadable kept version: the audit reports it
    }
  });
}

export interface TeamMember {
  object_id: string;
  seat: number;
  id: string;
  name: string;
  department: string;
  cert_no: string;
}

export function teams(db: Db, drawId: string): Map<string, TeamMember[]> {
  const rows = db
    .prepare(
      `SELECT a.object_id, a.seat, a.inspector_id AS id, coalesce(i.name, '') AS name, coalesce(i.department, '') AS ` +
        `department, coalesce(i.cert_no, '') AS cert_no
       FROM draw_assignments a LEFT JOIN inspectors i ON i.id = a.inspector_id WHERE a.draw_id = ? ORDER BY ` +
        `a.object_id, a.seat`,
    )
    .all(drawId) as TeamMember[];
  const out = new Map<string, TeamMember[]>();
  for (const r of rows) out.set(r.object_id, [...(out.get(r.object_id) ?? []), r]);
  return out;
}

export function itemsOf(
  db: Db,
  codes: string[],
): {
  code: string;
  name: string;
  method: string;
  kind: string;
  object_types: string;
  industries: string;
  regions: string;
  tag: string;
  department: string;
  partners: string;
}[] {
  const stmt = db.prepare(
    'SELECT code, name, method, kind, object_types, industries, regions, tag, department, partners FROM items WHERE code = ?',
  );
  return codes.map((c) => stmt.get(c) as never).filter(Boolean);
}

export function departmentNames(db: Db): Map<string, string> {
  return new Map(db.prepare('SELECT code, name FROM departments').raw().all() as [string, string][]);
}

/** What every export of a draw starts from: the draw row, its record, its items, department names, status. */
export function exportContext(db: Db, drawId: string) {
  const draw = getDraw(db, drawId);
  if (!draw) {
    // A pending commitment has an id but no selection yet.
    if (getCommitment(db, drawId)) throw new InspectError(Exit.data, { key: 'E_NOT_REVEALED', params: { id: drawId } });
    throw unknownDrawIn(db, drawId);
  }
  const record = JSON.parse(draw.record) as DrawRecord;
  return {
    draw,
    record,
    items: itemsOf(db, record.items),
    departments: departmentNames(db),
    /** Shown wherever the draw appears: a superseded draw carries its reason. */
    status: draw.superseded_by ? `已作废（被 ${draw.superseded_by} 取代，原因：${draw.superseded_reason}）` : '有效',
  };
}

export interface ItemRow {
  code: string;
  name: string;
  category: string;
  department: string;
  departmentName: string;
  partners: string[];
  kind: string;
  /** 比例上限 in percent, or null when the item has none. */
  capPercent: number | null;
  specialty: string;
}

/** Every item of the current list, in code order, with its department's name. */
export function listItems(db: Db): ItemRow[] {
  const rows = db
    .prepare(
      `SELECT i.code, i.name, i.category, i.department, coalesce(d.name, '') AS department_name, i.partners, i.kind, ` +
        `i.cap_percent, i.specialty
       FROM items i LEFT JOIN departments d ON d.code = i.department WHERE i.in_roster = 1 ORDER BY i.code`,
    )
    .all() as Record<string, string>[];
  return rows.map((r) => ({
    code: r.code!,
    name: r.name!,
    category: r.category!,
    department: r.department!,
    departmentName: r.department_name!,
    partners: r.partners ? r.partners.split(';') : [],
    kind: r.kind!,
    capPercent: r.cap_percent ? Number(r.cap_percent) : null,
    specialty: r.specialty!,
  }));
}
