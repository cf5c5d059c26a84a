// inspect draw: read the rosters → plan (core) → confirm → record atomically. A draw stands once made.
import { randomBytes } from 'node:crypto';
import { Exit, InspectError, usageError } from '../core/errors.js';
import { listMsg, type Msg } from '../core/messages.js';
import { planDraw, planSummary, type Plan } from '../core/plan.js';
import { recordText, computeSelection, computeAssignments, assignText, type DrawRecord } from '../core/record.js';
import { sha256Hex } from '../core/canonical.js';
import { ASSIGN_ALGORITHM, ALGORITHM } from '../core/drawTypes.js';
import type { AssignInput, MatchFailure } from '../core/matching.js';
import type { Policy } from '../core/policy.js';
import { snapshotText, type ScopeObject } from '../core/frame.js';
import { packSnapshot } from '../io/drawStore.js';
import { parseDate } from '../core/values.js';
import { today, nowWithOffset } from '../io/clock.js';
import { writeTransaction, type Db } from '../io/db.js';
import {
  allItemCodes, hasObjects, getDraw, insertDraw, loadActiveObjects, loadHistory, loadInspectors, loadItems, loadMatchObjects,
  loadParents, loadStanding, nextDrawId,
} from '../io/drawStore.js';
import { appendEvent } from '../io/events.js';
import { readPolicy } from '../io/policyFile.js';
import { askConfirm, askItems, askText } from '../io/prompts.js';
import { SEEDRANDOM_VERSION, VERSION } from '../version.js';
import type { Context } from './context.js';
import { renderPlan } from './drawRender.js';

export interface DrawOptions {
  items?: string;
  year?: string;
  seed?: string;
  policy?: string;
  region?: string[];
  crossRegion?: boolean;
  window?: string;
  dryRun?: boolean;
  supersede?: string;
  reason?: string;
}

export interface DrawRequest {
  itemCodes: string[];
  year: number;
  policy: Policy;
  regions: string[];
  crossRegion: boolean;
  window: { start: string; end: string };
  supersede: string | null;
  reason: string | null;
}

export function parseYear(v: string): number {
  if (!/^\d{4}$/.test(v.trim())) throw usageError('E_BAD_YEAR', { value: v });
  return Number(v);
}

export function parseWindow(v: string | undefined, year: number, drawDate: string): { start: string; end: string } {
  if (v === undefined) {
    const start = drawDate.slice(0, 4) === String(year) ? drawDate : `${year}-01-01`;
    const end = `${year}-12-31`;
    if (start > end || drawDate > end) throw usageError('E_WINDOW_PAST', { start, end });
    return { start: drawDate > start ? drawDate : start, end };
  }
  const m = /^(.+?)\.\.(.+)$/.exec(v.trim());
  const a = m ? parseDate(m[1]!) : null;
  const b = m ? parseDate(m[2]!) : null;
  if (!a?.ok || !b?.ok || a.value > b.value) throw usageError('E_BAD_WINDOW', { value: v });
  return { start: a.value, end: b.value };
}

export function splitCodes(v: string): string[] {
  return [...new Set(v.split(/[,，;；\s]+/).map((s) => s.trim()).filter(Boolean))];
}

/** Reads everything the plan needs and builds it (pure core) for the given draw id. */
export function planFromDb(db: Db, req: DrawRequest, drawId: string): { plan: Plan; items: ReturnType<typeof loadItems>['items']; objects: ScopeObject[] } {
  const { items, unknown } = loadItems(db, req.itemCodes);
  if (unknown.length) throw usageError('E_UNKNOWN_ITEMS', { codes: unknown.join(', ') });
  if (!hasObjects(db)) throw new InspectError(Exit.data, { key: 'E_NO_OBJECTS' });
  const objects = loadActiveObjects(db);
  const plan = planDraw({
    drawId, year: req.year, policy: req.policy, items, regions: req.regions,
    objects, history: loadHistory(db, req.year), standing: loadStanding(db, req.year, req.supersede), parents: loadParents(db),
  });
  return { plan, items, objects };
}

function checkSupersede(db: Db, req: DrawRequest): void {
  if (!req.supersede) return;
  const d = getDraw(db, req.supersede);
  if (!d) throw usageError('E_UNKNOWN_DRAW', { id: req.supersede });
  if (d.superseded_by) throw new InspectError(Exit.data, { key: 'E_ALREADY_SUPERSEDED', params: { id: d.id, by: d.superseded_by } });
  if (d.year !== req.year) throw usageError('E_SUPERSEDE_YEAR', { id: d.id, year: d.year, want: req.year });
}

