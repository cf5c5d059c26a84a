// The one import pipeline behind `inspect import` and `inspect results import`: read the file row by row,
// validate every row (core), hand the valid ones to the caller's writer, and keep the whole import in
// one write transaction that commits only when every row is good (or --skip-invalid was given), with
// its imports row and its log entry. A dry run does all the work, then rolls it back. Problems go to
// the screen and, with --errors or --skip-invalid, to a CSV beside the input.
import { existsSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Exit, InspectError } from '../../core/errors.js';
import { checkOutput, guardInput } from '../../io/outputGuard.js';
import type { Msg } from '../../core/messages.js';
import type { SchemaKind } from '../../core/rosters.js';
import {
  headerHint,
  mapHeader,
  rowValidator,
  type HeaderMap,
  type Problem,
  type RefSets,
} from '../../core/validateRow.js';
import { fastRecordKeys, fastRowValidator } from '../../core/validateFast.js';
import { recordOf } from '../../core/rowPacking.js';
import { nowWithOffset } from '../../io/clock.js';
import type { CsvReader, Encoding } from '../../io/csvRead.js';
import { openImportCsv } from '../../io/csvParallel.js';
import { csvText, writeFileAtomic } from '../../io/csvWrite.js';
import { openDb, writeTransaction, type Db } from '../../io/db.js';
import { appendEvent } from '../../io/events.js';
import { finishImport, insertImport, type ImportRecord } from '../../io/rosterStore.js';
import type { Context } from '../../cli/context.js';
import type { ImportOptions } from '../../cli/flags.js';

const SCREEN_LIMIT = 50;
const NONE: never[] = [];

/** The flags both imports share (declared in flags.ts). */
export type StagedOptions = Pick<ImportOptions, 'skipInvalid' | 'dryRun' | 'errors' | 'force'>;

/** What the caller's writer sees once the header is mapped. */
export interface ImportStart {
  db: Db;
  importId: number;
  header: string[];
  map: HeaderMap;
  reader: CsvReader;
}

/** The caller's part: how valid rows are written, what is checked across rows, and what is logged. */
export interface ImportWriter<S> {
  /** A valid row. Returns problems that reject it after all (checks against the database or other rows). */
  row(record: Record<string, string>, row: number, cells: string[], allowed: readonly string[]): Problem[] | void;
  /**
   * A row the parse worker's fast path accepted, as its record's values (at values[at …], in
   * fastRecordKeys order, the roster's column order), for a writer that can take them without a
   * record; else row() gets the record. Only with rowsFinal.
   */
  rowValues?(values: readonly string[], at: number, row: number): void;
  /** A row the validator rejected. */
  rejected?(row: number, cells: string[]): void;
  /** After the last row: problems found across rows, each rejecting its row (cells when known). */
  afterRows?(): { problems: Problem[]; rows: [number, string[]][] };
  /**
   * Everything that stays is valid: the last writes (a merge, retirement) and the import's outcome.
   * Runs in the transaction, also in a dry run (which is rolled back after it).
   */
  finish(done: {
    rowsRead: number;
    rejected: number;
    warnings: number;
    sha256: string;
  }): Promise<Finished<S>> | Finished<S>;
}

export interface Finished<S> {
  summary: S;
  /** The imports row's final counts. */
  record: Partial<ImportRecord>;
  /** The log entry. */
  action: string;
  log: Msg;
  payloadSha256: string;
}

export interface StagedImport<S> {
  kind: SchemaKind;
  file: string;
  encoding?: Encoding;
  opts: StagedOptions;
  /** A first import may create the database (a dry run then checks against an empty one in memory). */
  create?: boolean;
  /**
   * The writer's row() never rejects a row the validator accepted: the parse worker may then validate
   * rows itself, and a clean row's raw cells are not kept (an errors file only needs a rejected row's).
   */
  rowsFinal?: boolean;
  /**
   * Called once the header is mapped, with the database open and the transaction begun: the rows'
   * writer, and the sets the validator checks references against.
   */
  writer(start: ImportStart): { writer: ImportWriter<S>; refs: RefSets };
}

/** Thrown inside the transaction to roll a dry run back after it has done all the work of a real one. */
class DryRunDone extends Error {
  constructor(readonly summary: unknown) {
    super('dry run');
  }
}

/**
 * Runs one import. Returns the writer's summary (also for a dry run). Exit 65 when rows are invalid and
 * --skip-invalid was not given (nothing written), with every problem reported.
 */
