// Header mapping and per-row validation for roster files. Pure: the shell hands in the cells and the
// sets of known codes; this returns the canonical record and every problem found.
import { printable } from './text.js';
import { checkCreditCode, isObjectNumber } from './creditCode.js';
import type { Msg, MessageKey } from './messages.js';
import { type Column, type Ref, type SchemaKind, SCHEMAS } from './rosters.js';
import { parseList } from './values.js';

export interface Problem {
  row: number; // spreadsheet row: the header is row 1
  column: string; // the header text as it appears in the file ('' for a whole-row problem)
  value: string;
  reason: Msg;
  severity: 'error' | 'warning';
}

export interface HeaderMap {
  /** For each schema column key present: its index in the file's rows. */
  index: Map<string, number>;
  /** The header text of each file column, for messages. */
  headers: string[];
  unknown: { header: string; index: number }[];
}

const normalise = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .toLowerCase();

export type HeaderResult =
  | { ok: true; map: HeaderMap }
  | {
      ok: false;
      error:
        | { key: 'E_MISSING_COLUMN'; column: string; accepted: string }
        | { key: 'E_DUPLICATE_COLUMN'; column: string; first: number; second: number };
    };

export function mapHeader(kind: SchemaKind, headers: string[]): HeaderResult {
  const columns = SCHEMAS[kind].columns;
  const byName = new Map<string, Column>();
  for (const c of columns) for (const n of [c.zh, c.key, ...c.aliases]) byName.set(normalise(n), c);
  const index = new Map<string, number>();
  const unknown: HeaderMap['unknown'] = [];
  for (const [i, h] of headers.entries()) {
    const col = byName.get(normalise(h));
    if (!col) {
      if (h.trim() !== '') unknown.push({ header: h.trim(), index: i + 1 });
      continue;
    }
    const prev = index.get(col.key);
    if (prev !== undefined)
      return { ok: false, error: { key: 'E_DUPLICATE_COLUMN', column: col.zh, first: prev + 1, second: i + 1 } };
    index.set(col.key, i);
  }
  for (const c of columns) {
    if (c.required && !index.has(c.key)) {
      return {
        ok: false,
        error: { key: 'E_MISSING_COLUMN', column: c.zh, accepted: [c.zh, c.key, ...c.aliases].join(' / ') },
      };
    }
  }
  return { ok: true, map: { index, headers: headers.map((h) => h.replace(/^\uFEFF/, '').trim()), unknown } };
}

/**
 * Why a header did not map, when the file itself says: a title row above the header (the next row maps),
 * or the columns of another roster (an inspectors file given as objects). Null when neither.
 */
export function headerHint(kind: SchemaKind, first: string[], second: string[] | undefined): Msg | null {
  if (second && mapHeader(kind, second).ok) return { key: 'HINT_TITLE_ROW' };
  for (const row of second ? [first, second] : [first])
    for (const other of Object.keys(SCHEMAS) as SchemaKind[])
      if (other !== kind && mapHeader(other, row).ok)
        return { key: other === 'results' ? 'HINT_LOOKS_LIKE_RESULTS' : 'HINT_LOOKS_LIKE', params: { kind: other } };
  return null;
}

export interface RefSets {
  departments?: ReadonlySet<string>;
  items?: ReadonlySet<string>;
  /** Known item categories (for history rows that give a category without an item). */
  categories?: ReadonlySet<string>;
  objects?: { has(code: string): boolean };
  inspectors?: ReadonlySet<string>;
  /** Codes the operator accepts although they fail the check (--allow-codes). */
  allowCodes?: ReadonlySet<string>;
}

export interface RowResult {
  record: Record<string, string> | null;
  problems: Problem[];
  /** Codes accepted only because of --allow-codes. */
  allowed: string[];
}

type CodeResult = { ok: true; value: string; warn?: Msg; allowed?: boolean } | { ok: false; reason: Msg };

function checkCode(raw: string, allow?: ReadonlySet<string>): CodeResult {
  const upper = raw.toUpperCase();
  if (isObjectNumber(raw)) return { ok: true, value: raw };
  const c = checkCreditCode(upper);
  if (c.ok)
    return c.orgCheckFailed ? { ok: true, value: c.code, warn: { key: 'R_ORG_CHECK' } } : { ok: true, value: c.code };
  if (c.reason !== 'excel_damaged' && allow?.has(upper)) return { ok: true, value: upper, allowed: true };
  const key = (
    {
      excel_damaged: 'R_CODE_EXCEL',
      length: 'R_CODE_LENGTH',
      charset: 'R_CODE_CHARSET',
      digits: 'R_CODE_DIGITS',
      check: 'R_CODE_CHECK',
    } as const satisfies Record<typeof c.reason, MessageKey>
  )[c.reason];
  return { ok: false, reason: { key, params: { expected: c.expected } } };
}

