// inspect timestamp …: an outside clock (RFC 3161). A request over a commitment's digest or the log's
// head; a token added, checked offline and kept (or refused with the reason, only the attempt logged);
// the TSA roots the office trusts; and `fetch`, the request sent to a TSA for offices that are online.
import { unknownDrawIn } from '../../io/drawStore.js';
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { parseInstant } from '../../core/beacon.js';
import { sha256Hex } from '../../core/canonical.js';
import type { Commitment } from '../../core/commitment.js';
import { Exit, InspectError, usageError } from '../../core/errors.js';
import type { Msg } from '../../core/messages.js';
import {
  beforeSources,
  certificateSubject,
  nonceFrom,
  pemCertificates,
  timeStampRequest,
  tokenClaims,
  tokenOf,
  verifyToken,
  type TokenFacts,
} from '../../core/timestamp.js';
import { nowWithOffset } from '../../io/clock.js';
import { getCommitment } from '../../io/commitStore.js';
import { writeThenRecord } from '../../io/publish.js';
import { writeTransaction, type Db } from '../../io/db.js';
import { appendEvent, readEvents } from '../../io/events.js';
import { readRegularFile, readRegularText, READ_LIMITS } from '../../io/safeRead.js';
import {
  insertRequest,
  insertRoot,
  insertToken,
  requests,
  tokens,
  trustedRoots,
  type RequestRow,
} from '../../io/timestampStore.js';
import type { TimestampFetchOptions, TimestampRequestOptions, TrustAddOptions } from '../../cli/flags.js';
import type { Context } from '../../cli/context.js';
import { parseTimeout } from '../../cli/optionParsers.js';

/** What a request is over: a pending commitment's digest, or the log's current head. */
function targetOf(db: Db, drawId: string | undefined, head: boolean) {
  if (head === (drawId !== undefined)) throw usageError('E_TS_TARGET');
  if (head) {
    const events = readEvents(db);
    const last = events[events.length - 1];
    if (!last) throw new InspectError(Exit.data, { key: 'E_TS_EMPTY_LOG' });
    return { kind: 'head' as const, target: `${last.seq}:${last.hash}`, imprint: last.hash, deadline: null };
  }
  const c = getCommitment(db, drawId!);
  if (!c) throw unknownDrawIn(db, drawId!);
  // A token after the reveal cannot show the commitment came first: only a pending one is time-stamped.
  if (c.revealed_at || c.superseded_by)
    throw new InspectError(Exit.data, { key: 'E_TS_NOT_PENDING', params: { id: drawId } });
  const commitment = JSON.parse(c.commitment) as Commitment;
  const first = commitment.sources
    .map((s) => s.publicAt)
    .sort((a, b) => (parseInstant(a)! < parseInstant(b)! ? -1 : 1))[0];
  return { kind: 'commitment' as const, target: drawId!, imprint: c.commit_digest, deadline: first ?? null };
}

/**
 * A request recorded (and, with `out`, written to that file in the same all-or-nothing way as a notice:
 * the file in place means the request is on record, so the token that answers it will be found).
 */
async function makeRequest(
  ctx: Context,
  db: Db,
  drawId: string | undefined,
  head: boolean,
  out?: { path: string; force: boolean },
) {
  const t = targetOf(db, drawId, Boolean(head));
  const nonce = nonceFrom(randomBytes(8));
  const der = timeStampRequest(t.imprint, nonce);
  const record = () => insertRequest(db, { ...t, nonce, der, at: nowWithOffset(), operator: ctx.operator });
  const seq = out
    ? await writeThenRecord(db, ctx.dbPath, out.path, der, out.force, record)
    : await writeTransaction(db, ctx.dbPath, record);
  return { ...t, nonce, der, seq };
}

export async function runTimestampRequest(ctx: Context, drawId: string | undefined, opts: TimestampRequestOptions) {
  const { ui } = ctx;
  if (!opts.out) throw usageError('E_USAGE', { detail: '--out FILE.tsq' });
  const db = ctx.openDb();
  try {
    const r = await makeRequest(ctx, db, drawId, Boolean(opts.head), { path: opts.out, force: Boolean(opts.force) });
    const result = {
      kind: r.kind,
      target: r.target,
      imprint: r.imprint,
      nonce: r.nonce,
      out: opts.out,
      requestSha256: sha256Hex(r.der),
      deadline: r.deadline,
    };
    if (ui.json) ui.outJson(result);
    else {
      ui.out(ui.t('I_TS_REQUEST', { file: opts.out, sha: result.requestSha256, kind: r.kind, target: r.target }));
      ui.out(ui.t('I_TS_HOW', { file: opts.out, tsr: `${basename(opts.out).replace(/\.tsq$/, '')}.tsr` }));
      if (r.deadline) ui.out(ui.t('I_TS_DEADLINE', { at: r.deadline }));
    }
    return result;
  } finally {
    db.close();
  }
}

