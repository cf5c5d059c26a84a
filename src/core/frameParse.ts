// Reading frame.json back as columns without JSON.parse of its rows. JSON.parse of a 2,000,000-row frame
// makes 2,000,000 two-element arrays and 4,000,000 strings, and the garbage collector then took as long
// as the rest of `verify`. A canonical frame's rows are `["id","stratum"]` of plain ASCII, so they are
// scanned as bytes; the rest (keys, policy, excluded) is small and goes through JSON.parse.
//
// The result is trusted only when the frame's canonical bytes written back from it are exactly the input
// (canonical text is one-to-one with its value, so that proves it is what JSON.parse would give). Any
// other file (escapes, non-ASCII, other spacing, a key too many) returns null and takes the general path.
import type { Frame, FrameDoc } from './drawTypes.js';
import { canonicalFrameBytes, frameFromDoc, frameRowsBuilder } from './frameRows.js';
import { isPlainCode } from './idColumn.js';

const FRAME_KEY = new TextEncoder().encode(',"frame":[');
const QUOTE = 0x22;

export function parseCanonicalFrame(input: Uint8Array): Frame | null {
  // A plain view of the bytes (a Node Buffer's subarray builds a Buffer, a row at a time).
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const start = indexOf(bytes, FRAME_KEY);
  if (start < 0) return null;
  let p = start + FRAME_KEY.length;
  const rows = frameRowsBuilder();
  // Each stratum met so far, as its bytes and its name: a row's stratum is matched by bytes, no string made.
  const nameBytes: Uint8Array[] = [];
  const names: string[] = [];
  /** The end of a plain string starting at `from` (the index of its closing quote), or -1. */
  const plainEnd = (from: number): number => {
    for (let k = from; k < bytes.length; k++) {
      const c = bytes[k]!;
      if (c === QUOTE) return k;
      if (!isPlainCode(c)) return -1;
    }
    return -1;
  };
  if (bytes[p] !== 0x5d /* ] */) {
    for (;;) {
      if (bytes[p] !== 0x5b || bytes[p + 1] !== QUOTE) return null; // ["
      const idEnd = plainEnd(p + 2);
      if (idEnd < 0 || bytes[idEnd + 1] !== 0x2c || bytes[idEnd + 2] !== QUOTE) return null; // ","
      const sFrom = idEnd + 3;
      const sEnd = plainEnd(sFrom);
      if (sEnd < 0 || bytes[sEnd + 1] !== 0x5d) return null; // "]
      let code = nameBytes.findIndex((n) => sameRange(n, bytes, sFrom, sEnd));
      if (code < 0) {
        if (names.length >= 0xffff) return null;
        code = names.length;
        nameBytes.push(bytes.slice(sFrom, sEnd));
        names.push(String.fromCharCode(...bytes.subarray(sFrom, sEnd)));
      }
      rows.pushPlainId(bytes, p + 2, idEnd, names[code]!);
      p = sEnd + 2;
      if (bytes[p] === 0x2c) p++;
      else break;
    }
  }
  if (bytes[p] !== 0x5d) return null;
  // Everything but the rows, as JSON: the head up to the frame key, an empty frame, and the tail.
  const dec = new TextDecoder('utf-8', { fatal: true });
  let head: FrameDoc;
  try {
    head = JSON.parse(`${dec.decode(bytes.subarray(0, start))},"frame":[${dec.decode(bytes.subarray(p))}`) as FrameDoc;
  } catch {
    return null;
  }
  if (typeof head !== 'object' || head === null || Array.isArray(head)) return null;
  const frame: Frame = { ...head, frame: rows.done(false) };
  let back: Uint8Array;
  try {
    back = canonicalFrameBytes(frame);
  } catch {
    return null;
  }
  return sameBytes(back, bytes) ? frame : null;
}

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  const first = needle[0]!;
  for (let i = hay.indexOf(first); i >= 0 && i <= hay.length - needle.length; i = hay.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/** `a` equals `b` byte for byte. */
export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => sameRange(a, b, 0, b.length);

/** `a` equals `b[from..to)`. */
function sameRange(a: Uint8Array, b: Uint8Array, from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[from + i]) return false;
  return true;
}

/** frame.json's bytes as a frame: read as bytes when canonical, else through JSON.parse (frameFromDoc). */
export function readFrame(bytes: Uint8Array): Frame {
  return parseCanonicalFrame(bytes) ?? frameFromDoc(JSON.parse(new TextDecoder().decode(bytes)) as FrameDoc);
}
