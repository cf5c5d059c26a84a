// inspect-commit/1 vectors (test/vectors/beacon.json, copied from the published spec): drand quicknet
// rounds verified offline, every rejected variant, round times, roundAt, the RFC 3797 key and seedHex.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DRAND_QUICKNET,
  keyParts,
  keyString,
  lotteryDateProblem,
  MAX_ROUND,
  parseDrandValue,
  parseInstant,
  parseLotteryNumbers,
  parseSourceSpec,
  parseWitnessDigits,
  roundAt,
  revealValue,
  roundTime,
  sourceTimeProblem,
  verifyDrand,
  type Beacon,
} from '../../src/core/beacon.js';
import { keyFor } from '../../src/core/commitment.js';
import { sha256Hex } from '../../src/core/canonical.js';
import { seedHexFor } from '../../src/core/selection.js';
import { ROOT } from '../helpers.js';

const V = JSON.parse(readFileSync(join(ROOT, 'test/vectors/beacon.json'), 'utf8'));

describe('drand quicknet (pinned key, offline)', () => {
  it('pins the published chain: chain hash from period, genesis, key and group hash', () => {
    expect(DRAND_QUICKNET.publicKey).toBe(V.quicknet.publicKey);
    expect(DRAND_QUICKNET.chainHash).toBe(V.quicknet.chainHash);
    expect(DRAND_QUICKNET.genesisTime).toBe(V.quicknet.genesisTime);
    expect(DRAND_QUICKNET.dst).toBe(V.quicknet.dst);
    const b = Buffer.alloc(12);
    b.writeUInt32BE(V.quicknet.period, 0);
    b.writeBigInt64BE(BigInt(V.quicknet.genesisTime), 4);
    const h = createHash('sha256')
      .update(b)
      .update(Buffer.from(V.quicknet.publicKey, 'hex'))
      .update(Buffer.from(V.quicknet.groupHash, 'hex'))
      .update('quicknet')
      .digest('hex');
    expect(h).toBe(V.quicknet.chainHash);
  });
  for (const r of V.rounds) {
    it(`round ${r.round}: signature verifies, randomness = SHA-256(signature), time ${r.time}`, () => {
      const v = verifyDrand(r.round, r.signature);
      expect(v).toEqual({ ok: true, value: r.randomness });
      expect(BigInt(`0x${r.randomness}`).toString()).toBe(r.randomnessDecimal);
      expect(roundTime(r.round)).toBe(Date.parse(r.time) / 1000);
      expect(parseDrandValue(r.round, r.signature.toUpperCase()).ok).toBe(true);
      expect(
        parseDrandValue(r.round, JSON.stringify({ round: r.round, randomness: r.randomness, signature: r.signature }))
          .ok,
      ).toBe(true);
    });
  }
  for (const r of V.rejected) {
    it(`rejects: ${r.why}`, () => {
      expect(verifyDrand(r.round, r.signature).ok).toBe(false);
      expect(parseDrandValue(r.round, r.signature).ok).toBe(false);
    });
  }
  it('rejects relay JSON whose round or randomness disagrees', () => {
    const r = V.rounds[2];
    expect(parseDrandValue(r.round, JSON.stringify({ round: r.round + 1, signature: r.signature })).ok).toBe(false);
    expect(
      parseDrandValue(
        r.round,
        JSON.stringify({ round: r.round, randomness: V.rounds[1].randomness, signature: r.signature }),
      ).ok,
    ).toBe(false);
    expect(parseDrandValue(r.round, '{"round":').ok).toBe(false);
  });
  it('round times and roundAt', () => {
    for (const [round, t] of V.roundTimes) expect(roundTime(round)).toBe(t);
    for (const [t, round] of V.roundAt.examples) expect(roundAt(t)).toBe(round);
    for (let t = V.quicknet.genesisTime; t < V.quicknet.genesisTime + 40; t++) {
      const r = roundAt(t);
      expect(roundTime(r)).toBeGreaterThanOrEqual(t);
      expect(roundTime(r) - t).toBeLessThan(3);
    }
  });
});