async function resolveRequest(ctx: Context, db: Db, opts: DrawOptions): Promise<DrawRequest> {
  const { ui } = ctx;
  const zh = ui.lang === 'zh';
  let itemsArg = opts.items;
  if (!itemsArg) itemsArg = (await askItems(ui, allItemCodes(db))).join(',');
  let yearArg = opts.year;
  if (!yearArg) yearArg = await askText(ui, zh ? '计划年度' : 'Plan year', '--year', today().slice(0, 4), (v) => /^\d{4}$/.test(v) || (zh ? '四位年份' : 'four digits'));
  const year = parseYear(yearArg);
  if (opts.supersede && !opts.reason) throw usageError('E_SUPERSEDE_REASON');
  if (opts.reason && !opts.supersede) throw usageError('E_REASON_ALONE');
  const itemCodes = splitCodes(itemsArg);
  if (itemCodes.length === 0) throw usageError('E_NO_ITEMS');
  return {
    itemCodes, year, policy: readPolicy(opts.policy), regions: opts.region ?? [], crossRegion: Boolean(opts.crossRegion),
    window: parseWindow(opts.window, year, today()), supersede: opts.supersede ?? null, reason: opts.reason ?? null,
  };
}

export interface DrawOutcome {
  drawId: string;
  seed: string;
  inputDigest: string;
  seedHex: string;
  allocation: Plan['allocation'];
  selectedCount: number;
  recordSha256: string;
  supersedes: string | null;
}

export async function runDraw(ctx: Context, opts: DrawOptions): Promise<DrawOutcome | ReturnType<typeof planSummary>> {
  const { ui } = ctx;
  const db = ctx.openDb();
  try {
    const req = await resolveRequest(ctx, db, opts);
    checkSupersede(db, req);
    const lead = loadItems(db, req.itemCodes).items[0]?.department ?? '';
    let seed = opts.seed;
    if (seed === undefined && ui.interactive && !opts.dryRun) {
      seed = await askText(ui, ui.lang === 'zh' ? '随机种子（如现场宣读的号码；直接回车则由系统随机生成）' : 'Seed (e.g. numbers read out at the ceremony; press Enter to generate one)', '--seed', '');
    }

    // On a terminal the allocation is shown and confirmed before anything is drawn; the write phase then
    // rebuilds the plan under the lock and refuses if it changed. With --yes the plan is built once,
    // under the lock, and shown on stderr.
    let confirmed: Plan | null = null;
    if (opts.dryRun || ui.interactive) {
      const { plan } = planFromDb(db, req, nextDrawId(db, req.year, lead));
      const summary = planSummary(plan);
      if (opts.dryRun) {
        if (ui.json) ui.outJson({ dryRun: true, ...summary });
        else {
          ui.out(renderPlan(summary, ui));
          ui.info('I_DRY_RUN');
        }
        return summary;
      }
      process.stderr.write(`${renderPlan(summary, ui)}\n`);
      confirmed = plan;
    }
    if (!(await askConfirm(ui, ui.t('I_CONFIRM')))) throw new InspectError(Exit.cancelled, { key: 'E_CANCELLED' });

    if (seed === undefined || seed === '') {
      seed = randomBytes(32).toString('hex');
      ui.info('I_SEED_GENERATED', { seed });
    }
    const result = await writeTransaction(db, ctx.dbPath, () => record(ctx, db, req, confirmed, seed!));
    if ('failures' in result) {
      throw new InspectError(Exit.data, { key: 'E_MATCH_FAILED', params: { count: result.failures.length, size: result.size } }, result.failures.map((f) => failureMsg(f)));
    }
    if (ui.json) ui.outJson(result);
    else ui.out(ui.t('I_DRAW_DONE', { id: result.drawId, n: result.selectedCount, digest: result.inputDigest, seed: result.seed }));
    return result;
  } finally {
    db.close();
  }
}

