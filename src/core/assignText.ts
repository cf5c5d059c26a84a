// The canonical matching input (inspectors.json, inspect-assign/1) written and read a piece at a time.
// A committed draw freezes the matching input of every frame object: 80 MB of text at 2,000,000
// objects, and as JSON values several times that. Its text is canonical JSON, so it is exactly
//   prefix  = canonicalJson(head with objects: []) up to and including `"objects":[`
//   rows    = each object row as JSON.stringify writes it, joined by `,`
//   suffix  = the rest, from `],"requirements":`
// and it can be written row page by row page, and read back the same way, keeping only the rows asked
// for. The reader trusts nothing: any piece that is not exactly the canonical text of its rows, any
// header that is not canonical, or bytes that are not UTF-8 stop the fast path, and the caller falls
// back to parsing the whole text (which words what is wrong). The byte digest is always of the bytes.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import type { AssignInput, ObjectRow } from './matching.js';

/** The matching input without its object rows: what every row is matched against. */
export type AssignHead = Omit<AssignInput, 'objects'>;

const OBJECTS = '"objects":[]';
const REQUIREMENTS = '],"requirements":';

/** The canonical text before and after the object rows. */
export function assignFrame(head: AssignHead): { prefix: string; suffix: string } {
  const text = canonicalJson({ ...head, objects: [] } as never);
  // Keys sort algorithm, crossRegion, departments, drawId, inspectors, objects: nothing before `objects`
  // is an object with keys of its own, and a quote inside a string is escaped, so this is the key.
  const at = text.indexOf(OBJECTS) + OBJECTS.length - 1;
  return { prefix: text.slice(0, at), suffix: text.slice(at) };
}

/** Object rows as they stand in the canonical text (a row is keyless: JSON.stringify is canonical). */
export function rowsText(rows: readonly ObjectRow[]): string {
  return JSON.stringify(rows).slice(1, -1);
}

/** The whole text from its parts: the same bytes as canonicalJson(input) (tested). */
export function assignTextOf(head: AssignHead, rows: readonly ObjectRow[]): string {
  const { prefix, suffix } = assignFrame(head);
  return prefix + rowsText(rows) + suffix;
}

/** inspectors.json a piece at a time: a file read in chunks, the parts a commitment stored, or one buffer. */
export type AssignPieces = () => Iterable<Uint8Array>;

export const piecesOfText =
  (text: string): AssignPieces =>
  () => [new TextEncoder().encode(text)];

export interface AssignScan {
  /** SHA-256 of the bytes, whatever they are. */
  digest: string;
  bytes: number;
  /** The fast path read the text as canonical: the header, the rows asked for, the ids in order. */
  ok: boolean;
  /** Why it did not (for the caller's fallback; never shown as the verdict). */
  why: string;
  head: AssignHead | null;
  /** The rows of the ids asked for (the last, if an id appears twice, as forSelection takes it). */
  rows: Map<string, ObjectRow>;
  count: number;
  /** SHA-256 of the object ids, each followed by a line feed: compared with the ids expected. */
  idsDigest: string;
}

/**
 * Bytes are decoded and parsed this many at a time, so one large buffer is read as a stream too. Small
 * on purpose: the rows of a step are garbage once looked at, but at 1 MiB a step enough of them outlived
 * young-generation collections to grow the heap: the reveal at 500,000 objects peaked at 303 MB with 1 MiB
 * steps and 230 MB with 128 KiB ones (the recording draw: 210 MB), in the same time within noise.
 */
const STEP = 1 << 17;

/** Ids hashed as the object rows are: the digest a scan's idsDigest is compared with. */
export function idsDigest(ids: Iterable<string>): string {
  const h = createHash('sha256');
  let text = '';
  for (const id of ids) {
    text += `${id}\n`;
    if (text.length >= 1 << 16) {
      h.update(text);
      text = '';
    }
  }
  h.update(text);
  return h.digest('hex');
}

class NotCanonical extends Error {}

/**
 * Reads inspectors.json from its pieces: the digest of the bytes always, and when the text is canonical
 * the header, the rows of `want`, the count and the digest of the object ids. `each`, when given, sees
 * every row in order (verify lists the ids this way, once their digest differs from the ones expected).
 */
