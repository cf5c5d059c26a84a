// Every small file the tool reads (bundle files, --policy, --calendar, --allow-codes, reveal --value
// @FILE) goes through here: a regular file (a symlink is followed only to a regular file), under a stated
// size limit, so a FIFO never hangs the command, /dev/zero never exhausts memory and a folder never
// becomes a stack trace. The limits are stated in docs/algorithm.md and the README.
import { closeSync, fstatSync, openSync, readSync, constants, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Exit, InspectError } from '../core/errors.js';
import { depthWatch, MAX_JSON_DEPTH, startsWithBom } from '../core/jsonSafety.js';
import { guardInput, notFileKey } from './outputGuard.js';

const MiB = 1024 * 1024;

/** The most bytes each kind of file may have (frame.json and inspectors.json hold a province's roster). */
export const READ_LIMITS = {
  bundleLarge: 1024 * MiB, // frame.json, inspectors.json, record.json: SQLite holds no value over 1 GB either
  bundleSmall: 16 * MiB, // commitment.json, beacons.json
  policy: 1 * MiB,
  calendar: 16 * MiB,
  allowCodes: 256 * MiB,
  value: 1 * MiB, // reveal --value @FILE
  notice: 256 * MiB, // verify --notice FILE
} as const;

/**
 * The bytes of a regular file of at most `limit` bytes. Missing: exit 66; not a regular file (a folder,
 * a FIFO, a device, a socket): exit 66 naming what it is; too large: exit 65 with the limit.
 */
export function readRegularFile(file: string, limit: number): Buffer {
  const { fd, size } = openRegular(file, limit);
  try {
    const buf = Buffer.alloc(size);
    let at = 0;
    while (at < buf.length) {
      const n = readSync(fd, buf, at, buf.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return at === buf.length ? buf : buf.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/** A regular file of at most `limit` bytes, opened: the same checks and exits as readRegularFile. */
function openRegular(file: string, limit: number): { fd: number; size: number } {
  guardInput(file);
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new InspectError(Exit.noInput, { key: 'E_FILE_MISSING', params: { file } });
  }
  if (!st.isFile())
    throw new InspectError(Exit.noInput, {
      key: 'E_NOT_REGULAR_FILE',
      params: { file, what: { key: notFileKey(st) } },
    });
  if (st.size > limit) throw tooLarge(file, limit);
  // Opened without blocking, checked again on the open descriptor (the path may have been swapped).
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const again = fstatSync(fd);
    if (!again.isFile())
      throw new InspectError(Exit.noInput, {
        key: 'E_NOT_REGULAR_FILE',
        params: { file, what: { key: 'T_A_DEVICE' } },
      });
    if (again.size > limit) throw tooLarge(file, limit);
    return { fd, size: again.size };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/** A file is read in chunks of this size when it is too large to want whole (a province's inspectors.json). */
const CHUNK = 4 * MiB;

/**
 * The bytes of a regular file of at most `limit` bytes, a chunk at a time, with the same checks as
 * readRegularFile; `check` sees each chunk first and may throw (a bundle file's byte-order mark or
 * nesting). The file is opened when the first chunk is asked for and closed when the last is read.
 */
export function* readRegularChunks(file: string, limit: number, check?: (chunk: Buffer) => void): Generator<Buffer> {
  const { fd, size } = openRegular(file, limit);
  try {
    for (let at = 0; at < size;) {
      const buf = Buffer.alloc(Math.min(CHUNK, size - at));
      const n = readSync(fd, buf, 0, buf.length, at);
      if (n === 0) break;
      at += n;
      const chunk = n === buf.length ? buf : buf.subarray(0, n);
      check?.(chunk);
      yield chunk;
    }
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: string, limit: number): InspectError {
  return new InspectError(Exit.data, {
    key: 'E_FILE_TOO_LARGE',
    params: { file, limit: `${Math.round(limit / MiB)} MiB` },
  });
}

/** The text of a regular file (UTF-8), under the limit. */
export function readRegularText(file: string, limit: number): string {
  return readRegularFile(file, limit).toString('utf8');
}

/**
 * A large bundle file (inspectors.json) a chunk at a time, refused as bundleBytesProblem refuses a whole
 * one: a byte-order mark, or nesting deeper than the tool writes. Each call reads the file afresh.
 */
export function bundleFileChunks(file: string): () => Generator<Buffer> {
  const name = basename(file);
  return () => {
    const tooDeep = depthWatch();
    let first = true;
    return readRegularChunks(file, READ_LIMITS.bundleLarge, (chunk) => {
      if (first && startsWithBom(chunk)) throw new InspectError(Exit.data, { key: 'V_BOM', params: { file: name } });
      first = false;
      if (tooDeep(chunk))
        throw new InspectError(Exit.data, { key: 'E_JSON_TOO_DEEP', params: { file: name, depth: MAX_JSON_DEPTH } });
    });
  };
}
