// inspect-commit/1 sources (commit-spec.md §2–§4): the public random values a committed draw names
// before they exist, how each is checked when revealed, and the RFC 3797 key string they make.
// Pure: times are passed in as Unix seconds, nothing is fetched; a drand signature is checked offline
// against the pinned quicknet key.
import { dynamicKey } from './messages.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { sha256Hex } from './canonical.js';
import type { Msg, MessageKey } from './messages.js';

export const DRAND_QUICKNET = {
  chainHash: '52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971',
  publicKey:
    '83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a',
  genesisTime: 1692803367,
  period: 3,
  dst: 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_',
} as const;

/** China Standard Time: lottery dates are calendar days there. */
export const CST_OFFSET_SECONDS = 8 * 3600;

export interface LotteryGame {
  name: string;
  /** Days of the week it is drawn (0 = Sunday, China Standard Time). */
  drawDays: readonly number[];
  /** Each zone: how many numbers, their range, and whether it is a set (sorted in the key) or one ordered integer. */
  zones: { count: number; min: number; max: number; distinct: boolean; ordered: boolean }[];
}

const DAILY = [0, 1, 2, 3, 4, 5, 6] as const;

export const LOTTERY_GAMES: Record<string, LotteryGame> = {
  ssq: {
    name: '双色球',
    drawDays: [0, 2, 4],
    zones: [
      { count: 6, min: 1, max: 33, distinct: true, ordered: false },
      { count: 1, min: 1, max: 16, distinct: true, ordered: false },
    ],
  },
  dlt: {
    name: '超级大乐透',
    drawDays: [1, 3, 6],
    zones: [
      { count: 5, min: 1, max: 35, distinct: true, ordered: false },
      { count: 2, min: 1, max: 12, distinct: true, ordered: false },
    ],
  },
  kl8: { name: '快乐8', drawDays: DAILY, zones: [{ count: 20, min: 1, max: 80, distinct: true, ordered: false }] },
  fc3d: { name: '福彩3D', drawDays: DAILY, zones: [{ count: 3, min: 0, max: 9, distinct: false, ordered: true }] },
  pl5: { name: '排列5', drawDays: DAILY, zones: [{ count: 5, min: 0, max: 9, distinct: false, ordered: true }] },
};

/** A source as committed (an element of commitment.json `sources`). */
export type Source =
  | { kind: 'drand'; chainHash: string; round: number; publicAt: string }
  | { kind: 'lottery'; game: string; issue: string; date: string; publicAt: string }
  /** digitCount: how many digits the ceremony produces (`#N`); absent in commitments made before it. */
  | { kind: 'witness'; label: string; publicAt: string; digitCount?: number };

/** A revealed value with what proves it (an element of beacons.json `sources`). */
export type Beacon =
  | { kind: 'drand'; round: number; signature: string; randomness: string }
  | { kind: 'lottery'; game: string; issue: string; date: string; zones: number[][] }
  | { kind: 'witness'; label: string; publicAt: string; digits: string };

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Msg };
const fail = (key: MessageKey, params: Msg['params'] = {}): { ok: false; error: Msg } => ({
  ok: false,
  error: { key, params },
});

// ---- time -------------------------------------------------------------------------------------------

/** The last round a spec may name: about the year 2118, far beyond any plan and within Date's range. */
export const MAX_ROUND = 1_000_000_000;

/** The most digits a witnessed ceremony may produce (as before: 200). */
export const WITNESS_MAX_DIGITS = 200;

export function roundTime(round: number): number {
  return DRAND_QUICKNET.genesisTime + (round - 1) * DRAND_QUICKNET.period;
}

/** The first round at or after Unix time t. */
export function roundAt(t: number): number {
  if (t <= DRAND_QUICKNET.genesisTime) return 1;
  return Math.ceil((t - DRAND_QUICKNET.genesisTime) / DRAND_QUICKNET.period) + 1;
}

/**
 * ISO 8601 with an explicit offset (Z or ±HH:MM), seconds optional: `2027-01-15T10:00+08:00`. A time
 * without an offset is refused: "10:00" means different instants on different computers.
 */
