// One path for every tabular export: Excel CSV (UTF-8 BOM, Chinese headers, formula cells escaped),
// machine CSV (--raw: English keys, nothing escaped), xlsx (cells written as text, so nothing evaluates)
// and JSON. Files are written atomically and never overwrite without --force (exit 73).
import { io } from './processIo.js';
import writeXlsxFile from 'write-excel-file/node';

import { csvText, writeFileAtomic } from './csvWrite.js';
import type { Ui } from './ui.js';

export type Format = 'csv' | 'xlsx' | 'json';
export interface TableColumn {
  key: string;
  zh: string;
}
export interface Table {
  columns: TableColumn[];
  rows: Record<string, string>[];
  /** From a practice database: a banner row above the header, `practice: true` in JSON, 演练- file names. */
  practice?: boolean;
  /** The xlsx sheet's name (what Excel shows on the tab), e.g. 任务清单. */
  sheet?: string;
}

/** What every notice and task list of a practice database says first (notices are Chinese documents). */
export const PRACTICE_BANNER =
  '【演练】本文件由演练数据库产生，不是正式抽取或公示（PRACTICE DATA, not an official draw）';

/** A default file name, marked when it comes from a practice database. */
export const exportName = (name: string, practice: boolean | undefined) => (practice ? `演练-${name}` : name);
/**
 * The flags every table export reads (declared with the commands in flags.ts; io does not import the CLI,
 * so the shape is stated here and the commands' option types fit it).
 */
export interface TableOutput {
  format?: string;
  out?: string;
  raw?: boolean;
  force?: boolean;
}
/** The same, as the export commands call it. */
export type ExportOptions = TableOutput;

/** Excel keeps at most 32,767 characters in a cell; a longer one would make the file unreadable. */
export const EXCEL_CELL_MAX = 32767;
const CUT_MARK = '…[已截断 truncated]';

/** A cell Excel can hold: longer text is cut, with a visible mark at the end. */
export function excelCell(value: string): { value: string; cut: boolean } {
  if (value.length <= EXCEL_CELL_MAX) return { value, cut: false };
  return { value: value.slice(0, EXCEL_CELL_MAX - CUT_MARK.length) + CUT_MARK, cut: true };
}

export async function renderTable(
  t: Table,
  format: Format,
  raw: boolean,
  json: unknown = t.rows,
  ui?: Ui,
): Promise<string | Buffer> {
  if (format === 'json') {
    const plain = typeof json === 'object' && json !== null && !Array.isArray(json);
    return `${JSON.stringify(plain ? { ...json, practice: Boolean(t.practice) } : json, null, 2)}\n`;
  }
  const banner = t.practice ? [t.columns.map((_, i) => (i === 0 ? PRACTICE_BANNER : ''))] : [];
  if (format === 'csv') {
    // The banner is the first line, above the header: what anyone opening the file sees first.
    const body = t.rows.map((r) => t.columns.map((c) => r[c.key] ?? ''));
    const lines = [t.columns.map((c) => (raw ? c.key : c.zh)), ...body];
    const [first, ...rest] = [...banner, ...lines];
    return csvText(first!, rest, { excel: !raw });
  }
  const header = t.columns.map((c) => ({ value: c.zh, fontWeight: 'bold' as const }));
  const bannerRow = banner.map((row) => row.map((value) => ({ value, type: String, fontWeight: 'bold' as const })));
  let cut = 0;
  const body = t.rows.map((r) =>
    t.columns.map((c) => {
      const cell = excelCell(r[c.key] ?? '');
      if (cell.cut) cut++;
      return { value: cell.value, type: String };
    }),
  );
  if (cut > 0) ui?.warn('W_XLSX_CUT', { count: cut, max: EXCEL_CELL_MAX });
  return writeXlsxFile([...bannerRow, header, ...body], {
    // Excel's rules for a tab name: at most 31 characters, none of []:*?/\
    sheet: (t.sheet ?? '数据').replace(/[[\]:*?/\\]/g, '_').slice(0, 31),
    columns: t.columns.map((c) => ({ width: Math.min(60, Math.max(10, c.zh.length * 2 + 4)) })),
  }).toBuffer();
}

/** Writes the export; returns where it went ('-' for stdout). */
export async function writeExport(
  ui: Ui,
  t: Table,
  opts: TableOutput & { format: Format },
  defaultName: string,
  json?: unknown,
): Promise<string> {
  const format = opts.format;
  const data = await renderTable(t, format, Boolean(opts.raw), json, ui);
  const out = opts.out ?? (format === 'json' ? '-' : `${exportName(defaultName, t.practice)}.${format}`);
  if (out === '-') {
    // Written directly: with --json the Ui's own output is reserved for the JSON result.
    io().stdout.write(data);
    return '-';
  }
  writeFileAtomic(out, data, { force: Boolean(opts.force) });
  if (!ui.json) ui.info('I_EXPORTED', { file: out, rows: t.rows.length });
  return out;
}
