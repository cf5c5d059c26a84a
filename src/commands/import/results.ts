// inspect results import FILE: enter inspection results, strictly, all or nothing. A changed result is
// appended (the old value stays on record); 6 and C are flagged for the 经营异常名录.
import { parsePastAsOf } from '../../cli/optionParsers.js';
import { basename } from 'node:path';
import { ABNORMAL_LIST_CODES, drawIdOfTask, resultProblems } from '../../core/results.js';
import { PUBLISH_WITHIN } from '../../core/report.js';
import { addWorkingDays } from '../../core/calendar.js';
import { loadCalendar } from '../../io/calendarData.js';
import { SCHEMAS } from '../../core/rosters.js';
import { type Problem } from '../../core/validateRow.js';

import { nowWithOffset } from '../../io/clock.js';
import type { Db } from '../../io/db.js';
import { currentResult, drawFacts, insertResult, objectAtPosition, resultRowsDigest } from '../../io/resultsStore.js';
import type { Context } from '../../cli/context.js';
import type { ResultsOptions } from '../../cli/flags.js';
import { runStagedImport, type ImportWriter } from './stagedImport.js';

export interface ResultsSummary {
  file: string;
  sha256: string;
  dryRun: boolean;
  rowsRead: number;
  added: number;
  changed: number;
  unchanged: number;
  rejected: number;
  abnormalList: string[];
  /** Results entered whose 20-working-day publication deadline had already passed (row, object, deadline). */
  pastDeadline: { row: number; objectId: string; deadline: string; provisional: boolean }[];
}

export async function runResultsImport(ctx: Context, file: string, opts: ResultsOptions): Promise<ResultsSummary> {
  const asOf = parsePastAsOf(opts.asOf);
  const summary = await runStagedImport<ResultsSummary>(ctx, {
    kind: 'results',
    file,
    opts,
    writer: ({ db, importId }) => ({ writer: resultsWriter(ctx, db, importId, file, opts, asOf), refs: {} }),
  });
  const { ui } = ctx;
  if (summary.abnormalList.length)
    ui.warn('W_ABNORMAL', { count: summary.abnormalList.length, codes: summary.abnormalList.join(' ') });
  // Entered after its deadline: it must be published today, and it will be named as published late.
  for (const l of summary.pastDeadline.slice(0, 20))
    ui.warn('W_RESULT_PAST_DEADLINE', {
      row: l.row,
      id: l.objectId,
      deadline: l.provisional ? { key: 'T_PROVISIONAL_DEADLINE', params: { date: l.deadline } } : l.deadline,
    });
  if (ui.json) ui.outJson(summary);
  else ui.out(`${ui.t('I_RESULTS_DONE', summary as never)}${summary.dryRun ? ui.t('I_DRY_RUN_RESULTS') : ''}`);
  return summary;
}

/**
 * How result rows are written: each checked against its draw (selected object, completion inside the
 * window and not after the as-of day), a repeat within the file refused, and a changed result appended
 * beside the old one (which stays on record).
 */
function resultsWriter(
  ctx: Context,
  db: Db,
  importId: number,
  file: string,
  opts: ResultsOptions,
  asOf: string,
): ImportWriter<ResultsSummary> {
  const at = nowWithOffset();
  const facts = drawFacts(db);
  const calendar = loadCalendar();
  const pastDeadline: ResultsSummary['pastDeadline'] = [];
  const col = (k: string) => SCHEMAS.results.columns.find((c) => c.key === k)!.zh;
  const seen = new Map<string, number>();
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  const abnormal: string[] = [];
  return {
    row(r, row) {
      const drawId = drawIdOfTask(r.draw_id!);
      const cross = resultProblems(
        { credit_code: r.credit_code!, completed_on: r.completed_on! },
        facts.get(drawId),
        asOf,
      );
      // A task number (抽查编号 with its -NNNN) names one selected firm: it must be this row's.
      const task = /^(.+)-(\d{4})$/.exec(r.draw_id!.trim());
      if (task) {
        const owner = objectAtPosition(db, drawId, Number(task[2]));
        if (owner !== undefined && owner !== r.credit_code)
          cross.push({
            column: 'draw',
            reason: { key: 'R_TASK_OTHER_FIRM', params: { task: r.draw_id!, expected: owner, found: r.credit_code! } },
          });
      }
      const key = `${drawId}\u0000${r.credit_code}`;
      if (seen.has(key))
        cross.push({ column: 'code', reason: { key: 'R_DUPLICATE', params: { first: seen.get(key)! } } });
      else seen.set(key, row);
      if (cross.length) {
        return cross.map((c): Problem => {
          const column = c.column === 'draw' ? 'draw_id' : c.column === 'code' ? 'credit_code' : 'completed_on';
          return { row, column: col(column), value: r[column]!, reason: c.reason, severity: 'error' };
        });
      }
      const cur = currentResult(db, drawId, r.credit_code!);
      const same =
        cur &&
        cur.completed_on === r.completed_on &&
        cur.result_code === r.result &&
        cur.follow_up === r.follow_up &&
        cur.notes === r.notes;
      if (same) unchanged++;
      else {
        insertResult(db, {
          drawId,
          objectId: r.credit_code!,
          completedOn: r.completed_on!,
          code: r.result!,
          followUp: r.follow_up!,
          notes: r.notes!,
          importId,
          row,
          at,
          operator: ctx.operator,
        });
        if (cur) changed++;
        else added++;
        const d = addWorkingDays(r.completed_on!, PUBLISH_WITHIN, calendar);
        if (asOf > d.date)
          pastDeadline.push({ row, objectId: r.credit_code!, deadline: d.date, provisional: d.provisional });
        if (ABNORMAL_LIST_CODES.has(r.result!)) abnormal.push(r.credit_code!);
      }
      return [];
    },
    finish({ rowsRead, rejected, sha256 }) {
      const summary: ResultsSummary = {
        file,
        sha256,
        dryRun: Boolean(opts.dryRun),
        rowsRead,
        added,
        changed,
        unchanged,
        rejected,
        abnormalList: abnormal,
        pastDeadline,
      };
      return {
        summary,
        record: { imported: added + changed },
        action: 'results.import',
        log: {
          key: 'L_RESULTS',
          params: {
            file: basename(file),
            sha256,
            added,
            changed,
            unchanged,
            rejected,
            abnormal: abnormal.length ? { key: 'L_ABNORMAL', params: { objects: abnormal.join(' ') } } : '',
          },
        },
        // The payload is the result rows themselves, so `audit` can recompute it from the table.
        payloadSha256: opts.dryRun ? '' : resultRowsDigest(db, importId),
      };
    },
  };
}