export function parseInstant(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, off] = m;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== Number(y) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    check.getUTCDate() !== Number(d) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s ?? 0) > 59
  )
    return null;
  let offset = 0;
  if (off !== 'Z') {
    const sign = off![0] === '-' ? -1 : 1;
    const hh = Number(off!.slice(1, 3));
    const mm = Number(off!.slice(4, 6));
    // Real offsets run from −12:00 to +14:00: `+99:99` is a typo, never stored as `+100:39`.
    if (mm > 59 || hh * 60 + mm > 14 * 60) return null;
    offset = sign * (hh * 3600 + mm * 60);
  }
  return local / 1000 - offset;
}

/** Unix seconds as ISO 8601 in the given offset, e.g. 2027-01-15T10:00:00+08:00. */
export function formatInstant(t: number, offsetSeconds = CST_OFFSET_SECONDS): string {
  const iso = new Date((t + offsetSeconds) * 1000).toISOString().slice(0, 19);
  if (offsetSeconds === 0) return `${iso}Z`;
  const sign = offsetSeconds < 0 ? '-' : '+';
  const a = Math.abs(offsetSeconds);
  const hh = String(Math.floor(a / 3600)).padStart(2, '0');
  const mm = String(Math.floor((a % 3600) / 60)).padStart(2, '0');
  return `${iso}${sign}${hh}:${mm}`;
}

/** The calendar date of Unix time t in China Standard Time. */
export function cstDate(t: number): string {
  return new Date((t + CST_OFFSET_SECONDS) * 1000).toISOString().slice(0, 10);
}

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

// ---- --beacon SPEC -------------------------------------------------------------------------------------

const hasControl = (s: string) => /[\u0000-\u001f\u007f-\u009f]/.test(s);

/** Parses one `--beacon` spec into a committed source. Times in the spec need an explicit offset. */
export function parseSourceSpec(spec: string): Outcome<Source> {
  const text = spec.trim();
  const m = /^([A-Za-z0-9]+)([:@])(.*)$/s.exec(text);
  if (!m) return fail('E_BEACON_SPEC', { spec, reason: { key: 'R_BEACON_FORMS' } });
  const head = m[1]!.toLowerCase();
  const sep = m[2]!;
  const rest = m[3]!;
  const bad = (reason: MessageKey) => fail('E_BEACON_SPEC', { spec, reason: { key: reason } });
  const drand = (round: number): Outcome<Source> => ({
    ok: true,
    value: { kind: 'drand', chainHash: DRAND_QUICKNET.chainHash, round, publicAt: formatInstant(roundTime(round)) },
  });
  if (head === 'drand') {
    if (sep === ':')
      return /^[1-9]\d{0,9}$/.test(rest) && Number(rest) <= MAX_ROUND ? drand(Number(rest)) : bad('R_BEACON_ROUND');
    const t = parseInstant(rest);
    if (t === null) return bad('R_BEACON_TIME');
    return roundAt(t) <= MAX_ROUND ? drand(roundAt(t)) : bad('R_BEACON_ROUND');
  }
  const at = rest.lastIndexOf('@');
  if (sep !== ':' || at < 0) return bad('R_BEACON_FORMS');
  const name = rest.slice(0, at).trim();
  const when = rest.slice(at + 1).trim();
  if (head === 'witness') {
    if (!name || hasControl(name) || name.length > 100) return bad('R_BEACON_LABEL');
    // The digit count is declared now, so a reveal of `007`, `07` or `7` cannot choose among keys.
    const n = /^(.*)#([1-9]\d{0,2})$/.exec(when);
    if (!n || Number(n[2]) > WITNESS_MAX_DIGITS) return bad('R_WITNESS_COUNT');
    const t = parseInstant(n[1]!);
    return t === null
      ? bad('R_BEACON_TIME')
      : {
          ok: true,
          value: { kind: 'witness', label: name, publicAt: formatInstant(t), digitCount: Number(n[2]) },
        };
  }
  if (!LOTTERY_GAMES[head]) return bad('R_BEACON_FORMS');
  if (!/^\d{3,10}$/.test(name)) return bad('R_BEACON_ISSUE');
  if (!isDate(when)) return bad('R_BEACON_DATE');
  return {
    ok: true,
    value: { kind: 'lottery', game: head, issue: name, date: when, publicAt: `${when}T00:00:00+08:00` },
  };
}

