// inspect report: read → buildReport (core) → print or --json; --fail-on-overdue for cron.
import type { ReportOptions } from '../../cli/flags.js';
import { ExitError } from '../../core/errors.js';
import { buildReport, type PendingCommitment, type Report, type TrustFindings } from '../../core/report.js';
import { trustFindings } from '../../io/trustFindings.js';
import { currentSettings } from '../../io/settingsStore.js';
import { commitmentToken } from '../../io/timestampStore.js';
import { loadCalendar } from '../../io/calendarData.js';
import { readPolicy } from '../../io/policyFile.js';
import { reportData } from '../../io/reportData.js';
import { formatTable } from '../../core/text.js';
import type { Translator } from '../../core/messages.js';
import type { Context } from '../../cli/context.js';
import { resultText } from '../../core/results.js';
import { parseAsOf, parseYear } from '../../cli/optionParsers.js';
import { sourcesAt, type Commitment } from '../../core/commitment.js';
import { nowSeconds } from '../../io/clock.js';
import { listCommitments } from '../../io/commitStore.js';

export const EXIT_OVERDUE = 3;

/** A stored result as the report takes it (this year's and other years' alike). */
const resultOf = (r: ReturnType<typeof reportData>['results'][number]) => ({
  drawId: r.draw_id,
  objectId: r.object_id,
  objectName: r.object_name,
  completedOn: r.completed_on,
  code: r.result_code,
  publishedOn: r.published_on,
});

export function runReport(ctx: Context, opts: ReportOptions): Report {
  const { ui } = ctx;
  const asOf = parseAsOf(opts.asOf);
  const year = opts.year ? parseYear(opts.year) : Number(asOf.slice(0, 4));
  const calendar = loadCalendar(opts.calendar);
  const policy = readPolicy(opts.policy);
  const db = ctx.openDb({ readonly: true });
  let g;
  let pending: PendingCommitment[];
  let trust: TrustFindings;
  try {
    g = reportData(db, year);
    const now = nowSeconds();
    const timestampRequired = currentSettings(db)['commit.timestamp'] === 'required';
    pending = listCommitments(db, year)
      .filter((c) => !c.revealed_at && !c.superseded_by)
      .map((c) => {
        const sources = sourcesAt(JSON.parse(c.commitment) as Commitment, now).map((x) => ({
          label: x.label,
          publicAt: x.publicAt,
          isPublic: x.isPublic,
        }));
        return {
          drawId: c.draw_id,
          committedAt: c.created_at,
          sources,
          awaitingReveal: sources.every((x) => x.isPublic),
          awaitingTimestamp: timestampRequired && !commitmentToken(db, c.draw_id),
        };
      });
    trust = trustFindings(db, year, now);
  } finally {
    db.close();
  }
  const report = buildReport({
    commitments: pending,
    trust,
    year,
    asOf,
    floorBp: policy.floorBp,
    calendar,
    supervised: g.supervised,
    departments: g.departments,
    coveredBy: Object.fromEntries(g.covered),
    draws: g.draws.map((d) => ({
      id: d.id,
      items: JSON.parse(d.items),
      departments: JSON.parse(d.departments),
      selected: d.selected,
      supersededBy: d.superseded_by,
      supersededReason: d.superseded_reason,
    })),
    results: g.results.map(resultOf),
    otherYears: g.otherYears.map(resultOf),
    narrowed: opts.year !== undefined,
    items: g.items.map((i) => ({ code: i.code, name: i.name, timesDrawn: i.n })),
  });
  if (report.calendarGaps.length)
    ui.warn('W_CALENDAR_GAP', { count: report.totals.deadlineProvisional, years: report.calendarGaps.join('、') });
  if (ui.json) ui.outJson(report);
  else ui.out(renderReport(report, ui));
  if (opts.failOnOverdue && report.totals.overdue > 0) {
    const p = report.totals.overdueProvisional;
    ui.error('E_OVERDUE', {
      count: report.totals.overdue,
      provisional: p ? { key: 'E_OVERDUE_PROVISIONAL', params: { count: p } } : '',
    });
    throw new ExitError(EXIT_OVERDUE as never);
  }
  return report;
}

