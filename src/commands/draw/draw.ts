// inspect draw: read the rosters → plan (core) → confirm → record atomically. A draw stands once made.
import { io } from '../../io/processIo.js';
import { departmentNames } from '../../io/exportData.js';
import { parseLoggedText, parseSpec, parseWindow, parseYear, splitCodes } from '../../cli/optionParsers.js';
import { randomBytes } from 'node:crypto';
import { formatInstant, parseSourceSpec, type Source } from '../../core/beacon.js';
import { Exit, InspectError, usageError } from '../../core/errors.js';
import { planSummary, type Plan } from '../../core/plan.js';
import { assignText } from '../../core/record.js';

import { nowSeconds, today } from '../../io/clock.js';
import { isPracticeDb, writeTransaction, type Db } from '../../io/db.js';
import { applySettings } from '../../core/settings.js';
import { currentSettings } from '../../io/settingsStore.js';
import { policyText } from '../../io/policyStore.js';
import { appendEvent } from '../../io/events.js';
import { canonicalJson, sha256Hex } from '../../core/canonical.js';
import { nowWithOffset } from '../../io/clock.js';
import { allItemCodes, standingWithItems, loadItems, nextDrawId } from '../../io/drawStore.js';
import { readPolicy } from '../../io/policyFile.js';
import { askChoice, askConfirm, askItems, askText } from '../../io/prompts.js';
import type { Context } from '../../cli/context.js';
import { runCommit, type CommitOutcome } from './commit.js';
import { planFromDb, planUnderLock, type DrawRequest } from './drawPlan.js';
import {
  checkPending,
  checkSupersede,
  failureLines,
  matchInput,
  recordDraw,
  selectionOf,
  type DrawOutcome,
  type RecordResult,
  type ToRecord,
} from './drawRecord.js';
import { renderPlan } from './drawRender.js';
import type { DrawOptions } from '../../cli/flags.js';

export type { DrawOutcome };
export type { DrawRequest };
export type { DrawOptions };

async function resolveRequest(ctx: Context, db: Db, opts: DrawOptions): Promise<DrawRequest> {
  const { ui } = ctx;
  let itemsArg = opts.items;
  if (!itemsArg) {
    const loaded = allItemCodes(db);
    // Nothing to choose from: say what to import first rather than open an empty list.
    if (loaded.length === 0) throw new InspectError(Exit.noInput, { key: 'E_NO_ITEMS_LOADED' });
    const picked = await askItems(ui, loaded);
    // The list returns its own order: which item leads (its department leads the task) is asked.
    if (picked.length > 1) {
      const lead = await askChoice(
        ui,
        ui.t('T_LEADING_ITEM_ITS_DEPARTMENT'),
        picked.map((c) => {
          const i = loaded.find((x) => x.code === c)!;
          return { value: c, name: `${c}  ${i.name}  [${i.department}]` };
        }),
      );
      picked.splice(picked.indexOf(lead), 1);
      picked.unshift(lead);
    }
    itemsArg = picked.join(',');
  }
  const thisYear = Number(today().slice(0, 4));
  let yearArg = opts.year;
  if (!yearArg) {
    // A plan year at the prompt is this year or the next: anything else is a typo, caught here.
    yearArg = await askText(ui, ui.t('T_PLAN_YEAR'), '--year', String(thisYear), (v) =>
      /^\d{4}$/.test(v) && Math.abs(Number(v) - thisYear) <= 1
        ? true
        : ui.t('T_A_YEAR_FROM_TO', { from: thisYear - 1, to: thisYear + 1 }),
    );
  }
  const year = parseYear(yearArg);
  if (opts.supersede && !opts.reason) throw usageError('E_SUPERSEDE_REASON');
  if (opts.sourceUnavailable && !opts.supersede) throw usageError('E_SOURCE_UNAVAILABLE_ALONE');
  if (opts.reason && !opts.supersede) throw usageError('E_REASON_ALONE');
  const itemCodes = splitCodes(itemsArg);
  if (itemCodes.length === 0) throw usageError('E_NO_ITEMS');
  let windowArg = opts.window;
  if (windowArg === undefined && ui.interactive && !opts.dryRun) {
    // Shown, and changeable: the window decides which certificates are valid long enough.
    let def: string;
    try {
      const w = parseWindow(undefined, year, today());
      def = `${w.start}..${w.end}`;
    } catch {
      def = `${year}-01-01..${year}-12-31`;
    }
    windowArg = await askText(ui, ui.t('T_INSPECTION_WINDOW_START_END'), '--window', def, (v) => {
      try {
        parseWindow(v, year, today());
        return true;
      } catch (e) {
        return e instanceof InspectError ? ui.t(e.msg) : String(e);
      }
    });
  }
  // A plan year and its window are what they say: no draw for 1900, no window in another year.
  if (year < 2000 || year > 2099) throw new InspectError(Exit.data, { key: 'E_YEAR_RANGE', params: { year } });
  const window = parseWindow(windowArg, year, today());
  if (window.start.slice(0, 4) !== String(year) || window.end.slice(0, 4) !== String(year))
    throw new InspectError(Exit.data, { key: 'E_WINDOW_YEAR', params: { ...window, year } });
  return {
    itemCodes,
    year,
    // The file's policy, with the office's settings as a floor no file can lower.
    policy: applySettings(readPolicy(opts.policy), currentSettings(db)),
    regions: opts.region ?? [],
    crossRegion: Boolean(opts.crossRegion),
    window,
    supersede: opts.supersede ?? null,
    reason: opts.reason === undefined ? null : parseLoggedText(opts.reason, '--reason', 500),
    sourceUnavailable: Boolean(opts.sourceUnavailable),
  };
}