/**
 * A lottery issue must be one that can exist: drawn on that weekday (双色球 Tue/Thu/Sun, 大乐透
 * Mon/Wed/Sat, the rest daily), with an issue number that starts with the date's year.
 */
export function lotteryDateProblem(s: Source): Msg | null {
  if (s.kind !== 'lottery') return null;
  const game = LOTTERY_GAMES[s.game];
  if (!game) return { key: 'R_LOTTERY_GAME', params: { game: s.game } };
  const weekday = new Date(`${s.date}T00:00:00Z`).getUTCDay();
  if (!game.drawDays.includes(weekday))
    return {
      key: 'R_LOTTERY_NOT_DRAW_DAY',
      params: { source: sourceLabel(s), days: { key: dynamicKey(`R_DRAW_DAYS_${s.game}`) } },
    };
  if (s.issue.length < 5 || s.issue.slice(0, 4) !== s.date.slice(0, 4))
    return { key: 'R_LOTTERY_ISSUE_YEAR', params: { source: sourceLabel(s), year: s.date.slice(0, 4) } };
  return null;
}

/** A short human name for a source: `drand 657413`, `双色球 2027006 期（2027-01-16）`, `公证处摇号`. */
export function sourceLabel(s: Source | Beacon): string {
  if (s.kind === 'drand') return `drand quicknet #${s.round}`;
  if (s.kind === 'lottery') return `${LOTTERY_GAMES[s.game]?.name ?? s.game} ${s.issue} (${s.date})`;
  return `witness ${s.label}`;
}

/**
 * commit-spec §2 "strictly in the future": drand roundTime ≥ committedAt + lead; a lottery date after
 * the commitment's date in China Standard Time; a witness time after committedAt + lead. With lead 0
 * this is also what `verify` checks against a commitment's own time.
 */
export function sourceTimeProblem(s: Source, committedAt: number, leadMinutes: number): Msg | null {
  const lead = leadMinutes * 60;
  if (s.kind === 'drand') {
    if (s.publicAt !== formatInstant(roundTime(s.round)))
      return { key: 'R_SOURCE_TIME_MISMATCH', params: { source: sourceLabel(s) } };
    return roundTime(s.round) >= committedAt + lead && roundTime(s.round) > committedAt
      ? null
      : notFuture(s, leadMinutes);
  }
  if (s.kind === 'lottery') {
    if (s.publicAt !== `${s.date}T00:00:00+08:00`)
      return { key: 'R_SOURCE_TIME_MISMATCH', params: { source: sourceLabel(s) } };
    return s.date > cstDate(committedAt)
      ? null
      : { key: 'R_LOTTERY_NOT_LATER', params: { source: sourceLabel(s), date: s.date, today: cstDate(committedAt) } };
  }
  const t = parseInstant(s.publicAt);
  if (t === null) return { key: 'R_SOURCE_TIME_MISMATCH', params: { source: sourceLabel(s) } };
  return t > committedAt + lead ? null : notFuture(s, leadMinutes);
}

function notFuture(s: Source, leadMinutes: number): Msg {
  return leadMinutes > 0
    ? { key: 'R_SOURCE_NOT_FUTURE', params: { source: sourceLabel(s), at: s.publicAt, minutes: leadMinutes } }
    : { key: 'R_SOURCE_NOT_AFTER', params: { source: sourceLabel(s), at: s.publicAt } };
}

// ---- revealed values ------------------------------------------------------------------------------------

const hexToBytes = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));

function roundMessage(round: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(round));
  return hexToBytes(sha256Hex(b));
}

/**
 * Outcomes already computed, by round and signature. verifyDrand is a pure function and a pairing check
 * costs tens of milliseconds; an audit checks every reveal attempt of every committed draw, often the
 * same value again. Bounded, so a long-lived process never grows it without limit.
 */
const verified = new Map<string, Outcome<string>>();
const VERIFIED_MAX = 256;

