// The national calendar from the maintained `chinese-days` package (holidays and 调休 workdays by year)
// plus the local override file (data/calendar-overrides.csv or --calendar FILE).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { readRegularText, READ_LIMITS } from './safeRead.js';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Exit, InspectError } from '../core/errors.js';
import { withOverrides, type Override, type WorkCalendar } from '../core/calendar.js';
import { parseDate } from '../core/values.js';
import { DATA_DIR } from './paths.js';

const require = createRequire(import.meta.url);
export const DEFAULT_OVERRIDES = join(DATA_DIR, 'calendar-overrides.csv');

export function nationalCalendar(): WorkCalendar {
  const data = require('chinese-days/dist/chinese-days.json') as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const holidays = new Set(Object.keys(data.holidays));
  const workdays = new Set(Object.keys(data.workdays));
  // A year is covered when the data hold its holiday notice (every year has at least New Year's Day).
  const coveredYears = new Set([...holidays].map((d) => Number(d.slice(0, 4))));
  return { holidays, workdays, coveredYears };
}

/** A calendar file: its day overrides and the years it declares complete (`2027,全年`). */
export function readCalendarFile(file: string): { overrides: Override[]; years: number[] } {
  const overrides: Override[] = [];
  const years: number[] = [];
  readOverrides(file, overrides, years);
  return { overrides, years };
}

export function readOverrides(file: string, out: Override[] = [], years: number[] = []): Override[] {
  const rows = parse(readRegularText(file, READ_LIMITS.calendar).replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    skip_empty_lines: true,
    comment: '#',
  }) as string[][];
  rows.forEach((r, i) => {
    if (i === 0 && /日期|date/i.test(r[0] ?? '')) return;
    // A whole year declared: its holidays and 调休 workdays are the other rows (State Council notice).
    if (['全年', 'year', 'complete'].includes((r[1] ?? '').trim())) {
      const y = (r[0] ?? '').trim();
      if (!/^\d{4}$/.test(y) || Number(y) < 2000 || Number(y) > 2100)
        throw new InspectError(Exit.data, { key: 'E_CALENDAR_YEAR', params: { file, row: i + 1, value: y } });
      years.push(Number(y));
      return;
    }
    const d = parseDate(r[0] ?? '');
    const kind = (r[1] ?? '').trim();
    const working = ['工作日', '上班', 'workday', 'working'].includes(kind)
      ? true
      : ['休息日', '节假日', '放假', 'holiday', 'off'].includes(kind)
        ? false
        : null;
    if (!d.ok || working === null) {
      throw new InspectError(Exit.data, { key: 'E_CALENDAR_ROW', params: { file, row: i + 1, value: r.join(',') } });
    }
    out.push({ date: d.value, working });
  });
  return out;
}

export function loadCalendar(file?: string): WorkCalendar {
  return calendarWithSources(file).calendar;
}

/** The calendar in force and where each covered year comes from (for `inspect calendar`). */
export function calendarWithSources(file?: string): {
  calendar: WorkCalendar;
  sources: { year: number; source: 'package' | 'file'; file?: string }[];
  packageVersion: string;
} {
  const path = file ?? (existsSync(DEFAULT_OVERRIDES) ? DEFAULT_OVERRIDES : undefined);
  const f = path ? readCalendarFile(path) : { overrides: [], years: [] };
  const national = nationalCalendar();
  const sources = [
    ...[...national.coveredYears].map((year) => ({ year, source: 'package' as const })),
    ...f.years
      .filter((y) => !national.coveredYears.has(y))
      .map((year) => ({ year, source: 'file' as const, file: path })),
  ].sort((a, b) => a.year - b.year);
  return { calendar: withOverrides(national, f.overrides, f.years), sources, packageVersion: chineseDaysVersion() };
}

function chineseDaysVersion(): string {
  try {
    return (require('chinese-days/package.json') as { version: string }).version;
  } catch {
    return '?';
  }
}
