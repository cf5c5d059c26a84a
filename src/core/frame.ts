// draw-spec §1: from plain roster values to the canonical frame. Scope = active objects of the current
// roster that every item's filters and the task's own filters admit; exclusions with the first reason
// that applies, in the published order.
import { compareCodeUnits, sha256Hex } from './canonical.js';
import { ALGORITHM, KEY_STRATUM, REASON_ORDER, type Frame, type FrameDoc, type ReasonCode } from './drawTypes.js';
import { canonicalFrameBytes, frameRowsBuilder } from './frameRows.js';

export interface ScopeObject {
  id: string;
  type: string;
  industry: string;
  region: string;
  grade: string;
  risk: string;
  key: boolean;
  /** The 标签 cell as stored: tags joined by `;` (split only when an item filters on a tag). */
  tags: string;
}

export interface TaskItem {
  code: string;
  name: string;
  category: string;
  kind: string; // 一般 | 重点
  department: string;
  partners: string[];
  method: string;
  objectTypes: string[];
  industries: string[]; // code prefixes
  regions: string[];
  tag: string;
  specialty: string;
  capBp: number | null;
}

/** An inspection this year, its category resolved (from the item when only an item code was given). */
export interface PastInspection {
  id: string;
  category: string;
  department: string;
}

/** An earlier draw of this year that still stands (not superseded, and not the one being superseded). */
export interface StandingDraw {
  drawId: string;
  leadDepartment: string;
  categories: string[];
  selected: string[];
}

export interface FrameInput {
  drawId: string;
  year: number;
  floorBp: number;
  ratiosBp: Record<string, number>;
  rules: { sameCategory: boolean; drawnThisYear: boolean; higherLevel: boolean };
  items: TaskItem[];
  /** The task's own extra filters (--region, repeatable). */
  regions: string[];
  /**
   * Active objects of the current roster (status 存续/在业, in_roster = 1), in any order. Any iterable:
   * the shell streams them from the database, so a province's roster is never held in memory at once.
   */
  objects: Iterable<ScopeObject>;
  history: PastInspection[];
  standing: StandingDraw[];
  /** Department code → parent code ('' for a root). */
  parents: Record<string, string>;
}

export function taskDepartments(items: TaskItem[]): string[] {
  const lead = items[0]!.department;
  const others = new Set<string>();
  for (const i of items) for (const d of [i.department, ...i.partners]) if (d !== lead) others.add(d);
  return [lead, ...[...others].sort(compareCodeUnits)];
}

export function ancestorsOf(departments: string[], parents: Record<string, string>): Set<string> {
  const out = new Set<string>();
  for (const d of departments) {
    const seen = new Set([d]);
    for (let p = parents[d] ?? ''; p !== '' && !seen.has(p); p = parents[p] ?? '') {
      seen.add(p);
      out.add(p);
    }
  }
  for (const d of departments) out.delete(d);
  return out;
}

export function admits(item: TaskItem, o: ScopeObject): boolean {
  if (item.objectTypes.length && !item.objectTypes.includes(o.type)) return false;
  if (item.industries.length && !item.industries.some((p) => o.industry.startsWith(p))) return false;
  if (item.regions.length && !item.regions.includes(o.region)) return false;
  if (item.tag && !o.tags.split(';').includes(item.tag)) return false;
  return true;
}

export const stratumOf = (o: ScopeObject) => (o.key ? KEY_STRATUM : `${o.grade}|${o.risk}`);

/** The object fields the scope filters read (besides id and stratum): the shell need not load the rest. */
export interface ScopeFields {
  type: boolean;
  industry: boolean;
  region: boolean;
  tags: boolean;
}

export function scopeFields(items: TaskItem[], regions: string[]): ScopeFields {
  return {
    type: items.some((i) => i.objectTypes.length > 0),
    industry: items.some((i) => i.industries.length > 0),
    region: regions.length > 0 || items.some((i) => i.regions.length > 0),
    tags: items.some((i) => i.tag !== ''),
  };
}

export interface BuiltFrame {
  frame: Frame;
  excludedByReason: Record<ReasonCode, number>;
}

