// inspect backup --out FILE: a consistent copy through SQLite's online backup, while others may read.
import type { BackupOptions } from '../flags.js';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { Exit, InspectError, usageError } from '../core/errors.js';
import type { Context } from './context.js';
import { ioError, isIoError } from '../io/db.js';

export async function runBackup(ctx: Context, opts: BackupOptions) {
  if (!opts.out) throw usageError('E_USAGE', { detail: '--out FILE' });
  if (existsSync(opts.out) && !opts.force)
    throw new InspectError(Exit.cantCreate, { key: 'E_OUTPUT_EXISTS', params: { file: opts.out } });
  if (!existsSync(ctx.dbPath))
    throw new InspectError(Exit.noInput, { key: 'E_FILE_MISSING', params: { file: ctx.dbPath } });
  const db = ctx.openDb({ readonly: true });
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
