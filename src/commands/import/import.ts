// inspect import <kind> FILE: read → validate (core) → write in one transaction, or nothing at all. The
// pipeline is the staged import shared with `results import`; this file says how roster rows are written.
import { readRegularText, READ_LIMITS } from '../../io/safeRead.js';
import { damagedNames } from '../../io/rosterStore.js';
import { basename } from 'node:path';
import { Exit, InspectError } from '../../core/errors.js';
import { rosterNames, type Msg } from '../../core/messages.js';
import { SCHEMAS, type RosterKind } from '../../core/rosters.js';
import { checkDepartmentTree, type HeaderMap, type Problem } from '../../core/validateRow.js';
import type { Encoding } from '../../io/csvRead.js';
import type { Db } from '../../io/db.js';
import { askConfirm } from '../../io/prompts.js';
import { rosterDigests } from '../../io/rosterDigest.js';
import { currentCount, historyWriter, loadRefs, retireAbsent, stager } from '../../io/rosterStore.js';
import type { ImportOptions } from '../../cli/flags.js';
import type { Context } from '../../cli/context.js';
import { parseEncoding, parseKind } from '../../cli/optionParsers.js';
import { runStagedImport, type ImportWriter } from './stagedImport.js';

export type { ImportOptions };

/** Retiring more than this share of the current roster needs --full-roster or a yes at the terminal. */
const RETIRE_LIMIT_PERCENT = 10;

function readAllowCodes(file: string | undefined): Set<string> | undefined {
  if (!file) return undefined;
  const text = readRegularText(file, READ_LIMITS.allowCodes);
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
  const allowCodes = readAllowCodes(opts.allowCodes);
  const { ui } = ctx;
  const started = process.hrtime.bigint();
  const summary = await runStagedImport<ImportSummary>(ctx, {
    kind,
    file,
    encoding,
    opts,
    create: true,
    rowsFinal: true, // row() below never rejects a valid row
    writer: ({ db, importId, header, map, reader }) => {
      const { refs, unchecked } = loadRefs(db, kind);
      if (allowCodes) refs.allowCodes = allowCodes;
      for (const r of unchecked) ui.warn('W_REFS_UNCHECKED', { roster: rosterNames[r]![ui.lang] });
      const writer = rosterWriter(ctx, {
        db,
        importId,
        header,
        map,
        kind,
        file,
        opts,
        started,
        encoding: reader.encoding,
      });
      return { writer, refs };
    },
  });
  report(ctx, summary);
  return summary;
}

