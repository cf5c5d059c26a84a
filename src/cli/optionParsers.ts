// Every option value's parser, in one place: each turns the text of a flag into a checked value or a
// usage error (exit 2) that names the flag.
import { parseSourceSpec, type Source } from '../core/beacon.js';
import { Exit, InspectError, usageError } from '../core/errors.js';
import { ROSTER_KINDS, type RosterKind } from '../core/rosters.js';
import { parseDate } from '../core/values.js';
import { today } from '../io/clock.js';
import type { Encoding } from '../io/csvRead.js';
import type { Format } from '../io/tableExport.js';

/**
 * A date given as an option: YYYY-MM-DD only. Excel serial numbers and other spellings are for CSV cells,
 * where Excel writes them; on the command line `--as-of 61` is far likelier a slip than 1900-03-01.
 */
function optionDate(v: string, flag: string): string {
  const t = v.trim();
  const d = /^\d{4}-\d{2}-\d{2}$/.test(t) ? parseDate(t) : null;
  if (!d?.ok) throw usageError('E_BAD_OPTION', { flag, value: v, reason: 'YYYY-MM-DD' });
  return d.value;
}

export function parseYear(v: string): number {
  if (!/^\d{4}$/.test(v.trim())) throw usageError('E_BAD_YEAR', { value: v });
  return Number(v);
}

export function parseWindow(v: string | undefined, year: number, drawDate: string): { start: string; end: string } {
  if (v === undefined) {
    const start = drawDate.slice(0, 4) === String(year) ? drawDate : `${year}-01-01`;
    const end = `${year}-12-31`;
    if (start > end || drawDate > end) throw usageError('E_WINDOW_PAST', { start, end });
    return { start: drawDate > start ? drawDate : start, end };
  }
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(v.trim());
  const a = m ? parseDate(m[1]!) : null;
  const b = m ? parseDate(m[2]!) : null;
  if (!a?.ok || !b?.ok || a.value > b.value) throw usageError('E_BAD_WINDOW', { value: v });
  return { start: a.value, end: b.value };
}

export function splitCodes(v: string): string[] {
  return [
    ...new Set(
      v
        .split(/[,，;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

export function parseSpec(spec: string): Source {
  const r = parseSourceSpec(spec);
  if (!r.ok) throw new InspectError(Exit.usage, r.error);
  return r.value;
}

/** The rosters by the names staff use: the 名录 names of the notices, as well as the English codes. */
const ROSTER_NAMES_ZH: Record<string, RosterKind> = {
  检查对象: 'objects',
  检查对象名录: 'objects',
  检查对象名录库: 'objects',
  执法人员: 'inspectors',
  执法检查人员: 'inspectors',
  执法检查人员名录库: 'inspectors',
  抽查事项: 'items',
  抽查事项清单: 'items',
  部门: 'departments',
  检查记录: 'history',
  已检查记录: 'history',
};

export function parseKind(kind: string): RosterKind {
  const k = kind.trim();
  if ((ROSTER_KINDS as readonly string[]).includes(k.toLowerCase())) return k.toLowerCase() as RosterKind;
  const zh = ROSTER_NAMES_ZH[k];
  if (zh) return zh;
  throw new InspectError(Exit.usage, {
    key: 'E_UNKNOWN_ROSTER',
    params: { kind, choices: ROSTER_KINDS.map((r) => `${r}（${rosterZh(r)}）`).join(', ') },
  });
}

function rosterZh(kind: RosterKind): string {
  return Object.keys(ROSTER_NAMES_ZH).find((n) => ROSTER_NAMES_ZH[n] === kind)!;
}

export function parseEncoding(v: string | undefined): Encoding | undefined {
  if (v === undefined) return undefined;
  const s = v.toLowerCase().replace(/[-_]/g, '');
  if (s === 'utf8') return 'utf8';
  if (s === 'gb18030' || s === 'gbk' || s === 'gb2312') return 'gb18030';
  throw new InspectError(Exit.usage, {
    key: 'E_BAD_OPTION',
    params: { flag: '--encoding', value: v, reason: 'utf8 | gb18030' },
  });
}

export function parseAsOf(v: string | undefined): string {
  if (v === undefined) return today();
  return optionDate(v, '--as-of');
}

/** Results are entered as of today or an earlier day (back-filling), never a day still to come. */
export function parsePastAsOf(v: string | undefined): string {
  const d = parseAsOf(v);
  if (d > today()) throw usageError('E_AS_OF_FUTURE', { value: d, today: today() });
  return d;
}

export function parseFormat(v: string | undefined): Format {
  const f = (v ?? 'csv').toLowerCase();
  if (f === 'csv' || f === 'xlsx' || f === 'json') return f;
  throw new InspectError(Exit.usage, { key: 'E_BAD_FORMAT', params: { value: v } });
}

/** The format an output file's name implies (.xlsx, .json; anything else CSV), for when --format is not given. */
export function formatOfName(out: string | undefined): Format | undefined {
  const ext = /\.(xlsx|json|csv)$/i.exec(out ?? '')?.[1];
  return ext ? (ext.toLowerCase() as Format) : undefined;
}

/** `--timeout`: whole seconds from 1 to 600, or the default when not given. */
export function parseTimeout(v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const seconds = Number(v);
  if (!/^\d+$/.test(v) || seconds < 1 || seconds > 600)
    throw usageError('E_BAD_OPTION', { flag: '--timeout', value: v, reason: '1 … 600' });
  return seconds;
}

/** `--since`: a date. */
export function parseSince(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  return optionDate(v, '--since');
}

/** `--runs`: how many simulated draws. */
export function parseRuns(v: string | undefined): number {
  // Decimal digits only: Number() would read 0x10 as 16 and 1e3 as 1000.
  const runs = v === undefined ? 1000 : /^\d{1,7}$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000)
    throw usageError('E_BAD_OPTION', { flag: '--runs', value: String(v), reason: '1–1000000' });
  return runs;
}

/** `--expect-head SEQ:HASH`: the chain head read out at the ceremony. */
export function parseExpectHead(v: string | undefined): { seq: number; hash: string } | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+):([0-9a-f]{64})$/.exec(v.trim());
  if (!m) throw usageError('E_BAD_OPTION', { flag: '--expect-head', value: v, reason: 'SEQ:HASH (64 hex)' });
  return { seq: Number(m[1]), hash: m[2]! };
}

const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Text kept for ever in the log (`--operator`, `--reason`): printable, not empty, bounded. A newline, an
 * ESC sequence or a bidirectional override could hide or rewrite what the log shows.
 */
export function parseLoggedText(v: string, flag: string, max: number): string {
  const t = v.trim();
  if (t === '' || t.length > max || CONTROL_OR_BIDI.test(t))
    throw usageError('E_BAD_OPTION', {
      flag,
      value: t.slice(0, 40),
      reason: { key: 'R_LOGGED_TEXT', params: { max } },
    });
  return t;
}
