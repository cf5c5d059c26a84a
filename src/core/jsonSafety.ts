// Two things a bundle file must not have, checked on its bytes by the CLI and the page alike: a
// byte-order mark (the browser would drop it before hashing, the CLI would not: one verdict needs both
// to refuse it) and JSON nested deeper than any file this tool writes (a stack overflow, not an answer).
import type { Msg } from './messages.js';

/** Deeper than anything the tool writes (record.json nests four levels). */
export const MAX_JSON_DEPTH = 64;

export function startsWithBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Whether the JSON text nests arrays and objects more than `max` deep (strings skipped). */
export function nestsDeeperThan(bytes: Uint8Array, max = MAX_JSON_DEPTH): boolean {
  return depthWatch(max)(bytes);
}

/**
 * nestsDeeperThan over a text given in pieces (a large file read in chunks): each call takes the next
 * piece and says whether the text so far nests too deep. A string or an escape may span two pieces.
 */
export function depthWatch(max = MAX_JSON_DEPTH): (bytes: Uint8Array) => boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === 0x5c) escaped = true;
        else if (b === 0x22) inString = false;
      } else if (b === 0x22) inString = true;
      else if (b === 0x5b || b === 0x7b) {
        if (++depth > max) return true;
      } else if (b === 0x5d || b === 0x7d) depth--;
    }
    return false;
  };
}

/** Why a bundle file's bytes cannot be read as the tool wrote them, or null. */
export function bundleBytesProblem(file: string, bytes: Uint8Array): Msg | null {
  if (startsWithBom(bytes)) return { key: 'V_BOM', params: { file } };
  if (nestsDeeperThan(bytes)) return { key: 'E_JSON_TOO_DEEP', params: { file, depth: MAX_JSON_DEPTH } };
  return null;
}