export function scanAssign(
  pieces: Iterable<Uint8Array>,
  want: ReadonlySet<string> = new Set(),
  each?: (row: ObjectRow, index: number) => void,
): AssignScan {
  const hash = createHash('sha256');
  const ids = createHash('sha256');
  const rows = new Map<string, ObjectRow>();
  let bytes = 0;
  let count = 0;
  let why = '';
  let state = 'head' as 'head' | 'rows' | 'tail';
  let buf = '';
  let prefix = '';
  let decoder: InstanceType<typeof TextDecoder> | null = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  /** The rows of a piece of text, or null when it does not parse (a cut inside a string: see feed). */
  const parseRows = (text: string): unknown[] | null => {
    try {
      return JSON.parse(`[${text}]`) as unknown[];
    } catch {
      return null;
    }
  };
  const takeRows = (text: string, parsed: unknown[] | null) => {
    if (parsed === null) throw new NotCanonical('object rows are not JSON');
    if (JSON.stringify(parsed) !== `[${text}]`) throw new NotCanonical('rows not canonical');
    let idText = '';
    for (const row of parsed) {
      if (!isObjectRow(row)) throw new NotCanonical(`row ${count} is not [id, region, [inspectors]]`);
      idText += `${row[0]}\n`;
      if (want.has(row[0])) rows.set(row[0], row);
      each?.(row, count);
      count++;
    }
    // One update a piece, not one an id: at 2,000,000 ids the difference is seconds.
    ids.update(idText);
  };
  // Boundaries before this offset of buf have been tried and lie inside strings.
  let tried = 0;

  const feed = (text: string) => {
    buf += text;
    if (state === 'head') {
      const at = buf.indexOf(',"objects":[');
      if (at < 0) return;
      prefix = buf.slice(0, at + ',"objects":['.length);
      buf = buf.slice(prefix.length);
      state = 'rows';
    }
    if (state === 'rows') {
      // A quote inside a string is escaped, so this marker is never inside one: the rows end here.
      const end = buf.indexOf(REQUIREMENTS);
      if (end >= 0) {
        const last = buf.slice(0, end);
        if (last !== '') takeRows(last, parseRows(last));
        buf = buf.slice(end);
        state = 'tail';
        return;
      }
      // Rows end `]]` and the next starts `[`. An id may hold `]],[` too: a cut there leaves a string
      // open, which does not parse, and the boundary before it is tried instead.
      let cut = buf.lastIndexOf(']],[');
      while (cut >= tried) {
        const piece = buf.slice(0, cut + 2);
        const parsed = parseRows(piece);
        if (parsed) {
          takeRows(piece, parsed);
          buf = buf.slice(cut + 3);
          tried = 0;
          return;
        }
        cut = cut > 0 ? buf.lastIndexOf(']],[', cut - 1) : -1;
      }
      tried = Math.max(0, buf.length - 3);
    }
  };

  for (const piece of pieces) {
    hash.update(piece);
    bytes += piece.length;
    if (!decoder) continue;
    try {
      for (let at = 0; at < piece.length; at += STEP)
        feed(decoder.decode(piece.subarray(at, Math.min(piece.length, at + STEP)), { stream: true }));
    } catch (e) {
      why = (e as Error).message;
      decoder = null;
      buf = '';
    }
  }
  let head: AssignHead | null = null;
  if (decoder) {
    try {
      feed(decoder.decode());
      if (state !== 'tail') throw new NotCanonical('no object rows');
      const text = prefix + buf;
      const parsed = JSON.parse(text) as AssignInput;
      if (canonicalJson(parsed as never) !== text || !Array.isArray(parsed.objects) || parsed.objects.length)
        throw new NotCanonical('header not canonical');
      // Nothing before the rows may hold keys of its own: then the `"objects"` found is the top-level key.
      if (!keyless(parsed.departments) || !keyless(parsed.inspectors) || !keyless(parsed.requirements))
        throw new NotCanonical('header holds objects');
      const { objects: _, ...rest } = parsed;
      head = rest;
    } catch (e) {
      why = (e as Error).message;
    }
  }
  const ok = head !== null;
  return {
    digest: hash.digest('hex'),
    bytes,
    ok,
    why,
    head,
    rows: ok ? rows : new Map(),
    count: ok ? count : 0,
    idsDigest: ids.digest('hex'),
  };
}

/** Strings, or arrays of them, to any depth. */
function keyless(v: unknown): boolean {
  return typeof v === 'string' || (Array.isArray(v) && v.every(keyless));
}

function isObjectRow(r: unknown): r is ObjectRow {
  return (
    Array.isArray(r) &&
    r.length === 3 &&
    typeof r[0] === 'string' &&
    typeof r[1] === 'string' &&
    Array.isArray(r[2]) &&
    (r[2] as unknown[]).every((x) => typeof x === 'string')
  );
}

/** The whole text of the pieces (the fallback: a file the fast path could not read is parsed whole). */
export function textOfPieces(pieces: Iterable<Uint8Array>): string {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  for (const p of pieces) text += decoder.decode(p, { stream: true });
  return text + decoder.decode();
}

/** SHA-256 of the pieces' bytes. */
export function piecesDigest(pieces: Iterable<Uint8Array>): string {
  const h = createHash('sha256');
  for (const p of pieces) h.update(p);
  return h.digest('hex');
}