/** Verifies a quicknet signature for a round offline; returns the round's randomness (hex). */
export function verifyDrand(round: number, signatureHex: string): Outcome<string> {
  const key = `${round}:${signatureHex}`;
  const known = verified.get(key);
  if (known) return known;
  const outcome = checkDrand(round, signatureHex);
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  verified.set(key, Object.freeze(outcome));
  return outcome;
}

function checkDrand(round: number, signatureHex: string): Outcome<string> {
  const sig = signatureHex.trim().toLowerCase();
  if (!/^[0-9a-f]{96}$/.test(sig)) return fail('R_DRAND_SIG_FORM', { length: sig.length });
  const short = bls12_381.shortSignatures;
  let ok: boolean;
  try {
    const point = short.Signature.fromHex(sig);
    const msg = short.hash(roundMessage(round), DRAND_QUICKNET.dst);
    ok = short.verify(point, msg, bls12_381.G2.Point.fromHex(DRAND_QUICKNET.publicKey));
  } catch {
    return fail('R_DRAND_SIG_POINT', { round });
  }
  if (!ok) return fail('R_DRAND_SIG_BAD', { round });
  return { ok: true, value: sha256Hex(hexToBytes(sig)) };
}

/**
 * A drand value as staff paste it: the 96-hex-digit signature, or the JSON a relay returns
 * (`{"round","randomness","signature"}`), whose round and randomness, when present, must agree.
 */
export function parseDrandValue(round: number, text: string): Outcome<Extract<Beacon, { kind: 'drand' }>> {
  const t = text.trim();
  let signature = t;
  let claimedRound: unknown;
  let claimedRandomness: unknown;
  if (t.startsWith('{')) {
    let j: Record<string, unknown>;
    try {
      j = JSON.parse(t) as Record<string, unknown>;
    } catch {
      return fail('R_DRAND_JSON');
    }
    if (typeof j.signature !== 'string') return fail('R_DRAND_JSON');
    signature = j.signature;
    claimedRound = j.round;
    claimedRandomness = j.randomness;
  }
  if (claimedRound !== undefined && claimedRound !== round)
    return fail('R_DRAND_ROUND', { found: String(claimedRound), round });
  const v = verifyDrand(round, signature);
  if (!v.ok) return v;
  if (claimedRandomness !== undefined && String(claimedRandomness).toLowerCase() !== v.value)
    return fail('R_DRAND_RANDOMNESS', { round });
  return { ok: true, value: { kind: 'drand', round, signature: signature.trim().toLowerCase(), randomness: v.value } };
}

/** Lottery numbers: zones separated by `+` or `|`, numbers by spaces or commas; for 3D/排列5 also `307`. */
export function parseLotteryNumbers(gameCode: string, text: string): Outcome<number[][]> {
  const game = LOTTERY_GAMES[gameCode];
  if (!game) return fail('R_LOTTERY_GAME', { game: gameCode });
  const zonesText = text
    .trim()
    .split(/[+|]/)
    .map((z) => z.trim());
  if (zonesText.length !== game.zones.length)
    return fail('R_LOTTERY_ZONES', { game: game.name, expected: game.zones.length, found: zonesText.length });
  const zones: number[][] = [];
  for (let z = 0; z < game.zones.length; z++) {
    const spec = game.zones[z]!;
    let tokens = zonesText[z]!.split(/[\s,，、]+/).filter(Boolean);
    if (spec.ordered && tokens.length === 1 && tokens[0]!.length === spec.count) tokens = [...tokens[0]!];
    if (tokens.some((x) => !/^\d{1,2}$/.test(x))) return fail('R_LOTTERY_NUMBER', { game: game.name, zone: z + 1 });
    const nums = tokens.map(Number);
    if (nums.length !== spec.count)
      return fail('R_LOTTERY_COUNT', { game: game.name, zone: z + 1, expected: spec.count, found: nums.length });
    const out = nums.find((n) => n < spec.min || n > spec.max);
    if (out !== undefined)
      return fail('R_LOTTERY_RANGE', { game: game.name, zone: z + 1, value: out, min: spec.min, max: spec.max });
    if (spec.distinct && new Set(nums).size !== nums.length)
      return fail('R_LOTTERY_REPEAT', { game: game.name, zone: z + 1 });
    // A set zone is recorded in ascending order, as announcements print it; the key sorts it anyway.
    zones.push(spec.ordered ? nums : [...nums].sort((a, b) => a - b));
  }
  return { ok: true, value: zones };
}