describe('the key string (RFC 3797 §4) and seedHex', () => {
  it("reproduces the RFC 3797 §6 key, and the RFC's own selection from it", () => {
    const [a, b, c] = V.rfc3797.sources;
    const key = keyString([
      { values: [String(a)], set: false },
      { values: b.map(String), set: true },
      { values: c.map(String), set: true },
    ]);
    expect(key).toBe(V.rfc3797.key);
    const pool = Array.from({ length: 25 }, (_, i) => i + 1);
    const picks: number[] = [];
    for (let i = 0; i < 10; i++) {
      const idx = Buffer.alloc(2);
      idx.writeUInt16BE(i);
      const md5 = createHash('md5')
        .update(Buffer.concat([idx, Buffer.from(key), idx]))
        .digest('hex');
      if (i < 3) expect(md5.toUpperCase()).toBe(V.rfc3797.firstMd5[i]);
      picks.push(pool.splice(Number(BigInt(`0x${md5}`) % BigInt(pool.length)), 1)[0]!);
    }
    expect(picks).toEqual(V.rfc3797.select10of25);
  });
  const drand: Beacon = {
    kind: 'drand',
    round: 657413,
    signature: V.rounds[2].signature,
    randomness: V.rounds[2].randomness,
  };
  const ssq: Beacon = {
    kind: 'lottery',
    game: 'ssq',
    issue: '2027006',
    date: '2027-01-16',
    zones: [[31, 3, 22, 9, 27, 14], [7]],
  };
  it('the two published keys and their seedHex', () => {
    expect(keyFor([drand])).toBe(V.keys[0].key);
    expect(keyFor([drand, ssq])).toBe(V.keys[1].key);
    for (const k of V.keys) expect(seedHexFor(k.key, k.inputDigest)).toBe(k.seedHex);
    expect(V.keys[0].inputDigest).toBe(sha256Hex(''));
  });
  it('order inside a lottery zone never matters; order of sources always does', () => {
    const shuffled: Beacon = { ...ssq, zones: [[9, 14, 3, 31, 27, 22], [7]] } as Beacon;
    expect(keyFor([drand, shuffled])).toBe(keyFor([drand, ssq]));
    expect(keyFor([ssq, drand])).not.toBe(keyFor([drand, ssq]));
    // fc3d and pl5 are ordered digits: one integer, so order matters there.
    const a: Beacon = { kind: 'lottery', game: 'fc3d', issue: '2027001', date: '2027-01-02', zones: [[3, 0, 7]] };
    const b: Beacon = { kind: 'lottery', game: 'fc3d', issue: '2027001', date: '2027-01-02', zones: [[7, 0, 3]] };
    expect(keyFor([a])).toBe('307./');
    expect(keyFor([b])).not.toBe(keyFor([a]));
    expect(keyFor([{ kind: 'witness', label: 'x', publicAt: '2027-01-01T00:00:00+08:00', digits: '0042' }])).toBe(
      '42./',
    );
  });
  it('property: permuting each set zone never changes the key (200 random draws)', () => {
    let s = 1;
    const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s);
    for (let k = 0; k < 200; k++) {
      const red = [...new Set(Array.from({ length: 12 }, () => (next() % 33) + 1))].slice(0, 6);
      if (red.length < 6) continue;
      const perm = [...red].sort(() => (next() % 2 ? 1 : -1));
      const base: Beacon = {
        kind: 'lottery',
        game: 'ssq',
        issue: '1',
        date: '2027-01-01',
        zones: [red, [(next() % 16) + 1]],
      };
      expect(keyFor([{ ...base, zones: [perm, base.zones[1]!] } as Beacon])).toBe(keyFor([base]));
    }
  });
  it('keyParts: a lottery zone is a part of its own', () => {
    expect(keyParts([ssq]).length).toBe(2);
  });
});

