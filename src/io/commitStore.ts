// Committed draws in SQLite: the commitment with its frozen inputs, and its reveal. Append-only.
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import type { AssignPieces } from '../core/assignText.js';
import type { Db } from './db.js';
import { env } from './processIo.js';

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

/** A commitment without its frozen inputs, with its reveal: what a bundle and `verify` read of it. */
export type CommitmentFace = Omit<CommitmentRow, 'frame' | 'assign_input' | 'snapshot'>;

export function getCommitmentFace(db: Db, id: string): CommitmentFace | undefined {
  return db.prepare(`${faceSelect(db)} WHERE c.draw_id = ?`).get(id) as CommitmentFace | undefined;
}

/** SELECT of every commitment column but the frozen inputs, with the supersession and the reveal. */
function faceSelect(db: Db): string {
  const cols = (db.prepare('SELECT * FROM commitments LIMIT 0').columns() as { name: string }[])
    .map((c) => c.name)
    .filter((c) => !['frame', 'assign_input', 'snapshot'].includes(c))
    .map((c) => `c."${c}"`)
    .join(', ');
  return SELECT.replace('c.*', cols);
}

export function getCommitment(db: Db, id: string): CommitmentRow | undefined {
  return db.prepare(`${SELECT} WHERE c.draw_id = ?`).get(id) as CommitmentRow | undefined;
}

/** The year's commitments (or every one), without their frozen inputs: at 10,000,000 objects each holds 300 MB. */
export function listCommitments(db: Db, year?: number): CommitmentFace[] {
  return db
    .prepare(`${faceSelect(db)} WHERE @year IS NULL OR c.year = @year ORDER BY c.created_at, c.draw_id`)
    .all({ year: year ?? null }) as CommitmentFace[];
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
    // The frozen matching input is in commitment_parts (partWriter), written before this row.
    Buffer.alloc(0),
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

/**
 * A part of the frozen matching input holds about this many bytes (the last fewer). INSPECT_PART_BYTES
 * overrides, for tests of many parts: what is stored is cut differently, every digest and output is the same.
 */
function partBytes(): number {
  const v = env().INSPECT_PART_BYTES;
  return v !== undefined && /^[1-9]\d*$/.test(v) ? Number(v) : 4 << 20;
}

/**
 * Writes a commitment's frozen matching input into commitment_parts as it is made, hashing the bytes:
 * the text is never whole in memory, nor one SQLite value. Called inside the commitment's transaction
 * (the parts go in before the commitment row, whose foreign key is checked at commit).
 */
export function partWriter(db: Db, drawId: string) {
  const insert = db.prepare('INSERT INTO commitment_parts (draw_id, part, bytes) VALUES (?, ?, ?)');
  const hash = createHash('sha256');
  const most = partBytes();
  let pending: string[] = [];
  let size = 0;
  let carry = Buffer.alloc(0);
  let part = 0;
  let bytes = 0;
  // Parts of exactly `most` bytes, the last fewer: a part may end inside a character (the reader decodes
  // the stream, not each part).
  const flush = (last: boolean) => {
    let b = size === 0 ? carry : Buffer.concat([carry, Buffer.from(pending.join(''), 'utf8')]);
    pending = [];
    size = 0;
    while (b.length >= most || (last && b.length > 0)) {
      const p = b.subarray(0, most);
      hash.update(p);
      insert.run(drawId, part++, p);
      bytes += p.length;
      b = b.subarray(p.length);
    }
    carry = Buffer.from(b);
  };
  return {
    write(text: string): void {
      pending.push(text);
      size += text.length;
      if (size >= most) flush(false);
    },
    end(): { digest: string; bytes: number; parts: number } {
      flush(true);
      return { digest: hash.digest('hex'), bytes, parts: part };
    },
  };
}

function* partsOf(db: Db, drawId: string): Generator<Buffer> {
  const rows = db
    .prepare('SELECT bytes FROM commitment_parts WHERE draw_id = ? ORDER BY part')
    .pluck()
    .iterate(drawId) as IterableIterator<Buffer>;
  for (const b of rows) yield b;
}

/**
 * A commitment's frozen inspectors.json, a part at a time: its parts, or (a commitment made before
 * schema 9) its one assign_input value. Each call reads it afresh.
 */
export function frozenAssign(db: Db, c: Pick<CommitmentRow, 'draw_id' | 'assign_input'>): AssignPieces {
  return () => (c.assign_input.length > 0 ? [c.assign_input] : partsOf(db, c.draw_id));
}

/**
 * A recorded draw's inspectors.json, a part at a time: its own value, or, for a revealed draw stored
 * from schema 9 on (whose own value is empty), its commitment's frozen matching input.
 */
export function drawAssign(db: Db, d: { id: string; assign_input: Buffer }): AssignPieces {
  if (d.assign_input.length > 0) return () => [d.assign_input];
  const c = db.prepare('SELECT draw_id, assign_input FROM commitments WHERE draw_id = ?').get(d.id) as
    Pick<CommitmentRow, 'draw_id' | 'assign_input'> | undefined;
  return c ? frozenAssign(db, c) : () => [];
}
