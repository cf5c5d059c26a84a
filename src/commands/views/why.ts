// inspect why DRAW_ID CREDIT_CODE: why a firm was drawn, not drawn, excluded or out of scope in one draw
// or commitment, with the evidence: its ticket and rank; the row that excluded it; or the field that kept
// it out and the import that set that value. Then every change of its roster row in that year.
import { parseInstant } from '../../core/beacon.js';
import type { Commitment } from '../../core/commitment.js';
import type { ReasonCode, Selected } from '../../core/drawTypes.js';
import { Exit, InspectError } from '../../core/errors.js';
import { readFrame } from '../../core/frameParse.js';
import { terminalSafe } from '../../core/text.js';
import type { DrawRecord } from '../../core/record.js';
import { inFrame, outOfScope, versionAt, type InFrame } from '../../core/why.js';
import { getCommitment } from '../../io/commitStore.js';
import type { Db } from '../../io/db.js';
import { getDraw, loadItems, unknownDrawIn } from '../../io/drawStore.js';
import { drawsSelecting, historyOf, importInfo, objectVersions, type ImportInfo } from '../../io/rowVersions.js';
import type { Context } from '../../cli/context.js';

export interface WhyResult {
  drawId: string;
  creditCode: string;
  standing: 'selected' | 'notSelected' | 'inFrame' | 'excluded' | 'outOfScope';
  frame: InFrame | null;
  excluded: { reason: ReasonCode; evidence: Evidence[] } | null;
  outOfScope: { field: string; value: string; item: string | null; setBy: ImportInfo | null } | null;
  changes: { from: string; import: ImportInfo | null; fields: Record<string, string> }[];
}

type Evidence =
  | { kind: 'history'; date: string; category: string; itemCode: string; department: string; import: ImportInfo | null }
  | { kind: 'draw'; drawId: string; createdAt: string };

interface Target {
  id: string;
  year: number;
  at: number;
  frame: Uint8Array;
  items: string[];
  regions: string[];
  seedHex: string | null;
  allocation: { N: Record<string, number>; n: Record<string, number> };
  selected: Selected[];
  categories: string[];
  lead: string;
}

function targetOf(db: Db, id: string): Target {
  const d = getDraw(db, id);
  const c = getCommitment(db, id);
  if (!d && !c) throw unknownDrawIn(db, id);
  // A committed draw's frame was frozen at the commitment: the roster as it stood then decided it.
  const when = c?.created_at ?? d!.created_at;
  if (d) {
    const rec = JSON.parse(d.record) as DrawRecord;
    return {
      id,
      year: d.year,
      at: parseInstant(when) ?? 0,
      frame: d.frame,
      items: rec.items,
      regions: JSON.parse(d.regions) as string[],
      seedHex: rec.seedHex,
      allocation: rec.allocation,
      selected: rec.selected,
      categories: JSON.parse(d.categories) as string[],
      lead: d.lead_department,
    };
  }
  const commitment = JSON.parse(c!.commitment) as Commitment;
  return {
    id,
    year: c!.year,
    at: parseInstant(when) ?? 0,
    frame: c!.frame,
    items: commitment.items,
    regions: JSON.parse(c!.regions) as string[],
    seedHex: null,
    allocation: commitment.allocation,
    selected: [],
    categories: JSON.parse(c!.categories) as string[],
    lead: c!.lead_department,
  };
}

function evidenceFor(db: Db, t: Target, code: string, reason: ReasonCode): Evidence[] {
  if (reason === 'DRAWN_THIS_YEAR')
    return drawsSelecting(db, code, t.year, t.id).map((r) => ({ kind: 'draw', drawId: r.id, createdAt: r.createdAt }));
  return historyOf(db, code, t.year)
    .filter((r) => (reason === 'SAME_CATEGORY' ? t.categories.includes(r.category) : r.department !== t.lead))
    .map((r) => ({
      kind: 'history',
      date: r.date,
      category: r.category,
      itemCode: r.itemCode,
      department: r.department,
      import: importInfo(db, r.importId),
    }));
}