/** Under the write lock: rebuild the plan, select, match, and record — or log the failed attempt. */
function record(ctx: Context, db: Db, req: DrawRequest, confirmed: Plan | null, seed: string): DrawOutcome | { failures: MatchFailure[]; size: number } {
  checkSupersede(db, req);
  const lead = loadItems(db, req.itemCodes).items[0]!.department;
  const drawId = nextDrawId(db, req.year, lead);
  // What was confirmed must be what is drawn: another draw or import in between changes the id or frame.
  if (confirmed && confirmed.frame.drawId !== drawId) throw new InspectError(Exit.busy, { key: 'E_DRAW_RACE' });
  const planned: Partial<ReturnType<typeof planFromDb>> = planFromDb(db, req, drawId);
  const { plan, items } = planned as ReturnType<typeof planFromDb>;
  // Hash and compress the snapshot of the rows read now, and let go of the rows before matching:
  // at a million objects they are most of the memory.
  const snapshot = packSnapshot(snapshotText(planned.objects!));
  delete planned.objects;
  if (confirmed && plan.frameText !== confirmed.frameText) throw new InspectError(Exit.busy, { key: 'E_DRAW_RACE' });
  if (!confirmed && !ctx.ui.json && !ctx.ui.quiet) process.stderr.write(`${renderPlan(planSummary(plan), ctx.ui)}\n`);
  const computed = computeSelection(plan.frameText, plan.frame, seed);
  const requirements = [...new Set(items.filter((i) => i.specialty).map((i) => `${i.department}\u0000${i.specialty}`))].sort().map((s) => s.split('\u0000') as [string, string]);
  const assignInput: AssignInput = {
    algorithm: ASSIGN_ALGORITHM, drawId: plan.frame.drawId, teamSize: req.policy.teamSize, windowEnd: req.window.end, crossRegion: req.crossRegion,
    departments: plan.departments, requirements, inspectors: loadInspectors(db, plan.departments), objects: loadMatchObjects(db, computed.selected.map((s) => s.id)),
  };
  const aText = assignText(assignInput);
  const match = computeAssignments(assignInput, computed.seedHex);
  const at = nowWithOffset();
  if (!match.ok) {
    // Nothing of the draw is recorded, but the attempt is: a failed draw with one seed must not be
    // quietly retried with another (seed shopping).
    appendEvent(db, {
      at, operator: ctx.operator, action: 'draw.failed',
      summary: `${plan.frame.drawId} not recorded: ${match.failures.length} objects without a full team; seed ${seed}; input digest ${computed.inputDigest}`,
      payloadSha256: sha256Hex(`${computed.inputDigest}\n${computed.seedHex}\n${sha256Hex(aText)}`),
      ref: `draw-attempt:${plan.frame.drawId}`,
    });
    return { failures: match.failures, size: Math.max(req.policy.teamSize, plan.departments.length) };
  }
  const rec: DrawRecord = {
    algorithm: ALGORITHM, assignAlgorithm: ASSIGN_ALGORITHM, drawId: plan.frame.drawId, year: req.year, items: req.itemCodes, departments: plan.departments,
    window: req.window, seed, inputDigest: computed.inputDigest, seedHex: computed.seedHex, allocation: computed.allocation, selected: computed.selected,
    assignDigest: sha256Hex(aText), assignments: match.assignments, rosterDigest: snapshot.digest, supersedes: req.supersede, reason: req.reason,
    software: { inspect: VERSION, seedrandom: SEEDRANDOM_VERSION, node: process.version },
  };
  const rText = recordText(rec);
  const rSha = sha256Hex(rText);
  insertDraw(db, {
    createdAt: at, operator: ctx.operator, record: rec, recordText: rText, recordSha256: rSha, frameText: plan.frameText, assignText: aText, leadDepartment: plan.departments[0]!,
    categories: plan.categories, regions: req.regions, crossRegion: req.crossRegion, snapshot: snapshot.deflated,
  });
  appendEvent(db, {
    at, operator: ctx.operator, action: req.supersede ? 'draw.supersede' : 'draw',
    summary: `${rec.drawId} items ${rec.items.join(',')} year ${rec.year}: ${rec.selected.length} of ${plan.frame.frame.length} selected; digest ${rec.inputDigest}; seed ${seed}` +
      (req.supersede ? `; supersedes ${req.supersede}: ${req.reason}` : ''),
    payloadSha256: rSha,
    ref: `draws:${rec.drawId}`,
  });
  return {
    drawId: rec.drawId, seed, inputDigest: rec.inputDigest, seedHex: rec.seedHex, allocation: rec.allocation, selectedCount: rec.selected.length,
    recordSha256: rSha, supersedes: rec.supersedes,
  };
}

function failureMsg(f: MatchFailure): Msg {
  const candidates: Msg = f.candidates.length
    ? listMsg(f.candidates.map((c) => ({ key: 'E_MATCH_CANDIDATE', params: { id: c.id, dept: c.department, reasons: listMsg(c.reasons.map((r) => ({ key: `R_${r}` })), '、') } })), '; ')
    : { key: 'E_MATCH_NOBODY' };
  return { key: 'E_MATCH_OBJECT', params: { id: f.id, dept: f.department ? ` [${f.department}]` : '', candidates } };
}
