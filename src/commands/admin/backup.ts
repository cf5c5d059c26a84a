// inspect backup --out FILE: a consistent copy through SQLite's online backup, while others may read.
import type { BackupOptions } from '../../cli/flags.js';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Exit, InspectError, usageError } from '../../core/errors.js';
import type { Context } from '../../cli/context.js';
import { ioError, isIoError } from '../../io/db.js';
import { checkOutput } from '../../io/outputGuard.js';

export async function runBackup(ctx: Context, opts: BackupOptions) {
  if (!opts.out) throw usageError('E_USAGE', { detail: '--out FILE' });
  if (existsSync(opts.out) && !opts.force)
    throw new InspectError(Exit.cantCreate, { key: 'E_OUTPUT_EXISTS', params: { file: opts.out } });
  if (!existsSync(ctx.dbPath))
    throw new InspectError(Exit.noInput, { key: 'E_FILE_MISSING', params: { file: ctx.dbPath } });
  const db = ctx.openDb({ readonly: true });
  // Never the database itself or its -wal/-shm/-journal file, a device, a FIFO, a folder or a link.
  checkOutput(opts.out);
  removeStaleTemps(opts.out);
  const tmp = `${opts.out}.tmp-${process.pid}`;
  try {
    await db.backup(tmp);
    renameSync(tmp, opts.out);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (isIoError(e)) throw ioError(opts.out, e);
    throw e;
  } finally {
    db.close();
  }
  const result = { db: ctx.dbPath, out: opts.out };
  if (ctx.ui.json) ctx.ui.outJson(result);
  else ctx.ui.out(ctx.ui.t('T_BACKED_UP_TO_AUDIT', { out: opts.out }));
  return result;
}

/**
 * A backup killed midway leaves FILE.tmp-PID (and SQLite's journal beside it): removed on the next run,
 * unless that process is still running.
 */
function removeStaleTemps(out: string): void {
  const dir = dirname(resolve(out));
  const prefix = `${basename(out)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)(-journal|-wal|-shm)?$`).exec(n);
    if (!m) continue;
    const pid = Number(m[1]);
    if (!isAlive(pid)) rmSync(join(dir, n), { force: true });
  }
}

/** Whether another process with this id is running (signal 0 only asks). */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
