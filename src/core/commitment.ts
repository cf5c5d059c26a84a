// inspect-commit/1 (commit-spec.md §1, §3, §5): the commitment that fixes a draw before its random value
// exists, the beacons file that records the revealed values, and the checks `verify` and `audit` run on
// both. inspect-draw/1 is unchanged: the revealed values only decide its seed text (the key string).
import { canonicalJson, sha256Hex } from './canonical.js';
import { ALGORITHM, ASSIGN_ALGORITHM } from './drawTypes.js';
import {
  DRAND_QUICKNET,
  keyParts,
  keyString,
  lotteryText,
  parseInstant,
  revealValue,
  sourceLabel,
  sourceTimeProblem,
  type Beacon,
  type Source,
} from './beacon.js';
import { render, type Msg } from './messages.js';

/** Same value, whatever the key order of the objects it was parsed from. */
const same = (a: unknown, b: unknown): boolean => {
  try {
    return canonicalJson(a as never) === canonicalJson(b as never);
  } catch {
    return false;
  }
};
import type { DrawRecord } from './record.js';

export const COMMIT_ALGORITHM = 'inspect-commit/1';

/** commitment.json: exactly the keys of commit-spec §1 (the draw's own fields as record.json has them). */
export interface Commitment extends Pick<
  DrawRecord,
  'drawId' | 'year' | 'items' | 'departments' | 'window' | 'inputDigest' | 'assignDigest' | 'allocation'
> {
  algorithm: string;
  drawAlgorithm: string;
  assignAlgorithm: string;
  sources: Source[];
  committedAt: string;
  /** Made on a practice database: present (true) only there, so the digest covers it. */
  practice?: true;
}

export const COMMITMENT_KEYS = [
  'algorithm',
  'allocation',
  'assignAlgorithm',
  'assignDigest',
  'committedAt',
  'departments',
  'drawAlgorithm',
  'drawId',
  'inputDigest',
  'items',
  'sources',
  'window',
  'year',
];

/** The practice mark, when present, is exactly `true`. */
export const practiceFlagOk = (v: unknown): boolean => v === undefined || v === true;

export function makeCommitment(c: Omit<Commitment, 'algorithm' | 'drawAlgorithm' | 'assignAlgorithm'>): Commitment {
  return { algorithm: COMMIT_ALGORITHM, drawAlgorithm: ALGORITHM, assignAlgorithm: ASSIGN_ALGORITHM, ...c };
}

export function commitmentText(c: Commitment): string {
  return canonicalJson(c as never);
}

/** beacons.json: the revealed values with what proves them, and the key string they make. */
export interface BeaconsFile {
  algorithm: string;
  drawId: string;
  commitDigest: string;
  sources: Beacon[];
  key: string;
  /** The commitment was made while INSPECT_NOW replaced the clock (a rehearsal or a test). */
  clockOverridden: boolean;
}

export function beaconsText(b: BeaconsFile): string {
  return canonicalJson(b as never);
}

export function keyFor(beacons: Beacon[]): string {
  return keyString(keyParts(beacons));
}

/** Whether the reveal may happen at `now`: every source must already be public. */
export function notYetPublic(c: Commitment, now: number): Source[] {
  return c.sources.filter((s) => (parseInstant(s.publicAt) ?? Infinity) > now);
}

export type RevealOutcome =
  { ok: true; beacons: Beacon[]; key: string } | { ok: false; index: number; source: Source; error: Msg };

/** Checks each value against its committed source, in committed order; the first failure stops. */
export function checkReveal(c: Commitment, values: string[]): RevealOutcome {
  const beacons: Beacon[] = [];
  for (let i = 0; i < c.sources.length; i++) {
    const r = revealValue(c.sources[i]!, values[i] ?? '');
    if (!r.ok) return { ok: false, index: i, source: c.sources[i]!, error: r.error };
    beacons.push(r.value);
  }
  return { ok: true, beacons, key: keyFor(beacons) };
}

export interface CommitCheck {
  name: 'commitment' | 'sourceTimes' | 'beacons' | 'key';
  ok: boolean;
  detail: string;
}

export interface CommitVerifyInput {
  commitmentText: string;
  beaconsText: string;
  frameText: string | Uint8Array;
  /** SHA-256 of inspectors.json's bytes. */
  assignDigest: string;
  record: DrawRecord & { commitDigest?: string };
  lang: 'zh' | 'en';
}

const sameSource = (s: Source, b: Beacon): boolean =>
  s.kind === b.kind &&
  (s.kind === 'drand'
    ? s.round === (b as Extract<Beacon, { kind: 'drand' }>).round
    : s.kind === 'lottery'
      ? (() => {
          const l = b as Extract<Beacon, { kind: 'lottery' }>;
          return s.game === l.game && s.issue === l.issue && s.date === l.date;
        })()
      : (() => {
          const w = b as Extract<Beacon, { kind: 'witness' }>;
          return s.label === w.label && s.publicAt === w.publicAt;
        })());

