// inspect import <kind> FILE: read → validate (core) → write in one transaction, or nothing at all.
import { parseEncoding, parseKind } from './optionParsers.js';
import { basename } from 'node:path';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Exit, InspectError } from '../core/errors.js';
import { rosterNames, type Msg } from '../core/messages.js';
import { SCHEMAS, type RosterKind } from '../core/rosters.js';
import { checkDepartmentTree, mapHeader, rowValidator, type Problem } from '../core/validateRow.js';
import { openCsv, type Encoding } from '../io/csvRead.js';
import { csvText, writeFileAtomic } from '../io/csvWrite.js';
import { openDb, writeTransaction } from '../io/db.js';
import { appendEvent } from '../io/events.js';
import { nowWithOffset } from '../io/clock.js';
import { rosterDigests } from '../io/rosterDigest.js';
import {
  currentCount,
  finishImport,
  historyWriter,
  insertImport,
  loadRefs,
  retireAbsent,
  stager,
  type ImportRecord,
} from '../io/rosterStore.js';
import { askConfirm } from '../io/prompts.js';
import type { Context } from './context.js';
import type { ImportOptions } from '../flags.js';

export type { ImportOptions };

const SCREEN_LIMIT = 50;
/** Retiring more than this share of the current roster needs --full-roster or a yes at the terminal. */
const RETIRE_LIMIT_PERCENT = 10;

function readAllowCodes(file: string | undefined): Set<string> | undefined {
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InspectError(Exit.noInput, { key: 'E_FILE_MISSING', params: { file } });
  }
  // One code per line (or separated by , ; whitespace); a header line or comments are ignored.
  return new Set(
    text
      .split(/[\s,;，；]+/)
      .map((s) => s.trim().toUpperCase())
      .filter((s) => /^[0-9A-Z]{18}$/.test(s)),
  );
}

export interface ImportSummary {
  kind: RosterKind;
  file: string;
  sha256: string;
  encoding: Encoding;
  dryRun: boolean;
  rowsRead: number;
  imported: number;
  rejected: number;
  retired: number;
  alreadyPresent: number;
  warnings: number;
  allowedCodes: string[];
  seconds: number;
  rowsPerSecond: number;
  importId: number | null;
}

