// Writing files for people and machines: UTF-8 with BOM for Excel, formula-injection escaping
// (CWE-1236), and atomic replace (temp file + rename) so a reader or a crash never sees half a file.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { Exit, InspectError } from '../core/errors.js';

const FORMULA_START = /^[=+\-@\t\r\n]/;

/** Excel would evaluate a cell that starts with = + - @ tab CR LF; a leading ' makes it inert text. */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvText(headers: string[], rows: string[][], opts: { excel: boolean }): string {
  const body = stringify([headers, ...rows.map((r) => (opts.excel ? r.map(escapeCell) : r))], {
    record_delimiter: opts.excel ? '\r\n' : '\n',
  });
  return opts.excel ? `\uFEFF${body}` : body;
}

/** Refuses an existing file unless force (exit 73), then writes atomically. */
export function writeFileAtomic(path: string, data: string | Uint8Array, opts: { force: boolean }): void {
  if (!opts.force && existsSync(path))
    throw new InspectError(Exit.cantCreate, { key: 'E_OUTPUT_EXISTS', params: { file: path } });
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof InspectError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'ENOSPC' || code === 'EDQUOT')
      throw new InspectError(Exit.ioErr, { key: 'E_DISK_FULL', params: { file: path, detail: (e as Error).message } });
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
      throw new InspectError(Exit.ioErr, { key: 'E_READ_ONLY', params: { file: path, detail: (e as Error).message } });
    throw new InspectError(Exit.cantCreate, {
      key: 'E_FILE_READ',
      params: { file: path, detail: (e as Error).message },
    });
  }
}
