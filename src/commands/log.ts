// inspect log: the hash-chained record of every state change, readable.
import { parseDate } from '../core/values.js';
import { usageError } from '../core/errors.js';
import { readEvents } from '../io/events.js';
import type { Context } from './context.js';

export function runLog(ctx: Context, opts: { since?: string }) {
  const { ui } = ctx;
  let since: string | undefined;
  if (opts.since) {
    const d = parseDate(opts.since);
    if (!d.ok) throw usageError('E_BAD_OPTION', { flag: '--since', value: opts.since, reason: 'YYYY-MM-DD' });
    since = d.value;
  }
  const db = ctx.openDb({ readonly: true });
  try {
    const events = readEvents(db, since);
    if (ui.json) ui.outJson({ entries: events });
    else {
      if (events.length === 0) ui.out(ui.lang === 'zh' ? '（日志为空）' : '(the log is empty)');
      for (const e of events) {
        ui.out(`#${e.seq}  ${e.at}  ${e.operator}  ${e.action}${e.ref ? `  [${e.ref}]` : ''}\n    ${e.summary}\n    payload ${e.payloadSha256}  hash ${e.hash}`);
      }
    }
    return events;
  } finally {
    db.close();
  }
}
