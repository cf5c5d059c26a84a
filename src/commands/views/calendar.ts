// inspect calendar [--calendar FILE]: the years the working-day calendar covers and where each comes from
// (the State Council's arrangement in chinese-days, or a year a calendar file declares), and the years
// around today that are not covered yet, whose deadlines are provisional.
import { calendarWithSources } from '../../io/calendarData.js';
import { today } from '../../io/clock.js';
import type { CalendarOptions } from '../../cli/flags.js';
import type { Context } from '../../cli/context.js';

export function runCalendar(ctx: Context, opts: CalendarOptions) {
  const { ui } = ctx;
  const c = calendarWithSources(opts.calendar);
  const year = Number(today().slice(0, 4));
  const missing = [year, year + 1].filter((y) => !c.calendar.coveredYears.has(y));
  const result = { years: c.sources, packageVersion: c.packageVersion, provisionalYears: missing };
  if (ui.json) ui.outJson(result);
  else {
    for (const s of c.sources)
      ui.out(
        ui.t('T_CALENDAR_YEAR', {
          year: s.year,
          source:
            s.source === 'package'
              ? { key: 'T_CALENDAR_PACKAGE', params: { version: c.packageVersion } }
              : { key: 'T_CALENDAR_FILE', params: { file: s.file ?? '' } },
        }),
      );
    for (const y of missing) ui.warn('T_CALENDAR_NOT_COVERED', { year: y });
  }
  return result;
}
