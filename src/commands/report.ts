// inspect report: read → buildReport (core) → print or --json; --fail-on-overdue for cron.
import { ExitError } from '../core/errors.js';
import { buildReport, type PendingCommitment, type Report } from '../core/report.js';
import { loadCalendar } from '../io/calendarData.js';
import { readPolicy } from '../io/policyFile.js';
import type { Db } from '../io/db.js';
import { ACTIVE_STATUS_SQL } from '../io/drawStore.js';
import type { Context } from './context.js';
import { parseYear } from './draw.js';
import { parseAsOf } from './results.js';
import { sourcesAt, type Commitment } from '../core/commitment.js';
import { nowSeconds } from '../io/clock.js';
import { listCommitments } from '../io/commitStore.js';

export const EXIT_OVERDUE = 3;



function gather(db: Db, year: number) {
  const draws = db
    .prepare(
      `SELECT d.id, d.items, d.departments, s.by_id AS superseded_by, s.reason AS superseded_reason,
              (SELECT count(*) FROM draw_selections x WHERE x.draw_id = d.id) AS selected
       FROM draws d LEFT JOIN supersessions s ON s.superseded = d.id WHERE d.year = ? ORDER BY d.created_at, d.id`,
    )
    .all(year) as { id: string; items: string; departments: string; superseded_by: string | null; superseded_reason: string | null; selected: number }[];
  const results = db
    .prepare(`SELECT r.draw_id, r.object_id, r.completed_on, r.result_code, r.published_on FROM current_results r JOIN draws d ON d.id = r.draw_id WHERE d.year = ?`)
    .all(year) as { draw_id: string; object_id: string; completed_on: string; result_code: string; published_on: string | null }[];
  const departments = db.prepare('SELECT code, name FROM departments WHERE in_roster = 1 ORDER BY code').all() as { code: string; name: string }[];
  const covered = db
    .prepare(
      `SELECT dep, count(DISTINCT obj) FROM (
         SELECT department AS dep, credit_code AS obj FROM history WHERE substr(date, 1, 4) = @y
         UNION ALL
         SELECT j.value AS dep, s.object_id AS obj FROM draws d JOIN json_each(d.departments) j JOIN draw_selections s ON s.draw_id = d.id
         WHERE d.year = @yn AND NOT EXISTS (SELECT 1 FROM supersessions x WHERE x.superseded = d.id)
       ) GROUP BY dep`,
    )
    .raw()
    .all({ y: String(year), yn: year }) as [string, number][];
  const supervised = db.prepare(`SELECT count(*) FROM objects WHERE in_roster = 1 AND ${ACTIVE_STATUS_SQL}`).pluck().get() as number;
  const items = db
    .prepare(
      `SELECT i.code, i.name, (SELECT count(*) FROM draws d JOIN json_each(d.items) j WHERE j.value = i.code AND d.year = ? AND NOT EXISTS (SELECT 1 FROM supersessions x WHERE x.superseded = d.id)) AS n
       FROM items i WHERE i.in_roster = 1 ORDER BY i.code`,
    )
    .all(year) as { code: string; name: string; n: number }[];
  const otherYears = db
    .prepare(`SELECT r.draw_id, r.object_id, r.completed_on, r.result_code, r.published_on FROM current_results r JOIN draws d ON d.id = r.draw_id
              WHERE d.year != ? AND r.published_on IS NULL AND NOT EXISTS (SELECT 1 FROM supersessions x WHERE x.superseded = d.id)`)
    .all(year) as typeof results;
  return { draws, results, otherYears, departments, covered, supervised, items };
}

export function runReport(ctx: Context, opts: { year?: string; asOf?: string; calendar?: string; policy?: string; failOnOverdue?: boolean }): Report {
  const { ui } = ctx;
  const asOf = parseAsOf(opts.asOf);
  const year = opts.year ? parseYear(opts.year) : Number(asOf.slice(0, 4));
  const calendar = loadCalendar(opts.calendar);
  const policy = readPolicy(opts.policy);
  const db = ctx.openDb({ readonly: true });
  let g;
  let pending: PendingCommitment[];
  try {
    g = gather(db, year);
    const now = nowSeconds();
    pending = listCommitments(db, year)
      .filter((c) => !c.revealed_at && !c.superseded_by)
      .map((c) => {
        const sources = sourcesAt(JSON.parse(c.commitment) as Commitment, now).map((x) => ({ label: x.label, publicAt: x.publicAt, isPublic: x.isPublic }));
        return { drawId: c.draw_id, committedAt: c.created_at, sources, awaitingReveal: sources.every((x) => x.isPublic) };
      });
  } finally {
    db.close();
  }
  const report = buildReport({
    commitments: pending,
    year, asOf, floorBp: policy.floorBp, calendar, supervised: g.supervised, departments: g.departments,
    coveredBy: Object.fromEntries(g.covered),
    draws: g.draws.map((d) => ({ id: d.id, items: JSON.parse(d.items), departments: JSON.parse(d.departments), selected: d.selected, supersededBy: d.superseded_by, supersededReason: d.superseded_reason })),
    results: g.results.map((r) => ({ drawId: r.draw_id, objectId: r.object_id, completedOn: r.completed_on, code: r.result_code, publishedOn: r.published_on })),
    otherYears: g.otherYears.map((r) => ({ drawId: r.draw_id, objectId: r.object_id, completedOn: r.completed_on, code: r.result_code, publishedOn: r.published_on })),
    narrowed: opts.year !== undefined,
    items: g.items.map((i) => ({ code: i.code, name: i.name, timesDrawn: i.n })),
  });
  if (report.calendarGaps.length) ui.warn('W_CALENDAR_GAP', { count: report.totals.deadlineUnknown, years: report.calendarGaps.join('、') });
  if (ui.json) ui.outJson(report);
  else ui.out(renderReport(report, ui.lang));
  if (opts.failOnOverdue && report.totals.overdue > 0) {
    ui.error('E_OVERDUE', { count: report.totals.overdue });
    throw new ExitError(EXIT_OVERDUE as never);
  }
  return report;
}

