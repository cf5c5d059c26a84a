// The draw record (the bundle's record.json) and the pure pipeline that produces its computed parts
// from a frame, a seed and the matching input. `verify` runs the very same functions.
import { allocate } from './allocation.js';
import { canonicalJson, sha256Hex } from './canonical.js';
import type { Allocation, Frame, Selected } from './drawTypes.js';
import { assign, type AssignInput, type Assignment, type MatchResult } from './matching.js';
import { seedHexFor, select, tickets } from './selection.js';

export interface DrawRecord {
  algorithm: string;
  assignAlgorithm: string;
  drawId: string;
  year: number;
  items: string[];
  departments: string[];
  window: { start: string; end: string };
  seed: string;
  inputDigest: string;
  seedHex: string;
  allocation: Allocation;
  selected: Selected[];
  assignDigest: string;
  assignments: Assignment[];
  /** SHA-256 of the snapshot of object rows the draw read (see frame.snapshotText). */
  rosterDigest: string;
  supersedes: string | null;
  reason: string | null;
  software: { inspect: string; seedrandom: string; node: string };
  /** A committed draw (inspect-commit/1): SHA-256 of its commitment.json. Absent for a plain draw. */
  commitDigest?: string;
  /** Made on a practice database (inspect init --practice): a rehearsal, never an official draw. */
  practice?: true;
}

export interface Computed {
  inputDigest: string;
  seedHex: string;
  allocation: Allocation;
  selected: Selected[];
}

/** Steps 1–5 of the spec on a frame and its canonical bytes (frame.json). */
export function computeSelection(frameBytes: string | Uint8Array, frame: Frame, seed: string): Computed {
  const inputDigest = sha256Hex(frameBytes);
  const seedHex = seedHexFor(seed, inputDigest);
  const allocation = allocate(frame);
  const selected = select(frame.frame, tickets(frame.frame, seedHex), allocation);
  return { inputDigest, seedHex, allocation, selected };
}

export function assignText(input: AssignInput): string {
  return canonicalJson(input as never);
}

export function computeAssignments(input: AssignInput, seedHex: string): MatchResult {
  return assign(input, seedHex);
}

export function recordText(r: DrawRecord): string {
  return canonicalJson(r as never);
}
