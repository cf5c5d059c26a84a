// inspect results import FILE: enter inspection results, strictly, all or nothing. A changed result is
// appended (the old value stays on record); 6 and C are flagged for the 经营异常名录.
import { parsePastAsOf } from './optionParsers.js';
import { basename } from 'node:path';
import { Exit, InspectError } from '../core/errors.js';
import { ABNORMAL_LIST_CODES, drawIdOfTask, resultProblems } from '../core/results.js';
import { SCHEMAS } from '../core/rosters.js';
import { mapHeader, rowValidator, type Problem } from '../core/validateRow.js';

import { nowWithOffset } from '../io/clock.js';
import { openCsv } from '../io/csvRead.js';
import { writeTransaction } from '../io/db.js';
import { appendEvent } from '../io/events.js';
import { currentResult, drawFacts, insertResult, resultRowsDigest } from '../io/resultsStore.js';
import { finishImport, insertImport, type ImportRecord } from '../io/rosterStore.js';
import type { Context } from './context.js';
import type { ResultsOptions } from '../flags.js';
import { checkErrorsTarget, reportProblems, warnUnknownColumns } from './import.js';

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
}

class DryRun extends Error {
  constructor(readonly summary: ResultsSummary) {
    super('dry run');
  }
}

export async function runResultsImport(ctx: Context, file: string, opts: ResultsOptions): Promise<ResultsSummary> {
  const { ui } = ctx;
  const asOf = parsePastAsOf(opts.asOf);
  checkErrorsTarget(file, opts);
  const reader = await openCsv(file);
  const db = ctx.openDb();
  const problems: Problem[] = [];
  const rejected = new Map<number, string[]>();
  let header: string[] = [];
  const col = (k: string) => SCHEMAS.results.columns.find((c) => c.key === k)!.zh;
  try {
    const summary = await writeTransaction(db, ctx.dbPath, async () => {
      const at = nowWithOffset();
      const facts = drawFacts(db);
      const base: ImportRecord = {
        kind: 'results',
        fileName: basename(file),
        sha256: '',
        encoding: reader.encoding,
        rowsRead: 0,
        imported: 0,
        rejected: 0,
        retired: 0,
        allowedCodes: [],
        startedAt: at,
        finishedAt: at,
        operator: ctx.operator,
      };
      const importId = insertImport(db, base);
      let validate: ReturnType<typeof rowValidator> | undefined;
      const seen = new Map<string, number>();
      let rowsRead = 0,
        added = 0,
        changed = 0,
        unchanged = 0;
      const abnormal: string[] = [];
      for await (const { cells, row } of reader.rows()) {
        if (!validate) {
          header = cells;
          const m = mapHeader('results', cells);
          if (!m.ok) throw new InspectError(Exit.data, { key: m.error.key, params: { file, ...m.error } });
          warnUnknownColumns(ui, file, m.map.unknown);
          validate = rowValidator('results', m.map, {});
          continue;
        }
        rowsRead++;
        const v = validate(cells, row);
        problems.push(...v.problems);
        if (!v.record) {
          rejected.set(row, cells);
          continue;
        }
        const r = v.record;
        const drawId = drawIdOfTask(r.draw_id!);
        const cross = resultProblems(
          { credit_code: r.credit_code!, completed_on: r.completed_on! },
          facts.get(drawId),
          asOf,
        );
        const key = `${drawId}\u0000${r.credit_code}`;
        if (seen.has(key))
          cross.push({ column: 'code', reason: { key: 'R_DUPLICATE', params: { first: seen.get(key)! } } });
        else seen.set(key, row);
        if (cross.length) {
          for (const c of cross) {
            const column =
              c.column === 'draw' ? col('draw_id') : c.column === 'code' ? col('credit_code') : col('completed_on');
            const value = c.column === 'draw' ? r.draw_id! : c.column === 'code' ? r.credit_code! : r.completed_on!;
            problems.push({ row, column, value, reason: c.reason, severity: 'error' });
          }
          rejected.set(row, cells);
          continue;
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
          if (ABNORMAL_LIST_CODES.has(r.result!)) abnormal.push(r.credit_code!);
        }
      }
      if (!validate) throw new InspectError(Exit.data, { key: 'E_EMPTY_FILE', params: { file } });
      if (rowsRead === 0) throw new InspectError(Exit.data, { key: 'E_HEADER_ONLY', params: { file } });
      if (rejected.size && !opts.skipInvalid)
        throw new InspectError(Exit.data, { key: 'E_IMPORT_INVALID', params: { file, count: rejected.size } });
      const s: ResultsSummary = {
        file,
        sha256: reader.sha256(),
        dryRun: Boolean(opts.dryRun),
        rowsRead,
        added,
        changed,
        unchanged,
        rejected: rejected.size,
        abnormalList: abnormal,
      };
      if (opts.dryRun) throw new DryRun(s);
      finishImport(db, importId, {
        ...base,
        sha256: s.sha256,
        rowsRead,
        imported: added + changed,
        rejected: rejected.size,
        finishedAt: nowWithOffset(),
      });
      // The payload is the result rows themselves, so `audit` can recompute it from the table.
      appendEvent(db, {
        at,
        operator: ctx.operator,
        action: 'results.import',
        summary: {
          key: 'L_RESULTS',
          params: {
            file: basename(file),
            sha256: s.sha256,
            added,
            changed,
            unchanged,
            rejected: rejected.size,
            abnormal: abnormal.length ? { key: 'L_ABNORMAL', params: { objects: abnormal.join(' ') } } : '',
          },
        },
        payloadSha256: resultRowsDigest(db, importId),
        ref: `imports:${importId}`,
      });
      return s;
    });
    finish(ctx, file, summary, problems, header, rejected, opts);
    return summary;
  } catch (e) {
    if (e instanceof DryRun) {
      finish(ctx, file, e.summary, problems, header, rejected, opts);
      if (e.summary.rejected && !opts.skipInvalid)
        throw new InspectError(Exit.data, { key: 'E_IMPORT_INVALID', params: { file, count: e.summary.rejected } });
      return e.summary;
    }
    if (e instanceof InspectError && e.msg.key === 'E_IMPORT_INVALID')
      reportProblems(ctx, file, problems, header, rejected, opts);
    throw e;
  } finally {
    db.close();
  }
}

function finish(
  ctx: Context,
  file: string,
  s: ResultsSummary,
  problems: Problem[],
  header: string[],
  rejected: Map<number, string[]>,
  opts: ResultsOptions,
) {
  const { ui } = ctx;
  reportProblems(ctx, file, problems, header, rejected, opts);
  if (s.abnormalList.length) ui.warn('W_ABNORMAL', { count: s.abnormalList.length, codes: s.abnormalList.join(' ') });
  if (ui.json) ui.outJson(s);
  else ui.out(`${ui.t('I_RESULTS_DONE', s as never)}${s.dryRun ? ui.t('I_DRY_RUN') : ''}`);
}