describe('lottery and witness values', () => {
  it('accepts well-formed numbers, zones by + or |', () => {
    expect(parseLotteryNumbers('ssq', '03 09 14 22 27 31 + 07')).toEqual({
      ok: true,
      value: [[3, 9, 14, 22, 27, 31], [7]],
    });
    expect(parseLotteryNumbers('ssq', '3,9,14,22,27,31|7').ok).toBe(true);
    expect(parseLotteryNumbers('dlt', '01 02 03 04 05 + 01 12').ok).toBe(true);
    expect(parseLotteryNumbers('fc3d', '307')).toEqual({ ok: true, value: [[3, 0, 7]] });
    expect(parseLotteryNumbers('pl5', '9 0 1 2 0')).toEqual({ ok: true, value: [[9, 0, 1, 2, 0]] });
    expect(parseLotteryNumbers('ssq', '31 27 22 14 9 3 + 7')).toEqual({
      ok: true,
      value: [[3, 9, 14, 22, 27, 31], [7]],
    });
    expect(parseLotteryNumbers('kl8', Array.from({ length: 20 }, (_, i) => i + 1).join(' ')).ok).toBe(true);
  });
  it.each([
    ['ssq', '03 09 14 22 27 34 + 07', 'R_LOTTERY_RANGE'],
    ['ssq', '03 09 14 22 27 31 + 17', 'R_LOTTERY_RANGE'],
    ['ssq', '03 03 14 22 27 31 + 07', 'R_LOTTERY_REPEAT'],
    ['ssq', '03 09 14 22 27 + 07', 'R_LOTTERY_COUNT'],
    ['ssq', '03 09 14 22 27 31 07', 'R_LOTTERY_ZONES'],
    ['ssq', '03 09 14 22 27 3x + 07', 'R_LOTTERY_NUMBER'],
    ['dlt', '01 02 03 04 05 + 05 05', 'R_LOTTERY_REPEAT'],
    ['fc3d', '3 0 10', 'R_LOTTERY_RANGE'],
    ['kl8', '1 2 3', 'R_LOTTERY_COUNT'],
  ])('%s %s → %s', (game, text, key) => {
    const r = parseLotteryNumbers(game, text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.key).toBe(key);
  });
  it('witness digits', () => {
    expect(parseWitnessDigits('12 34 5')).toEqual({ ok: true, value: '12345' });
    expect(parseWitnessDigits('12a').ok).toBe(false);
    expect(parseWitnessDigits('').ok).toBe(false);
  });
});

describe('--beacon specs and "strictly in the future"', () => {
  const at = parseInstant('2027-01-15T09:40:00+08:00')!;
  it('parses every form', () => {
    expect(parseSourceSpec('drand:657413')).toMatchObject({
      ok: true,
      value: { kind: 'drand', round: 657413, publicAt: '2023-09-15T19:00:03+08:00' },
    });
    const d = parseSourceSpec('drand@2027-01-15T10:00+08:00');
    expect(d.ok && d.value.kind === 'drand' && roundTime(d.value.round)).toBe(
      parseInstant('2027-01-15T10:00:00+08:00')! +
        0 +
        ((3 - ((parseInstant('2027-01-15T10:00:00+08:00')! - 1692803367) % 3)) % 3),
    );
    expect(parseSourceSpec('ssq:2027006@2027-01-16')).toMatchObject({
      ok: true,
      value: { kind: 'lottery', game: 'ssq', issue: '2027006', date: '2027-01-16' },
    });
    expect(parseSourceSpec('witness:公证处摇号@2027-01-15T10:30+08:00#6')).toMatchObject({
      ok: true,
      value: { kind: 'witness', label: '公证处摇号', publicAt: '2027-01-15T10:30:00+08:00', digitCount: 6 },
    });
  });
  it.each([
    'drand',
    'drand:0',
    'drand:12x',
    'drand@2027-01-15T10:00',
    'ssq:2027006',
    'ssq:20x7@2027-01-16',
    'ssq:2027006@2027-02-30',
    'xyz:1@2027-01-01',
    'witness:@2027-01-15T10:00+08:00',
    'witness:a\u001b[2Jb@2027-01-15T10:00+08:00#3',
    // A witness declares its digit count (1–200); a round beyond ~2118 is refused, never an internal error.
    'witness:公证处摇号@2027-01-15T10:30+08:00',
    'witness:公证处摇号@2027-01-15T10:30+08:00#0',
    'witness:公证处摇号@2027-01-15T10:30+08:00#201',
    'drand:999999999999999',
    'drand:1000000001',
    'drand@9999-01-01T00:00+08:00',
  ])('refuses %s', (spec) => expect(parseSourceSpec(spec).ok).toBe(false));
  it('drand needs the lead time, a lottery a later CST date, a witness a later time', () => {
    const spec = (s: string) => {
      const r = parseSourceSpec(s);
      if (!r.ok) throw new Error(s);
      return r.value;
    };
    expect(sourceTimeProblem(spec('drand@2027-01-15T09:45+08:00'), at, 10)).not.toBeNull();
    expect(sourceTimeProblem(spec('drand@2027-01-15T09:50+08:00'), at, 10)).toBeNull();
    expect(sourceTimeProblem(spec('drand@2027-01-15T09:39+08:00'), at, 0)).not.toBeNull();
    expect(sourceTimeProblem(spec('ssq:2027006@2027-01-15'), at, 10)).not.toBeNull();
    expect(sourceTimeProblem(spec('ssq:2027006@2027-01-16'), at, 10)).toBeNull();
    // 23:30 UTC on the 14th is already the 15th in Beijing: a lottery "tomorrow" must be the 16th.
    expect(sourceTimeProblem(spec('ssq:2027006@2027-01-15'), parseInstant('2027-01-14T23:30:00Z')!, 10)).not.toBeNull();
    expect(sourceTimeProblem(spec('witness:x@2027-01-15T09:50+08:00#3'), at, 10)).not.toBeNull();
    expect(sourceTimeProblem(spec('witness:x@2027-01-15T09:51+08:00#3'), at, 10)).toBeNull();
  });
  it('parseInstant needs an offset and a real date', () => {
    expect(parseInstant('2027-01-15T10:00')).toBeNull();
    expect(parseInstant('2027-02-30T10:00Z')).toBeNull();
    expect(parseInstant('2027-01-15T10:00:00Z')).toBe(Date.parse('2027-01-15T10:00:00Z') / 1000);
    expect(parseInstant('2027-01-15T18:00:00+08:00')).toBe(Date.parse('2027-01-15T10:00:00Z') / 1000);
  });
});

