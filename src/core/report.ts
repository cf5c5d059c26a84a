// The year's report: per draw progress and publication deadlines, per department coverage against the
// floor, per item how often it was drawn, and the distribution of results. Pure over plain values.
import { addWorkingDays, workingDaysBetween, type WorkCalendar } from './calendar.js';
import { ABNORMAL_LIST_CODES, resultText } from './results.js';

export const PUBLISH_WITHIN = 20; // working days (企业信息公示暂行条例 第六条; seed 002)
export const DUE_SOON = 5;

export interface ReportDraw {
  id: string;
  items: string[];
  departments: string[];
  selected: number;
  supersededBy: string | null;
  supersededReason: string | null;
}
export interface ReportResult {
  drawId: string;
  objectId: string;
  /** For the text report only (names where people expect names); absent when the object left the roster. */
  objectName?: string | null;
  completedOn: string;
  code: string;
  publishedOn: string | null;
}
export interface ReportInput {
  year: number;
  asOf: string;
  floorBp: number;
  draws: ReportDraw[];
  results: ReportResult[];
  /** Department code → distinct objects it covered this year (history, or selected in its standing draws). */
  coveredBy: Record<string, number>;
  departments: { code: string; name: string }[];
  supervised: number;
  items: { code: string; name: string; timesDrawn: number }[];
  calendar: WorkCalendar;
  /**
   * Unpublished results of draws of other years: a deadline does not stop at New Year, so they count
   * toward the overdue total always, and are listed unless the listing was narrowed with --year.
   */
  otherYears?: ReportResult[];
  narrowed?: boolean;
  /** Commitments of the year neither revealed nor voided. */
  commitments?: PendingCommitment[];
  /** What the public must be told for ever (binding rules): passed through as found. */
  trust?: TrustFindings;
}

export interface TrustFindings {
  /** Commitments voided after a source was due, and revealed draws voided by a new commitment. */
  voidings: { drawId: string; by: string; kind: string; reason: string; sources: string[] }[];
  /** Commitments whose notice was not exported before the first source was public. */
  lateNotices: { drawId: string; firstPublicAt: string; firstExportAt: string | null }[];
  /** Firms taken out of scope shortly before a draw of their category and brought back after it. */
  rosterFlips: { creditCode: string; drawId: string; outAt: string; backAt: string; field: string }[];
}

export interface PendingCommitment {
  drawId: string;
  committedAt: string;
  sources: { label: string; publicAt: string; isPublic: boolean }[];
  /** Every source is public, yet the draw is not revealed: someone should run inspect reveal. */
  awaitingReveal: boolean;
  /** commit.timestamp is required and no valid token is stored yet: the reveal will be refused. */
  awaitingTimestamp: boolean;
}

export type ResultState = 'published' | 'published_late' | 'overdue' | 'due_soon' | 'pending' | 'unknown';

export interface ResultLine extends ReportResult {
  deadline: string | null;
  /** The deadline ran through a year without a declared calendar: weekends assumed (暂定). */
  provisional: boolean;
  uncoveredYear: number | null;
  state: ResultState;
  abnormalList: boolean;
}

export function resultState(r: ReportResult, asOf: string, cal: WorkCalendar): ResultLine {
  const d = addWorkingDays(r.completedOn, PUBLISH_WITHIN, cal);
  const base = {
    ...r,
    deadline: d.date,
    provisional: d.provisional,
    uncoveredYear: d.uncoveredYear,
    abnormalList: ABNORMAL_LIST_CODES.has(r.code),
  };
  if (r.publishedOn) return { ...base, state: r.publishedOn > d.date ? 'published_late' : 'published' };
  // A provisional deadline that has passed is overdue all the same: it is said to be provisional.
  if (asOf > d.date) return { ...base, state: 'overdue' };
  const left = workingDaysBetween(asOf, d.date, cal);
  return { ...base, state: left <= DUE_SOON ? 'due_soon' : 'pending' };
}

export function buildReport(input: ReportInput) {
  const lines = input.results.map((r) => resultState(r, input.asOf, input.calendar));
  const perDraw = input.draws.map((d) => {
    const mine = lines.filter((l) => l.drawId === d.id);
    const count = (s: ResultState) => mine.filter((l) => l.state === s).length;
    return {
      drawId: d.id,
      items: d.items,
      status: d.supersededBy ? 'superseded' : 'standing',
      supersededBy: d.supersededBy,
      supersededReason: d.supersededReason,
      selected: d.selected,
      resultsEntered: mine.length,
      published: count('published') + count('published_late'),
      publishedLate: count('published_late'),
      dueWithin5: count('due_soon'),
      overdue: count('overdue'),
      deadlineUnknown: count('unknown'),
    };
  });
  const floorNeed = Math.ceil((input.floorBp * input.supervised) / 10000);
  const perDepartment = input.departments.map((dep) => {
    const covered = input.coveredBy[dep.code] ?? 0;
    return {
      department: dep.code,
      name: dep.name,
      covered,
      supervised: input.supervised,
      floorBp: input.floorBp,
      floorNeeded: floorNeed,
      meetsFloor: covered >= floorNeed,
    };
  });
  const distribution: Record<string, { text: string; count: number }> = {};
  for (const l of lines)
    distribution[l.code] = { text: resultText(l.code, 'zh'), count: (distribution[l.code]?.count ?? 0) + 1 };
  const isOpen = (l: ResultLine) => l.state !== 'published' && l.state !== 'published_late';
  const others = (input.otherYears ?? []).map((r) => resultState(r, input.asOf, input.calendar)).filter(isOpen);
  const everyOpen = [...lines.filter(isOpen), ...others];
  const unpublished = (input.narrowed ? lines.filter(isOpen) : everyOpen).sort((a, b) =>
    (a.deadline ?? '9999') < (b.deadline ?? '9999') ? -1 : 1,
  );
  const gaps = [
    ...new Set([...lines, ...others].filter((l) => l.uncoveredYear !== null).map((l) => l.uncoveredYear!)),
  ].sort();
  return {
    year: input.year,
    asOf: input.asOf,
    draws: perDraw,
    unpublished,
    departments: perDepartment,
    items: input.items.map((i) => ({ ...i, warning: i.timesDrawn === 0 })),
    itemsNotDrawn: input.items.filter((i) => i.timesDrawn === 0).map((i) => i.code),
    distribution,
    abnormalList: lines.filter((l) => l.abnormalList).map((l) => l.objectId),
    publishedLate: lines.filter((l) => l.state === 'published_late'),
    totals: {
      overdue: everyOpen.filter((l) => l.state === 'overdue').length,
      /** Of the overdue, those whose deadline is provisional (a year without a declared calendar). */
      overdueProvisional: everyOpen.filter((l) => l.state === 'overdue' && l.provisional).length,
      dueWithin5: lines.filter((l) => l.state === 'due_soon').length,
      deadlineUnknown: everyOpen.filter((l) => l.state === 'unknown').length,
      deadlineProvisional: everyOpen.filter((l) => l.provisional).length,
    },
    calendarGaps: gaps,
    commitments: input.commitments ?? [],
    trust: input.trust ?? { voidings: [], lateNotices: [], rosterFlips: [] },
  };
}
export type Report = ReturnType<typeof buildReport>;
