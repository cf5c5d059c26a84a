// The plan of a draw or a commitment, built from the database: outside the write lock for the preview a
// person confirms, and again under it (refused if it changed). Shared by `draw` and `draw --commit`.
import { io } from '../../io/processIo.js';
import { departmentNames } from '../../io/exportData.js';
import { Exit, InspectError } from '../../core/errors.js';
import { planDraw, planSummary, type Plan } from '../../core/plan.js';
import type { Policy } from '../../core/policy.js';
import { scopeFields } from '../../core/frame.js';
import type { Db } from '../../io/db.js';
import { suggestCode } from '../../core/suggest.js';
import type { Msg } from '../../core/messages.js';
import {
  hasObjects,
  loadHistory,
  allItemCodes,
  loadItems,
  loadParents,
  loadStanding,
  nextDrawId,
  scanScope,
} from '../../io/drawStore.js';
import type { Context } from '../../cli/context.js';
import { checkPending, checkSupersede } from './drawRecord.js';
import { renderPlan } from './drawRender.js';

export interface DrawRequest {
  itemCodes: string[];
  year: number;
  policy: Policy;
  regions: string[];
  crossRegion: boolean;
  window: { start: string; end: string };
  supersede: string | null;
  reason: string | null;
  /** --source-unavailable: the voided commitment's lottery or witness source did not take place. */
  sourceUnavailable: boolean;
}

/**
 * Reads everything the plan needs and builds it (pure core) for the given draw id. The objects stream
 * from the database into the frame, only the fields the scope filters read; for a draw that records,
 * the snapshot of every active row is hashed and compressed in the same pass.
 */
export function planFromDb(
  db: Db,
  req: DrawRequest,
  drawId: string,
  withSnapshot = false,
): { plan: Plan; items: ReturnType<typeof loadItems>['items']; snapshot: () => { digest: string; deflated: Buffer } } {
  const { items, unknown } = loadItems(db, req.itemCodes);
  if (unknown.length) {
    const known = allItemCodes(db).map((i) => i.code);
    const hints: Msg[] = unknown.flatMap((u) => {
      const s = suggestCode(u, known);
      return s ? [{ key: 'T_DID_YOU_MEAN', params: { given: u, code: s } }] : [];
    });
    throw new InspectError(Exit.usage, { key: 'E_UNKNOWN_ITEMS', params: { codes: unknown.join(', ') } }, hints);
  }
  if (!hasObjects(db)) throw new InspectError(Exit.data, { key: 'E_NO_OBJECTS' });
  const scan = scanScope(db, scopeFields(items, req.regions), withSnapshot);
  const plan = planDraw({
    drawId,
    year: req.year,
    policy: req.policy,
    items,
    regions: req.regions,
    objects: scan.objects,
    history: loadHistory(db, req.year),
    standing: loadStanding(db, req.year, req.supersede),
    parents: loadParents(db),
  });
  return { plan, items, snapshot: () => scan.snapshot() };
}

/**
 * Under the write lock: the id and plan rebuilt from the database as it is now, refused if it is not
 * what was confirmed, and the snapshot of the object rows it read (hashed and compressed, the rows let
 * go before matching: at a million objects they are most of the memory).
 */
export function planUnderLock(ctx: Context, db: Db, req: DrawRequest, confirmed: Plan | null, committed: boolean) {
  checkSupersede(db, req.supersede, req.year, { committed, sourceUnavailable: req.sourceUnavailable });
  const lead = loadItems(db, req.itemCodes).items[0]!.department;
  const drawId = nextDrawId(db, req.year, lead);
  // What was confirmed must be what is drawn: another draw or import in between changes the id or frame.
  if (confirmed && confirmed.frame.drawId !== drawId) throw new InspectError(Exit.busy, { key: 'E_DRAW_RACE' });
  const built = planFromDb(db, req, drawId, true);
  const { plan, items } = built;
  const snapshot = built.snapshot();
  checkPending(db, req.year, plan.categories, req.supersede);
  if (confirmed && plan.inputDigest !== confirmed.inputDigest)
    throw new InspectError(Exit.busy, { key: 'E_DRAW_RACE' });
  if (!confirmed && !ctx.ui.json && !ctx.ui.quiet)
    io().stderr.write(`${renderPlan(planSummary(plan), ctx.ui, departmentNames(db))}\n`);
  return { drawId, plan, items, snapshot };
}