export function parseWitnessDigits(text: string, count?: number): Outcome<string> {
  const t = text.trim();
  if (!/^[0-9][0-9 ]*$/.test(t)) return fail('R_WITNESS_DIGITS');
  const digits = t.replace(/ /g, '');
  if (digits.length > 200) return fail('R_WITNESS_DIGITS');
  if (count !== undefined && digits.length !== count)
    return fail('R_WITNESS_DIGIT_COUNT', { expected: count, found: digits.length });
  return { ok: true, value: digits };
}

/** Checks one revealed value against its committed source and returns what beacons.json records. */
export function revealValue(source: Source, text: string): Outcome<Beacon> {
  if (source.kind === 'drand') return parseDrandValue(source.round, text);
  if (source.kind === 'lottery') {
    const z = parseLotteryNumbers(source.game, text);
    return z.ok
      ? {
          ok: true,
          value: { kind: 'lottery', game: source.game, issue: source.issue, date: source.date, zones: z.value },
        }
      : z;
  }
  const d = parseWitnessDigits(text, source.digitCount);
  return d.ok
    ? { ok: true, value: { kind: 'witness', label: source.label, publicAt: source.publicAt, digits: d.value } }
    : d;
}

// ---- key string (RFC 3797 §4) ------------------------------------------------------------------------

/** One part of the key: decimal integers (as digit strings), sorted when the part is a set. */
export interface KeyPart {
  values: string[];
  set: boolean;
}

const canonicalInteger = (digits: string) => BigInt(digits).toString();

export function keyString(parts: KeyPart[]): string {
  return parts
    .map((p) => {
      const vals = p.values.map(canonicalInteger);
      if (p.set) vals.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
      return `${vals.map((v) => `${v}.`).join('')}/`;
    })
    .join('');
}

/** The parts each revealed value contributes, in committed order (a lottery zone is a part of its own). */
export function keyParts(beacons: Beacon[]): KeyPart[] {
  return beacons.flatMap((b): KeyPart[] => {
    if (b.kind === 'drand') return [{ values: [BigInt(`0x${b.randomness}`).toString()], set: false }];
    if (b.kind === 'witness') return [{ values: [b.digits], set: false }];
    const game = LOTTERY_GAMES[b.game]!;
    return b.zones.map((z, i) =>
      game.zones[i]!.ordered ? { values: [z.join('')], set: false } : { values: z.map(String), set: true },
    );
  });
}

/** What a person compares with the official announcement: `03 09 14 22 27 31 + 07`. */
export function lotteryText(b: Extract<Beacon, { kind: 'lottery' }>): string {
  return b.zones.map((z) => z.map((n) => String(n).padStart(2, '0')).join(' ')).join(' + ');
}

/** The League of Entropy's public relays for quicknet: where anyone can fetch a round once it is public. */
export const DRAND_RELAYS = [
  'https://api.drand.sh',
  'https://api2.drand.sh',
  'https://api3.drand.sh',
  'https://drand.cloudflare.com',
];

/** The official announcement page of each lottery (福利彩票 / 体育彩票). */
export const LOTTERY_PAGES: Record<string, string> = {
  ssq: 'https://www.cwl.gov.cn',
  kl8: 'https://www.cwl.gov.cn',
  fc3d: 'https://www.cwl.gov.cn',
  dlt: 'https://www.lottery.gov.cn',
  pl5: 'https://www.lottery.gov.cn',
};

/** Where and how a source's value can be fetched once public: relay addresses for drand, the page for a lottery. */
export function sourceWhere(s: Source): { urls: string[]; fetch: string | null } {
  if (s.kind === 'drand') {
    const urls = DRAND_RELAYS.map((r) => `${r}/${DRAND_QUICKNET.chainHash}/public/${s.round}`);
    return { urls, fetch: `curl -o round-${s.round}.json ${urls[0]}` };
  }
  if (s.kind === 'lottery') return { urls: [LOTTERY_PAGES[s.game] ?? ''], fetch: null };
  return { urls: [], fetch: null };
}
