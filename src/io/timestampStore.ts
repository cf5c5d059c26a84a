// Trusted TSA roots, time-stamp requests and the tokens that answered them: append-only rows, each
// written with its log entry (refs tsa-roots:SEQ, timestamp-requests:SEQ, timestamp-tokens:SEQ).
import { sha256Hex } from '../core/canonical.js';
import type { TokenFacts } from '../core/timestamp.js';
import type { Db } from './db.js';
import { appendEvent } from './events.js';

export interface RootRow {
  seq: number;
  name: string;
  subject: string;
  der: Buffer;
  sha256: string;
  at: string;
  operator: string;
}
export interface RequestRow {
  seq: number;
  kind: 'commitment' | 'head';
  target: string;
  imprint: string;
  nonce: string;
  at: string;
  operator: string;
}
export interface TokenRow {
  seq: number;
  request_seq: number;
  token: Buffer;
  gen_time: string;
  accuracy_ms: number;
  tsa: string;
  root_sha256: string;
  at: string;
  operator: string;
}

export const trustedRoots = (db: Db): RootRow[] =>
  db.prepare('SELECT * FROM tsa_roots ORDER BY seq').all() as RootRow[];
export const requests = (db: Db): RequestRow[] =>
  db.prepare('SELECT * FROM timestamp_requests ORDER BY seq').all() as RequestRow[];
export const tokens = (db: Db): TokenRow[] =>
  db.prepare('SELECT * FROM timestamp_tokens ORDER BY seq').all() as TokenRow[];

/** The token (and its request) of a commitment, if any. */
export function commitmentToken(db: Db, drawId: string): (TokenRow & { imprint: string; nonce: string }) | undefined {
  return db
    .prepare(
      `SELECT t.*, r.imprint, r.nonce FROM timestamp_tokens t JOIN timestamp_requests r ON r.seq = t.request_seq
       WHERE r.kind = 'commitment' AND r.target = ? ORDER BY t.seq LIMIT 1`,
    )
    .get(drawId) as (TokenRow & { imprint: string; nonce: string }) | undefined;
}

export function insertRoot(
  db: Db,
  a: { name: string; subject: string; der: Uint8Array; at: string; operator: string },
) {
  const sha = sha256Hex(a.der);
  const seq = Number(
    db
      .prepare('INSERT INTO tsa_roots (name, subject, der, sha256, at, operator) VALUES (?, ?, ?, ?, ?, ?)')
      .run(a.name, a.subject, Buffer.from(a.der), sha, a.at, a.operator).lastInsertRowid,
  );
  appendEvent(db, {
    at: a.at,
    operator: a.operator,
    action: 'timestamp.trust',
    summary: { key: 'L_TSA_TRUST', params: { name: a.name, subject: a.subject, sha256: sha } },
    payloadSha256: sha,
    ref: `tsa-roots:${seq}`,
  });
  return { seq, sha256: sha };
}

export function insertRequest(
  db: Db,
  a: {
    kind: 'commitment' | 'head';
    target: string;
    imprint: string;
    nonce: string;
    der: Uint8Array;
    at: string;
    operator: string;
  },
): number {
  const seq = Number(
    db
      .prepare('INSERT INTO timestamp_requests (kind, target, imprint, nonce, at, operator) VALUES (?, ?, ?, ?, ?, ?)')
      .run(a.kind, a.target, a.imprint, a.nonce, a.at, a.operator).lastInsertRowid,
  );
  appendEvent(db, {
    at: a.at,
    operator: a.operator,
    action: 'timestamp.request',
    summary: { key: 'L_TS_REQUEST', params: { kind: a.kind, target: a.target, imprint: a.imprint, nonce: a.nonce } },
    payloadSha256: sha256Hex(a.der),
    ref: `timestamp-requests:${seq}`,
  });
  return seq;
}

export function insertToken(
  db: Db,
  a: { request: RequestRow; token: Uint8Array; facts: TokenFacts; at: string; operator: string },
): number {
  const seq = Number(
    db
      .prepare(
        `INSERT INTO timestamp_tokens (request_seq, token, gen_time, accuracy_ms, tsa, root_sha256, at, operator)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.request.seq,
        Buffer.from(a.token),
        a.facts.genTime,
        a.facts.accuracyMs,
        a.facts.tsa,
        a.facts.rootSha256,
        a.at,
        a.operator,
      ).lastInsertRowid,
  );
  appendEvent(db, {
    at: a.at,
    operator: a.operator,
    action: 'timestamp.add',
    summary: {
      key: 'L_TS_ADD',
      params: { kind: a.request.kind, target: a.request.target, genTime: a.facts.genTime, tsa: a.facts.tsa },
    },
    payloadSha256: sha256Hex(a.token),
    ref: `timestamp-tokens:${seq}`,
  });
  return seq;
}

/** The latest log head a stored token anchors (checked when added; `audit` checks it again). */
export function latestAnchor(db: Db): { seq: number; hash: string; genTime: string; tsa: string } | null {
  const rows = db
    .prepare(
      `SELECT r.target, t.gen_time, t.tsa FROM timestamp_tokens t JOIN timestamp_requests r ON r.seq = t.request_seq
       WHERE r.kind = 'head'`,
    )
    .all() as { target: string; gen_time: string; tsa: string }[];
  let best: { seq: number; hash: string; genTime: string; tsa: string } | null = null;
  for (const r of rows) {
    const [seq, hash] = r.target.split(':');
    if (!best || Number(seq) > best.seq) best = { seq: Number(seq), hash: hash ?? '', genTime: r.gen_time, tsa: r.tsa };
  }
  return best;
}