describe('sources that cannot be faked quietly', () => {
  const spec = (s: string) => {
    const r = parseSourceSpec(s);
    if (!r.ok) throw new Error(s);
    return r.value;
  };
  it('a lottery issue is on a draw day of its game, its number starting with the date year', () => {
    // 2023-09-16 is a Saturday: 大乐透 draws then, 双色球 does not.
    expect(lotteryDateProblem(spec('ssq:2023001@2023-09-16'))).toMatchObject({ key: 'R_LOTTERY_NOT_DRAW_DAY' });
    expect(lotteryDateProblem(spec('ssq:2023108@2023-09-17'))).toBeNull();
    expect(lotteryDateProblem(spec('dlt:2023108@2023-09-16'))).toBeNull();
    expect(lotteryDateProblem(spec('dlt:2023108@2023-09-17'))).toMatchObject({ key: 'R_LOTTERY_NOT_DRAW_DAY' });
    for (const game of ['kl8', 'fc3d', 'pl5'])
      for (let d = 11; d <= 17; d++) expect(lotteryDateProblem(spec(`${game}:2023250@2023-09-${d}`))).toBeNull();
    expect(lotteryDateProblem(spec('ssq:2022108@2023-09-17'))).toMatchObject({ key: 'R_LOTTERY_ISSUE_YEAR' });
    expect(lotteryDateProblem(spec('kl8:108@2023-09-17'))).toMatchObject({ key: 'R_LOTTERY_ISSUE_YEAR' });
  });
  it('a witness reveal gives exactly the declared number of digits', () => {
    const w = spec('witness:摇号@2027-01-15T10:30+08:00#3');
    expect(revealValue(w, '0 0 7')).toMatchObject({ ok: true, value: { digits: '007' } });
    expect(revealValue(w, '007')).toMatchObject({ ok: true });
    expect(revealValue(w, '7')).toMatchObject({ ok: false, error: { key: 'R_WITNESS_DIGIT_COUNT' } });
    expect(revealValue(w, '0007')).toMatchObject({ ok: false, error: { key: 'R_WITNESS_DIGIT_COUNT' } });
    // A commitment made before #N keeps its meaning: any count is taken.
    expect(revealValue({ kind: 'witness', label: '旧', publicAt: '2027-01-15T10:30:00+08:00' }, '7').ok).toBe(true);
  });
  it('the last round a spec may name is MAX_ROUND', () => {
    expect(parseSourceSpec(`drand:${MAX_ROUND}`).ok).toBe(true);
    expect(parseSourceSpec(`drand:${MAX_ROUND + 1}`).ok).toBe(false);
  });
});