export function whyOf(db: Db, id: string, code: string): WhyResult {
  const t = targetOf(db, id);
  const { versions, inRoster } = objectVersions(db, code);
  if (versions.length === 0) throw new InspectError(Exit.noInput, { key: 'E_WHY_UNKNOWN_CODE', params: { code } });
  const frame = readFrame(t.frame);
  const f = inFrame(frame, code, t.seedHex, t.allocation, t.selected);
  const ex = f ? undefined : frame.excluded.find(([x]) => x === code);
  let out: WhyResult['outOfScope'] = null;
  if (!f && !ex) {
    const v = versionAt(versions, t.at);
    // A row not listed any more keeps its last data; whether it was listed at the draw is not versioned.
    const why = outOfScope(v?.data ?? null, v?.until !== null || inRoster, loadItems(db, t.items).items, t.regions);
    const setBy = v ? (versions.find((x) => x === v)?.import ?? null) : null;
    out = why
      ? { field: why.field, value: why.value, item: why.item ?? null, setBy }
      : { field: 'unknown', value: '', item: null, setBy };
  }
  const yearStart = parseInstant(`${t.year}-01-01T00:00:00+08:00`) ?? 0;
  const yearEnd = parseInstant(`${t.year + 1}-01-01T00:00:00+08:00`) ?? Infinity;
  let prev: Record<string, string> | null = null;
  const changes: WhyResult['changes'] = [];
  for (const v of versions) {
    const changed: Record<string, string> = {};
    for (const [k, val] of Object.entries(v.data)) if (!prev || prev[k] !== val) changed[k] = val;
    if (v.from >= yearStart && v.from < yearEnd)
      changes.push({ from: v.import?.finishedAt ?? '', import: v.import, fields: changed });
    prev = v.data;
  }
  return {
    drawId: id,
    creditCode: code,
    standing: f
      ? t.seedHex === null
        ? 'inFrame'
        : f.selected
          ? 'selected'
          : 'notSelected'
      : ex
        ? 'excluded'
        : 'outOfScope',
    frame: f,
    excluded: ex ? { reason: ex[1], evidence: evidenceFor(db, t, code, ex[1]) } : null,
    outOfScope: out,
    changes,
  };
}

export function runWhy(ctx: Context, id: string, code: string): WhyResult {
  const { ui } = ctx;
  const db = ctx.openDb({ readonly: true });
  let r: WhyResult;
  try {
    r = whyOf(db, id, code.trim().toUpperCase());
  } finally {
    db.close();
  }
  if (ui.json) {
    ui.outJson(r);
    return r;
  }
  const s = (v: string) => terminalSafe(v);
  ui.out(ui.t(`T_WHY_${r.standing}`, { id: r.drawId, code: r.creditCode }));
  if (r.frame) {
    const f = r.frame;
    ui.out(
      ui.t('T_WHY_FRAME', {
        stratum: f.stratum,
        n: f.n,
        N: f.N,
        ticket: f.ticket ?? '—',
        rank: f.rank ?? '—',
        last: f.lastSelectedTicket ?? '—',
      }),
    );
  }
  if (r.excluded) {
    ui.out(ui.t('T_WHY_EXCLUDED', { reason: ui.t(`T_REASON_${r.excluded.reason}`) }));
    for (const e of r.excluded.evidence)
      ui.out(
        e.kind === 'draw'
          ? `  ${ui.t('T_WHY_EVIDENCE_DRAW', { id: e.drawId, at: e.createdAt })}`
          : `  ${ui.t('T_WHY_EVIDENCE_HISTORY', { date: e.date, category: s(e.category), item: s(e.itemCode), department: s(e.department) })}`,
      );
  }
  if (r.outOfScope) {
    const o = r.outOfScope;
    ui.out(ui.t('T_WHY_OUT', { field: o.field, value: s(o.value), item: o.item ?? '—' }));
    if (o.setBy)
      ui.out(
        `  ${ui.t('T_WHY_SET_BY', { file: s(o.setBy.fileName), sha: o.setBy.fileSha256, at: o.setBy.finishedAt, operator: s(o.setBy.operator) })}`,
      );
  }
  if (r.changes.length) {
    ui.out(ui.t('T_WHY_CHANGES'));
    for (const c of r.changes)
      ui.out(
        `  ${c.from}  ${s(c.import?.fileName ?? '')}  ${s(c.import?.operator ?? '')}  ${s(
          Object.entries(c.fields)
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
        )}`,
      );
  }
  return r;
}
