// Streaming CSV reading for Excel-made files: encoding detection (BOM, strict UTF-8 on the first 64 KB,
// else GB18030), binary-garbage detection, SHA-256 of the exact bytes, and csv-parse errors turned into
// messages that name the file and row. Memory stays bounded whatever the file size.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { guardInput, notFileKey } from './outputGuard.js';
import { basename } from 'node:path';
import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { parse, type CsvError } from 'csv-parse';
import { FastCsv, type LineEnding } from '../core/csvFast.js';
import { Exit, InspectError } from '../core/errors.js';

export type Encoding = 'utf8' | 'gb18030';
const SNIFF_BYTES = 64 * 1024;

export function detectEncoding(head: Uint8Array): { encoding: Encoding; bom: boolean } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bom: true };
  try {
    // stream: true so a multi-byte character cut at the 64 KB boundary is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf8', bom: false };
  } catch {
    return { encoding: 'gb18030', bom: false };
  }
}

/** UTF-32: a BOM (FF FE 00 00 / 00 00 FE FF), or three NULs beside every ASCII byte. */
function isUtf32(head: Uint8Array): boolean {
  if (head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) return true;
  if (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return true;
  const n = Math.min(head.length, 200) & ~3;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (head[i] === 0) zeros++;
  return n >= 16 && zeros * 2 >= n;
}

/**
 * UTF-16: a BOM, or NULs only in odd (little-endian) or only in even (big-endian) positions — the high
 * byte of every comma, digit and line feed — even when most of the text is Chinese and has none.
 */
function isUtf16(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return true;
  const n = Math.min(head.length, 512) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return n >= 8 && ((odd >= 4 && even === 0) || (even >= 4 && odd === 0));
}

/** Control bytes that never occur in a text CSV (tab, LF, CR are fine). */
function firstBinaryByte(buf: Uint8Array, full: boolean): number {
  if (!full) return buf.indexOf(0);
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return i;
  }
  return -1;
}

export interface CsvRow {
  cells: string[];
  /** The record's ordinal in the file, blank lines counted (1 = header): the Excel row number. */
  row: number;
}

export interface CsvReader {
  encoding: Encoding;
  bom: boolean;
  size: number;
  /** Bytes read so far (for a progress bar). */
  bytesRead(): number;
  /** The rows in batches (one await per chunk of the file, not per row). */
  batches(): AsyncGenerator<CsvRow[]>;
  /** SHA-256 of the file's bytes; complete once batches() has finished. */
  sha256(): string;
}