export async function runDraw(
  ctx: Context,
  opts: DrawOptions,
): Promise<DrawOutcome | CommitOutcome | ReturnType<typeof planSummary>> {
  const { ui } = ctx;
  const db = ctx.openDb();
  try {
    if (opts.seed !== undefined) checkSeed(opts.seed);
    const req = await resolveRequest(ctx, db, opts);
    checkSupersede(db, req.supersede, req.year);
    const lead = loadItems(db, req.itemCodes).items[0]?.department ?? '';
    let mode = await chooseMode(ctx, opts, req);
    if (!opts.dryRun) await bindingCheck(ctx, db, req, mode.commit);
    if (mode.commit) return await runCommit(ctx, db, req, mode.sources, lead);
    let seed = mode.seed;
    if (seed === undefined && ui.interactive && !opts.dryRun) {
      seed = await askText(ui, ui.t('T_SEED_E_G_NUMBERS'), '--seed', '', (v) =>
        CONTROL.test(v) ? ui.t('E_SEED_CONTROL') : true,
      );
    }
    mode = { commit: false, seed };

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
          ui.out(renderPlan(summary, ui, departmentNames(db)));
          ui.info('I_DRY_RUN');
        }
        return summary;
      }
      checkPending(db, req.year, plan.categories, req.supersede);
      io().stderr.write(`${renderPlan(summary, ui, departmentNames(db))}\n`);
      // What is irreversible is said before the question: the seed, or that one will be generated.
      ui.info(seed ? 'I_SEED_WILL_BE' : 'I_SEED_WILL_BE_GENERATED', { seed: seed ?? '' });
      confirmed = plan;
    }
    // A second batch of an item in a year is legitimate, but must never be an accident.
    const earlier = standingWithItems(db, req.year, req.itemCodes, req.supersede);
    if (earlier.length) {
      ui.warn('W_SECOND_BATCH', { draws: earlier.join('、'), items: req.itemCodes.join(',') });
      if (ui.interactive && !(await askConfirm(ui, ui.t('I_CONFIRM_SECOND_BATCH'))))
        throw new InspectError(Exit.cancelled, { key: 'E_CANCELLED' });
    }
    if (!(await askConfirm(ui, ui.t('I_CONFIRM')))) throw new InspectError(Exit.cancelled, { key: 'E_CANCELLED' });

    if (seed === undefined || seed === '') {
      seed = randomBytes(32).toString('hex');
      ui.info('I_SEED_GENERATED', { seed });
    }
    const result = await writeTransaction(db, ctx.dbPath, () => record(ctx, db, req, confirmed, seed!));
    if ('failures' in result) {
      throw new InspectError(
        Exit.data,
        { key: 'E_MATCH_FAILED', params: { count: result.failures.length, size: result.size } },
        failureLines(result.failures),
      );
    }
    if (ui.json) ui.outJson(result);
    else {
      ui.out(
        ui.t('I_DRAW_DONE', {
          id: result.drawId,
          n: result.selectedCount,
          digest: result.inputDigest,
          seed: result.seed,
        }),
      );
      // For the minutes: the command that makes this very draw, then what comes next.
      ui.info('I_EQUIVALENT', { command: equivalentCommand(req, opts, result.seed) });
      ui.info('I_NEXT_STEPS', { id: result.drawId });
    }
    return result;
  } finally {
    db.close();
  }
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A seed is printable text read out in the room: an empty --seed would silently become a generated
 * one, and a control character would be invisible in the notice and could rewrite the terminal.
 */