export async function runStagedImport<S>(ctx: Context, spec: StagedImport<S>): Promise<S> {
  const { ui } = ctx;
  const { file, opts } = spec;
  checkErrorsTarget(file, opts);
  const reader = await openImportCsv(file, spec.encoding);
  const created = Boolean(spec.create) && !existsSync(ctx.dbPath);
  const db = opts.dryRun && created ? openDb(':memory:') : ctx.openDb({ create: spec.create });
  const problems: Problem[] = [];
  const rejected = new Map<number, string[]>();
  let header: string[] = [];
  let failed = false;
  const progress = ui.progress(reader.size, basename(file));
  const warnedBefore = ui.warned;
  // A summary's `warnings` is every warning this import printed (file-level ones such as an unknown column
  // or a mass retirement included) plus the row warnings past the screen limit.
  const counted = (summary: S, hidden: number): S => {
    const s = summary as S & { warnings?: unknown };
    if (typeof s.warnings === 'number') s.warnings = ui.warned - warnedBefore + hidden;
    return summary;
  };
  try {
    const summary = await writeTransaction(db, ctx.dbPath, async () => {
      const at = nowWithOffset();
      const base: ImportRecord = {
        kind: spec.kind,
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
      let writer: ImportWriter<S> | undefined;
      let headerError: { msg: Msg; first: string[] } | undefined;
      let validate: ReturnType<typeof rowValidator> | undefined;
      let clean: ReturnType<typeof fastRowValidator> | undefined;
      let rowsRead = 0;
      let lastProgress = 0;
      for await (const batch of reader.batches()) {
        for (const { cells, row, values, at, checked } of batch) {
          if (!validate) {
            // The row after a header that did not map: what it looks like decides the hint.
            if (headerError) throw headerFailure(spec.kind, file, headerError, cells);
            header = cells;
            const m = mapHeader(spec.kind, cells);
            if (!m.ok) {
              // Read one more row first: it tells a title row above the header from another roster's file.
              headerError = { msg: { key: m.error.key, params: { file, ...m.error } }, first: cells };
              reader.raw();
              continue;
            }
            warnUnknownColumns(ui, file, m.map.unknown);
            const made = spec.writer({ db, importId, header, map: m.map, reader });
            writer = made.writer;
            validate = rowValidator(spec.kind, m.map, made.refs);
            clean = fastRowValidator(spec.kind, m.map, made.refs);
            // The worker can take the fast path only with reference sets it can be sent (a lookup in
            // the database cannot), and only when no clean row's cells are needed later.
            reader.prevalidate(spec.kind, m.map, spec.rowsFinal && !made.refs.objects ? made.refs : null);
            continue;
          }
          rowsRead++;
          if (values) {
            // Accepted by the fast path in the parse worker (only with rowsFinal: row() cannot reject it).
            if (writer!.rowValues) writer!.rowValues(values, at!, row);
            else if (writer!.row(recordOf(fastRecordKeys(spec.kind), values, at!), row, cells, NONE)?.length)
              throw new Error(`row ${row} was rejected by a writer declared rowsFinal`);
            continue;
          }
          // A clean row takes the compiled path; any other is validated in full, for every problem.
          const fast = checked ? null : clean!(cells);
          const v = fast ? { record: fast, problems: NONE, allowed: NONE } : validate(cells, row);
          if (v.problems.length) problems.push(...v.problems);
          const late = v.record ? writer!.row(v.record, row, cells, v.allowed) : undefined;
          if (!v.record || (late && late.length)) {
            if (late) problems.push(...late);
            rejected.set(row, cells);
            if (!v.record) writer!.rejected?.(row, cells);
          }
        }
        if (rowsRead - lastProgress >= 50000) {
          progress.update(reader.bytesRead());
          lastProgress = rowsRead;
        }
      }
      progress.stop();
      if (headerError) throw headerFailure(spec.kind, file, headerError, undefined);
      if (!writer) throw new InspectError(Exit.data, { key: 'E_EMPTY_FILE', params: { file } });
      if (rowsRead === 0) throw new InspectError(Exit.data, { key: 'E_HEADER_ONLY', params: { file } });
      const across = writer.afterRows?.();
      if (across) {
        problems.push(...across.problems);
        for (const [row, cells] of across.rows) rejected.set(row, cells);
      }
      if (rejected.size && !opts.skipInvalid) {
        throw new InspectError(Exit.data, { key: 'E_IMPORT_INVALID', params: { file, count: rejected.size } });
      }
      const warnings = problems.filter((p) => p.severity === 'warning').length;
      const done = await writer.finish({ rowsRead, rejected: rejected.size, warnings, sha256: reader.sha256() });
      if (opts.dryRun) throw new DryRunDone(done.summary);
      const final: ImportRecord = {
        ...base,
        sha256: reader.sha256(),
        rowsRead,
        rejected: rejected.size,
        finishedAt: nowWithOffset(),
        ...done.record,
      };
      finishImport(db, importId, final);
      appendEvent(db, {
        at: final.finishedAt,
        operator: ctx.operator,
        action: done.action,
        summary: done.log,
        payloadSha256: done.payloadSha256,
        ref: `imports:${importId}`,
      });
      return done.summary;
    });
    // A first import made the database: said, with where, so a clerk in the wrong folder notices.
    if (created) ui.info('I_CREATED_DB', { db: resolve(ctx.dbPath) });
    return counted(summary, reportProblems(ctx, file, problems, header, rejected, opts));
  } catch (e) {
    progress.stop();
    if (e instanceof DryRunDone) {
      const hidden = reportProblems(ctx, file, problems, header, rejected, opts);
      if (rejected.size > 0 && !opts.skipInvalid)
        throw new InspectError(Exit.data, { key: 'E_IMPORT_INVALID', params: { file, count: rejected.size } });
      return counted(e.summary as S, hidden);
    }
    if (e instanceof InspectError && e.msg.key === 'E_IMPORT_INVALID')
      reportProblems(ctx, file, problems, header, rejected, opts);
    failed = true;
    throw e;
  } finally {
    db.close();
    // A first import that failed leaves no database behind: there was none before.
    if (failed && created)
      for (const f of [ctx.dbPath, `${ctx.dbPath}-wal`, `${ctx.dbPath}-shm`]) rmSync(f, { force: true });
  }
}

function problemMsg(file: string, p: Problem): Msg {
  return {
    key: 'PROBLEM',
    params: { file: basename(file), row: p.row, column: p.column || '-', value: p.value || '∅', reason: p.reason },
  };
}

/** Unknown columns are named up to the screen limit: a header of 200,000 columns is not 200,000 lines. */
function warnUnknownColumns(ui: Context['ui'], file: string, unknown: { header: string; index: number }[]): void {
  for (const u of unknown.slice(0, SCREEN_LIMIT))
    ui.warn('W_UNKNOWN_COLUMN', { file, column: u.header, index: u.index });
  if (unknown.length > SCREEN_LIMIT) ui.warn('W_UNKNOWN_COLUMNS_MORE', { file, count: unknown.length - SCREEN_LIMIT });
}

/** Where every problem goes: --errors FILE, or with --skip-invalid FILE.errors.csv beside the input. */
function errorsTarget(file: string, opts: StagedOptions): string | undefined {
  return opts.errors ?? (opts.skipInvalid ? `${basename(file)}.errors.csv` : undefined);
}

/** Refused before anything is read (exit 73): an errors file is never overwritten without --force. */
function checkErrorsTarget(file: string, opts: StagedOptions): void {
  const target = errorsTarget(file, opts);
  // Never the file being imported, the database, a device, a folder or a link, even with --force.
  guardInput(file);
  if (target) checkOutput(target);
  if (target && existsSync(target) && !opts.force)
    throw new InspectError(Exit.cantCreate, { key: 'E_OUTPUT_EXISTS', params: { file: target } });
}

/** Problems on screen (up to the limit), and all of them in the errors file with the rejected rows' cells. */
/** A header that does not map, with what the first two rows suggest (a title row, another roster). */
function headerFailure(
  kind: SchemaKind,
  file: string,
  failed: { msg: Msg; first: string[] },
  second: string[] | undefined,
): InspectError {
  const hint = headerHint(kind, failed.first, second);
  const details: Msg[] = hint ? [{ ...hint, params: { ...hint.params, file } }] : [];
  return new InspectError(Exit.data, failed.msg, details);
}

function reportProblems(
  ctx: Context,
  file: string,
  problems: Problem[],
  header: string[],
  rejected: Map<number, string[]>,
  opts: StagedOptions,
): number {
  const { ui } = ctx;
  const sorted = [...problems].sort(
    (a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
  const shown = sorted.slice(0, SCREEN_LIMIT);
  for (const p of shown) (p.severity === 'error' ? ui.error.bind(ui) : ui.warn.bind(ui))(problemMsg(file, p));
  if (sorted.length > shown.length) ui.info('E_IMPORT_MORE', { count: sorted.length - shown.length });
  const errorsFile = rejected.size > 0 || opts.errors ? errorsTarget(file, opts) : undefined;
  if (errorsFile && sorted.length > 0) {
    const heads = ui.t('TH_ERRORS_FILE').split('|');
    const rows = sorted.map((p) => [
      String(p.row),
      p.column,
      p.value,
      ui.t(`T_SEVERITY_${p.severity}`),
      ui.t(p.reason),
      ...(rejected.get(p.row) ?? []),
    ]);
    writeFileAtomic(errorsFile, csvText([...heads, ...header], rows, { excel: true }), { force: Boolean(opts.force) });
    ui.info('I_ERRORS_WRITTEN', { file: errorsFile });
  }
  return sorted.slice(SCREEN_LIMIT).filter((p) => p.severity === 'warning').length;
}
