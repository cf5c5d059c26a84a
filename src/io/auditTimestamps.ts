// The audit of the outside clock: every stored RFC 3161 token checked again offline against its request
// and the trusted roots, each commitment's token against the commitment, and each anchored head against
// the log — a rewrite of any entry at or before an anchored head fails even with the chain recomputed,
// since the TSA signed the head's hash as it was. Asynchronous (WebCrypto), so run beside `audit`.
import { parseInstant } from '../core/beacon.js';
import type { Commitment } from '../core/commitment.js';
import type { Msg, MessageKey } from '../core/messages.js';
import { beforeSources, verifyToken } from '../core/timestamp.js';
import { getCommitment } from './commitStore.js';
import type { Db } from './db.js';
import { readEvents } from './events.js';
import { requests, tokens, trustedRoots } from './timestampStore.js';

export interface AnchoredHead {
  seq: number;
  hash: string;
  genTime: string;
  tsa: string;
}

export async function auditTimestamps(
  db: Db,
): Promise<{ section: { name: string; checked: number; problems: Msg[] }; anchoredHead: AnchoredHead | null }> {
  const problems: Msg[] = [];
  const roots = trustedRoots(db).map((r) => new Uint8Array(r.der));
  const byReq = new Map(requests(db).map((r) => [r.seq, r]));
  const hashes = new Map(readEvents(db).map((e) => [e.seq, e.hash]));
  let anchored: AnchoredHead | null = null;
  let checked = 0;
  for (const t of tokens(db)) {
    checked++;
    const p = (key: MessageKey, params: Msg['params'] = {}) =>
      problems.push({ key, params: { seq: t.seq, ...params } });
    const req = byReq.get(t.request_seq);
    if (!req) {
      p('A_TS_NO_REQUEST');
      continue;
    }
    let v;
    try {
      v = await verifyToken(new Uint8Array(t.token), { imprintHex: req.imprint, nonceHex: req.nonce, roots });
    } catch (e) {
      p('A_TS_INVALID', { why: { key: 'R_TS_MALFORMED', params: { detail: (e as Error).message } } });
      continue;
    }
    if (!v.ok) {
      p('A_TS_INVALID', { why: v.error });
      continue;
    }
    if (v.facts.genTime !== t.gen_time || v.facts.tsa !== t.tsa) p('A_TS_COLUMNS');
    if (req.kind === 'commitment') {
      const c = getCommitment(db, req.target);
      if (!c || c.commit_digest !== req.imprint) p('A_TS_TARGET', { target: req.target });
      else {
        let times: number[] = [];
        try {
          times = (JSON.parse(c.commitment) as Commitment).sources.map((s) => parseInstant(s.publicAt) ?? 0);
        } catch {
          /* the commitments section reports it */
        }
        if (!beforeSources(v.facts, times)) p('A_TS_TOO_LATE', { target: req.target, genTime: v.facts.genTime });
      }
    } else {
      const [seqText, hash] = req.target.split(':');
      const seq = Number(seqText);
      if (hash !== req.imprint || hashes.get(seq) !== hash) p('A_ANCHOR_BROKEN', { head: req.target });
      else if (!anchored || seq > anchored.seq) anchored = { seq, hash, genTime: v.facts.genTime, tsa: v.facts.tsa };
    }
  }
  return { section: { name: 'timestamps', checked, problems }, anchoredHead: anchored };
}
