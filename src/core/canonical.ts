// Canonical JSON (draw-spec §1): keys sorted by UTF-16 code unit, no whitespace, strings as
// JSON.stringify writes them, integers in decimal. Floats are refused: a canonical text must not
// depend on how a language prints a double.
import { createHash } from 'node:crypto';

export type Canon = string | number | boolean | null | Canon[] | { [k: string]: Canon };

export function canonicalJson(value: Canon): string {
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`canonical JSON takes safe integers only, got ${value}`);
    return String(value);
  }
  // An array tree of strings and safe integers (a frame's rows) has no keys to sort: JSON.stringify
  // already writes it canonically, and much faster than recursing here.
  if (Array.isArray(value)) return keyless(value) ? JSON.stringify(value) : `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value);
  // An object whose keys already come in code-unit order, over values with no keys of their own (a
  // record's selected rows and teams, 140,000 of each at 2,000,000 objects): JSON.stringify writes the
  // keys in that same order, so its text is already canonical, at a fraction of the garbage.
  if (inOrder(keys) && keys.every((k) => keyless(value[k]!))) return JSON.stringify(value);
  keys.sort(compareCodeUnits);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
}

function inOrder(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1]! < keys[i]!)) return false;
  return true;
}

function keyless(v: Canon | undefined): boolean {
  if (typeof v === 'string' || v === null || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isSafeInteger(v);
  if (!Array.isArray(v)) return false;
  for (const x of v) if (!keyless(x)) return false;
  return true;
}

/**
 * The SHA-256 of canonicalJson(value), hashed as the text is written: the text of a large value (a draw
 * row read back for its log entry holds a record of 140,000 selected rows) is never one string.
 */
export function canonicalSha256(value: Canon): string {
  const hash = createHash('sha256');
  writeCanonical(value, (s) => hash.update(s));
  return hash.digest('hex');
}

/** Strings longer than this are escaped a piece at a time (a draw's record read back is 100 MB at 10M objects). */
const PIECE = 1 << 20;

function writeCanonical(value: Canon, emit: (s: string) => void): void {
  if (typeof value === 'string' && value.length > PIECE) return writeLongString(value, emit);
  if (value === null || typeof value !== 'object' || keyless(value)) return void emit(canonicalJson(value));
  if (Array.isArray(value)) {
    emit('[');
    value.forEach((v, i) => {
      if (i > 0) emit(',');
      writeCanonical(v, emit);
    });
    return void emit(']');
  }
  const keys = Object.keys(value).sort(compareCodeUnits);
  emit('{');
  keys.forEach((k, i) => {
    emit(`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`);
    writeCanonical(value[k]!, emit);
  });
  emit('}');
}

/**
 * JSON.stringify of a long string, written in pieces. Escaping is per code unit except that a surrogate
 * pair must stay whole (split, each half would be escaped as a lone surrogate): no piece ends between
 * the two halves of a pair.
 */
function writeLongString(s: string, emit: (s: string) => void): void {
  emit('"');
  for (let at = 0; at < s.length;) {
    let end = Math.min(s.length, at + PIECE);
    const last = s.charCodeAt(end - 1);
    if (end < s.length && last >= 0xd800 && last <= 0xdbff) end++;
    emit(JSON.stringify(s.slice(at, end)).slice(1, -1));
    at = end;
  }
  emit('"');
}

/** Plain `<` on JS strings compares UTF-16 code units, which is byte order for ASCII. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
