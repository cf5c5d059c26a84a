// The tool never destroys what it reads or keeps: an output path that is the database (or its -wal, -shm
// or -journal file), an input file of the same command, a device, a FIFO, a folder or a symbolic link is
// refused (exit 73), even with --force. Paths are compared after resolving links and `..`, so another
// spelling of the same file is the same file.
import type { MessageKey } from '../core/messages.js';
import { existsSync, lstatSync, realpathSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Exit, InspectError } from '../core/errors.js';

/** What a path that is not a regular file is, as the message key that names it. */
export const notFileKey = (st: Stats): MessageKey =>
  st.isDirectory() ? 'T_A_FOLDER' : st.isFIFO() ? 'T_A_FIFO' : 'T_A_DEVICE';

const guarded = new Map<string, 'database' | 'input'>();

/** The canonical spelling of a path, whether or not the file exists yet. */
export function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return resolve(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** The database and its companion files: never an output. */
export function guardDatabase(db: string): void {
  for (const f of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) guarded.set(canonicalPath(f), 'database');
}

/** A file this command reads: never its output. */
export function guardInput(file: string): void {
  guarded.set(canonicalPath(file), 'input');
}

/**
 * Refuses an output path that would destroy something: the database, an input, a device, a FIFO, a folder
 * or a symbolic link. A link is refused rather than followed: the atomic rename that writes every output
 * would replace the link itself, not the file it points to, and neither is what the user meant.
 */
export function checkOutput(path: string): void {
  const what = guarded.get(canonicalPath(path));
  if (what)
    throw new InspectError(Exit.cantCreate, {
      key: what === 'database' ? 'E_OUT_IS_DB' : 'E_OUT_IS_INPUT',
      params: { file: path },
    });
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return; // a new file
  }
  // Excel keeps an owner file (~$名称.xlsx) beside a workbook it has open: replacing it would fail or be lost.
  if (existsSync(join(dirname(path), `~$${basename(path)}`)))
    throw new InspectError(Exit.ioErr, { key: 'E_FILE_IN_EXCEL', params: { file: path, detail: '~$' } });
  if (st.isSymbolicLink()) throw new InspectError(Exit.cantCreate, { key: 'E_OUT_SYMLINK', params: { file: path } });
  if (!st.isFile())
    throw new InspectError(Exit.cantCreate, {
      key: 'E_OUT_NOT_FILE',
      params: { file: path, what: { key: notFileKey(st) } },
    });
}
