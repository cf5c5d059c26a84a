// inspect init [--practice]: a new, empty database. A practice database is the only kind on which
// INSPECT_NOW may replace the clock; it says so in its first setting, and everything it produces says so.
import { existsSync } from 'node:fs';
import { Exit, InspectError } from '../../core/errors.js';
import { nowWithOffset } from '../../io/clock.js';
import { openDb, writeTransaction } from '../../io/db.js';
import { appendEvent } from '../../io/events.js';
import { writeSetting } from '../../io/settingsStore.js';
import type { InitOptions } from '../../cli/flags.js';
import type { Context } from '../../cli/context.js';

export async function runInit(ctx: Context, opts: InitOptions) {
  const practice = Boolean(opts.practice);
  if (existsSync(ctx.dbPath))
    throw new InspectError(Exit.cantCreate, { key: 'E_INIT_EXISTS', params: { db: ctx.dbPath } });
  // Only a practice database may be made under INSPECT_NOW: openDb refuses it for a normal one.
  const db = openDb(ctx.dbPath, { practiceInit: practice });
  try {
    await writeTransaction(db, ctx.dbPath, () => {
      const at = nowWithOffset();
      if (practice)
        writeSetting(db, { key: 'practice', value: true, reason: null, at, operator: ctx.operator, lowers: false });
      appendEvent(db, {
        at,
        operator: ctx.operator,
        action: 'init',
        summary: { key: 'L_INIT', params: { practice: practice ? { key: 'L_INIT_PRACTICE' } : '' } },
        payloadSha256: '',
        ref: '',
      });
    });
  } finally {
    db.close();
  }
  if (ctx.ui.json) ctx.ui.outJson({ db: ctx.dbPath, practice });
  else ctx.ui.out(ctx.ui.t(practice ? 'I_INIT_PRACTICE_DONE' : 'I_INIT_DONE', { db: ctx.dbPath }));
  return { db: ctx.dbPath, practice };
}
