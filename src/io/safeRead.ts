// Every small file the tool reads (bundle files, --policy, --calendar, --allow-codes, reveal --value
// @FILE) goes through here: a regular file (a symlink is followed only to a regular file), under a stated
// size limit, so a FIFO never hangs the command, /dev/zero never exhausts memory and a folder never
// becomes a stack trace. The limits are stated in docs/algorithm.md and the README.
import { closeSync, fstatSync, openSync, readSync, constants, statSync } from 'node:fs';
import { Exit, InspectError } from '../core/errors.js';
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
    const buf = Buffer.alloc(again.size);
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