export function buildFrame(input: FrameInput): BuiltFrame {
  const categories = new Set(input.items.map((i) => i.category));
  const departments = taskDepartments(input.items);
  const lead = departments[0]!;
  const ancestors = ancestorsOf(departments, input.parents);

  const sameCategory = new Set<string>();
  const higher = new Set<string>();
  const coveredByLead = new Set<string>();
  for (const h of input.history) {
    if (categories.has(h.category)) sameCategory.add(h.id);
    if (ancestors.has(h.department)) higher.add(h.id);
    if (h.department === lead) coveredByLead.add(h.id);
  }
  const drawn = new Set<string>();
  for (const d of input.standing) {
    if (d.categories.some((c) => categories.has(c))) for (const id of d.selected) drawn.add(id);
    if (d.leadDepartment === lead) for (const id of d.selected) coveredByLead.add(id);
  }
  const rules = input.rules;
  // Most rosters meet no exclusion and no earlier coverage this year: then no object needs a look-up.
  const anyExclusion = sameCategory.size + drawn.size + higher.size > 0;
  const reasonFor = (id: string): ReasonCode | null => {
    if (!anyExclusion) return null;
    for (const r of REASON_ORDER) {
      if (r === 'SAME_CATEGORY' && rules.sameCategory && sameCategory.has(id)) return r;
      if (r === 'DRAWN_THIS_YEAR' && rules.drawnThisYear && drawn.has(id)) return r;
      if (r === 'HIGHER_LEVEL' && rules.higherLevel && higher.has(id)) return r;
    }
    return null;
  };
  // stratumOf, without building the same dozen strings a million times.
  const strata = new Map<string, Map<string, string>>();
  const stratum = (o: ScopeObject): string => {
    if (o.key) return KEY_STRATUM;
    let byRisk = strata.get(o.grade);
    if (!byRisk) strata.set(o.grade, (byRisk = new Map()));
    let name = byRisk.get(o.risk);
    if (name === undefined) byRisk.set(o.risk, (name = stratumOf(o)));
    return name;
  };

  const rows = frameRowsBuilder();
  const excluded: [string, ReasonCode][] = [];
  const excludedByReason: Record<ReasonCode, number> = { SAME_CATEGORY: 0, DRAWN_THIS_YEAR: 0, HIGHER_LEVEL: 0 };
  let scopeCount = 0;
  let coveredCount = 0;
  for (const o of input.objects) {
    if (input.regions.length && !input.regions.includes(o.region)) continue;
    if (!input.items.every((i) => admits(i, o))) continue;
    scopeCount++;
    if (coveredByLead.size && coveredByLead.has(o.id)) coveredCount++;
    const reason = reasonFor(o.id);
    if (reason) {
      excluded.push([o.id, reason]);
      excludedByReason[reason]++;
    } else rows.push(o.id, stratum(o));
  }
  const frameRows = rows.done();
  if (!isSorted(excluded)) excluded.sort((a, b) => compareCodeUnits(a[0], b[0]));
  const ids = frameRows.ids;
  for (let i = 1; i < ids.length; i++)
    if (ids.compare(i - 1, i) === 0) throw new Error(`duplicate object id in frame: ${ids.at(i)}`);

  return {
    frame: {
      algorithm: ALGORITHM,
      drawId: input.drawId,
      year: input.year,
      policy: { floorBp: input.floorBp, ratiosBp: { ...input.ratiosBp } },
      scopeCount,
      coveredCount,
      frame: frameRows,
      excluded,
    },
    excludedByReason,
  };
}

function isSorted(rows: [string, string][]): boolean {
  for (let i = 1; i < rows.length; i++) if (!(rows[i - 1]![0] < rows[i]![0])) return false;
  return true;
}

/** The canonical bytes of a frame (draw-spec §1: frame.json exactly) and their digest. */
export function frameBytes(frame: Frame): { bytes: Uint8Array; digest: string } {
  const bytes = canonicalFrameBytes(frame);
  return { bytes, digest: sha256Hex(bytes) };
}

/** Checks the structural rules of a frame read back from a file (verify on a fresh machine). */
export function frameShapeProblems(f: unknown): string[] {
  const p: string[] = [];
  const o = f as FrameDoc;
  if (typeof o !== 'object' || o === null) return ['not a JSON object'];
  const keys = Object.keys(o).sort().join(',');
  if (keys !== 'algorithm,coveredCount,drawId,excluded,frame,policy,scopeCount,year') p.push(`keys are ${keys}`);
  if (o.algorithm !== ALGORITHM) p.push(`algorithm is ${String(o.algorithm)}`);
  if (!Array.isArray(o.frame)) return [...p, 'frame is not an array'];
  for (let i = 1; i < o.frame.length; i++)
    if (!(o.frame[i - 1]![0] < o.frame[i]![0]))
      p.push(`frame not sorted or duplicated at row ${i + 1} (${o.frame[i]![0]})`);
  return p;
}

/** The same rules on a frame read back as columns (parseCanonicalFrame): its keys are already exact. */
export function rowsShapeProblems(f: Frame): string[] {
  const p: string[] = [];
  if (f.algorithm !== ALGORITHM) p.push(`algorithm is ${String(f.algorithm)}`);
  const ids = f.frame.ids;
  for (let i = 1; i < ids.length; i++)
    if (ids.compare(i - 1, i) >= 0) p.push(`frame not sorted or duplicated at row ${i + 1} (${ids.at(i)})`);
  return p;
}

/**
 * The object rows a draw read, as canonical JSON: [[id, type, industry, region, grade, risk, key, tags], …]
 * in id order. Stored with the draw; its SHA-256 is the record's rosterDigest.
 */
export function snapshotText(objects: Iterable<ScopeObject>): string {
  const parts: string[] = [];
  for (const o of objects) parts.push(snapshotRow(o));
  return `[${parts.join(',')}]`;
}

/**
 * One object's row of the snapshot (an array of strings has no keys, so JSON.stringify is canonical).
 * The snapshot is `[` + rows joined by `,` + `]`: the shell writes it row by row with the same bytes.
 */
export function snapshotRow(o: ScopeObject): string {
  return JSON.stringify([o.id, o.type, o.industry, o.region, o.grade, o.risk, o.key ? 'yes' : 'no', o.tags]);
}

export function parseSnapshot(text: string): ScopeObject[] {
  return (JSON.parse(text) as string[][]).map((r) => ({
    id: r[0]!,
    type: r[1]!,
    industry: r[2]!,
    region: r[3]!,
    grade: r[4]!,
    risk: r[5]!,
    key: r[6] === 'yes',
    tags: r[7]!,
  }));
}
