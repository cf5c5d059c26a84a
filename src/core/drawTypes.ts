// Plain values the draw works on (draw-spec.md). Everything here is JSON-safe: a frame, a record and
// the matching input are written to the bundle as canonical JSON and recomputed by `verify`.

import type { IdColumn } from './idColumn.js';

export const ALGORITHM = 'inspect-draw/1';
export const ASSIGN_ALGORITHM = 'inspect-assign/1';

export type ReasonCode = 'SAME_CATEGORY' | 'DRAWN_THIS_YEAR' | 'HIGHER_LEVEL';
export const REASON_ORDER: ReasonCode[] = ['SAME_CATEGORY', 'DRAWN_THIS_YEAR', 'HIGHER_LEVEL'];

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const RISKS = ['L', 'M', 'H'] as const;
export const KEY_STRATUM = 'KEY';
export const ALL_STRATA: string[] = [...GRADES.flatMap((g) => RISKS.map((r) => `${g}|${r}`)), KEY_STRATUM];

/**
 * The frame's rows as columns: row i is `[ids.at(i), names[codes[i]]]`. A province's roster is millions
 * of rows: as a two-element array of strings a row cost about 120 bytes of heap, packed about 25.
 */
export interface FrameRows {
  /** Ascending by code unit, no duplicates. */
  ids: IdColumn;
  /** Each row's stratum, as an index into `names`. */
  codes: Uint16Array;
  /** The distinct strata, in the order they were first met. */
  names: string[];
}

/** The hashed frame, exactly the keys of draw-spec §1, its rows held as columns. */
export interface Frame {
  algorithm: string;
  drawId: string;
  year: number;
  policy: { floorBp: number; ratiosBp: Record<string, number> };
  scopeCount: number;
  coveredCount: number;
  frame: FrameRows;
  excluded: [string, ReasonCode][];
}

/** frame.json as JSON: the same keys, each frame row a `[id, stratum]` pair. */
export type FrameDoc = Omit<Frame, 'frame'> & { frame: [string, string][] };

export interface Allocation {
  N: Record<string, number>;
  base: Record<string, number>;
  extra: Record<string, number>;
  n: Record<string, number>;
  floorTotal: number;
}

export interface Selected {
  id: string;
  stratum: string;
  rank: number;
  ticket: string;
}
