// The reads behind `inspect report`: draws of the year with their selections, current results (with the
// object's name for the text report), coverage by department, items drawn, and unpublished results of
// other years (a deadline does not stop at New Year).
import type { Db } from './db.js';
import { ACTIVE_STATUS_SQL } from './drawStore.js';

/** Everything the year's report reads, in one read transaction's worth of queries. */
export function reportData(db: Db, year: number) {
  const draws = db
    .prepare(
      `SELECT d.id, d.items, d.departments, s.by_id AS superseded_by, s.reason AS superseded_reason,
              (SELECT count(*) FROM draw_selections x WHERE x.draw_id = d.id) AS selected
       FROM draws d LEFT JOIN supersessions s ON s.superseded = d.id WHERE d.year = ? ORDER BY d.created_at, d.id`,
    )
    .all(year) as {
    id: string;
    items: string;
    departments: string;
    superseded_by: string | null;
    superseded_reason: string | null;
    selected: number;
  }[];
  const results = db
    .prepare(
      `SELECT r.draw_id, r.object_id, o.name AS object_name, r.completed_on, r.result_code, r.published_on
              FROM current_results r JOIN draws d ON d.id = r.draw_id LEFT JOIN objects o ON o.credit_code = ` +
        `r.object_id WHERE d.year = ?`,
    )
    .all(year) as {
    draw_id: string;
    object_id: string;
    object_name: string | null;
    completed_on: string;
    result_code: string;
    published_on: string | null;
  }[];
  const departments = db.prepare('SELECT code, name FROM departments WHERE in_roster = 1 ORDER BY code').all() as {
    code: string;
    name: string;
  }[];
  const covered = db
    .prepare(
      `SELECT dep, count(DISTINCT obj) FROM (
         SELECT department AS dep, credit_code AS obj FROM history WHERE substr(date, 1, 4) = @y
         UNION ALL
         SELECT j.value AS dep, s.object_id AS obj FROM draws d JOIN json_each(d.departments) j JOIN draw_selections ` +
        `s ON s.draw_id = d.id
         WHERE d.year = @yn AND NOT EXISTS (SELECT 1 FROM supersessions x WHERE x.superseded = d.id)
       ) GROUP BY dep`,
    )
    .raw()
    .all({ y: String(year), yn: year }) as [string, number][];
  const supervised = db
    .prepare(`SELECT count(*) FROM objects WHERE in_roster = 1 AND ${ACTIVE_STATUS_SQL}`)
    .pluck()
    .get() as number;
  const items = db
    .prepare(
      `SELECT i.code, i.name, (SELECT count(*) FROM draws d JOIN json_each(d.items) j WHERE j.value = i.code AND ` +
        `d.year = ? AND NOT EXISTS (SELECT 1 FROM supersessions x WHERE x.superseded = d.id)) AS n
       FROM items i WHERE i.in_roster = 1 ORDER BY i.code`,
    )
    .all(year) as { code: string; name: string; n: number }[];
  const otherYears = db
    .prepare(
      `SELECT r.draw_id, r.object_id, o.name AS object_name, r.completed_on, r.result_code, r.published_on
              FROM current_results r JOIN draws d ON d.id = r.draw_id LEFT JOIN objects o ON o.credit_code = r.object_id
              WHERE d.year != ? AND r.published_on IS NULL AND NOT EXISTS (SELECT 1 FROM supersessions x WHERE ` +
        `x.superseded = d.id)`,
    )
    .all(year) as typeof results;
  return { draws, results, otherYears, departments, covered, supervised, items };
}