export function checkSeed(seed: string): void {
  if (seed.trim() === '') throw usageError('E_SEED_EMPTY');
  if (CONTROL.test(seed)) throw usageError('E_SEED_CONTROL');
}

/** The command line that records this draw without questions (for the minutes of the meeting). */
function equivalentCommand(req: DrawRequest, opts: DrawOptions, seed: string): string {
  const quote = (v: string) => (/^[\w.,:@+-]+$/.test(v) ? v : `'${v.replaceAll("'", "'\\''")}'`);
  const parts = [
    'inspect draw',
    '--items',
    req.itemCodes.join(','),
    '--year',
    String(req.year),
    '--window',
    `${req.window.start}..${req.window.end}`,
    '--seed',
    quote(seed),
  ];
  for (const r of req.regions) parts.push('--region', quote(r));
  if (req.crossRegion) parts.push('--cross-region');
  if (opts.policy) parts.push('--policy', quote(opts.policy));
  if (req.supersede) parts.push('--supersede', req.supersede, '--reason', quote(req.reason ?? ''));
  return [...parts, '--yes'].join(' ');
}

type Mode = { commit: false; seed: string | undefined } | { commit: true; sources: Source[] };

/**
 * Plain or committed. Flags decide; on a terminal with neither --seed nor --commit the wizard offers the
 * committed draw first, since a seed typed in the room can have been tried on a copy beforehand.
 */
async function chooseMode(ctx: Context, opts: DrawOptions, req: DrawRequest): Promise<Mode> {
  const { ui } = ctx;
  if (opts.beacon?.length && !opts.commit) throw usageError('E_BEACON_NEEDS_COMMIT');
  if (opts.commit) {
    if (opts.seed !== undefined) throw usageError('E_COMMIT_SEED');
    if (opts.dryRun) return { commit: false, seed: undefined };
    if (!opts.beacon?.length) {
      if (!ui.interactive) throw usageError('E_COMMIT_NEEDS_BEACON');
      return { commit: true, sources: await askSources(ctx) };
    }
    return { commit: true, sources: opts.beacon.map(parseSpec) };
  }
  if (opts.dryRun) return { commit: false, seed: opts.seed };
  if (req.policy.commit.required) throw new InspectError(Exit.data, { key: 'E_COMMIT_REQUIRED' });
  if (opts.seed !== undefined || !ui.interactive) return { commit: false, seed: opts.seed };
  const committed = await askChoice(ui, ui.t('T_KIND_OF_DRAW'), [
    { value: 'commit', name: ui.t('T_COMMITTED_DRAW_RECOMMENDED_RECORD') },
    { value: 'seed', name: ui.t('T_PLAIN_DRAW_DRAW_NOW') },
  ]);
  return committed === 'commit' ? { commit: true, sources: await askSources(ctx) } : { commit: false, seed: undefined };
}