export async function openCsv(file: string, forced?: Encoding): Promise<CsvReader> {
  // The file being imported is never an output of the same command (--errors).
  guardInput(file);
  // Excel's owner file (~$名称.csv) sits beside a workbook open in Excel: never the roster itself.
  if (basename(file).startsWith('~$'))
    throw new InspectError(Exit.noInput, {
      key: 'E_EXCEL_OWNER_FILE',
      params: { file, real: basename(file).slice(2) },
    });
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InspectError(Exit.noInput, { key: 'E_FILE_MISSING', params: { file } });
    throw new InspectError(Exit.noInput, { key: 'E_FILE_READ', params: { file, detail: (e as Error).message } });
  }
  if (!st.isFile())
    throw new InspectError(Exit.noInput, {
      key: 'E_NOT_REGULAR_FILE',
      params: { file, what: { key: notFileKey(st) } },
    });
  const size = st.size;
  // Sniff from the head of the file.
  const head = await readHead(file, SNIFF_BYTES);
  // Excel's "Unicode text" is UTF-16: a BOM FF FE / FE FF, or a NUL after every ASCII byte.
  if (isUtf32(head)) throw new InspectError(Exit.data, { key: 'E_UTF32_FILE', params: { file } });
  if (isUtf16(head)) throw new InspectError(Exit.data, { key: 'E_UTF16_FILE', params: { file } });
  const detected = detectEncoding(head);
  const encoding = forced ?? detected.encoding;
  const bom = detected.bom;
  const hash = createHash('sha256');
  let read = 0;
  let linesBefore = 0;
  let lineTail: Buffer = Buffer.alloc(0);
  let digest = '';

  /** The file's text, chunk by chunk: checked for binary content, hashed, validated and decoded. */
  async function* texts(): AsyncGenerator<string> {
    // Validated UTF-8 is decoded without a second check; GB18030 is decoded strictly, streaming.
    const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
    const gb = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
    let carry: Buffer = Buffer.alloc(0);
    let first = true;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const at = firstBinaryByte(chunk, first);
        if (at >= 0) throw new InspectError(Exit.data, { key: 'E_BINARY_FILE', params: { file, offset: read + at } });
        first = false;
        hash.update(chunk);
        let text: string;
        if (encoding === 'utf8') {
          // A character split across chunks waits for the next one; every complete one must be valid.
          const joined: Buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
          const end = completeUtf8(joined);
          if (!isUtf8(joined.subarray(0, end)))
            throw new InspectError(Exit.data, {
              key: 'E_BAD_UTF8',
              params: { file, offset: read + firstBadUtf8(joined.subarray(0, end)) - carry.length },
            });
          carry = Buffer.from(joined.subarray(end));
          text = utf8.decode(joined.subarray(0, end));
        } else {
          try {
            text = gb.decode(chunk, { stream: true });
          } catch {
            throw gbError(file, chunk, read, linesBefore, lineTail);
          }
          // Where each line starts, for the row and column of a later bad byte (0x0A is never a GB18030
          // trail byte, so a line feed byte is always a line feed).
          const lastLf = chunk.lastIndexOf(0x0a);
          linesBefore += countLf(chunk);
          lineTail = lastLf < 0 ? Buffer.concat([lineTail, chunk]) : Buffer.from(chunk.subarray(lastLf + 1));
        }
        read += chunk.length;
        yield text;
      }
      if (carry.length)
        throw new InspectError(Exit.data, { key: 'E_BAD_UTF8', params: { file, offset: read - carry.length } });
      if (encoding === 'gb18030') {
        try {
          const tail = gb.decode();
          if (tail) yield tail;
        } catch {
          // The file ends inside a character: its last line.
          throw new InspectError(Exit.data, {
            key: 'E_BAD_GB18030',
            params: { file, offset: read, row: linesBefore + 1, column: columnOf(lineTail) },
          });
        }
      }
      digest = hash.digest('hex');
    } finally {
      stream.destroy();
    }
  }

  /**
   * Records in batches (one per chunk of the file: no await per row). The fast splitter parses what is
   * regular; from the first record it cannot parse, csv-parse takes over with the same line ending, so
   * the records are exactly csv-parse's (test/core/csvFast.test.ts).
   */
  async function* batches(): AsyncGenerator<CsvRow[]> {
    const source = texts();
    const fast = new FastCsv();
    let row = 0;
    const collect = (records: string[][], out: CsvRow[] = []) => {
      for (const cells of records) {
        row++;
        if (cells.length === 1 && cells[0] === '') continue; // a blank line
        out.push({ cells, row });
      }
      return out;
    };
    for (;;) {
      const next = await source.next();
      const r = next.done ? fast.push('', true) : fast.push(next.value, false);
      const batch = collect(r.records);
      if (batch.length) yield batch;
      if (r.fallback !== undefined) {
        yield* handOver(r.fallback, r.lineEnding, next.done ? null : source, row, collect);
        return;
      }
      if (next.done) return;
    }
  }

  /** csv-parse from `text` on (then the rest of the file), counting records on from `before`. */
  async function* handOver(
    text: string,
    lineEnding: LineEnding | undefined,
    source: AsyncGenerator<string> | null,
    before: number,
    collect: (records: string[][], out?: CsvRow[]) => CsvRow[],
  ): AsyncGenerator<CsvRow[]> {
    const parser = parse({
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: false, // already dropped at the start of the file
      ...(lineEnding ? { record_delimiter: lineEnding } : {}),
    });
    const feeding = (async () => {
      if (text && !parser.write(text)) await once(parser, 'drain');
      if (source) for await (const t of source) if (t && !parser.write(t)) await once(parser, 'drain');
      parser.end();
    })();
    let failure: unknown;
    feeding.catch((e: unknown) => {
      failure = e;
      parser.destroy(e as Error);
    });
    try {
      let batch: CsvRow[] = [];
      for await (const cells of parser as AsyncIterable<string[]>) {
        collect([cells], batch);
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
      await feeding;
    } catch (e) {
      if (failure) throw failure;
      throw csvError(file, e, before);
    }
  }

  return { encoding, bom, size, bytesRead: () => read, batches, sha256: () => digest };
}

