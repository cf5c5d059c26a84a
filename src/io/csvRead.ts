// Streaming CSV reading for Excel-made files: encoding detection (BOM, strict UTF-8 on the first 64 KB,
// else GB18030), binary-garbage detection, SHA-256 of the exact bytes, and csv-parse errors turned into
// messages that name the file and row. Memory stays bounded whatever the file size.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { parse, type CsvError } from 'csv-parse';
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
  /** Line of the file where the record ends (1 = header line); equals the Excel row for one-line records. */
  row: number;
}

export interface CsvReader {
  encoding: Encoding;
  bom: boolean;
  size: number;
  /** Bytes read so far (for a progress bar). */
  bytesRead(): number;
  rows(): AsyncGenerator<CsvRow>;
  /** SHA-256 of the file's bytes; complete once rows() has finished. */
  sha256(): string;
}

export async function openCsv(file: string, forced?: Encoding): Promise<CsvReader> {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InspectError(Exit.noInput, { key: 'E_FILE_MISSING', params: { file } });
    throw new InspectError(Exit.noInput, { key: 'E_FILE_READ', params: { file, detail: (e as Error).message } });
  }
  // Sniff from the head of the file.
  const head = await readHead(file, SNIFF_BYTES);
  const detected = detectEncoding(head);
  const encoding = forced ?? detected.encoding;
  const bom = detected.bom;
  const hash = createHash('sha256');
  let read = 0;
  let digest = '';

  async function* rows(): AsyncGenerator<CsvRow> {
    const parser = parse({ relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, bom: false });
    const decoder = new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'gb18030', { fatal: true, ignoreBOM: false });
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
    const feeding = (async () => {
      let first = true;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const at = firstBinaryByte(chunk, first);
        if (at >= 0) throw new InspectError(Exit.data, { key: 'E_BINARY_FILE', params: { file, offset: read + at } });
        first = false;
        hash.update(chunk);
        let text: string;
        try {
          text = decoder.decode(chunk, { stream: true });
        } catch {
          throw new InspectError(Exit.data, { key: encoding === 'utf8' ? 'E_BAD_UTF8' : 'E_BAD_GB18030', params: { file, offset: read } });
        }
        read += chunk.length;
        if (text.length > 0 && !parser.write(text)) await once(parser, 'drain');
      }
      try {
        const tail = decoder.decode();
        if (tail) parser.write(tail);
      } catch {
        throw new InspectError(Exit.data, { key: encoding === 'utf8' ? 'E_BAD_UTF8' : 'E_BAD_GB18030', params: { file, offset: read } });
      }
      digest = hash.digest('hex');
      parser.end();
    })();
    let failure: unknown;
    feeding.catch((e: unknown) => {
      failure = e;
      parser.destroy(e as Error);
    });
    try {
      for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        yield { cells: rec.record, row: rec.info.lines };
      }
      await feeding;
    } catch (e) {
      if (failure) throw failure;
      throw csvError(file, e);
    } finally {
      stream.destroy();
    }
  }

  return { encoding, bom, size, bytesRead: () => read, rows, sha256: () => digest };
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

function csvError(file: string, e: unknown): InspectError {
  if (e instanceof InspectError) return e;
  const err = e as CsvError & { lines?: number; records?: number; empty_lines?: number };
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    // csv-parse reports the line where the file ended; the open quote is in the record after the last
    // complete one (records counts the header too).
    const row = (err.records ?? 0) + (err.empty_lines ?? 0) + 1;
    return new InspectError(Exit.data, { key: 'E_CSV_QUOTE', params: { file, row, line: row } });
  }
  if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
    return new InspectError(Exit.data, { key: 'E_CSV_SYNTAX', params: { file, row: err.lines ?? '?', detail: err.message } });
  }
  throw e;
}

export function fileSize(file: string): number {
  return statSync(file).size;
}