/**
 * commit-spec §5: the commitment digest, its digests against frame.json and inspectors.json, each
 * source's time after committedAt, each revealed value, and the key string against record.seed.
 */
export function verifyCommitment(v: CommitVerifyInput): {
  checks: CommitCheck[];
  lotteries: string[];
  clockOverridden: boolean;
} {
  const t = (m: Msg) => render(m, v.lang);
  const checks: CommitCheck[] = [];
  const lotteries: string[] = [];
  let c: Commitment;
  let b: BeaconsFile;
  try {
    c = JSON.parse(v.commitmentText) as Commitment;
    b = JSON.parse(v.beaconsText) as BeaconsFile;
  } catch (e) {
    return {
      checks: [{ name: 'commitment', ok: false, detail: (e as Error).message }],
      lotteries,
      clockOverridden: false,
    };
  }
  const r = v.record;
  const problems: string[] = [];
  const digest = sha256Hex(v.commitmentText);
  let canonical = '';
  try {
    canonical = canonicalJson(c as never);
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (canonical !== v.commitmentText) problems.push(t({ key: 'V_NOT_CANONICAL', params: { file: 'commitment.json' } }));
  // `practice` is present only on a practice database's commitment, and then it is exactly true.
  const keys = Object.keys(c).sort();
  if (keys.filter((k) => k !== 'practice').join(',') !== COMMITMENT_KEYS.join(',') || !practiceFlagOk(c.practice))
    problems.push(t({ key: 'V_COMMIT_KEYS', params: { keys: keys.join(', ') } }));
  if ((c.practice === true) !== (r.practice === true)) problems.push(t({ key: 'V_PRACTICE_DIFFERS', params: {} }));
  if (r.commitDigest !== digest)
    problems.push(
      t({
        key: 'V_DIGEST_DIFFERS',
        params: { what: 'commitDigest', computed: digest, recorded: String(r.commitDigest) },
      }),
    );
  if (b.commitDigest !== digest)
    problems.push(
      t({
        key: 'V_DIGEST_DIFFERS',
        params: { what: 'beacons.json commitDigest', computed: digest, recorded: String(b.commitDigest) },
      }),
    );
  const frameDigest = sha256Hex(v.frameText);
  const { assignDigest } = v;
  if (c.inputDigest !== frameDigest)
    problems.push(
      t({
        key: 'V_DIGEST_DIFFERS',
        params: { what: 'inputDigest (frame.json)', computed: frameDigest, recorded: String(c.inputDigest) },
      }),
    );
  if (c.assignDigest !== assignDigest)
    problems.push(
      t({
        key: 'V_DIGEST_DIFFERS',
        params: { what: 'assignDigest (inspectors.json)', computed: assignDigest, recorded: String(c.assignDigest) },
      }),
    );
  // Everything the record says about the draw must be what was committed.
  const fields: [string, unknown, unknown][] = [
    ['drawId', c.drawId, r.drawId],
    ['year', c.year, r.year],
    ['items', c.items, r.items],
    ['departments', c.departments, r.departments],
    ['window', c.window, r.window],
    ['allocation', c.allocation, r.allocation],
    ['inputDigest', c.inputDigest, r.inputDigest],
    ['assignDigest', c.assignDigest, r.assignDigest],
    ['algorithm', c.algorithm, 'inspect-commit/1'],
    ['drawAlgorithm', c.drawAlgorithm, r.algorithm],
    ['assignAlgorithm', c.assignAlgorithm, r.assignAlgorithm],
  ];
  for (const [name, committed, recorded] of fields) {
    if (!same(committed, recorded))
      problems.push(
        t({
          key: 'V_COMMIT_FIELD',
          params: { field: name, committed: JSON.stringify(committed), recorded: JSON.stringify(recorded) },
        }),
      );
  }
  problems.push(...sourceShapeProblems(Array.isArray(c.sources) ? c.sources : []).map(t));
  checks.push({ name: 'commitment', ok: problems.length === 0, detail: problems[0] ?? `commitDigest ${digest}` });

  const committedAt = parseInstant(String(c.committedAt));
  const sources = Array.isArray(c.sources) ? c.sources : [];
  const timeProblems: string[] = [];
  if (committedAt === null) timeProblems.push(t({ key: 'V_COMMITTED_AT', params: { value: String(c.committedAt) } }));
  else
    for (const s of sources) {
      const p = sourceTimeProblem(s, committedAt, 0);
      if (p) timeProblems.push(t(p));
    }
  if (sources.length === 0) timeProblems.push(t({ key: 'V_NO_SOURCES' }));
  checks.push({
    name: 'sourceTimes',
    ok: timeProblems.length === 0,
    detail: timeProblems[0] ?? sources.map((s) => `${sourceLabel(s)} @ ${s.publicAt}`).join('; '),
  });

  const beaconProblems: string[] = [...beaconsFileProblems(b, c, digest).map(t)];
  const revealed = Array.isArray(b.sources) ? b.sources : [];
  if (revealed.length !== sources.length)
    beaconProblems.push(t({ key: 'V_BEACON_COUNT', params: { committed: sources.length, revealed: revealed.length } }));
  const recomputed: Beacon[] = [];
  sources.forEach((s, i) => {
    const got = revealed[i];
    if (!got) return;
    if (!sameSource(s, got)) {
      beaconProblems.push(
        t({ key: 'V_BEACON_SOURCE', params: { index: i + 1, committed: sourceLabel(s), revealed: sourceLabel(got) } }),
      );
      return;
    }
    // The value is re-checked from its proof exactly as `reveal` checked it.
    const text = got.kind === 'drand' ? got.signature : got.kind === 'lottery' ? lotteryText(got) : got.digits;
    const again = revealValue(s, text);
    if (!again.ok) beaconProblems.push(`${sourceLabel(s)}: ${t(again.error)}`);
    else if (!same(again.value, got))
      beaconProblems.push(t({ key: 'V_BEACON_VALUE', params: { source: sourceLabel(s) } }));
    else recomputed.push(again.value);
    if (got.kind === 'lottery') lotteries.push(`${sourceLabel(got)}: ${lotteryText(got)}`);
  });
  checks.push({
    name: 'beacons',
    ok: beaconProblems.length === 0,
    detail: beaconProblems[0] ?? revealed.map((x) => sourceLabel(x)).join('; '),
  });

  const keyProblems: string[] = [];
  if (beaconProblems.length === 0) {
    const key = keyFor(recomputed);
    if (key !== b.key)
      keyProblems.push(
        t({ key: 'V_KEY_DIFFERS', params: { what: 'beacons.json key', computed: key, recorded: String(b.key) } }),
      );
    if (key !== r.seed)
      keyProblems.push(
        t({ key: 'V_KEY_DIFFERS', params: { what: 'record.json seed', computed: key, recorded: r.seed } }),
      );
  } else keyProblems.push(t({ key: 'V_KEY_UNCHECKED' }));
  checks.push({ name: 'key', ok: keyProblems.length === 0, detail: keyProblems[0] ?? r.seed });
  return { checks, lotteries, clockOverridden: b.clockOverridden === true };
}

const BEACONS_KEYS = ['algorithm', 'clockOverridden', 'commitDigest', 'drawId', 'key', 'sources'];
const SOURCE_KEYS: Record<string, string[][]> = {
  drand: [['chainHash', 'kind', 'publicAt', 'round']],
  lottery: [['date', 'game', 'issue', 'kind', 'publicAt']],
  // A witness committed before `#N` existed has no digit count; it keeps its meaning.
  witness: [
    ['digitCount', 'kind', 'label', 'publicAt'],
    ['kind', 'label', 'publicAt'],
  ],
};

/** Every field of beacons.json is bound: exactly its keys, the algorithm, the draw and the commitment. */
function beaconsFileProblems(b: BeaconsFile, c: Commitment, digest: string): Msg[] {
  const out: Msg[] = [];
  const keys = Object.keys(b).sort();
  if (keys.join(',') !== BEACONS_KEYS.join(','))
    out.push({ key: 'V_BEACONS_KEYS', params: { expected: BEACONS_KEYS.join(', '), found: keys.join(', ') } });
  const fields: [string, unknown, unknown][] = [
    ['algorithm', b.algorithm, COMMIT_ALGORITHM],
    ['drawId', b.drawId, c.drawId],
    ['commitDigest', b.commitDigest, digest],
  ];
  for (const [field, found, expected] of fields)
    if (found !== expected)
      out.push({
        key: 'V_BEACONS_FIELD',
        params: { field, found: JSON.stringify(found), expected: JSON.stringify(expected) },
      });
  if (typeof b.clockOverridden !== 'boolean')
    out.push({
      key: 'V_BEACONS_FIELD',
      params: { field: 'clockOverridden', found: JSON.stringify(b.clockOverridden), expected: 'true | false' },
    });
  return out;
}

/** Each committed source has exactly the keys of its kind, and a drand source names the pinned chain. */
function sourceShapeProblems(sources: Source[]): Msg[] {
  const out: Msg[] = [];
  sources.forEach((s, i) => {
    const keys = Object.keys(s ?? {})
      .sort()
      .join(',');
    const allowed = SOURCE_KEYS[(s as { kind?: string })?.kind ?? ''] ?? [];
    if (!allowed.some((k) => k.join(',') === keys))
      out.push({ key: 'V_SOURCE_KEYS', params: { index: i + 1, found: keys } });
    else if (s.kind === 'drand' && s.chainHash !== DRAND_QUICKNET.chainHash)
      out.push({
        key: 'V_CHAIN_HASH',
        params: { index: i + 1, found: s.chainHash, expected: DRAND_QUICKNET.chainHash },
      });
  });
  return out;
}

/** Each committed source with whether it is public at `now` (Unix seconds). */
export function sourcesAt(c: Commitment, now: number): (Source & { label: string; isPublic: boolean })[] {
  return c.sources.map((s) => ({
    ...s,
    label: sourceLabel(s),
    isPublic: (parseInstant(s.publicAt) ?? Infinity) <= now,
  }));
}
