// canonicalJson's shortcuts (JSON.stringify of keyless arrays, and of objects whose keys already come in
// code-unit order) against the plain recursive rule, and canonicalSha256 against hashing the whole text.
import { createHash } from 'node:crypto';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalSha256, compareCodeUnits, type Canon } from '../../src/core/canonical.js';

/** draw-spec §1 written out with no shortcut. */
function reference(v: Canon): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
  const keys = Object.keys(v).sort(compareCodeUnits);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(v[k]!)}`).join(',')}}`;
}

const KEYS = ['a', 'b', 'id', 'rank', 'stratum', 'ticket', '1', '2', '10', 'Z', '中', '😀', '"', '', '__x'];
const STRINGS = ['', 'x', '"q"', '\\', '\n', '\u0000', '中文', '😀', '\u2028'];

function randomValue(rng: () => number, depth: number): Canon {
  const r = rng();
  if (depth > 3 || r < 0.4) {
    const k = Math.floor(rng() * 4);
    return k === 0
      ? STRINGS[Math.floor(rng() * STRINGS.length)]!
      : k === 1
        ? Math.floor(rng() * 2e6) - 1e6
        : k === 2
          ? rng() < 0.5
          : null;
  }
  if (r < 0.7) return Array.from({ length: Math.floor(rng() * 4) }, () => randomValue(rng, depth + 1));
  const o: Record<string, Canon> = {};
  const keys = KEYS.filter(() => rng() < 0.3);
  // Sometimes in code-unit order already (the JSON.stringify shortcut), sometimes not.
  if (rng() < 0.5) keys.sort(compareCodeUnits);
  for (const k of keys) o[k] = randomValue(rng, depth + 1);
  return o;
}

describe('canonical JSON', () => {
  it('its shortcuts write exactly the recursive rule (5,000 random values, integer-like keys among them)', () => {
    const rng = seedrandom('canonical');
    for (let t = 0; t < 5000; t++) {
      const v = randomValue(rng, 0);
      const text = canonicalJson(v);
      expect(text).toBe(reference(v));
      expect(canonicalSha256(v)).toBe(createHash('sha256').update(text).digest('hex'));
    }
  });
  it('an object with keys in order but a nested object still has that object sorted', () => {
    expect(canonicalJson({ a: { z: 1, b: 2 }, b: [1, { y: 1, x: 2 }] })).toBe(
      '{"a":{"b":2,"z":1},"b":[1,{"x":2,"y":1}]}',
    );
  });
  it('refuses a float anywhere, shortcut or not', () => {
    expect(() => canonicalJson({ a: 1.5 })).toThrow(/safe integers/);
    expect(() => canonicalJson([1, 2.5])).toThrow(/safe integers/);
    expect(() => canonicalSha256({ b: [0.1] })).toThrow(/safe integers/);
  });
});

describe('canonicalSha256 of long strings', () => {
  it('hashes what JSON.stringify writes, surrogate pairs and escapes across piece boundaries included', () => {
    const piece = 1 << 20;
    const pair = '😀'; // two code units
    const cases = [
      'x'.repeat(piece - 1) + pair + 'y'.repeat(10), // the pair straddles the first boundary
      'a'.repeat(piece) + '"\\\n\u0001' + '中'.repeat(piece), // escapes right after a boundary
      `${'\ud800'}${'b'.repeat(piece)}\udfff`, // lone surrogates stay escaped
      pair.repeat(piece), // every boundary falls in a run of pairs
    ];
    for (const s of cases) {
      const value = { record: s, n: 1 };
      expect(canonicalSha256(value)).toBe(createHash('sha256').update(canonicalJson(value)).digest('hex'));
    }
  });
});
