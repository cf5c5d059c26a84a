// The one place every state change goes through: it appends an entry to the hash-chained event log in
// the caller's transaction, so a change and its log entry commit or vanish together.
import { eventHash, GENESIS_HASH, type EventContent, type StoredEvent } from '../core/chain.js';
import { hasColumn, type Db } from './db.js';
import { rowsDigest } from './rowDigests.js';
import { clockOverridden } from './clock.js';

/** Marks an entry made while INSPECT_NOW replaced the clock: its time is not the computer's. */
export const CLOCK_MARK = ' [clock: INSPECT_NOW]';

export interface EventInput {
  at: string;
  operator: string;
  action: string;
  summary: string;
  payloadSha256: string;
  ref: string;
}

export function appendEvent(db: Db, input: EventInput): EventContent & { hash: string } {
  if (!db.inTransaction) throw new Error('appendEvent must run inside the write transaction of its change');
  const last = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const summary = clockOverridden() ? `${input.summary}${CLOCK_MARK}` : input.summary;
  // Called after the change's rows are written, in the same transaction: their digest goes into the entry.
  const rows = rowsDigest(db, input.ref);
  const content: EventContent = { seq: (last?.seq ?? 0) + 1, ...input, summary, prevHash: last?.hash ?? GENESIS_HASH, ...(rows ? { rowsSha256: rows } : {}) };
  const hash = eventHash(content);
  db.prepare(
    'INSERT INTO events (seq, at, operator, action, summary, payload_sha256, ref, prev_hash, hash, rows_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(content.seq, content.at, content.operator, content.action, content.summary, content.payloadSha256, content.ref, content.prevHash, hash, rows ?? '');
  return { ...content, hash };
}

export function readEvents(db: Db, since?: string): StoredEvent[] {
  // A read-only database of an older schema has no rows_sha256 column: its entries have none.
  const rowsCol = hasColumn(db, 'events', 'rows_sha256') ? 'rows_sha256' : "'' AS rows_sha256";
  return (
    db
      .prepare(`SELECT seq, at, operator, action, summary, payload_sha256, ref, prev_hash, hash, ${rowsCol} FROM events WHERE @since IS NULL OR substr(at, 1, 10) >= @since ORDER BY seq`)
      .all({ since: since ?? null }) as { seq: number; at: string; operator: string; action: string; summary: string; payload_sha256: string; ref: string; prev_hash: string; hash: string; rows_sha256: string }[]
  ).map((r) => ({
    seq: r.seq, at: r.at, operator: r.operator, action: r.action, summary: r.summary, payloadSha256: r.payload_sha256, ref: r.ref, prevHash: r.prev_hash, hash: r.hash,
    ...(r.rows_sha256 ? { rowsSha256: r.rows_sha256 } : {}),
  }));
}
