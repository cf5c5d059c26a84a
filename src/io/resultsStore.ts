// Results and publications in SQLite: facts about draws for validation, append-only result rows, and the
// marks that a result was published.
import type { DrawFacts } from '../core/results.js';
import { canonicalJson, sha256Hex } from '../core/canonical.js';
import type { Db } from './db.js';

export function drawFacts(db: Db): Map<string, DrawFacts> {
  const rows = db
    .prepare(
      `SELECT d.id, d.window_start, d.window_end, s.by_id AS superseded_by FROM draws d LEFT JOIN supersessions s ON ` +
        `s.superseded = d.id`,
    )
    .all() as { id: string; window_start: string; window_end: string; superseded_by: string | null }[];
  const sel = db.prepare('SELECT 1 FROM draw_selections WHERE draw_id = ? AND object_id = ?').pluck();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        supersededBy: r.superseded_by,
        windowStart: r.window_start,
        windowEnd: r.window_end,
        selected: { has: (o: string) => sel.get(r.id, o) !== undefined },
      },
    ]),
  );
}

export interface CurrentResult {
  seq: number;
  draw_id: string;
  object_id: string;
  completed_on: string;
  result_code: string;
  follow_up: string;
  notes: string;
  published_on: string | null;
}

export function currentResult(db: Db, drawId: string, objectId: string): CurrentResult | undefined {
  return db
    .prepare('SELECT * FROM results WHERE draw_id = ? AND object_id = ? ORDER BY seq DESC LIMIT 1')
    .get(drawId, objectId) as CurrentResult | undefined;
}

export function insertResult(
  db: Db,
  r: {
    drawId: string;
    objectId: string;
    completedOn: string;
    code: string;
    followUp: string;
    notes: string;
    importId: number;
    row: number;
    at: string;
    operator: string;
  },
): number {
  return Number(
    db
      .prepare(
        'INSERT INTO results (draw_id, object_id, completed_on, result_code, follow_up, notes, import_id, src_row, entered_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(r.drawId, r.objectId, r.completedOn, r.code, r.followUp, r.notes, r.importId, r.row, r.at, r.operator)
      .lastInsertRowid,
  );
}

export function currentResults(db: Db, drawId?: string): CurrentResult[] {
  return db
    .prepare(`SELECT * FROM current_results WHERE @d IS NULL OR draw_id = @d ORDER BY draw_id, object_id`)
    .all({ d: drawId ?? null }) as CurrentResult[];
}

export function recordPublication(
  db: Db,
  p: {
    drawId: string;
    kind: string;
    publishedOn: string;
    fileName: string;
    sha256: string;
    at: string;
    operator: string;
    resultSeqs: number[];
  },
): number {
  const id = Number(
    db
      .prepare(
        'INSERT INTO publications (draw_id, kind, published_on, file_name, file_sha256, at, operator) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(p.drawId, p.kind, p.publishedOn, p.fileName, p.sha256, p.at, p.operator).lastInsertRowid,
  );
  const ins = db.prepare('INSERT INTO published_results (publication_id, result_seq) VALUES (?, ?)');
  for (const s of p.resultSeqs) ins.run(id, s);
  return id;
}

/** SHA-256 of the result rows one import appended (canonical JSON), the payload of its log entry. */
export function resultRowsDigest(db: Db, importId: number): string {
  const rows = db
    .prepare(
      'SELECT draw_id, object_id, completed_on, result_code, follow_up, notes FROM results WHERE import_id = ? ORDER BY seq',
    )
    .raw()
    .all(importId) as string[][];
  return sha256Hex(canonicalJson(rows));
}

/** The object at a position of a draw's selection (a task number's -NNNN), if there is one. */
export function objectAtPosition(db: Db, drawId: string, position: number): string | undefined {
  return db
    .prepare('SELECT object_id FROM draw_selections WHERE draw_id = ? AND position = ?')
    .pluck()
    .get(drawId, position) as string | undefined;
}
