// node:crypto's createHash('sha256') for the browser build of the verifier, on @noble/hashes (audited,
// pinned): the core hashes exactly as in Node, so the page and `inspect verify` compute the same digests.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const encoder = new TextEncoder();

export function createHash(algorithm: string) {
  if (algorithm !== 'sha256') throw new Error(`only sha256 is available in the browser, not ${algorithm}`);
  const h = sha256.create();
  const api = {
    update(data: string | Uint8Array) {
      h.update(typeof data === 'string' ? encoder.encode(data) : data);
      return api;
    },
    digest(encoding: 'hex') {
      if (encoding !== 'hex') throw new Error('hex only');
      return bytesToHex(h.digest());
    },
  };
  return api;
}
