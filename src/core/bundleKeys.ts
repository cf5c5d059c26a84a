// Exactly the keys of each bundle file, at every level: a field nobody checks is a field anybody can add
// (`"tamperedNote": "这个抽取是伪造的"`) or drop. Pure: a value and the shape it must have.
import { render, type Lang, type MessageKey } from './messages.js';
import { fieldLabel } from './fieldNames.js';
type Shape = 'any' | { [key: string]: Shape | { optional: Shape } } | [Shape];

const S = 'any' as const;

/** record.json (docs/algorithm.md §7); commitDigest only on a committed draw, practice only on a practice one. */
export const RECORD_SHAPE: Shape = {
  algorithm: S,
  assignAlgorithm: S,
  drawId: S,
  year: S,
  items: S,
  departments: S,
  window: { start: S, end: S },
  seed: S,
  inputDigest: S,
  seedHex: S,
  allocation: { N: S, base: S, extra: S, n: S, floorTotal: S },
  selected: [{ id: S, rank: S, stratum: S, ticket: S }],
  assignDigest: S,
  assignments: [{ id: S, inspectors: S }],
  rosterDigest: S,
  supersedes: S,
  reason: S,
  software: { inspect: S, seedrandom: S, node: S },
  commitDigest: { optional: S },
  practice: { optional: S },
};

/** inspectors.json (docs/algorithm.md §6): rows are arrays, checked by the matching itself. */
export const ASSIGN_SHAPE: Shape = {
  algorithm: S,
  drawId: S,
  teamSize: S,
  windowEnd: S,
  crossRegion: S,
  departments: S,
  requirements: S,
  inspectors: S,
  objects: S,
};

/** frame.json's policy object (the rest of frame.json is checked as it is parsed). */
export const FRAME_POLICY_SHAPE: Shape = { floorBp: S, ratiosBp: S };

const isOptional = (s: unknown): s is { optional: Shape } =>
  typeof s === 'object' && s !== null && !Array.isArray(s) && Object.keys(s).length === 1 && 'optional' in s;

/** The first key out of place (unknown, missing, or not an object where one is needed), as a path; or null. */
export function keyProblem(value: unknown, shape: Shape, path: string, lang: Lang = 'en'): string | null {
  const say = (at: string, key: MessageKey) => render({ key, params: { at: fieldLabel(at, lang) } }, lang);
  if (shape === 'any') return null;
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return say(path, 'V_KEY_NOT_ARRAY');
    for (let i = 0; i < value.length; i++) {
      const p = keyProblem(value[i], shape[0], `${path}[${i}]`, lang);
      if (p) return p;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return say(path, 'V_KEY_NOT_OBJECT');
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!(k in shape)) return say(`${path}.${k}`, 'V_KEY_UNKNOWN');
  for (const [k, s] of Object.entries(shape)) {
    if (!(k in o)) {
      if (isOptional(s)) continue;
      return say(`${path}.${k}`, 'V_KEY_MISSING');
    }
    const p = keyProblem(o[k], isOptional(s) ? s.optional : (s as Shape), `${path}.${k}`, lang);
    if (p) return p;
  }
  return null;
}
