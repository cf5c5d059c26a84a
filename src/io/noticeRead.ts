// Reads a published notice (verify --notice FILE) as rows of [label, value] or a JSON object: the CSV,
// xlsx or JSON that `inspect export publication` wrote, as the public would download it.
import { parse } from 'csv-parse/sync';
import readXlsx from 'read-excel-file/node';
import { Exit, InspectError } from '../core/errors.js';
import { readRegularFile, READ_LIMITS } from './safeRead.js';

export async function readNotice(file: string): Promise<unknown[][] | Record<string, unknown>> {
  const bytes = readRegularFile(file, READ_LIMITS.notice);
  const fail = (e: unknown) =>
    new InspectError(Exit.data, { key: 'E_NOTICE_FORMAT', params: { file, detail: (e as Error).message } });
  try {
    // xlsx is a zip: PK\x03\x04.
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      const sheets = await readXlsx(bytes);
      return (sheets[0]?.data ?? []) as unknown[][];
    }
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    if (/^\s*[{[]/.test(text)) {
      const v = JSON.parse(text) as unknown;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not a JSON object');
      return v as Record<string, unknown>;
    }
    return parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw fail(e);
  }
}