async function askSources(ctx: Context): Promise<Source[]> {
  const { ui } = ctx;
  // A suggestion one hour ahead, on the quarter hour, in China Standard Time.
  const t = nowSeconds() + 3600;
  const suggestion = `drand@${formatInstant(t - (t % 900)).slice(0, 16)}+08:00`;
  const text = await askText(ui, ui.t('T_PUBLIC_RANDOM_SOURCES_SPACE'), '--beacon', suggestion, (v) => {
    const bad = v
      .split(/\s+/)
      .filter(Boolean)
      .map(parseSourceSpec)
      .find((r) => !r.ok);
    return v.trim() === '' ? ui.t('T_AT_LEAST_ONE') : bad && !bad.ok ? ui.t(bad.error) : true;
  });
  return text.split(/\s+/).filter(Boolean).map(parseSpec);
}

/** Under the write lock: rebuild the plan, select, match, and record — or log the failed attempt. */
function record(ctx: Context, db: Db, req: DrawRequest, confirmed: Plan | null, seed: string): RecordResult {
  // Nothing here keeps what recordDraw is handed: it lets the large parts go once they are written.
  return recordDraw(ctx, db, toRecord(ctx, db, req, confirmed, seed));
}

/** The plan rebuilt, its selection, and the matching input of the selected objects. */
function toRecord(ctx: Context, db: Db, req: DrawRequest, confirmed: Plan | null, seed: string): ToRecord {
  const d = selectUnderLock(ctx, db, req, confirmed, seed);
  const assignInput = matchInput(db, {
    drawId: d.drawId,
    teamSize: req.policy.teamSize,
    windowEnd: req.window.end,
    crossRegion: req.crossRegion,
    departments: d.departments,
    items: d.items,
    objectIds: d.computed.selected.map((s) => s.id),
  });
  const text = assignText(assignInput);
  return {
    ...d,
    seed,
    year: req.year,
    items: req.itemCodes,
    window: req.window,
    assignDigest: sha256Hex(text),
    assignStored: text,
    assignInput,
    supersedes: req.supersede,
    reason: req.reason,
    leadDepartment: d.departments[0]!,
    regions: req.regions,
    crossRegion: req.crossRegion,
    action: req.supersede ? 'draw.supersede' : 'draw',
    policyText: policyText(req.policy),
    practice: isPracticeDb(db),
  };
}

/** The plan and its selection; the plan itself (the frame's rows) is let go when this returns. */
function selectUnderLock(ctx: Context, db: Db, req: DrawRequest, confirmed: Plan | null, seed: string) {
  const { plan, items, snapshot } = planUnderLock(ctx, db, req, confirmed, false);
  return {
    ...selectionOf(plan.frameBytes, plan.frame, seed),
    items,
    snapshot,
    departments: plan.departments,
    categories: plan.categories,
  };
}

/**
 * The binding rules (commit-spec §7) before anything is asked or planned. A refusal of the rules (not a
 * usage slip) is logged: an office that tried to void a commitment after its source was public is on
 * record, whatever it does next.
 */
async function bindingCheck(ctx: Context, db: Db, req: DrawRequest, committed: boolean): Promise<void> {
  try {
    checkSupersede(db, req.supersede, req.year, { committed, sourceUnavailable: req.sourceUnavailable });
  } catch (e) {
    if (e instanceof InspectError && e.exit === Exit.data && req.supersede) {
      const id = req.supersede;
      const attempt = { supersede: id, reason: req.reason, committed, sourceUnavailable: req.sourceUnavailable };
      await writeTransaction(db, ctx.dbPath, () =>
        appendEvent(db, {
          at: nowWithOffset(),
          operator: ctx.operator,
          action: 'supersede.refused',
          summary: { key: 'L_SUPERSEDE_REFUSED', params: { id, why: e.msg, reason: req.reason ?? '' } },
          payloadSha256: sha256Hex(canonicalJson(attempt)),
          ref: `supersede-attempt:${id}`,
        }),
      );
    }
    throw e;
  }
}
