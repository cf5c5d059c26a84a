// Committed draws in SQLite: the commitment with its frozen inputs, and its reveal. Append-only.
import { inflateRawSync } from 'node:zlib';
import type { Db } from './db.js';

export interface CommitmentRow {
  draw_id: string;
  year: number;
  lead_department: string;
  categories: string;
  regions: string;
  cross_region: number;
  commitment: string;
  commit_digest: string;
  frame: Buffer;
  assign_input: Buffer;
  snapshot: Buffer;
  roster_digest: string;
  supersedes: string | null;
  reason: string | null;
  clock_overridden: number;
  created_at: string;
  operator: string;
  /** Derived: the draw or commitment that voided it. */
  superseded_by: string | null;
  superseded_reason: string | null;
  /** Derived: its reveal, if any. */
  beacons: string | null;
  revealed_at: string | null;
}

const SELECT =
  `SELECT c.*, s.by_id AS superseded_by, s.reason AS superseded_reason, r.beacons, r.at AS revealed_at
  FROM commitments c LEFT JOIN supersessions s ON s.superseded = c.draw_id LEFT JOIN reveals r ON r.draw_id = ` +
  `c.draw_id`;

/** A commitment without its frozen inputs (the frame and matching input can be hundreds of megabytes). */
export type CommitmentHead = Pick<
  CommitmentRow,
  'draw_id' | 'year' | 'commitment' | 'commit_digest' | 'created_at' | 'superseded_by' | 'revealed_at'
>;

/** Every commitment's head, or one's; what the checks that need no frozen input read. */
export function commitmentHeads(db: Db, id?: string): CommitmentHead[] {
  return db
    .prepare(
      `SELECT c.draw_id, c.year, c.commitment, c.commit_digest, c.created_at, s.by_id AS superseded_by,
         r.at AS revealed_at
       FROM commitments c LEFT JOIN supersessions s ON s.superseded = c.draw_id
         LEFT JOIN reveals r ON r.draw_id = c.draw_id
       WHERE @id IS NULL OR c.draw_id = @id ORDER BY c.created_at, c.draw_id`,
    )
    .all({ id: id ?? null }) as CommitmentHead[];
}

export function getCommitment(db: Db, id: string): CommitmentRow | undefined {
  return db.prepare(`${SELECT} WHERE c.draw_id = ?`).get(id) as CommitmentRow | undefined;
}

export function listCommitments(db: Db, year?: number): CommitmentRow[] {
  return db
    .prepare(`${SELECT} WHERE @year IS NULL OR c.year = @year ORDER BY c.created_at, c.draw_id`)
    .all({ year: year ?? null }) as CommitmentRow[];
}

/** Commitments of the year neither revealed nor voided: they block draws of their categories. */
export function pendingCommitments(db: Db, year: number): { id: string; categories: string[] }[] {
  return (
    db
      .prepare(
        `SELECT c.draw_id AS id, c.categories FROM commitments c
         WHERE c.year = ? AND NOT EXISTS (SELECT 1 FROM reveals r WHERE r.draw_id = c.draw_id)
           AND NOT EXISTS (SELECT 1 FROM supersessions s WHERE s.superseded = c.draw_id) ORDER BY c.draw_id`,
      )
      .all(year) as { id: string; categories: string }[]
  ).map((r) => ({ id: r.id, categories: JSON.parse(r.categories) as string[] }));
}

export interface CommitmentToRecord {
  drawId: string;
  year: number;
  leadDepartment: string;
  categories: string[];
  regions: string[];
  crossRegion: boolean;
  commitmentText: string;
  commitDigest: string;
  frameBytes: Uint8Array;
  assignText: string;
  snapshot: Buffer;
  rosterDigest: string;
  supersedes: string | null;
  reason: string | null;
  clockOverridden: boolean;
  createdAt: string;
  operator: string;
}

export function insertCommitment(db: Db, c: CommitmentToRecord): void {
  db.prepare(
    `INSERT INTO commitments (draw_id, year, lead_department, categories, regions, cross_region, commitment, ` +
      `commit_digest, frame, assign_input,
       snapshot, roster_digest, supersedes, reason, clock_overridden, created_at, operator) VALUES (?, ?, ?, ?, ?, ` +
      `?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.drawId,
    c.year,
    c.leadDepartment,
    JSON.stringify(c.categories),
    JSON.stringify(c.regions),
    c.crossRegion ? 1 : 0,
    c.commitmentText,
    c.commitDigest,
    c.frameBytes,
    Buffer.from(c.assignText, 'utf8'),
    c.snapshot,
    c.rosterDigest,
    c.supersedes,
    c.reason,
    c.clockOverridden ? 1 : 0,
    c.createdAt,
    c.operator,
  );
}

export function insertReveal(db: Db, drawId: string, beaconsText: string, at: string, operator: string): void {
  db.prepare('INSERT INTO reveals (draw_id, beacons, at, operator) VALUES (?, ?, ?, ?)').run(
    drawId,
    beaconsText,
    at,
    operator,
  );
}

/** The stored snapshot of the object rows the commitment's plan read, or null when unreadable. */
export function commitmentSnapshot(c: CommitmentRow): Buffer | null {
  try {
    return inflateRawSync(c.snapshot);
  } catch {
    return null;
  }
}
