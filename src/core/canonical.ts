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
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort(compareCodeUnits);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
}

/** Plain `<` on JS strings compares UTF-16 code units, which is byte order for ASCII. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
