// The settings table: append-only, one row per change, the latest row of a key in force. Every row is
// written with its log entry (ref settings:SEQ), so a row inserted or edited behind the tool's back fails
// the audit.
import { canonicalJson, sha256Hex } from '../core/canonical.js';
import { defaultSettings, type SettingValue, type Settings } from '../core/settings.js';
import type { Db } from './db.js';
import { appendEvent } from './events.js';

export interface SettingRow {
  seq: number;
  key: string;
  value: string;
  reason: string | null;
  at: string;
  operator: string;
}

export function settingRows(db: Db): SettingRow[] {
  return db.prepare('SELECT * FROM settings ORDER BY seq').all() as SettingRow[];
}

/** The settings in force: the defaults, overridden by each key's latest row (unreadable rows skipped). */
export function currentSettings(db: Db): Settings {
  const s = defaultSettings();
  for (const r of settingRows(db)) {
    try {
      s[r.key] = JSON.parse(r.value) as SettingValue;
    } catch {
      /* reported by audit */
    }
  }
  return s;
}

/** Writes one setting and its log entry; the caller holds the write transaction. */
export function writeSetting(
  db: Db,
  a: { key: string; value: SettingValue; reason: string | null; at: string; operator: string; lowers: boolean },
): number {
  const value = canonicalJson(a.value);
  const seq = Number(
    db
      .prepare('INSERT INTO settings (key, value, reason, at, operator) VALUES (?, ?, ?, ?, ?)')
      .run(a.key, value, a.reason, a.at, a.operator).lastInsertRowid,
  );
  appendEvent(db, {
    at: a.at,
    operator: a.operator,
    action: 'settings.set',
    summary: {
      key: a.lowers ? 'L_SETTING_LOWERED' : 'L_SETTING',
      params: { key: a.key, value, reason: a.reason ? { key: 'L_SETTING_REASON', params: { reason: a.reason } } : '' },
    },
    payloadSha256: sha256Hex(canonicalJson({ key: a.key, value: a.value, reason: a.reason })),
    ref: `settings:${seq}`,
  });
  return seq;
}
