import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, withOverrides, workingDaysBetween } from '../../src/core/calendar.js';
import { nationalCalendar } from '../../src/io/calendarData.js';

const cal = nationalCalendar();

describe('working days (chinese-days data)', () => {
  it('a result completed 2026-09-25 is due 2026-10-29 (National Day holidays, 调休 Saturdays)', () => {
    expect(addWorkingDays('2026-09-25', 20, cal)).toEqual({ ok: true, date: '2026-10-29' });
  });
  it('weekday holidays do not count, make-up weekend days do', () => {
    expect(isWorkingDay('2026-10-01', cal)).toBe(false); // Thursday, 国庆
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // Saturday, 调休
    expect(isWorkingDay('2026-09-26', cal)).toBe(false); // plain Saturday
  });
  it('the start day does not count', () => {
    expect(addWorkingDays('2026-11-19', 1, cal)).toEqual({ ok: true, date: '2026-11-20' });
    expect(addWorkingDays('2026-11-20', 1, cal)).toEqual({ ok: true, date: '2026-11-23' });
  });
  it('a count that reaches an uncovered year stops and names the year (never plain weekdays)', () => {
    const last = Math.max(...cal.coveredYears);
    expect(addWorkingDays(`${last}-12-20`, 20, cal)).toEqual({ ok: false, uncoveredYear: last + 1 });
    expect(isWorkingDay(`${last + 1}-03-03`, cal)).toBeNull();
  });
  it('local overrides win', () => {
    const local = withOverrides(cal, [{ date: '2026-10-29', working: false }]);
    expect(addWorkingDays('2026-09-25', 20, local)).toEqual({ ok: true, date: '2026-10-30' });
  });
  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-09-25', '2026-10-29', cal)).toBe(20);
    expect(workingDaysBetween('2026-10-29', '2026-09-25', cal)).toBe(-20);
  });
});