/** Length of the prefix of buf that ends on a UTF-8 character boundary (a split character waits for the next chunk). */
export function completeUtf8(buf: Uint8Array): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

function firstBadUtf8(buf: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return buf.length;
  } catch {
    // Binary search for the longest valid prefix.
    let lo = 0;
    let hi = buf.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (isUtf8(buf.subarray(0, completeUtf8(buf.subarray(0, mid))))) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

async function readHead(file: string, n: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let got = 0;
  for await (const chunk of createReadStream(file, { start: 0, end: n - 1 }) as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    got += chunk.length;
  }
  return Buffer.concat(chunks, got);
}

/** csv-parse's error as a message naming the file and row; `before` records were read by the fast path. */
function csvError(file: string, e: unknown, before: number): InspectError {
  if (e instanceof InspectError) return e;
  const err = e as CsvError & { lines?: number; records?: number; empty_lines?: number };
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    // csv-parse reports the line where the file ended; the open quote is in the record after the last
    // complete one (records counts the header too).
    const row = before + (err.records ?? 0) + 1;
    return new InspectError(Exit.data, { key: 'E_CSV_QUOTE', params: { file, row, line: row } });
  }
  if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
    return new InspectError(Exit.data, {
      key: 'E_CSV_SYNTAX',
      params: { file, row: err.lines === undefined ? '?' : before + err.lines, detail: err.message },
    });
  }
  throw e;
}

function countLf(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * The first byte a strict GB18030 decoder refuses in this chunk (the shortest prefix that fails), with its
 * file offset, its row (line) and its column (commas outside quotes before it on its line).
 */
function gbError(file: string, chunk: Buffer, read: number, linesBefore: number, lineTail: Buffer): InspectError {
  const fails = (n: number) => {
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(chunk.subarray(0, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  let lo = 1;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fails(mid)) hi = mid;
    else lo = mid + 1;
  }
  // The failing byte may be the second of a pair (0x81 then a space): the offset named is where the
  // broken character starts, the last character boundary before it (at most three bytes back).
  const boundary = (n: number) => {
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(chunk.subarray(0, n));
      return true;
    } catch {
      return false;
    }
  };
  let at = lo - 1;
  for (let k = at; k >= Math.max(0, lo - 4); k--)
    if (boundary(k)) {
      at = k;
      break;
    }
  const before = chunk.subarray(0, at);
  const lastLf = before.lastIndexOf(0x0a);
  const line = lastLf < 0 ? Buffer.concat([lineTail, before]) : before.subarray(lastLf + 1);
  return new InspectError(Exit.data, {
    key: 'E_BAD_GB18030',
    params: { file, offset: read + at, row: linesBefore + countLf(before) + 1, column: columnOf(line) },
  });
}

/** The column a position on a line is in: 1 + the commas before it outside quotes. */
function columnOf(line: Uint8Array): number {
  let column = 1;
  let quoted = false;
  for (const b of line) {
    if (b === 0x22) quoted = !quoted;
    else if (b === 0x2c && !quoted) column++;
  }
  return column;
}
