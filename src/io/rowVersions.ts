// A roster row's kept versions over time (roster_versions plus the current row), each with the import
// that wrote it: what `why` shows and what the roster-flip check walks.
import { parseInstant } from '../core/beacon.js';
import type { RowVersion } from '../core/why.js';
import type { Db } from './db.js';

export interface ImportInfo {
  id: number;
  fileName: string;
  fileSha256: string;
  finishedAt: string;
  operator: string;
}

export interface VersionWithImport extends RowVersion {
  import: ImportInfo | null;
}

export function importInfo(db: Db, id: number): ImportInfo | null {
  const r = db.prepare('SELECT id, file_name, file_sha256, finished_at, operator FROM imports WHERE id = ?').get(id) as
    { id: number; file_name: string; file_sha256: string; finished_at: string; operator: string } | undefined;
  return r
    ? { id: r.id, fileName: r.file_name, fileSha256: r.file_sha256, finishedAt: r.finished_at, operator: r.operator }
    : null;
}

const at = (i: ImportInfo | null) => (i ? (parseInstant(i.finishedAt) ?? 0) : 0);

/** Every version of an object row, oldest first; empty when the code was never in the roster. */
export function objectVersions(
  db: Db,
  code: string,
  imports?: Map<number, ImportInfo>,
): { versions: VersionWithImport[]; inRoster: boolean } {
  // Many versions share an import: read each import once when a caller walks many rows.
  const info = (id: number) => (imports ? (imports.get(id) ?? null) : importInfo(db, id));
  const kept = db
    .prepare(`SELECT data, import_id, replaced_by FROM roster_versions WHERE kind = 'objects' AND key = ? ORDER BY seq`)
    .all(code) as { data: string; import_id: number; replaced_by: number }[];
  const current = db.prepare('SELECT * FROM objects WHERE credit_code = ?').get(code) as
    (Record<string, string | number> & { import_id: number; in_roster: number }) | undefined;
  const versions: VersionWithImport[] = kept.map((k) => {
    const imp = info(k.import_id);
    return {
      data: JSON.parse(k.data) as Record<string, string>,
      importId: k.import_id,
      from: at(imp),
      until: at(info(k.replaced_by)),
      import: imp,
    };
  });
  if (current) {
    const imp = info(current.import_id);
    const data: Record<string, string> = {};
    for (const [k, v] of Object.entries(current))
      if (!['in_roster', 'src_row', 'import_id', 'seen_import'].includes(k)) data[k] = String(v);
    versions.push({ data, importId: current.import_id, from: at(imp), until: null, import: imp });
  }
  return { versions, inRoster: current ? current.in_roster === 1 : false };
}

/** Every import, by id (for walks over many rows). */
export function allImports(db: Db): Map<number, ImportInfo> {
  const rows = db.prepare('SELECT id, file_name, file_sha256, finished_at, operator FROM imports').all() as {
    id: number;
    file_name: string;
    file_sha256: string;
    finished_at: string;
    operator: string;
  }[];
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, fileName: r.file_name, fileSha256: r.file_sha256, finishedAt: r.finished_at, operator: r.operator },
    ]),
  );
}

/** Codes of objects with a kept version that one of these imports replaced: the only rows that can have flipped. */
export function objectsReplacedBy(db: Db, importIds: number[]): string[] {
  if (importIds.length === 0) return [];
  return db
    .prepare(
      `SELECT DISTINCT key FROM roster_versions WHERE kind = 'objects' AND replaced_by IN (SELECT value FROM json_each(?))
       ORDER BY key`,
    )
    .pluck()
    .all(JSON.stringify(importIds)) as string[];
}
/** Draws of the year other than `except` that selected this object: a DRAWN_THIS_YEAR exclusion's evidence. */
export function drawsSelecting(
  db: Db,
  code: string,
  year: number,
  except: string,
): { id: string; createdAt: string }[] {
  return (
    db
      .prepare(
        `SELECT d.id, d.created_at FROM draw_selections s JOIN draws d ON d.id = s.draw_id
         WHERE s.object_id = ? AND d.year = ? AND d.id != ? ORDER BY d.created_at`,
      )
      .all(code, year, except) as { id: string; created_at: string }[]
  ).map((r) => ({ id: r.id, createdAt: r.created_at }));
}

/** This object's inspections of the year, category resolved from the item when the row has none. */
export function historyOf(
  db: Db,
  code: string,
  year: number,
): { date: string; category: string; itemCode: string; department: string; importId: number }[] {
  return (
    db
      .prepare(
        `SELECT h.date, CASE WHEN h.category != '' THEN h.category ELSE coalesce(i.category, '') END AS category,
           h.item_code, h.department, h.import_id
         FROM history h LEFT JOIN items i ON i.code = h.item_code
         WHERE h.credit_code = ? AND substr(h.date, 1, 4) = ? ORDER BY h.date, h.id`,
      )
      .all(code, String(year)) as {
      date: string;
      category: string;
      item_code: string;
      department: string;
      import_id: number;
    }[]
  ).map((r) => ({
    date: r.date,
    category: r.category,
    itemCode: r.item_code,
    department: r.department,
    importId: r.import_id,
  }));
}
