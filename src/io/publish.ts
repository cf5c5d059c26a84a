// Every notice is written the same way, so that a notice on disk always means it is recorded: the whole
// file to a temporary name beside its target, then the record and its log entry committed, then the
// rename into place. Killed or out of disk before the commit: no record and no file (the temporary one is
// removed). Killed between the commit and the rename: recorded, the file not in place — the safe side,
// and a rerun of the export writes it again.
import { io, env } from './processIo.js';
import { commitTempFile, discardTempFile, writeTempFile } from './csvWrite.js';
import { writeTransaction, type Db } from './db.js';

/** Test-only fault injection: INSPECT_FAULT_PAUSE=point:ms pauses at that point, so a test can kill there. */
export function faultPause(point: string): void {
  const v = env().INSPECT_FAULT_PAUSE;
  if (!v) return;
  const [at, ms] = v.split(':');
  if (at !== point) return;
  const until = Date.now() + Number(ms ?? 0);
  // A busy wait on purpose: the process must hold exactly here, with the transaction open or closed.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, until - Date.now()));
}

export async function writeThenRecord<T>(
  db: Db,
  dbPath: string,
  out: string,
  data: string | Uint8Array,
  force: boolean,
  record: () => T,
): Promise<T> {
  const tmp = out === '-' ? null : writeTempFile(out, data, { force });
  try {
    const result = await writeTransaction(db, dbPath, () => {
      const r = record();
      faultPause('before-commit');
      return r;
    });
    faultPause('before-rename');
    if (tmp) commitTempFile(tmp);
    else io().stdout.write(data);
    return result;
  } catch (e) {
    discardTempFile(tmp);
    throw e;
  }
}