/** The text report; every word from the catalogue, tables aligned by display width, names beside codes. */
export function renderReport(r: Report, ui: Translator): string {
  const indent = (lines: string[]) => lines.map((l) => `  ${l}`);
  const L: string[] = [ui.t('T_REPORT_FOR_AS_OF', { year: r.year, asOf: r.asOf }), ''];
  const drawRows = r.draws.map((d) => [
    d.drawId,
    d.status === 'superseded' ? ui.t('T_SUPERSEDED', { supersededReason: d.supersededReason }) : ui.t('T_STANDING'),
    ...[d.selected, d.resultsEntered, d.published, d.dueWithin5, d.overdue].map(String),
  ]);
  if (r.draws.length === 0) L.push(ui.t('T_NO_DRAWS_THIS_YEAR'));
  else L.push(...formatTable([ui.t('TH_REPORT_DRAWS').split('|'), ...drawRows], new Set([2, 3, 4, 5, 6])));
  L.push('', ui.t('T_RESULTS_NOT_YET_PUBLISHED'));
  const open = r.unpublished.map((u) => [
    u.drawId,
    u.objectId,
    u.objectName ?? '',
    u.completedOn,
    u.deadline === null
      ? ui.t('T_UNKNOWN_NO_HOLIDAY_DATA', { uncoveredYear: u.uncoveredYear })
      : u.provisional
        ? ui.t('T_PROVISIONAL_DEADLINE', { date: u.deadline })
        : u.deadline,
    ui.t(`T_STATE_${u.state}`) + (u.abnormalList ? ui.t('T_ABNORMAL_LIST') : ''),
  ]);
  if (open.length === 0) L.push(ui.t('T_NONE'));
  else L.push(...indent(formatTable([ui.t('TH_REPORT_OPEN').split('|'), ...open])));
  if (r.publishedLate.length) {
    L.push('', ui.t('T_RESULTS_PUBLISHED_LATE_AFTER'));
    const late = r.publishedLate.map((u) => [
      u.drawId,
      u.objectId,
      u.objectName ?? '',
      u.deadline ?? '',
      u.publishedOn ?? '',
    ]);
    L.push(...indent(formatTable([ui.t('TH_REPORT_LATE').split('|'), ...late])));
  }
  L.push('', ui.t('T_COVERAGE_THIS_YEAR_BY'));
  const deps = r.departments.map((d) => [
    `${d.name}（${d.department}）`,
    `${d.covered} / ${d.supervised}`,
    `${(d.floorBp / 100).toFixed(2)}% = ${d.floorNeeded}`,
    d.meetsFloor ? ui.t('T_MET') : ui.t('T_NOT_MET'),
  ]);
  L.push(...indent(formatTable([ui.t('TH_REPORT_DEPARTMENTS').split('|'), ...deps], new Set([1]))));
  L.push('', ui.t('T_TIMES_EACH_ITEM_WAS'));
  const items = r.items.map((i) => [
    i.code,
    i.name,
    String(i.timesDrawn),
    i.warning ? ui.t('T_NOT_DRAWN_YET_EACH') : '',
  ]);
  L.push(...indent(formatTable(items, new Set([2]))));
  L.push('', ui.t('T_RESULT_DISTRIBUTION'));
  const dist = Object.entries(r.distribution);
  for (const [code, v] of dist) L.push(`  ${code} ${resultText(code, ui.lang)}: ${v.count}`);
  if (dist.length === 0) L.push(ui.t('T_NO_RESULTS_YET'));
  const t = r.trust;
  if (t.voidings.length || t.lateNotices.length || t.rosterFlips.length) {
    L.push('', ui.t('T_TRUST_HEAD'));
    for (const v of t.voidings)
      L.push(
        `  ${ui.t(v.kind === 'revealed' ? 'A_REVEALED_DRAW_VOIDED' : 'A_VOIDED_AFTER_PUBLIC', {
          id: v.drawId,
          by: v.by,
          reason: v.reason,
          sources: v.sources.join('、'),
        })}`,
      );
    for (const n of t.lateNotices)
      L.push(
        `  ${ui.t('A_NOTICE_LATE', {
          id: n.drawId,
          at: n.firstPublicAt,
          exported: n.firstExportAt
            ? { key: 'A_NOTICE_FIRST_AT', params: { at: n.firstExportAt } }
            : { key: 'A_NOTICE_NEVER' },
        })}`,
      );
    for (const f of t.rosterFlips) L.push(`  ${ui.t('A_ROSTER_FLIP', { ...f })}`);
  }
  if (r.commitments.length) {
    L.push('', ui.t('T_COMMITTED_DRAWS_NOT_YET'));
    for (const c of r.commitments) {
      const state = c.awaitingReveal ? ui.t('T_EVERY_SOURCE_IS_PUBLIC') : ui.t('T_WAITING_FOR_ITS_SOURCES');
      L.push(`  ${c.drawId}  ${ui.t('T_COMMITTED')} ${c.committedAt}  ${state}`);
      if (c.awaitingTimestamp) L.push(`    ${ui.t('T_AWAITING_TIMESTAMP')}`);
      for (const x of c.sources)
        L.push(`    ${x.label}  ${x.publicAt}  ${x.isPublic ? ui.t('T_PUBLIC') : ui.t('T_NOT_PUBLIC_YET')}`);
    }
  }
  return L.join('\n');
}
