// canonicalJson's shortcuts (JSON.stringify of keyless arrays, and of objects whose keys already come in
// code-unit order) against the plain recursive rule, and canonicalSha256 against hashing the whole text.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalSha256, compareCodeUnits, type Canon } from '../../src/core/canonical.js';
import { check, fc } from '../property.js';

/** draw-spec §1 written out with no shortcut. */
function reference(v: Canon): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
  const keys = Object.keys(v).sort(compareCodeUnits);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(v[k]!)}`).join(',')}}`;
}

const KEYS = ['a', 'b', 'id', 'rank', 'stratum', 'ticket', '1', '2', '10', 'Z', '中', '😀', '"', '', '__x'];
const STRINGS = ['', 'x', '"q"', '\\', '\n', '\u0000', '中文', '😀', '\u2028'];

/** Canonical values: integers, the awkward strings, booleans, null, arrays and objects, to depth 4. */
const value: fc.Arbitrary<Canon> = fc.letrec<{ v: Canon }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...STRINGS),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    // Keys sometimes in code-unit order already (the JSON.stringify shortcut), sometimes not.
    fc
      .tuple(fc.uniqueArray(fc.constantFrom(...KEYS), { maxLength: 5 }), fc.boolean())
      .chain(([keys, sorted]) =>
        fc.tuple(
          ...(sorted ? [...keys].sort(compareCodeUnits) : keys).map((k) => tie('v').map((x) => [k, x] as const)),
        ),
      )
      .map((entries) => Object.fromEntries(entries) as Canon),
  ),
})).v;

describe('canonical JSON', () => {
  it('its shortcuts write exactly the recursive rule (5,000 generated values, integer-like keys among them)', () => {
    check(
      fc.property(value, (v) => {
        const text = canonicalJson(v);
        expect(text).toBe(reference(v));
        expect(canonicalSha256(v)).toBe(createHash('sha256').update(text).digest('hex'));
      }),
      5000,
    );
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
