// inspect export publication --kind result --pending: for a daily job that knows no draw ids. One
// result notice for every current result not yet published, across all standing draws, in a file named
// with the date; the results are marked published in the same transaction as the file is written. A
// second run with nothing new writes nothing, says so, and exits 0.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { resultText } from '../../core/results.js';
import { isPracticeDb } from '../../io/db.js';
import { appendEvent } from '../../io/events.js';
import { exportContext, selectionRows } from '../../io/exportData.js';
import { currentResults, recordPublication } from '../../io/resultsStore.js';
import { exportName, type Table } from '../../io/tableExport.js';
import type { Context } from '../../cli/context.js';
import { publishNotice } from './noticePublisher.js';
import { JSON_SCHEMA_VERSION } from '../../io/ui.js';
import { noticeNames, RESULT_NOTICE_COLUMNS } from './noticeParts.js';
import type { PublicationOptions } from '../../cli/flags.js';
import { parseAsOf, parseFormat } from '../../cli/optionParsers.js';

export interface PendingOutcome {
  publishedOn: string;
  out: string | null;
  results: number;
  draws: { drawId: string; results: number; publicationId: number }[];
}

/** The date's file name, or the next free one (-2, -3, …) when a notice of that day exists already. */
function freeName(base: string, ext: string): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${base}.${ext}` : `${base}-${i}.${ext}`;
    if (!existsSync(name)) return name;
  }
}

export async function runExportPending(ctx: Context, opts: PublicationOptions): Promise<PendingOutcome> {
  const format = parseFormat(opts.format);
  const publishedOn = parseAsOf(opts.asOf);
  const db = ctx.openDb();
  try {
    const pending = currentResults(db).filter((r) => r.published_on === null);
    const byDraw = new Map<string, typeof pending>();
    for (const r of pending) byDraw.set(r.draw_id, [...(byDraw.get(r.draw_id) ?? []), r]);
    const rows: Table['rows'] = [];
    const jsonResults: object[] = [];
    const parts: { drawId: string; seqs: number[] }[] = [];
    for (const [drawId, results] of byDraw) {
      const { items, departments, record, draw } = exportContext(db, drawId);
      if (draw.superseded_by) continue; // a voided draw's results are not published
      const { taskName, authority } = noticeNames(items, record.departments, departments);
      const names = new Map(selectionRows(db, drawId).map((s) => [s.object_id, s.name]));
      for (const r of results) {
        const result = resultText(r.result_code, 'zh');
        rows.push({
          task_no: drawId,
          task_name: taskName,
          authority,
          name: names.get(r.object_id) ?? '',
          credit_code: r.object_id,
          completed_on: r.completed_on,
          result,
        });
        jsonResults.push({
          drawId,
          objectId: r.object_id,
          name: names.get(r.object_id) ?? '',
          completedOn: r.completed_on,
          resultCode: r.result_code,
          result,
        });
      }
      parts.push({ drawId, seqs: results.map((r) => r.seq) });
    }
    if (rows.length === 0) {
      const none: PendingOutcome = { publishedOn, out: null, results: 0, draws: [] };
      if (ctx.ui.json) ctx.ui.outJson(none);
      else ctx.ui.out(ctx.ui.t('I_NOTHING_PENDING'));
      return none;
    }
    const table: Table = { columns: RESULT_NOTICE_COLUMNS, rows, practice: isPracticeDb(db), sheet: '抽查结果公告' };
    const out = opts.out ?? freeName(exportName(`抽查结果公告-${publishedOn}`, table.practice), format);
    const { recorded: draws } = await publishNotice(ctx, db, {
      table,
      format,
      raw: Boolean(opts.raw),
      json: { schemaVersion: JSON_SCHEMA_VERSION, kind: 'result', publishedOn, results: jsonResults },
      out,
      force: Boolean(opts.force),
      // One publication per draw, all naming the same file: each draw's results are marked with it.
      record: ({ sha256: sha, at }) =>
        parts.map((p) => {
          const id = recordPublication(db, {
            drawId: p.drawId,
            kind: 'result',
            publishedOn,
            fileName: basename(out),
            sha256: sha,
            at,
            operator: ctx.operator,
            resultSeqs: p.seqs,
          });
          appendEvent(db, {
            at,
            operator: ctx.operator,
            action: 'publish.result',
            summary: {
              key: 'L_PUBLISH_PENDING',
              params: {
                drawId: p.drawId,
                on: publishedOn,
                results: p.seqs.length,
                others: parts.length - 1,
                file: basename(out),
              },
            },
            payloadSha256: sha,
            ref: `publications:${id}`,
          });
          return { drawId: p.drawId, results: p.seqs.length, publicationId: id };
        }),
    });
    const outcome: PendingOutcome = { publishedOn, out, results: rows.length, draws };
    if (ctx.ui.json) ctx.ui.outJson(outcome);
    else ctx.ui.out(ctx.ui.t('I_PENDING_PUBLISHED', { file: out, results: rows.length, draws: draws.length }));
    return outcome;
  } finally {
    db.close();
  }
}
