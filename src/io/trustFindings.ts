// Facts the public must be told for ever, found in the database: commitment notices exported late (or
// never) and firms taken out of scope around a draw. `report` lists them, `audit` warns about them, and
// `reveal` says so at the moment it matters.
import { parseInstant, sourceLabel } from '../core/beacon.js';
import type { TrustFindings } from '../core/report.js';
import { listVoidings } from './voidings.js';
import { FLIP_WINDOW_SECONDS, outOfScope, rosterFlip, type RowVersion } from '../core/why.js';
import { loadItems } from './drawStore.js';
import { allImports, objectsReplacedBy, objectVersions, type VersionWithImport } from './rowVersions.js';
import type { Commitment } from '../core/commitment.js';
import { commitmentHeads } from './commitStore.js';
import type { Db } from './db.js';

export interface LateNotice {
  drawId: string;
  /** The first source's public time. */
  firstPublicAt: string;
  /** When a commitment notice was first exported, or null when never. */
  firstExportAt: string | null;
}

/** When each commitment's notice was first exported (its log entries, in order). */
export function noticeExports(db: Db): Map<string, string> {
  const first = new Map<string, string>();
  const rows = db.prepare(`SELECT ref, at FROM events WHERE action = 'publish.commitment' ORDER BY seq`).all() as {
    ref: string;
    at: string;
  }[];
  for (const r of rows) {
    const id = r.ref.slice('commitment-notices:'.length);
    const t = parseInstant(r.at);
    const known = first.get(id);
    if (t !== null && (known === undefined || t < (parseInstant(known) ?? Infinity))) first.set(id, r.at);
  }
  return first;
}

/** The first public time of a commitment's sources, in seconds and as written. */
export function firstPublic(c: Commitment): { t: number; at: string } | null {
  let best: { t: number; at: string } | null = null;
  for (const s of c.sources ?? []) {
    const t = parseInstant(s.publicAt);
    if (t !== null && (best === null || t < best.t)) best = { t, at: s.publicAt };
  }
  return best;
}

/**
 * Commitments whose first source is public by `now` and whose notice was not exported before it. A
 * commitment voided before its first source was due is left out: nothing of it was ever decided.
 */
export function lateNotices(db: Db, now: number, only?: string): LateNotice[] {
  const exported = noticeExports(db);
  const out: LateNotice[] = [];
  for (const c of commitmentHeads(db, only)) {
    let commitment: Commitment;
    try {
      commitment = JSON.parse(c.commitment) as Commitment;
    } catch {
      continue; // the audit reports an unreadable commitment
    }
    const fp = firstPublic(commitment);
    if (!fp || fp.t > now) continue;
    if (c.superseded_by && !c.revealed_at) {
      const voidedAt = voidingTime(db, c.superseded_by);
      if (voidedAt !== null && voidedAt < fp.t) continue;
    }
    const ex = exported.get(c.draw_id) ?? null;
    const exT = ex === null ? null : parseInstant(ex);
    if (exT === null || exT >= fp.t) out.push({ drawId: c.draw_id, firstPublicAt: fp.at, firstExportAt: ex });
  }
  return out;
}

function voidingTime(db: Db, by: string): number | null {
  const at = db
    .prepare(
      `SELECT coalesce((SELECT created_at FROM commitments WHERE draw_id = ?), (SELECT created_at FROM draws WHERE id = ?))`,
    )
    .pluck()
    .get(by, by) as string | null;
  return at ? parseInstant(at) : null;
}

/** The findings `report` lists for a year (the audit warns about the same, whatever the year). */
export function trustFindings(db: Db, year: number, now: number): TrustFindings {
  const years = new Map(commitmentHeads(db).map((c) => [c.draw_id, c.year]));
  const drawYear = (id: string) =>
    years.get(id) ?? (db.prepare('SELECT year FROM draws WHERE id = ?').pluck().get(id) as number | undefined);
  return {
    voidings: listVoidings(db)
      .filter((v) => (v.kind === 'unavailable' || v.kind === 'revealed') && drawYear(v.superseded) === year)
      .map((v) => ({
        drawId: v.superseded,
        by: v.by,
        kind: v.kind,
        reason: v.reason,
        sources: v.sources.map(sourceLabel),
      })),
    lateNotices: lateNotices(db, now).filter((l) => years.get(l.drawId) === year),
    rosterFlips: rosterFlips(db).filter((f) => drawYear(f.drawId) === year),
  };
}

/**
 * Firms whose scope-deciding fields took them out of a draw's scope by an import within 30 days before
 * the draw (or its commitment) and back within 30 days after. Only rows with kept versions can flip.
 */
export function rosterFlips(db: Db): TrustFindings['rosterFlips'] {
  // Each draw or commitment with the items and regions that decided its scope (not the record itself:
  // a province's record is tens of megabytes). A malformed cell is the audit's to report.
  const targets = (
    db
      .prepare(
        `SELECT c.draw_id AS id, c.created_at AS at,
           CASE WHEN json_valid(c.commitment) THEN json_extract(c.commitment, '$.items') END AS items, c.regions
         FROM commitments c
         UNION ALL
         SELECT d.id, d.created_at, d.items, d.regions FROM draws d
         WHERE NOT EXISTS (SELECT 1 FROM commitments c WHERE c.draw_id = d.id)
         ORDER BY 2, 1`,
      )
      .all() as { id: string; at: string; items: string | null; regions: string }[]
  ).map((t) => ({ ...t, time: parseInstant(t.at) }));
  // Only a row an import put back within the window after a draw can have flipped: those imports first.
  const imports = allImports(db);
  const back = [...imports.values()]
    .filter((i) => {
      const t = parseInstant(i.finishedAt);
      return t !== null && targets.some((d) => d.time !== null && t > d.time && t - d.time <= FLIP_WINDOW_SECONDS);
    })
    .map((i) => i.id);
  const codes = objectsReplacedBy(db, back);
  if (codes.length === 0) return [];
  const versions = new Map(codes.map((c) => [c, objectVersions(db, c, imports).versions]));
  const out: TrustFindings['rosterFlips'] = [];
  for (const t of targets) {
    let items: string[];
    let regions: string[];
    try {
      items = JSON.parse(t.items ?? '') as string[];
      regions = JSON.parse(t.regions) as string[];
    } catch {
      continue; // the audit reports unreadable rows
    }
    const taskItems = loadItems(db, items).items;
    const drawAt = t.time;
    if (drawAt === null) continue;
    const inScope = (v: RowVersion) => outOfScope(v.data, true, taskItems, regions) === null;
    for (const [code, vs] of versions) {
      const flip = rosterFlip(vs, drawAt, inScope);
      if (!flip) continue;
      out.push({
        creditCode: code,
        drawId: t.id,
        outAt: (flip.out as VersionWithImport).import?.finishedAt ?? '',
        backAt: (flip.back as VersionWithImport).import?.finishedAt ?? '',
        field: outOfScope(flip.out.data, true, taskItems, regions)?.field ?? '',
      });
    }
  }
  return out;
}