// Codes and ids become draw ids and file names: letters, digits, - and _ only (no . or /, no path).
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Bidirectional overrides and isolates: they reorder what a screen or a notice shows (a name that reads backwards). */
export const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * The most characters a cell may hold: a name 200 (generous: the longest registered names run to about
 * 60), any other cell 500. A 3.5-million-character name would make every later command slow to a crawl.
 */
export const cellLimit = (col: Pick<Column, 'key'>): number => (col.key === 'name' ? 200 : 500);

/** Length and direction checks every cell passes before its own validation. */
export function cellShapeProblem(col: Pick<Column, 'key'>, raw: string): Msg | null {
  if (raw.length > cellLimit(col)) return { key: 'R_TOO_LONG', params: { max: cellLimit(col), found: raw.length } };
  if (BIDI.test(raw)) return { key: 'R_BIDI' };
  return null;
}

/** C0 controls and DEL (tab, CR and LF are allowed inside a cell): never stored, never echoed. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function refSet(refs: RefSets, ref: Ref): { has(v: string): boolean } | undefined {
  return refs[ref];
}
const REF_REASON: Record<Ref, MessageKey> = {
  departments: 'R_UNKNOWN_DEPT',
  items: 'R_UNKNOWN_ITEM',
  objects: 'R_UNKNOWN_OBJECT',
  inspectors: 'R_UNKNOWN_INSPECTOR',
};

/** A problem with one cell, before it is placed at its row and column. */
interface CellProblem {
  value: string;
  reason: Msg;
  severity: Problem['severity'];
}

/**
 * One non-empty cell (trimmed) of a column: its canonical value (null when it is rejected), what is
 * wrong or worth a warning, and the codes accepted only because of --allow-codes.
 */
export function validateCell(
  col: Column,
  raw: string,
  refs: RefSets,
  row: number,
): { value: string | null; problems: CellProblem[]; allowed: string[] } {
  const problems: CellProblem[] = [];
  const allowed: string[] = [];
  const problem = (value: string, reason: Msg, severity: Problem['severity'] = 'error') =>
    problems.push({ value, reason, severity });
  const rejected = () => ({ value: null, problems, allowed });
  let values: string[];
  switch (col.special) {
    case 'code': {
      const c = checkCode(raw, refs.allowCodes);
      if (!c.ok) {
        problem(raw, c.reason);
        return rejected();
      }
      if (c.warn) problem(raw, c.warn, 'warning');
      if (c.allowed) {
        allowed.push(c.value);
        problem(raw, { key: 'W_ALLOWED_CODE', params: { row, value: c.value } }, 'warning');
      }
      values = [c.value];
      break;
    }
    case 'codes': {
      values = [];
      for (const part of parseList(raw)) {
        const c = checkCode(part, refs.allowCodes);
        if (!c.ok) {
          problem(part, c.reason);
          continue;
        }
        if (c.allowed) allowed.push(c.value);
        values.push(c.value);
      }
      break;
    }
    case 'id':
      if (!ID_RE.test(raw)) {
        problem(raw, { key: 'R_ID' });
        return rejected();
      }
      values = [raw];
      break;
    case 'list':
      values = parseList(raw);
      break;
    case 'enumList': {
      values = [];
      for (const part of parseList(raw)) {
        const p = col.enumItem!(part);
        if (p.ok) values.push(p.value);
        else problem(part, p.reason);
      }
      break;
    }
    default: {
      if (col.parse) {
        const p = col.parse(raw);
        if (!p.ok) {
          problem(raw, p.reason);
          return rejected();
        }
        values = [p.value];
      } else values = [raw];
    }
  }
  if (col.ref) {
    const set = refSet(refs, col.ref);
    if (set)
      for (const v of values)
        if (!set.has(v)) problem(v, { key: REF_REASON[col.ref] }, col.softRef ? 'warning' : 'error');
  }
  return { value: values.join(';'), problems, allowed };
}

