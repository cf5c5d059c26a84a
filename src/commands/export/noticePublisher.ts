// The one way a notice (公示) is published, for all three writers (task and result notices, the daily
// pending notice, the commitment notice): rendered in full, written to a temporary file, recorded with
// its log entry in one transaction, then renamed into place (io/publish.ts) — so a notice on disk always
// means it is recorded, whichever kind it is.
import { sha256Hex } from '../../core/canonical.js';
import { nowWithOffset } from '../../io/clock.js';
import type { Db } from '../../io/db.js';
import { writeThenRecord } from '../../io/publish.js';
import { renderTable, type Format, type Table } from '../../io/tableExport.js';
import type { Context } from '../../cli/context.js';

export interface NoticeToPublish<R> {
  table: Table;
  format: Format;
  raw: boolean;
  /** The JSON form of the notice (for --format json). */
  json: unknown;
  /** Where it goes: a file, or '-' for stdout (still recorded: a notice printed to be published). */
  out: string;
  force: boolean;
  /** The record and its log entry, inside the transaction that makes the notice published. */
  record: (written: { sha256: string; at: string }) => R;
}

export interface Published<R> {
  out: string;
  rows: number;
  sha256: string;
  at: string;
  recorded: R;
}

export async function publishNotice<R>(ctx: Context, db: Db, n: NoticeToPublish<R>): Promise<Published<R>> {
  const data = await renderTable(n.table, n.format, n.raw, n.json, ctx.ui);
  const sha256 = sha256Hex(typeof data === 'string' ? Buffer.from(data) : data);
  const at = nowWithOffset();
  const recorded = await writeThenRecord(db, ctx.dbPath, n.out, data, n.force, () => n.record({ sha256, at }));
  return { out: n.out, rows: n.table.rows.length, sha256, at, recorded };
}
