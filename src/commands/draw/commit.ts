// inspect draw --commit --beacon SPEC…: plan exactly as a recording draw would, freeze the frame and the
// matching input, and record a commitment naming public random values that do not exist yet
// (inspect-commit/1 §1). The reveal (inspect reveal) later records the draw from these frozen inputs.
import { io } from '../../io/processIo.js';
import { departmentNames } from '../../io/exportData.js';
import { lotteryDateProblem, sourceLabel, sourceTimeProblem, sourceWhere, type Source } from '../../core/beacon.js';
import { sha256Hex } from '../../core/canonical.js';
import { commitmentText, makeCommitment } from '../../core/commitment.js';
import { Exit, InspectError } from '../../core/errors.js';
import { aloneChecker, type MatchFailure } from '../../core/matching.js';
import { assignFrame, rowsText, type AssignHead } from '../../core/assignText.js';
import type { IdColumn } from '../../core/idColumn.js';
import { planSummary, type Plan } from '../../core/plan.js';
import { clockOverridden, nowSeconds, nowWithOffset } from '../../io/clock.js';
import { insertCommitment, partWriter } from '../../io/commitStore.js';
import { isPracticeDb, writeTransaction, type Db } from '../../io/db.js';
import { insertPolicy, policyText } from '../../io/policyStore.js';
import { loadMatchObjects, nextDrawId } from '../../io/drawStore.js';
import { appendEvent } from '../../io/events.js';
import { askConfirm } from '../../io/prompts.js';
import type { Context } from '../../cli/context.js';
import { planFromDb, planUnderLock, type DrawRequest } from './drawPlan.js';
import { checkPending, failureLines, matchInput } from './drawRecord.js';
import { renderPlan } from './drawRender.js';

export interface CommitOutcome {
  drawId: string;
  status: 'committed';
  commitDigest: string;
  inputDigest: string;
  assignDigest: string;
  committedAt: string;
  allocation: Plan['allocation'];
  sources: Source[];
  supersedes: string | null;
  clockOverridden: boolean;
}

/** Every source must become public strictly later than now (plus the policy's lead for drand and witness). */
function checkSources(sources: Source[], minLead: number): void {
  const now = nowSeconds();
  for (const s of sources) {
    const p = sourceTimeProblem(s, now, minLead) ?? lotteryDateProblem(s);
    if (p) throw new InspectError(Exit.data, { key: 'E_SOURCE_NOT_FUTURE', params: { reason: p } });
  }
}

/** How many unmatchable objects are listed one by one; the rest are counted. */
const LIST_AT_MOST = 30;

export async function runCommit(
  ctx: Context,
  db: Db,
  req: DrawRequest,
  sources: Source[],
  lead: string,
): Promise<CommitOutcome> {
  const { ui } = ctx;
  checkSources(sources, req.policy.commit.minLeadMinutes);
  let confirmed: Plan | null = null;
  if (ui.interactive) {
    const { plan } = planFromDb(db, req, nextDrawId(db, req.year, lead));
    checkPending(db, req.year, plan.categories, req.supersede);
    io().stderr.write(`${renderPlan(planSummary(plan), ui, departmentNames(db))}\n`);
    sources.forEach((s, i) =>
      io().stderr.write(`${ui.t('I_COMMIT_SOURCE', { index: i + 1, source: sourceLabel(s), at: s.publicAt })}\n`),
    );
    confirmed = plan;
  }
  if (!(await askConfirm(ui, ui.t('I_CONFIRM_COMMIT')))) throw new InspectError(Exit.cancelled, { key: 'E_CANCELLED' });
  const result = await writeTransaction(db, ctx.dbPath, () => commit(ctx, db, req, sources, confirmed));
  if (ui.json) ui.outJson(result);
  else {
    ui.out(ui.t('I_COMMITTED', { id: result.drawId, digest: result.commitDigest }));
    result.sources.forEach((s, i) => {
      ui.out(ui.t('I_COMMIT_SOURCE', { index: i + 1, source: sourceLabel(s), at: s.publicAt }));
      // Where the value will be, so the clerk needs nobody to tell them (fetched there, checked here offline).
      const where = sourceWhere(s);
      for (const url of where.urls) ui.out(`      ${url}`);
      if (where.fetch)
        ui.out(
          ui.t('I_SOURCE_FETCH', { command: where.fetch, id: result.drawId, round: s.kind === 'drand' ? s.round : '' }),
        );
    });
    ui.info('I_COMMIT_NEXT', { id: result.drawId });
    if (result.clockOverridden) ui.warn('W_CLOCK_OVERRIDDEN');
  }
  return result;
}

/** Object rows are read, checked and written this many at a time. */
const PAGE = 8192;

