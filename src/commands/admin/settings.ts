// inspect settings / inspect settings set KEY VALUE [--reason TEXT]: the office's rules, kept in the
// database and changed only through the log. Lowering a protection needs a reason and stays in the audit.
import { Exit, InspectError } from '../../core/errors.js';
import { canonicalJson } from '../../core/canonical.js';
import { checkChange, SETTINGS } from '../../core/settings.js';
import { nowWithOffset } from '../../io/clock.js';
import { isPracticeDb, writeTransaction } from '../../io/db.js';
import { currentSettings, settingRows, writeSetting } from '../../io/settingsStore.js';
import { terminalSafe } from '../../core/text.js';
import type { SettingsSetOptions } from '../../cli/flags.js';
import type { Context } from '../../cli/context.js';
import { parseLoggedText } from '../../cli/optionParsers.js';

export function runSettings(ctx: Context) {
  const { ui } = ctx;
  const db = ctx.openDb({ readonly: true });
  try {
    const current = currentSettings(db);
    const rows = settingRows(db);
    const practice = isPracticeDb(db);
    const list = Object.keys(SETTINGS).map((key) => {
      const last = [...rows].reverse().find((r) => r.key === key);
      return {
        key,
        value: current[key]!,
        setAt: last?.at ?? null,
        operator: last?.operator ?? null,
        reason: last?.reason ?? null,
      };
    });
    if (ui.json) ui.outJson({ practice, settings: list });
    else {
      if (practice) ui.out(ui.c.yellow(ui.t('T_PRACTICE_DB')));
      for (const s of list) {
        const how = s.setAt
          ? ui.t('T_SETTING_SET_BY', { at: s.setAt, operator: terminalSafe(s.operator ?? '') })
          : ui.t('T_SETTING_DEFAULT');
        ui.out(`${s.key} = ${canonicalJson(s.value)}  ${how}${s.reason ? `: ${terminalSafe(s.reason)}` : ''}`);
      }
    }
    return { practice, settings: list };
  } finally {
    db.close();
  }
}

export async function runSettingsSet(ctx: Context, key: string, value: string, opts: SettingsSetOptions) {
  const { ui } = ctx;
  const reason = opts.reason === undefined ? null : parseLoggedText(opts.reason, '--reason', 500);
  const db = ctx.openDb();
  try {
    const seq = await writeTransaction(db, ctx.dbPath, () => {
      const change = checkChange(currentSettings(db), key, value, reason);
      if (!change.ok) throw new InspectError(change.usage ? Exit.usage : Exit.data, change.error);
      return writeSetting(db, {
        key,
        value: change.value,
        reason,
        at: nowWithOffset(),
        operator: ctx.operator,
        lowers: change.lowers,
      });
    });
    const shown = canonicalJson(currentSettings(db)[key]!);
    if (ui.json) ui.outJson({ key, value: currentSettings(db)[key], seq });
    else ui.out(ui.t('I_SETTING_SET', { key, value: shown, seq }));
    return { key, seq };
  } finally {
    db.close();
  }
}
