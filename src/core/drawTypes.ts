// Plain values the draw works on (draw-spec.md). Everything here is JSON-safe: a frame, a record and
// the matching input are written to the bundle as canonical JSON and recomputed by `verify`.

export const ALGORITHM = 'inspect-draw/1';
export const ASSIGN_ALGORITHM = 'inspect-assign/1';

export type ReasonCode = 'SAME_CATEGORY' | 'DRAWN_THIS_YEAR' | 'HIGHER_LEVEL';
export const REASON_ORDER: ReasonCode[] = ['SAME_CATEGORY', 'DRAWN_THIS_YEAR', 'HIGHER_LEVEL'];

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export const RISKS = ['L', 'M', 'H'] as const;
export const KEY_STRATUM = 'KEY';
export const ALL_STRATA: string[] = [...GRADES.flatMap((g) => RISKS.map((r) => `${g}|${r}`)), KEY_STRATUM];

/** The hashed frame, exactly the keys of draw-spec §1. */
export interface Frame {
  algorithm: string;
  drawId: string;
  year: number;
  policy: { floorBp: number; ratiosBp: Record<string, number> };
  scopeCount: number;
  coveredCount: number;
  frame: [string, string][];
  excluded: [string, ReasonCode][];
}

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
