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

export function readOverrides(file: string): Override[] {
  const rows = parse(readRegularText(file, READ_LIMITS.calendar).replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    skip_empty_lines: true,
    comment: '#',
  }) as string[][];
  const out: Override[] = [];
  rows.forEach((r, i) => {
    if (i === 0 && /日期|date/i.test(r[0] ?? '')) return;
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
  const overrides = file ? readOverrides(file) : existsSync(DEFAULT_OVERRIDES) ? readOverrides(DEFAULT_OVERRIDES) : [];
  return withOverrides(nationalCalendar(), overrides);
}