const STATE_ZH: Record<string, string> = { overdue: '已逾期', due_soon: '5 个工作日内到期', pending: '待公示', unknown: '期限无法确定', published: '已公示', published_late: '逾期公示' };
const STATE_EN: Record<string, string> = { overdue: 'OVERDUE', due_soon: 'due within 5 working days', pending: 'pending', unknown: 'deadline unknown', published: 'published', published_late: 'published late' };

export function renderReport(r: Report, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const L: string[] = [zh ? `${r.year} 年度报告（截至 ${r.asOf}）` : `Report for ${r.year} (as of ${r.asOf})`, ''];
  L.push(zh ? '抽取        状态    抽中  已录结果  已公示  5日内到期  逾期' : 'draw        status      selected  results  published  due≤5  overdue');
  for (const d of r.draws) {
    const st = d.status === 'superseded' ? (zh ? `已作废（${d.supersededReason}）` : `superseded (${d.supersededReason})`) : zh ? '有效' : 'standing';
    L.push(`${d.drawId}  ${st}  ${d.selected}  ${d.resultsEntered}  ${d.published}  ${d.dueWithin5}  ${d.overdue}`);
  }
  if (r.draws.length === 0) L.push(zh ? '（本年度尚无抽取）' : '(no draws this year)');
  L.push('', zh ? '未公示的结果及期限（完成日后 20 个工作日）：' : 'Results not yet published, with deadlines (20 working days after completion):');
  for (const u of r.unpublished) {
    const dl = u.deadline ?? (zh ? `无法确定（${u.uncoveredYear} 年节假日数据缺失）` : `unknown (no holiday data for ${u.uncoveredYear})`);
    L.push(`  ${u.drawId}  ${u.objectId}  ${zh ? '完成' : 'done'} ${u.completedOn}  ${zh ? '期限' : 'due'} ${dl}  ${(zh ? STATE_ZH : STATE_EN)[u.state]}${u.abnormalList ? (zh ? '  需列入经营异常名录' : '  → 经营异常名录') : ''}`);
  }
  if (r.unpublished.length === 0) L.push(zh ? '  （无）' : '  (none)');
  if (r.publishedLate.length) {
    L.push('', zh ? '逾期公示的结果（公示日晚于期限）：' : 'Results published late (after their deadline):');
    for (const u of r.publishedLate) L.push(`  ${u.drawId}  ${u.objectId}  ${zh ? '期限' : 'due'} ${u.deadline}  ${zh ? '公示于' : 'published'} ${u.publishedOn}  ${(zh ? STATE_ZH : STATE_EN)[u.state]}`);
  }
  L.push('', zh ? '各部门本年覆盖（不同对象数 / 在册监管对象，下限）：' : 'Coverage this year by department (distinct objects / supervised, floor):');
  for (const d of r.departments) {
    L.push(`  ${d.department} ${d.name}: ${d.covered} / ${d.supervised}  ${zh ? '下限' : 'floor'} ${(d.floorBp / 100).toFixed(2)}% = ${d.floorNeeded}  ${d.meetsFloor ? (zh ? '已达到' : 'met') : zh ? '未达到' : 'NOT met'}`);
  }
  L.push('', zh ? '各抽查事项本年抽取次数：' : 'Times each item was drawn this year:');
  for (const i of r.items) L.push(`  ${i.code} ${i.name}: ${i.timesDrawn}${i.warning ? (zh ? '  ⚠ 本年尚未抽取（每项每年至少一次）' : '  ⚠ not drawn yet (each item at least once a year)') : ''}`);
  L.push('', zh ? '检查结果分布：' : 'Result distribution:');
  const dist = Object.entries(r.distribution);
  for (const [code, v] of dist) L.push(`  ${code} ${v.text}: ${v.count}`);
  if (dist.length === 0) L.push(zh ? '  （尚无结果）' : '  (no results yet)');
  if (r.commitments.length) {
    L.push('', zh ? '尚未揭示的承诺抽取：' : 'Committed draws not yet revealed:');
    for (const c of r.commitments) {
      const state = c.awaitingReveal
        ? zh ? '⚠ 随机源均已公开，应尽快揭示（inspect reveal）' : '⚠ every source is public: reveal it now (inspect reveal)'
        : zh ? '等待随机源公开' : 'waiting for its sources';
      L.push(`  ${c.drawId}  ${zh ? '承诺于' : 'committed'} ${c.committedAt}  ${state}`);
      for (const x of c.sources) L.push(`    ${x.label}  ${x.publicAt}  ${x.isPublic ? (zh ? '已公开' : 'public') : zh ? '尚未公开' : 'not public yet'}`);
    }
  }
  return L.join('\n');
}
