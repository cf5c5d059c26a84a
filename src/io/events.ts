// The one place every state change goes through: it appends an entry to the hash-chained event log in
// the caller's transaction, so a change and its log entry commit or vanish together.
import { eventHash, GENESIS_HASH, type EventContent, type StoredEvent } from '../core/chain.js';
import type { Db } from './db.js';
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
  const content: EventContent = { seq: (last?.seq ?? 0) + 1, ...input, summary, prevHash: last?.hash ?? GENESIS_HASH };
  const hash = eventHash(content);
  db.prepare(
    'INSERT INTO events (seq, at, operator, action, summary, payload_sha256, ref, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(content.seq, content.at, content.operator, content.action, content.summary, content.payloadSha256, content.ref, content.prevHash, hash);
  return { ...content, hash };
}

export function readEvents(db: Db, since?: string): StoredEvent[] {
  return (
    db
      .prepare(`SELECT seq, at, operator, action, summary, payload_sha256, ref, prev_hash, hash FROM events WHERE @since IS NULL OR substr(at, 1, 10) >= @since ORDER BY seq`)
      .all({ since: since ?? null }) as { seq: number; at: string; operator: string; action: string; summary: string; payload_sha256: string; ref: string; prev_hash: string; hash: string }[]
  ).map((r) => ({ seq: r.seq, at: r.at, operator: r.operator, action: r.action, summary: r.summary, payloadSha256: r.payload_sha256, ref: r.ref, prevHash: r.prev_hash, hash: r.hash }));
}