/** How a roster's rows are written: staged and merged (current rosters), or appended (history). */
function rosterWriter(
  ctx: Context,
  w: {
    db: Db;
    importId: number;
    header: string[];
    map: HeaderMap;
    kind: RosterKind;
    file: string;
    opts: ImportOptions;
    started: bigint;
    encoding: Encoding;
  },
): ImportWriter<ImportSummary> {
  const { ui } = ctx;
  const { db, kind, importId, file, opts } = w;
  const currentBefore = kind === 'history' ? 0 : currentCount(db, kind);
  const stage = kind === 'history' ? null : stager(db, kind);
  const writeHistory = kind === 'history' ? historyWriter(db, importId) : null;
  const keyCol = SCHEMAS[kind].columns.find((c) => c.key === SCHEMAS[kind].key[0])!;
  // For each file column, the schema key it maps to (undefined for unknown columns).
  const keyOfColumn: (string | undefined)[] = [];
  for (const [k, i] of w.map.index) keyOfColumn[i] = k;
  const allowed = new Set<string>();
  const deptRows: { row: number; code: string; parent: string }[] = [];
  let imported = 0;
  let alreadyPresent = 0;
  return {
    row(record, row, _cells, allowedCodes) {
      for (const c of allowedCodes) allowed.add(c);
      if (writeHistory) {
        if (writeHistory(record, row)) imported++;
        else alreadyPresent++;
      } else stage!.stage(record, row);
      if (kind === 'departments') deptRows.push({ row, code: record.code!, parent: record.parent! });
    },
    // A clean row from the parse worker goes straight to the stage (no record object); departments
    // keep row(), which also collects the tree.
    ...(stage && kind !== 'departments'
      ? {
          rowValues(values: readonly string[], at: number, row: number) {
            stage.stageValues(values, at, row);
          },
        }
      : {}),
    rejected(_row, cells) {
      // A rejected row's key stays in the roster as it was: its absence from the file is not a retirement.
      const i = keyOfColumn.indexOf(keyCol.key);
      const rawKey = i < 0 ? '' : (cells[i] ?? '').trim();
      if (rawKey && stage) stage.keep(kind === 'objects' ? rawKey.toUpperCase() : rawKey);
    },
    afterRows() {
      const problems: Problem[] = [];
      const rows: [number, string[]][] = [];
      if (stage) {
        // A name Excel's GBK CSV turned into `?` must not silently replace the real one.
        if (kind === 'objects') {
          const damaged = damagedNames(db);
          if (damaged.length) {
            const lines = damaged.slice(0, 20).map((d): Msg => ({
              key: 'E_DAMAGED_NAME_ROW',
              params: { row: d.row, code: d.code, stored: d.stored, given: d.given },
            }));
            if (!opts.acceptDamagedNames)
              throw new InspectError(
                Exit.data,
                { key: 'E_DAMAGED_NAMES', params: { file: basename(file), count: damaged.length } },
                lines,
              );
            ui.warn('W_DAMAGED_NAMES', { file: basename(file), count: damaged.length });
            for (const l of lines) ui.warn(l);
          }
        }
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
          rows.push([d.row, w.header.map((_, i) => d.values[keyOfColumn[i] ?? ''] ?? '')]);
        }
      }
      if (kind === 'departments') {
        const parentHeader = SCHEMAS.departments.columns[3]!.zh;
        for (const p of checkDepartmentTree(deptRows, parentHeader)) {
          problems.push(p);
          rows.push([p.row, []]);
        }
      }
      return { problems, rows };
    },
    async finish({ rowsRead, rejected, warnings, sha256 }) {
      // A department tree with holes cannot be half-loaded, even with --skip-invalid: the hierarchy
      // decides what "a higher level" is.
      if (kind === 'departments' && rejected > 0)
        throw new InspectError(Exit.data, { key: 'E_IMPORT_INVALID', params: { file, count: rejected } });
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
          if (!(await askConfirm(ui, ui.t('I_CONFIRM_RETIRE', params))))
            throw new InspectError(Exit.cancelled, { key: 'E_CANCELLED' });
          retireNote = { key: 'L_RETIRE_CONFIRMED' };
        } else throw new InspectError(Exit.data, { key: 'E_MASS_RETIRE', params });
        if (opts.fullRoster) retireNote = { key: 'L_RETIRE_FULL_ROSTER' };
      }
      const seconds = Number(process.hrtime.bigint() - w.started) / 1e9;
      const allowedCodes = [...allowed].sort();
      const summary: ImportSummary = {
        kind,
        file,
        sha256,
        encoding: w.encoding,
        dryRun: Boolean(opts.dryRun),
        rowsRead,
        imported,
        rejected,
        retired,
        alreadyPresent,
        warnings,
        allowedCodes,
        seconds,
        rowsPerSecond: Math.round(rowsRead / Math.max(seconds, 1e-6)),
        importId: opts.dryRun ? null : importId,
      };
      // The digests are of what the import leaves (not needed for a dry run, which is rolled back).
      const digests = opts.dryRun ? { roster: '', table: '' } : rosterDigests(db, kind);
      return {
        summary,
        record: { imported, retired, allowedCodes, rosterSha256: digests.roster, tableSha256: digests.table },
        action: `import.${kind}`,
        log: {
          key: 'L_IMPORT',
          params: {
            kind: { key: `L_ROSTER_${kind}` },
            file: basename(file),
            imported,
            rejected,
            retired,
            allowed: allowedCodes.length ? { key: 'L_ALLOWED_CODES', params: { codes: allowedCodes.join(' ') } } : '',
            rosterDigest: digests.roster,
            retire: retireNote,
          },
        },
        payloadSha256: sha256,
      };
    },
  };
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