export async function runImport(
  ctx: Context,
  kindArg: string,
  file: string,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const kind = parseKind(kindArg);
  const encoding = parseEncoding(opts.encoding);
  checkErrorsTarget(file, opts);
  const allowCodes = readAllowCodes(opts.allowCodes);
  const { ui } = ctx;
  const started = process.hrtime.bigint();
  const startedAt = nowWithOffset();
  const reader = await openCsv(file, encoding);
  // A dry run on a database that does not exist yet checks against an empty one in memory: it creates nothing.
  const created = !existsSync(ctx.dbPath);
  let failed = false;
  const db = opts.dryRun && created ? openDb(':memory:') : ctx.openDb({ create: true });
  const problems: Problem[] = [];
  const rejectedRows = new Map<number, string[]>();
  let header: string[] = [];
  let rowsRead = 0;
  let imported = 0;
  let alreadyPresent = 0;
  const allowed = new Set<string>();
  const deptRows: { row: number; code: string; parent: string }[] = [];
  const progress = ui.progress(reader.size, basename(file));

  try {
    const summary = await writeTransaction(db, ctx.dbPath, async () => {
      const { refs, unchecked } = loadRefs(db, kind);
      if (allowCodes) refs.allowCodes = allowCodes;
      const record: ImportRecord = {
        kind,
        fileName: basename(file),
        sha256: '',
        encoding: reader.encoding,
        rowsRead: 0,
        imported: 0,
        rejected: 0,
        retired: 0,
        allowedCodes: [],
        startedAt,
        finishedAt: startedAt,
        operator: ctx.operator,
      };
      const currentBefore = kind === 'history' ? 0 : currentCount(db, kind);
      const importId = insertImport(db, record);
      const stage = kind === 'history' ? null : stager(db, kind);
      const writeHistory = kind === 'history' ? historyWriter(db, importId) : null;
      const keyCol = SCHEMAS[kind].columns.find((c) => c.key === SCHEMAS[kind].key[0])!;
      // For each file column, the schema key it maps to (undefined for unknown columns).
      const keyOfColumn: (string | undefined)[] = [];
      let validate: ReturnType<typeof rowValidator> | undefined;
      let lastProgress = 0;

      for await (const { cells, row } of reader.rows()) {
        if (!validate) {
          header = cells;
          const mapped = mapHeader(kind, cells);
          if (!mapped.ok)
            throw new InspectError(Exit.data, { key: mapped.error.key, params: { file, ...mapped.error } });
          warnUnknownColumns(ui, file, mapped.map.unknown);
          for (const r of unchecked) ui.warn('W_REFS_UNCHECKED', { roster: rosterNames[r]![ui.lang] });
          for (const [k, i] of mapped.map.index) keyOfColumn[i] = k;
          validate = rowValidator(kind, mapped.map, refs);
          continue;
        }
        rowsRead++;
        const result = validate(cells, row);
        if (result.problems.length) problems.push(...result.problems);
        if (result.record) {
          for (const c of result.allowed) allowed.add(c);
          if (writeHistory) {
            if (writeHistory(result.record, row)) imported++;
            else alreadyPresent++;
          } else stage!.stage(result.record, row);
          if (kind === 'departments') deptRows.push({ row, code: result.record.code!, parent: result.record.parent! });
        } else {
          rejectedRows.set(row, cells);
          const i = keyOfColumn.indexOf(keyCol.key);
          const rawKey = i < 0 ? '' : (cells[i] ?? '').trim();
          if (rawKey && stage) stage.keep(kind === 'objects' ? rawKey.toUpperCase() : rawKey);
        }
        if (rowsRead - lastProgress >= 50000) {
          progress.update(reader.bytesRead());
          lastProgress = rowsRead;
        }
      }
      progress.stop();
      if (!validate) throw new InspectError(Exit.data, { key: 'E_EMPTY_FILE', params: { file } });
      if (rowsRead === 0) throw new InspectError(Exit.data, { key: 'E_HEADER_ONLY', params: { file } });
      if (stage) {
        const merged = stage.merge(importId);
        imported = merged.written;
        for (const d of merged.duplicates) {
          problems.push({
            row: d.row,
            column: keyCol.zh,
            value: d.key,
            reason: { key: 'R_DUPLICATE', params: { first: d.first } },
            severity: 'error',
          });
          rejectedRows.set(
            d.row,
            header.map((_, i) => d.values[keyOfColumn[i] ?? ''] ?? ''),
          );
        }
      }
      if (kind === 'departments') {
        const parentHeader = SCHEMAS.departments.columns[3]!.zh;
        for (const p of checkDepartmentTree(deptRows, parentHeader)) {
          problems.push(p);
          rejectedRows.set(p.row, []);
        }
      }

      const rejected = rejectedRows.size;
      const hasErrors = rejected > 0;
      if (hasErrors && !opts.skipInvalid) {
        throw new InspectError(Exit.data, { key: 'E_IMPORT_INVALID', params: { file, count: rejected } });
      }
      if (hasErrors && kind === 'departments') {
        // A department tree with holes cannot be half-loaded: the hierarchy decides "higher level".
        throw new InspectError(Exit.data, { key: 'E_IMPORT_INVALID', params: { file, count: rejected } });
      }
      const retired = retireAbsent(db, kind, importId);
      // A 10-row file over a 2,000-row roster would retire 1,990 rows: never silently.
      let retireNote: Msg | '' = '';
      if (retired * 100 > currentBefore * RETIRE_LIMIT_PERCENT && retired > 0) {
        const params = {
          file: basename(file),
          retired,
          before: currentBefore,
          percent: Math.round((retired * 100) / currentBefore),
        };
        if (opts.dryRun || opts.fullRoster) ui.warn('W_MASS_RETIRE', params);
        else if (ui.interactive) {
          progress.stop();
          if (!(await askConfirm(ui, ui.t('I_CONFIRM_RETIRE', params))))
            throw new InspectError(Exit.cancelled, { key: 'E_CANCELLED' });
          retireNote = { key: 'L_RETIRE_CONFIRMED' };
        } else throw new InspectError(Exit.data, { key: 'E_MASS_RETIRE', params });
        if (opts.fullRoster) retireNote = { key: 'L_RETIRE_FULL_ROSTER' };
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const final: ImportRecord = {
        ...record,
        sha256: reader.sha256(),
        rowsRead,
        imported,
        rejected,
        retired,
        allowedCodes: [...allowed].sort(),
        finishedAt: nowWithOffset(),
      };
      const summary: ImportSummary = {
        kind,
        file,
        sha256: final.sha256,
        encoding: reader.encoding,
        dryRun: Boolean(opts.dryRun),
        rowsRead,
        imported,
        rejected,
        retired,
        alreadyPresent,
        warnings: problems.filter((p) => p.severity === 'warning').length,
        allowedCodes: final.allowedCodes,
        seconds,
        rowsPerSecond: Math.round(rowsRead / Math.max(seconds, 1e-6)),
        importId: opts.dryRun ? null : importId,
      };
      if (opts.dryRun) throw new DryRunDone(summary);
      const digests = rosterDigests(db, kind);
      final.rosterSha256 = digests.roster;
      final.tableSha256 = digests.table;
      finishImport(db, importId, final);
      appendEvent(db, {
        at: final.finishedAt,
        operator: ctx.operator,
        action: `import.${kind}`,
        summary: {
          key: 'L_IMPORT',
          params: {
            kind: { key: `L_ROSTER_${kind}` },
            file: final.fileName,
            imported,
            rejected,
            retired,
            allowed: final.allowedCodes.length
              ? { key: 'L_ALLOWED_CODES', params: { codes: final.allowedCodes.join(' ') } }
              : '',
            rosterDigest: final.rosterSha256,
            retire: retireNote,
          },
        },
        payloadSha256: final.sha256,
        ref: `imports:${importId}`,
      });
      return summary;
    });
    reportProblems(ctx, file, problems, header, rejectedRows, opts);
    report(ctx, summary);
    return summary;
  } catch (e) {
    progress.stop();
    if (e instanceof DryRunDone) {
      reportProblems(ctx, file, problems, header, rejectedRows, opts);
      report(ctx, e.summary);
      if (e.summary.rejected > 0 && !opts.skipInvalid)
        throw new InspectError(Exit.data, { key: 'E_IMPORT_INVALID', params: { file, count: e.summary.rejected } });
      return e.summary;
    }
    if (e instanceof InspectError && e.msg.key === 'E_IMPORT_INVALID')
      reportProblems(ctx, file, problems, header, rejectedRows, opts);
    failed = true;
    throw e;
  } finally {
    db.close();
    // A first import that failed leaves no database behind: there was none before.
    if (failed && created)
      for (const f of [ctx.dbPath, `${ctx.dbPath}-wal`, `${ctx.dbPath}-shm`]) rmSync(f, { force: true });
  }
}

/** Thrown to roll the transaction back after a dry run has done all the work of a real one. */
class DryRunDone extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

function problemMsg(file: string, p: Problem): Msg {
  return {
    key: 'PROBLEM',
    params: { file: basename(file), row: p.row, column: p.column || '-', value: p.value || '∅', reason: p.reason },
  };
}

/** Unknown columns are named, up to the same limit as problems; a header of 200,000 columns is not 200,000 lines. */
export function warnUnknownColumns(
  ui: Context['ui'],
  file: string,
  unknown: { header: string; index: number }[],
): void {
  for (const u of unknown.slice(0, SCREEN_LIMIT))
    ui.warn('W_UNKNOWN_COLUMN', { file, column: u.header, index: u.index });
  if (unknown.length > SCREEN_LIMIT) ui.warn('W_UNKNOWN_COLUMNS_MORE', { file, count: unknown.length - SCREEN_LIMIT });
}

/** Where every problem goes: --errors FILE, or with --skip-invalid FILE.errors.csv beside the input. */
function errorsTarget(file: string, opts: ImportOptions): string | undefined {
  return opts.errors ?? (opts.skipInvalid ? `${basename(file)}.errors.csv` : undefined);
}

/** Refused before anything is read (exit 73): an errors file is never overwritten without --force. */
export function checkErrorsTarget(file: string, opts: ImportOptions): void {
  const target = errorsTarget(file, opts);
  if (target && existsSync(target) && !opts.force)
    throw new InspectError(Exit.cantCreate, { key: 'E_OUTPUT_EXISTS', params: { file: target } });
}

export function reportProblems(
  ctx: Context,
  file: string,
  problems: Problem[],
  header: string[],
  rejected: Map<number, string[]>,
  opts: ImportOptions,
): void {
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
}

function report(ctx: Context, s: ImportSummary): void {
  const { ui } = ctx;
  if (ui.json) {
    ui.outJson(s);
    return;
  }
  const params = {
    kind: rosterNames[s.kind]![ui.lang],
    imported: s.imported,
    rejected: s.rejected,
    retired: s.retired,
    seconds: s.seconds.toFixed(2),
    rate: s.rowsPerSecond,
  };
  if (s.alreadyPresent > 0) ui.info('I_HISTORY_DUP', { count: s.alreadyPresent });
  ui.out(ui.t(s.dryRun ? 'I_IMPORT_DRY' : 'I_IMPORT_DONE', params));
}
