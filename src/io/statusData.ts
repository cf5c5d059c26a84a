// The reads behind `inspect status`: per roster the current and stored rows and the last import, and a
// few tallies of what is loaded. Codes stay codes here; the text output names them.
import { ROSTER_KINDS } from '../core/rosters.js';
import type { Db } from './db.js';

export interface LastImport {
  file: string;
  sha256: string;
  at: string;
  operator: string;
  encoding: string;
  rows: number;
}
export interface Status {
  db: string;
  databaseVersion: number;
  rosters: Record<string, { current: number; stored: number; lastImport: LastImport | null }>;
  objects: {
    byGradeRisk: Record<string, number>;
    byType: Record<string, number>;
    byStatus: Record<string, number>;
    keySupervision: number;
  };
  inspectors: { byDepartment: Record<string, number>; byStatus: Record<string, number> };
  items: { byKind: Record<string, number> };
}

const tally = (db: Db, sql: string): Record<string, number> =>
  Object.fromEntries((db.prepare(sql).raw().all() as [string, number][]).map(([k, n]) => [k, n]));

export function readStatus(db: Db, path: string): Status {
  const rosters: Status['rosters'] = {};
  for (const kind of ROSTER_KINDS) {
    const stored = db.prepare(`SELECT count(*) FROM ${kind}`).pluck().get() as number;
    const current =
      kind === 'history'
        ? stored
        : (db.prepare(`SELECT count(*) FROM ${kind} WHERE in_roster = 1`).pluck().get() as number);
    const last = db
      .prepare(
        'SELECT file_name AS file, file_sha256 AS sha256, finished_at AS at, operator, encoding, rows_imported AS rows FROM imports WHERE kind = ? ORDER BY id DESC LIMIT 1',
      )
      .get(kind) as LastImport | undefined;
    rosters[kind] = { current, stored, lastImport: last ?? null };
  }
  return {
    db: path,
    // The file's own schema (an archived copy may be older than the newest schema this program knows).
    databaseVersion: db.pragma('user_version', { simple: true }) as number,
    rosters,
    objects: {
      byGradeRisk: tally(
        db,
        "SELECT credit_grade || '|' || risk_level, count(*) FROM objects WHERE in_roster = 1 GROUP BY 1 ORDER BY 1",
      ),
      byType: tally(db, 'SELECT type, count(*) FROM objects WHERE in_roster = 1 GROUP BY 1 ORDER BY 2 DESC'),
      byStatus: tally(db, 'SELECT status, count(*) FROM objects WHERE in_roster = 1 GROUP BY 1 ORDER BY 2 DESC'),
      keySupervision: db
        .prepare("SELECT count(*) FROM objects WHERE in_roster = 1 AND key_supervision = 'yes'")
        .pluck()
        .get() as number,
    },
    inspectors: {
      byDepartment: tally(db, 'SELECT department, count(*) FROM inspectors WHERE in_roster = 1 GROUP BY 1 ORDER BY 1'),
      byStatus: tally(db, 'SELECT status, count(*) FROM inspectors WHERE in_roster = 1 GROUP BY 1 ORDER BY 1'),
    },
    items: { byKind: tally(db, 'SELECT kind, count(*) FROM items WHERE in_roster = 1 GROUP BY 1 ORDER BY 1') },
  };
}
