// The hash chain of the event log (全过程留痕): each entry's hash covers its content and the previous
// entry's hash, so changing or deleting any entry breaks every later link.
import { canonicalJson, sha256Hex } from './canonical.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface EventContent {
  seq: number;
  at: string; // ISO 8601 with offset
  operator: string;
  action: string;
  summary: string;
  payloadSha256: string;
  prevHash: string;
}

export function eventHash(e: EventContent): string {
  return sha256Hex(canonicalJson({ ...e }));
}
