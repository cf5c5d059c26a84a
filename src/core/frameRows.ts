// The frame's rows as columns (drawTypes.FrameRows): built as the roster streams past, read back from
// frame.json, and written out as the frame's canonical bytes (draw-spec §1) without ever becoming one
// JavaScript string: at 2,000,000 objects the text alone is some 60 MB, and a string of it, its UTF-8
// copy for the database and the hash's own copy were three of them.
import { canonicalJson } from './canonical.js';
import type { Frame, FrameDoc, FrameRows } from './drawTypes.js';
import { dataError } from './errors.js';
import { IdColumn } from './idColumn.js';

/** A stratum code is 16 bits: more distinct strata than that can only be a tampered roster. */
const MAX_STRATA = 0xffff;

/**
 * Collects rows one at a time; `done()` gives the columns sorted by id, as the spec orders them
 * (`done(false)`: in the order pushed, for a file read back, whose order verify checks).
 */
export function frameRowsBuilder(): {
  push(id: string, stratum: string): void;
  /** A plain id given as its bytes `src[from..to)` (frame.json read back). */
  pushPlainId(src: Uint8Array, from: number, to: number, stratum: string): void;
  done(sort?: boolean): FrameRows;
} {
  const ids = new IdColumn();
  const names: string[] = [];
  const codeOf = new Map<string, number>();
  let codes = new Uint16Array(1024);
  const addCode = (stratum: string) => {
    let code = codeOf.get(stratum);
    if (code === undefined) {
      if (names.length > MAX_STRATA) throw dataError('E_NO_RATIO', { stratum });
      code = names.length;
      names.push(stratum);
      codeOf.set(stratum, code);
    }
    if (ids.length === codes.length) {
      const grown = new Uint16Array(codes.length * 2);
      grown.set(codes);
      codes = grown;
    }
    codes[ids.length] = code;
  };
  return {
    push(id, stratum) {
      addCode(stratum);
      ids.push(id);
    },
    pushPlainId(src, from, to, stratum) {
      addCode(stratum);
      ids.pushPlainBytes(src, from, to);
    },
    done(sort = true) {
      const rows = { ids: ids.trim(), codes: codes.slice(0, ids.length), names };
      return sort ? sortRows(rows) : rows;
    },
  };
}

/** The rows in id order: as they came when already sorted (the database's key order), else sorted. */
function sortRows(rows: FrameRows): FrameRows {
  const { ids, codes } = rows;
  let sorted = true;
  for (let i = 1; i < ids.length && sorted; i++) if (ids.compare(i - 1, i) >= 0) sorted = false;
  if (sorted) return rows;
  const order = Array.from({ length: ids.length }, (_, i) => i).sort((a, b) => ids.compare(a, b) || a - b);
  const out = new IdColumn();
  const outCodes = new Uint16Array(order.length);
  order.forEach((i, k) => {
    out.push(ids.at(i));
    outCodes[k] = codes[i]!;
  });
  return { ids: out.trim(), codes: outCodes, names: rows.names };
}

export function rowsFromPairs(pairs: [string, string][]): FrameRows {
  const b = frameRowsBuilder();
  for (const [id, stratum] of pairs) b.push(id, stratum);
  return b.done();
}

export function rowsToPairs(rows: FrameRows): [string, string][] {
  return rows.ids.toArray().map((id, i) => [id, rows.names[rows.codes[i]!]!]);
}

/** The ids of the rows in one stratum, in frame order. */
export function idsInStratum(rows: FrameRows, stratum: string): string[] {
  const code = rows.names.indexOf(stratum);
  const out: string[] = [];
  for (let i = 0; i < rows.codes.length; i++) if (rows.codes[i] === code) out.push(rows.ids.at(i));
  return out;
}

/** A parsed frame.json with its rows as columns, in file order. Throws on a row that is not `[string, string]`. */
export function frameFromDoc(doc: FrameDoc): Frame {
  if (!Array.isArray(doc.frame)) throw new Error('frame is not an array');
  const b = frameRowsBuilder();
  doc.frame.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 2 || typeof row[0] !== 'string' || typeof row[1] !== 'string')
      throw new Error(`frame row ${i + 1} is not [id, stratum]: ${JSON.stringify(row)}`);
    b.push(row[0], row[1]);
  });
  return { ...doc, frame: b.done(false) };
}

export function frameToDoc(frame: Frame): FrameDoc {
  return { ...frame, frame: rowsToPairs(frame.frame) };
}

/**
 * The canonical bytes of a frame: the same bytes as canonicalJson of its document, written straight
 * from the columns. Keys in code-unit order (algorithm, coveredCount, drawId, excluded, frame, policy,
 * scopeCount, year); each row `["id","stratum"]`, strings as JSON.stringify writes them, in UTF-8.
 */
export function canonicalFrameBytes(frame: Frame): Uint8Array {
  const enc = new TextEncoder();
  const head = enc.encode(
    `{"algorithm":${canonicalJson(frame.algorithm)},"coveredCount":${canonicalJson(frame.coveredCount)},` +
      `"drawId":${canonicalJson(frame.drawId)},"excluded":${canonicalJson(frame.excluded)},"frame":[`,
  );
  const tail = enc.encode(
    `],"policy":${canonicalJson(frame.policy)},"scopeCount":${canonicalJson(frame.scopeCount)},` +
      `"year":${canonicalJson(frame.year)}}`,
  );
  const { ids, codes, names } = frame.frame;
  // Each stratum's `,"A|H"]` once; each id as its JSON string: its bytes in quotes when plain (a credit
  // code always is), else JSON.stringify of it in UTF-8.
  const suffix = names.map((n) => enc.encode(`,${JSON.stringify(n)}]`));
  const special = new Map<number, Uint8Array>();
  let size = head.length + tail.length + Math.max(0, ids.length - 1);
  for (let i = 0; i < ids.length; i++) {
    const plain = ids.plainLength(i);
    if (plain !== null) size += plain + 3;
    else {
      const b = enc.encode(`[${JSON.stringify(ids.at(i))}`);
      special.set(i, b);
      size += b.length;
    }
    size += suffix[codes[i]!]!.length;
  }
  const out = new Uint8Array(size);
  out.set(head, 0);
  let at = head.length;
  for (let i = 0; i < ids.length; i++) {
    if (i > 0) out[at++] = 0x2c; // ,
    const b = special.size ? special.get(i) : undefined;
    if (b) {
      out.set(b, at);
      at += b.length;
    } else {
      out[at++] = 0x5b; // [
      out[at++] = 0x22; // "
      at = ids.writePlain(i, out, at);
      out[at++] = 0x22;
    }
    const sfx = suffix[codes[i]!]!;
    for (let k = 0; k < sfx.length; k++) out[at++] = sfx[k]!;
  }
  out.set(tail, at);
  return out;
}
