// inspect why DRAW_ID CREDIT_CODE: one firm's standing in one draw, from the draw's own frozen inputs
// and the roster's kept versions. Pure: the frame, tickets, the row as it was, the items' filters.
import { compareCodeUnits } from './canonical.js';
import type { Frame, Selected } from './drawTypes.js';
import { admits, type ScopeObject, type TaskItem } from './frame.js';
import { tickets } from './selection.js';
import { ACTIVE_OBJECT_STATUSES } from './values.js';

export interface InFrame {
  stratum: string;
  /** Its ticket and rank in its stratum (null before a commitment is revealed). */
  ticket: string | null;
  rank: number | null;
  /** n of its stratum, and the ticket of the last one selected there (null when none or not drawn yet). */
  n: number;
  N: number;
  lastSelectedTicket: string | null;
  selected: boolean;
}

/** The firm's row in the frame, with its ticket and rank when the seed is known. */
export function inFrame(
  frame: Frame,
  id: string,
  seedHex: string | null,
  allocation: { N: Record<string, number>; n: Record<string, number> },
  selected: Selected[],
): InFrame | null {
  const { ids, codes, names } = frame.frame;
  let at = -1;
  // ids are in code-unit order: a binary search finds the row.
  for (let lo = 0, hi = ids.length - 1; lo <= hi;) {
    const mid = (lo + hi) >> 1;
    const c = compareCodeUnits(ids.at(mid), id);
    if (c === 0) {
      at = mid;
      break;
    }
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  if (at < 0) return null;
  const stratum = names[codes[at]!]!;
  const inStratum = selected.filter((s) => s.stratum === stratum);
  const last = inStratum.reduce<Selected | null>((a, s) => (a === null || s.rank > a.rank ? s : a), null);
  let ticket: string | null = null;
  let rank: number | null = null;
  if (seedHex !== null) {
    const t = tickets(frame.frame, seedHex);
    ticket = String(t[at]);
    // Its place in the stratum's order (ticket, then id): 1 + how many come before it.
    rank = 1;
    for (let i = 0; i < codes.length; i++)
      if (codes[i] === codes[at] && (t[i]! < t[at]! || (t[i] === t[at] && ids.compare(i, at) < 0))) rank++;
  }
  return {
    stratum,
    ticket,
    rank,
    n: allocation.n[stratum] ?? 0,
    N: allocation.N[stratum] ?? 0,
    lastSelectedTicket: last?.ticket ?? null,
    selected: selected.some((s) => s.id === id),
  };
}

/** Why a roster row is out of a task's scope: the first field that keeps it out, or null when in scope. */
export function outOfScope(
  row: Record<string, string> | null,
  inRoster: boolean,
  items: TaskItem[],
  regions: string[],
): { field: string; value: string; item?: string } | null {
  if (!row) return { field: 'roster', value: '' };
  if (!inRoster) return { field: 'in_roster', value: '0' };
  const status = row.status ?? '';
  if (!ACTIVE_OBJECT_STATUSES.includes(status)) return { field: 'status', value: status };
  if (regions.length && !regions.includes(row.region ?? '')) return { field: 'region', value: row.region ?? '' };
  const o: ScopeObject = {
    id: row.credit_code ?? '',
    type: row.type ?? '',
    industry: row.industry ?? '',
    region: row.region ?? '',
    grade: row.credit_grade ?? '',
    risk: row.risk_level ?? '',
    key: row.key_supervision === 'yes',
    tags: row.tags ?? '',
  };
  for (const item of items) {
    if (admits(item, o)) continue;
    if (item.objectTypes.length && !item.objectTypes.includes(o.type))
      return { field: 'type', value: o.type, item: item.code };
    if (item.industries.length && !item.industries.some((p) => o.industry.startsWith(p)))
      return { field: 'industry', value: o.industry, item: item.code };
    if (item.regions.length && !item.regions.includes(o.region))
      return { field: 'region', value: o.region, item: item.code };
    return { field: 'tags', value: o.tags, item: item.code };
  }
  return null;
}

/** One kept version of a roster row: the data an import wrote, from that import until the next. */
export interface RowVersion {
  data: Record<string, string>;
  importId: number;
  /** When the import that wrote it finished; until when it stood (null: it still stands). */
  from: number;
  until: number | null;
}

/** The version standing at time t (seconds), or null when the row did not exist yet. */
export function versionAt(versions: RowVersion[], t: number): RowVersion | null {
  let best: RowVersion | null = null;
  for (const v of versions) if (v.from <= t && (v.until === null || t < v.until)) best = v;
  return best;
}

/** Thirty days: an import this close before a draw, undone this close after it, is worth a question. */
export const FLIP_WINDOW_SECONDS = 30 * 86400;

/**
 * A firm taken out of scope by an import shortly before a draw and brought back shortly after: the
 * version standing before the out-import was in scope, the one at the draw out of it, and the next one,
 * written within the window after the draw, in scope again.
 */
export function rosterFlip(
  versions: RowVersion[],
  drawAt: number,
  inScope: (v: RowVersion) => boolean,
): { out: RowVersion; back: RowVersion } | null {
  const sorted = [...versions].sort((a, b) => a.from - b.from);
  const i = sorted.findIndex((v) => v.from <= drawAt && (v.until === null || drawAt < v.until));
  if (i <= 0) return null;
  const out = sorted[i]!;
  const before = sorted[i - 1]!;
  const back = sorted[i + 1];
  if (!back || inScope(out) || !inScope(before) || !inScope(back)) return null;
  if (drawAt - out.from > FLIP_WINDOW_SECONDS || back.from - drawAt > FLIP_WINDOW_SECONDS) return null;
  return { out, back };
}
