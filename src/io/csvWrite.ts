// Writing files for people and machines: UTF-8 with BOM for Excel, formula-injection escaping
// (CWE-1236), and atomic replace (temp file + rename) so a reader or a crash never sees half a file.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { Exit, InspectError } from '../core/errors.js';
import { checkOutput } from './outputGuard.js';

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
  commitTempFile(writeTempFile(path, data, opts));
}

/** A complete output waiting beside its target: renamed into place (commit) or removed (discard). */
export interface TempFile {
  tmp: string;
  path: string;
}

/**
 * Writes the whole output to a temporary file beside its target (refusing a target that exists without
 * force, or that is the database, an input, a device, a FIFO, a folder or a link), so the caller can
 * rename it into place only once what it records is committed: a file on disk then always means done.
 */
export function writeTempFile(path: string, data: string | Uint8Array, opts: { force: boolean }): TempFile {
  checkOutput(path);
  if (!opts.force && existsSync(path))
    throw new InspectError(Exit.cantCreate, { key: 'E_OUTPUT_EXISTS', params: { file: path } });
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw writeError(path, e);
  }
  return { tmp, path };
}

export function commitTempFile(t: TempFile): void {
  try {
    renameSync(t.tmp, t.path);
  } catch (e) {
    rmSync(t.tmp, { force: true });
    throw writeError(t.path, e);
  }
}

export function discardTempFile(t: TempFile | null): void {
  if (t) rmSync(t.tmp, { force: true });
}

/** Why a write failed, said as a write: a full disk, a read-only place, or the OS's own words (exit 74). */
function writeError(path: string, e: unknown): InspectError {
  if (e instanceof InspectError) return e;
  const code = (e as { code?: string }).code ?? '';
  const detail = (e as Error).message;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new InspectError(Exit.ioErr, { key: 'E_DISK_FULL', params: { file: path, detail } });
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new InspectError(Exit.ioErr, { key: 'E_READ_ONLY', params: { file: path, detail } });
  if (code === 'ENOENT') return new InspectError(Exit.ioErr, { key: 'E_OUT_NO_FOLDER', params: { file: path } });
  return new InspectError(Exit.ioErr, { key: 'E_FILE_WRITE', params: { file: path, detail } });
}