/**
 * The frozen matching input of every frame object, written into commitment_parts: the canonical text's
 * prefix, each page of rows (read from the roster, checked to be matchable alone), then its suffix.
 */
function freezeMatchInput(
  db: Db,
  drawId: string,
  head: AssignHead,
  ids: IdColumn,
): { digest: string; failures: MatchFailure[] } {
  const { prefix, suffix } = assignFrame(head);
  const out = partWriter(db, drawId);
  const alone = aloneChecker(head);
  const failures: MatchFailure[] = [];
  out.write(prefix);
  for (let at = 0; at < ids.length; at += PAGE) {
    const page: string[] = [];
    for (let i = at; i < Math.min(ids.length, at + PAGE); i++) page.push(ids.at(i));
    const rows = loadMatchObjects(db, page);
    for (const f of alone(rows)) failures.push(f);
    out.write(at === 0 ? rowsText(rows) : `,${rowsText(rows)}`);
  }
  out.write(suffix);
  return { digest: out.end().digest, failures };
}

function commit(ctx: Context, db: Db, req: DrawRequest, sources: Source[], confirmed: Plan | null): CommitOutcome {
  checkSources(sources, req.policy.commit.minLeadMinutes);
  const { drawId, plan, items, snapshot } = planUnderLock(ctx, db, req, confirmed, true);

  // The selection is unknown, so the matching input covers the whole frame, and every object must be
  // able to get a full team on its own: otherwise some reveal could fail, and a failed reveal would
  // invite a second try. The input is written into commitment_parts a page of rows at a time and each
  // page is checked as it goes: at no point is it whole in memory (issue 25).
  // The header is the plain draw's, built the same way (with no object rows).
  const { objects: _, ...head } = matchInput(db, {
    drawId,
    teamSize: req.policy.teamSize,
    windowEnd: req.window.end,
    crossRegion: req.crossRegion,
    departments: plan.departments,
    items,
    objectIds: [],
  });
  const frozen = freezeMatchInput(db, drawId, head, plan.frame.frame.ids);
  if (frozen.failures.length) {
    const size = Math.max(req.policy.teamSize, plan.departments.length);
    const details = failureLines(frozen.failures, LIST_AT_MOST);
    throw new InspectError(
      Exit.data,
      { key: 'E_COMMIT_UNMATCHABLE', params: { count: frozen.failures.length, size } },
      details,
    );
  }
  const committedAt = nowWithOffset();
  const commitment = makeCommitment({
    drawId,
    year: req.year,
    items: req.itemCodes,
    departments: plan.departments,
    window: req.window,
    inputDigest: plan.inputDigest,
    assignDigest: frozen.digest,
    allocation: plan.allocation,
    sources,
    committedAt,
    ...(isPracticeDb(db) ? { practice: true as const } : {}),
  });
  const text = commitmentText(commitment);
  const digest = sha256Hex(text);
  const overridden = clockOverridden();
  insertCommitment(db, {
    drawId,
    year: req.year,
    leadDepartment: plan.departments[0]!,
    categories: plan.categories,
    regions: req.regions,
    crossRegion: req.crossRegion,
    commitmentText: text,
    commitDigest: digest,
    frameBytes: plan.frameBytes,
    snapshot: snapshot.deflated,
    rosterDigest: snapshot.digest,
    supersedes: req.supersede,
    reason: req.reason,
    clockOverridden: overridden,
    createdAt: committedAt,
    operator: ctx.operator,
  });
  insertPolicy(db, `commitments:${drawId}`, policyText(req.policy));
  appendEvent(db, {
    at: committedAt,
    operator: ctx.operator,
    action: 'draw.commit',
    summary: {
      key: 'L_COMMIT',
      params: {
        drawId,
        items: req.itemCodes.join(','),
        year: req.year,
        eligible: plan.frame.frame.ids.length,
        toDraw: Object.values(plan.allocation.n).reduce((a, b) => a + b, 0),
        inputDigest: plan.inputDigest,
        commitDigest: digest,
        sources: sources.map((s) => `${sourceLabel(s)} @ ${s.publicAt}`).join(', '),
        supersedes: req.supersede
          ? {
              key: req.sourceUnavailable ? 'L_SUPERSEDES_UNAVAILABLE' : 'L_SUPERSEDES',
              params: { id: req.supersede, reason: req.reason },
            }
          : '',
      },
    },
    payloadSha256: digest,
    ref: `commitments:${drawId}`,
  });
  return {
    drawId,
    status: 'committed',
    commitDigest: digest,
    inputDigest: plan.inputDigest,
    assignDigest: commitment.assignDigest,
    committedAt,
    allocation: plan.allocation,
    sources,
    supersedes: req.supersede,
    clockOverridden: overridden,
  };
}
