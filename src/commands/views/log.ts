// inspect log: the hash-chained record of every state change, readable.
import { parseSince } from '../../cli/optionParsers.js';
import { printable } from '../../core/text.js';
import type { LogOptions } from '../../cli/flags.js';

import { hasMessage, dynamicKey } from '../../core/messages.js';
import { CLOCK_MARK, readEvents, summaryMessage } from '../../io/events.js';
import type { Context } from '../../cli/context.js';

/** A reference in words: `imports:3` → 导入记录 3 (the stored form stays in --json). */
function refText(ui: Context['ui'], ref: string): string {
  const i = ref.indexOf(':');
  const kind = i < 0 ? ref : ref.slice(0, i);
  return hasMessage(dynamicKey(`T_REF_${kind}`)) ? `${ui.t(dynamicKey(`T_REF_${kind}`))} ${ref.slice(i + 1)}` : ref;
}

export function runLog(ctx: Context, opts: LogOptions) {
  const { ui } = ctx;
  const since = parseSince(opts.since);
  const db = ctx.openDb({ readonly: true });
  try {
    const events = readEvents(db, since);
    // rowsSha256 is null for an entry that wrote no rows (the database's creation, a refused attempt).
    if (ui.json) ui.outJson({ entries: events.map((e) => ({ ...e, rowsSha256: e.rowsSha256 ?? null })) });
    else {
      if (events.length === 0) ui.out(ui.t('T_THE_LOG_IS_EMPTY'));
      for (const e of events) {
        const action = hasMessage(dynamicKey(`T_ACTION_${e.action}`))
          ? ui.t(dynamicKey(`T_ACTION_${e.action}`))
          : e.action;
        const msg = summaryMessage(e);
        const summary = msg ? ui.t(msg) + (e.summary.endsWith(CLOCK_MARK) ? ui.t('L_CLOCK_MARK') : '') : e.summary;
        // Every stored value printed escaped: an operator or reason cannot colour, hide or move the text.
        ui.out(
          `#${e.seq}  ${printable(e.at)}  ${printable(e.operator)}  ${printable(action)}${e.ref ? `  [${printable(refText(ui, e.ref))}]` : ''}`,
        );
        ui.out(`    ${printable(summary)}`);
        ui.out(`    ${ui.t('T_LOG_DIGESTS', { payload: e.payloadSha256, hash: e.hash })}`);
      }
    }
    return events;
  } finally {
    db.close();
  }
}
