import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { addWorkingDays, isWorkingDay, withOverrides, workingDaysBetween } from '../../src/core/calendar.js';
import { loadCalendar, nationalCalendar } from '../../src/io/calendarData.js';

const cal = nationalCalendar();

describe('the chinese-days data file', () => {
  // calendarData.ts reads the package's data file by path (chinese-days has no exports map and no API
  // for its raw tables); the version is pinned exactly in package.json and this checks the path and shape.
  it('is where calendarData.ts reads it, pinned, with years through 2026', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies['chinese-days']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(cal.holidays.has('2026-10-01')).toBe(true);
    expect(cal.workdays.size).toBeGreaterThan(10);
    expect([...cal.coveredYears]).toEqual(expect.arrayContaining([2024, 2025, 2026]));
  });
});

describe('working days (chinese-days data)', () => {
  it('a result completed 2026-09-25 is due 2026-10-29 (National Day holidays, 调休 Saturdays)', () => {
    expect(addWorkingDays('2026-09-25', 20, cal)).toMatchObject({ ok: true, date: '2026-10-29', provisional: false });
  });
  it('weekday holidays do not count, make-up weekend days do', () => {
    expect(isWorkingDay('2026-10-01', cal)).toBe(false); // Thursday, 国庆
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2026-09-26', cal)).toBe(false); // plain Saturday
  });
  it('the start day does not count', () => {
    expect(addWorkingDays('2026-11-19', 1, cal)).toMatchObject({ ok: true, date: '2026-11-20' });
    expect(addWorkingDays('2026-11-20', 1, cal)).toMatchObject({ ok: true, date: '2026-11-23' });
  });
  it('a count that reaches an uncovered year assumes weekends there and says it is provisional', () => {
    const last = Math.max(...cal.coveredYears);
    expect(addWorkingDays(`${last}-12-20`, 20, cal)).toMatchObject({
      ok: true,
      provisional: true,
      uncoveredYear: last + 1,
    });
    expect(isWorkingDay(`${last + 1}-03-03`, cal)).toBeNull();
  });
  it('local overrides win', () => {
    const local = withOverrides(cal, [{ date: '2026-10-29', working: false }]);
    expect(addWorkingDays('2026-09-25', 20, local)).toMatchObject({ ok: true, date: '2026-10-30' });
  });
  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-09-25', '2026-10-29', cal)).toBe(20);
    expect(workingDaysBetween('2026-10-29', '2026-09-25', cal)).toBe(-20);
  });
  it('a calendar file that declares a year covers it, with its days off and make-up workdays', () => {
    const y = Math.max(...cal.coveredYears) + 1;
    const declared = withOverrides(cal, [{ date: `${y}-01-01`, working: false }], [y]);
    expect(isWorkingDay(`${y}-01-01`, declared)).toBe(false);
    expect(addWorkingDays(`${y}-01-05`, 1, declared)).toMatchObject({ provisional: false });
  });
});

describe('the calendar in use', () => {
  // The one test that reads the machine's clock, on purpose: chinese-days will be late again next year.
  it('covers the current year (add it to a calendar file as "YYYY,全年" when the State Council publishes it)', () => {
    const year = new Date().getFullYear();
    const covered = loadCalendar().coveredYears;
    expect(
      covered.has(year),
      `the working-day calendar does not cover ${year}: declare it in data/calendar-overrides.csv ` +
        `("${year},全年" and the notice's days off and make-up workdays), or update chinese-days`,
    ).toBe(true);
  });
});
