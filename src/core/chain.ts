// The hash chain of the event log (全过程留痕): each entry's hash covers its content and the previous
// entry's hash, so changing or deleting any entry breaks every later link.
import type { Msg } from './messages.js';
import { canonicalJson, sha256Hex } from './canonical.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface EventContent {
  seq: number;
  at: string; // ISO 8601 with offset
  operator: string;
  action: string;
  summary: string;
  payloadSha256: string;
  /** What the entry is about, e.g. `imports:12`, `draws:2026-HLSJ-001`, `publications:3`. */
  ref: string;
  prevHash: string;
  /**
   * SHA-256 of the rows the change wrote (schema 5 on), so every stored cell is covered by the chain.
   * Absent in entries made before: their hash is computed exactly as it was then.
   */
  rowsSha256?: string;
  /** The summary as a message, canonical JSON (schema 6 on; absent before, and then not hashed). */
  summaryMsg?: string;
}

export interface StoredEvent extends EventContent {
  hash: string;
}

export type ChainProblem = { seq: number; kind: 'hash' | 'link' | 'gap'; detail: Msg };

/** Walks the chain from the genesis: every hash recomputed, every link and sequence number checked. */
export function checkChain(events: StoredEvent[]): { checked: number; problems: ChainProblem[] } {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  let expectSeq = 1;
  for (const e of events) {
    if (e.seq !== expectSeq)
      problems.push({
        seq: e.seq,
        kind: 'gap',
        detail: { key: 'A_CHAIN_GAP', params: { expected: expectSeq, found: e.seq } },
      });
    if (e.prevHash !== prev)
      problems.push({
        seq: e.seq,
        kind: 'link',
        detail: { key: 'A_CHAIN_LINK', params: { prevHash: e.prevHash.slice(0, 16), previous: prev.slice(0, 16) } },
      });
    const { hash, ...content } = e;
    const h = eventHash(content);
    if (h !== hash)
      problems.push({
        seq: e.seq,
        kind: 'hash',
        detail: { key: 'A_CHAIN_HASH', params: { stored: hash.slice(0, 16), computed: h.slice(0, 16) } },
      });
    prev = hash;
    expectSeq = e.seq + 1;
  }
  return { checked: events.length, problems };
}

export function eventHash(e: EventContent): string {
  // Fields added by later schemas are hashed only when present, so older entries hash as they did.
  const { rowsSha256, summaryMsg, ...rest } = e;
  return sha256Hex(
    canonicalJson({ ...rest, ...(rowsSha256 ? { rowsSha256 } : {}), ...(summaryMsg ? { summaryMsg } : {}) }),
  );
}