/** Checks across the cells of a row (after each cell is valid); a record of objects also gets its default. */
export function rowChecks(
  kind: SchemaKind,
  record: Record<string, string>,
  refs: RefSets,
): (CellProblem & { column: Column | null })[] {
  const out: (CellProblem & { column: Column | null })[] = [];
  if (kind === 'history') {
    if (record.category === '' && record.item_code === '')
      out.push({ column: null, value: '', reason: { key: 'R_CATEGORY_OR_ITEM' }, severity: 'error' });
    else if (record.item_code === '' && refs.categories && !refs.categories.has(record.category!)) {
      out.push({
        column: SCHEMAS.history.columns[2]!,
        value: record.category!,
        reason: { key: 'R_UNKNOWN_CATEGORY' },
        severity: 'warning',
      });
    }
  }
  if (kind === 'departments' && record.parent !== '' && record.parent === record.code) {
    out.push({
      column: SCHEMAS.departments.columns[3]!,
      value: record.parent!,
      reason: { key: 'R_SELF_PARENT' },
      severity: 'error',
    });
  }
  if (kind === 'objects' && record.key_supervision === '') record.key_supervision = 'no';
  return out;
}

/** Returns a validator for rows of one file. */
export function rowValidator(kind: SchemaKind, map: HeaderMap, refs: RefSets) {
  const columns = SCHEMAS[kind].columns.filter((c) => map.index.has(c.key));
  const missingOptional = SCHEMAS[kind].columns.filter((c) => !map.index.has(c.key)).map((c) => c.key);
  const width = map.headers.length;

  return (cells: string[], row: number): RowResult => {
    const problems: Problem[] = [];
    const allowed: string[] = [];
    const record: Record<string, string> = {};
    const columnOf = (col: Column) => map.headers[map.index.get(col.key)!] ?? col.zh;

    for (let i = 0; i < cells.length; i++) {
      if (CONTROL.test(cells[i]!)) {
        problems.push({
          row,
          column: map.headers[i] ?? `#${i + 1}`,
          value: printable(cells[i]!),
          reason: { key: 'R_CONTROL' },
          severity: 'error',
        });
        return { record: null, problems, allowed };
      }
    }
    if (cells.length !== width && !(cells.length > width && cells.slice(width).every((c) => c.trim() === ''))) {
      problems.push({
        row,
        column: '',
        value: '',
        reason: { key: 'R_COLUMN_COUNT', params: { found: cells.length, expected: width } },
        severity: 'error',
      });
      return { record: null, problems, allowed };
    }
    for (const col of columns) {
      const raw = (cells[map.index.get(col.key)!] ?? '').trim();
      if (raw === '') {
        if (col.required)
          problems.push({ row, column: columnOf(col), value: raw, reason: { key: 'R_REQUIRED' }, severity: 'error' });
        record[col.key] = '';
        continue;
      }
      const shape = cellShapeProblem(col, raw);
      if (shape) {
        problems.push({
          row,
          column: columnOf(col),
          value: printable(raw.slice(0, 60)),
          reason: shape,
          severity: 'error',
        });
        continue;
      }
      const c = validateCell(col, raw, refs, row);
      for (const p of c.problems) problems.push({ row, column: columnOf(col), ...p });
      allowed.push(...c.allowed);
      if (c.value !== null) record[col.key] = c.value;
    }
    for (const k of missingOptional) record[k] = '';
    for (const p of rowChecks(kind, record, refs))
      problems.push({ row, ...p, column: p.column ? columnOf(p.column) : '' });
    return { record: problems.some((p) => p.severity === 'error') ? null : record, problems, allowed };
  };
}

/**
 * Whole-file checks on a department roster: every parent is listed and the hierarchy has no cycle.
 * Returns problems keyed to the rows that carry them.
 */
export function checkDepartmentTree(
  rows: { row: number; code: string; parent: string }[],
  parentHeader: string,
): Problem[] {
  const parentOf = new Map(rows.map((r) => [r.code, r.parent]));
  const problems: Problem[] = [];
  for (const r of rows) {
    if (r.parent === '') continue;
    if (!parentOf.has(r.parent)) {
      problems.push({
        row: r.row,
        column: parentHeader,
        value: r.parent,
        reason: { key: 'R_UNKNOWN_DEPT' },
        severity: 'error',
      });
      continue;
    }
    const seen = new Set([r.code]);
    for (let p = r.parent; p !== ''; p = parentOf.get(p) ?? '') {
      if (seen.has(p)) {
        problems.push({
          row: r.row,
          column: parentHeader,
          value: r.parent,
          reason: { key: 'R_CYCLE' },
          severity: 'error',
        });
        break;
      }
      seen.add(p);
    }
  }
  return problems;
}
