// Working-day arithmetic for the 20-working-day publication deadline (企业信息公示暂行条例 第六条).
// The State Council's holiday and 调休 notice cannot be computed from rules, so the calendar is data:
// holidays (weekday days off), make-up workdays (调休 Saturdays/Sundays) and the years the data cover.
// A count that reaches a year nobody has declared assumes plain weekends there and is marked provisional
// (暂定), never silently certain.

export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
  coveredYears: ReadonlySet<number>;
}

/**
 * A deadline. `provisional`: the count ran through a year nobody has declared (the State Council's notice
 * not in the data yet), where plain weekends were assumed; it is shown as 暂定 everywhere, and still
 * counts when it has passed. `uncoveredYear`: the first such year.
 */
export type DeadlineResult = { ok: true; date: string; provisional: boolean; uncoveredYear: number | null };

const DAY = 86400000;
const toTime = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Whether a day is a working day; null for a year the calendar does not cover. */
export function isWorkingDay(iso: string, cal: WorkCalendar): boolean | null {
  if (!cal.coveredYears.has(Number(iso.slice(0, 4)))) return null;
  return workingByRule(iso, cal);
}

/** The calendar's answer, with plain weekends in a year nobody has declared. */
function workingByRule(iso: string, cal: WorkCalendar): boolean {
  if (cal.workdays.has(iso)) return true;
  if (cal.holidays.has(iso)) return false;
  const dow = new Date(toTime(iso)).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The n-th working day after `start` (the start day itself does not count: 民法典 第二百零一条). */
export function addWorkingDays(start: string, n: number, cal: WorkCalendar): DeadlineResult {
  let t = toTime(start);
  let left = n;
  let uncovered: number | null = null;
  while (left > 0) {
    t += DAY;
    const iso = fromTime(t);
    const year = Number(iso.slice(0, 4));
    if (!cal.coveredYears.has(year) && uncovered === null) uncovered = year;
    if (workingByRule(iso, cal)) left--;
  }
  return { ok: true, date: fromTime(t), provisional: uncovered !== null, uncoveredYear: uncovered };
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  if (from === to) return 0;
  const sign = to > from ? 1 : -1;
  const [a, b] = sign > 0 ? [from, to] : [to, from];
  let count = 0;
  for (let t = toTime(a) + DAY; t <= toTime(b); t += DAY) if (workingByRule(fromTime(t), cal)) count++;
  return sign * count;
}

export interface Override {
  date: string;
  working: boolean;
}

/**
 * Local overrides (e.g. minority-area holidays) win over the national data for their dates; a year the
 * file declares complete (its whole holiday and 调休 arrangement listed) becomes covered.
 */
export function withOverrides(base: WorkCalendar, overrides: Override[], declaredYears: number[] = []): WorkCalendar {
  const holidays = new Set(base.holidays);
  const workdays = new Set(base.workdays);
  for (const o of overrides) {
    if (o.working) {
      workdays.add(o.date);
      holidays.delete(o.date);
    } else {
      holidays.add(o.date);
      workdays.delete(o.date);
    }
  }
  return { holidays, workdays, coveredYears: new Set([...base.coveredYears, ...declaredYears]) };
}
