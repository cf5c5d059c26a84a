// The one place every state change goes through: it appends an entry to the hash-chained event log in
// the caller's transaction, so a change and its log entry commit or vanish together.
import { eventHash, GENESIS_HASH, type EventContent, type StoredEvent } from '../core/chain.js';
import { canonicalJson, type Canon } from '../core/canonical.js';
import { render, type Msg } from '../core/messages.js';
import { hasColumn, type Db } from './db.js';
import { rowsDigest } from './rowDigests.js';
import { clockOverridden } from './clock.js';

/** Marks an entry made while INSPECT_NOW replaced the clock: its time is not the computer's. */
export const CLOCK_MARK = ' [clock: INSPECT_NOW]';

export interface EventInput {
  at: string;
  operator: string;
  action: string;
  /** Stored twice: rendered in English (the text the chain always hashed) and as the message itself. */
  summary: Msg;
  payloadSha256: string;
  ref: string;
}

/** The English text an entry's summary message stands for (with the clock mark when it applies). */
export function summaryText(msg: Msg, clockMark: boolean): string {
  return `${render(msg, 'en')}${clockMark ? CLOCK_MARK : ''}`;
}

export function appendEvent(db: Db, input: EventInput): EventContent & { hash: string } {
  if (!db.inTransaction) throw new Error('appendEvent must run inside the write transaction of its change');
  const last = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const summary = summaryText(input.summary, clockOverridden());
  // Round-tripped so absent values drop out exactly as they would from the stored JSON.
  const summaryMsg = canonicalJson(JSON.parse(JSON.stringify(input.summary)) as Canon);
  // Called after the change's rows are written, in the same transaction: their digest goes into the entry.
  const rows = rowsDigest(db, input.ref);
  const content: EventContent = {
    seq: (last?.seq ?? 0) + 1,
    ...input,
    summary,
    prevHash: last?.hash ?? GENESIS_HASH,
    ...(rows ? { rowsSha256: rows } : {}),
    summaryMsg,
  };
  const hash = eventHash(content);
  db.prepare(
    `INSERT INTO events (seq, at, operator, action, summary, payload_sha256, ref, prev_hash, hash, rows_sha256, ` +
      `summary_msg)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    content.seq,
    content.at,
    content.operator,
    content.action,
    summary,
    content.payloadSha256,
    content.ref,
    content.prevHash,
    hash,
    rows ?? '',
    summaryMsg,
  );
  return { ...content, hash };
}

export function readEvents(db: Db, since?: string): StoredEvent[] {
  // A read-only database of an older schema has no rows_sha256 column: its entries have none.
  const rowsCol = hasColumn(db, 'events', 'rows_sha256') ? 'rows_sha256' : "'' AS rows_sha256";
  const msgCol = hasColumn(db, 'events', 'summary_msg') ? 'summary_msg' : "'' AS summary_msg";
  return (
    db
      .prepare(
        `SELECT seq, at, operator, action, summary, payload_sha256, ref, prev_hash, hash, ${rowsCol}, ${msgCol} FROM ` +
          `events WHERE @since IS NULL OR substr(at, 1, 10) >= @since ORDER BY seq`,
      )
      .all({ since: since ?? null }) as {
      seq: number;
      at: string;
      operator: string;
      action: string;
      summary: string;
      payload_sha256: string;
      ref: string;
      prev_hash: string;
      hash: string;
      rows_sha256: string;
      summary_msg: string;
    }[]
  ).map((r) => ({
    seq: r.seq,
    at: r.at,
    operator: r.operator,
    action: r.action,
    summary: r.summary,
    payloadSha256: r.payload_sha256,
    ref: r.ref,
    prevHash: r.prev_hash,
    hash: r.hash,
    ...(r.rows_sha256 ? { rowsSha256: r.rows_sha256 } : {}),
    ...(r.summary_msg ? { summaryMsg: r.summary_msg } : {}),
  }));
}

/**
 * An entry's summary as a message, when it has one that says exactly what its English text says;
 * null for entries made before schema 6 and for any whose two forms disagree (which `audit` reports).
 */
export function summaryMessage(e: StoredEvent): Msg | null {
  if (!e.summaryMsg) return null;
  try {
    const m = JSON.parse(e.summaryMsg) as Msg;
    return summaryText(m, e.summary.endsWith(CLOCK_MARK)) === e.summary ? m : null;
  } catch {
    return null;
  }
}