/** Checks a token against a pending request and the trusted roots; a commitment's must precede its sources. */
async function check(
  db: Db,
  bytes: Uint8Array,
): Promise<{ ok: true; request: RequestRow; token: Uint8Array; facts: TokenFacts } | { ok: false; error: Msg }> {
  const t = tokenOf(bytes);
  if (!t.ok) return t;
  const claims = tokenClaims(t.token);
  const answered = new Set(tokens(db).map((x) => x.request_seq));
  const request = claims
    ? requests(db).find((r) => r.imprint === claims.imprintHex && r.nonce === claims.nonceHex && !answered.has(r.seq))
    : undefined;
  if (!request) return { ok: false, error: { key: 'R_TS_NO_REQUEST', params: { imprint: claims?.imprintHex ?? '?' } } };
  const roots = trustedRoots(db).map((r) => new Uint8Array(r.der));
  const v = await verifyToken(t.token, { imprintHex: request.imprint, nonceHex: request.nonce, roots });
  if (!v.ok) return v;
  if (request.kind === 'commitment') {
    const c = getCommitment(db, request.target)!;
    const times = (JSON.parse(c.commitment) as Commitment).sources.map((s) => parseInstant(s.publicAt) ?? 0);
    if (!beforeSources(v.facts, times))
      return { ok: false, error: { key: 'R_TS_TOO_LATE', params: { genTime: v.facts.genTime, id: request.target } } };
  }
  return { ok: true, request, token: v.token, facts: v.facts };
}

/** Adds a token; any failure stores nothing but the logged attempt (exit 65, the reason named). */
async function addToken(ctx: Context, db: Db, bytes: Uint8Array, file: string) {
  const c = await check(db, bytes);
  const at = nowWithOffset();
  if (!c.ok) {
    await writeTransaction(db, ctx.dbPath, () =>
      appendEvent(db, {
        at,
        operator: ctx.operator,
        action: 'timestamp.refused',
        summary: { key: 'L_TS_REFUSED', params: { file, why: c.error } },
        payloadSha256: sha256Hex(bytes),
        ref: 'timestamp-attempt',
      }),
    );
    throw new InspectError(Exit.data, { key: 'E_TS_REFUSED', params: { file, why: c.error } });
  }
  const seq = await writeTransaction(db, ctx.dbPath, () =>
    insertToken(db, { request: c.request, token: c.token, facts: c.facts, at, operator: ctx.operator }),
  );
  return { seq, kind: c.request.kind, target: c.request.target, ...c.facts };
}

function reportAdded(ctx: Context, r: Awaited<ReturnType<typeof addToken>>) {
  if (ctx.ui.json) ctx.ui.outJson(r);
  else ctx.ui.out(ctx.ui.t('I_TS_ADDED', { kind: r.kind, target: r.target, genTime: r.genTime, tsa: r.tsa }));
}

export async function runTimestampAdd(ctx: Context, file: string) {
  const bytes = readRegularFile(file, READ_LIMITS.value);
  const db = ctx.openDb();
  try {
    const r = await addToken(ctx, db, bytes, basename(file));
    reportAdded(ctx, r);
    return r;
  } finally {
    db.close();
  }
}

export async function runTrustAdd(ctx: Context, file: string, opts: TrustAddOptions) {
  const certs = pemCertificates(readRegularText(file, READ_LIMITS.policy));
  if (certs.length === 0) throw new InspectError(Exit.data, { key: 'E_TS_NO_PEM', params: { file } });
  const db = ctx.openDb();
  try {
    const known = new Set(trustedRoots(db).map((r) => r.sha256));
    const added = await writeTransaction(db, ctx.dbPath, () =>
      certs
        .filter((der) => !known.has(sha256Hex(der)))
        .map((der) => {
          const subject = certificateSubject(der);
          return {
            subject,
            ...insertRoot(db, {
              name: opts.name ?? subject,
              subject,
              der,
              at: nowWithOffset(),
              operator: ctx.operator,
            }),
          };
        }),
    );
    if (ctx.ui.json) ctx.ui.outJson({ added });
    else for (const a of added) ctx.ui.out(ctx.ui.t('I_TS_TRUSTED', { subject: a.subject, sha: a.sha256 }));
    return added;
  } finally {
    db.close();
  }
}

export function runTrustList(ctx: Context) {
  const db = ctx.openDb({ readonly: true });
  try {
    const roots = trustedRoots(db).map((r) => ({
      name: r.name,
      subject: r.subject,
      sha256: r.sha256,
      at: r.at,
      operator: r.operator,
    }));
    if (ctx.ui.json) ctx.ui.outJson({ roots });
    else if (roots.length === 0) ctx.ui.out(ctx.ui.t('T_TS_NO_ROOTS'));
    else for (const r of roots) ctx.ui.out(`${r.name}  ${r.subject}  SHA-256 ${r.sha256}  ${r.at}  ${r.operator}`);
    return roots;
  } finally {
    db.close();
  }
}

/** Request, HTTP POST to the TSA and add, in one step; a clear error (exit 69) when the TSA cannot be reached. */
export async function runTimestampFetch(ctx: Context, drawId: string | undefined, opts: TimestampFetchOptions) {
  if (!opts.tsa || !/^https?:\/\//.test(opts.tsa)) throw usageError('E_TS_TSA_URL', { url: opts.tsa ?? '' });
  const seconds = parseTimeout(opts.timeout, 30);
  const db = ctx.openDb();
  try {
    const r = await makeRequest(ctx, db, drawId, Boolean(opts.head));
    let body: Uint8Array;
    try {
      const res = await fetch(opts.tsa, {
        method: 'POST',
        headers: { 'Content-Type': 'application/timestamp-query' },
        body: Buffer.from(r.der),
        signal: AbortSignal.timeout(seconds * 1000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      body = new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      throw new InspectError(Exit.unavailable, {
        key: 'E_TS_UNREACHABLE',
        params: { url: opts.tsa, detail: (e as Error).message, seconds },
      });
    }
    const added = await addToken(ctx, db, body, opts.tsa);
    reportAdded(ctx, added);
    return added;
  } finally {
    db.close();
  }
}
