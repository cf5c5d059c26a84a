// The office's settings (inspect settings): rules kept in the database and changed only through the log,
// so that no --policy file picked on the day can lower them. Pure: parsing a value, telling whether a
// change lowers a protection, and applying the settings to a draw's policy.
import type { Msg } from './messages.js';
import type { Policy } from './policy.js';

export type SettingValue = boolean | number | string;

interface SettingSpec {
  /** The value when never set. */
  initial: SettingValue;
  parse(text: string): SettingValue | null;
  /** Whether going from `from` to `to` weakens a protection (needs --reason; audit warns for ever). */
  lowers(from: SettingValue, to: SettingValue): boolean;
  hint: string;
}

const bool: Pick<SettingSpec, 'parse' | 'lowers' | 'hint'> = {
  parse: (t) => (t === 'true' ? true : t === 'false' ? false : null),
  lowers: (from, to) => from === true && to === false,
  hint: 'true | false',
};

export const SETTINGS: Record<string, SettingSpec> = {
  /** Every plain (seeded) draw is refused: only committed draws, decided by a public random value. */
  'commit.required': { initial: false, ...bool },
  /** `required`: a reveal is refused until its commitment has a valid RFC 3161 token (before its sources). */
  'commit.timestamp': {
    initial: 'off',
    parse: (t) => (t === 'required' || t === 'off' ? t : null),
    lowers: (from, to) => from === 'required' && to === 'off',
    hint: 'required | off',
  },
  /** The least lead, in minutes, between a commitment and its sources (the policy file may ask for more). */
  'commit.minLeadMinutes': {
    initial: 10,
    parse: (t) => (/^[1-9]\d{0,4}$/.test(t) && Number(t) <= 10080 ? Number(t) : null),
    lowers: (from, to) => Number(to) < Number(from),
    hint: '1 … 10080',
  },
};

/** Keys fixed when the database is made, never set afterwards. */
export const FIXED_SETTINGS = ['practice'];

export type Settings = Record<string, SettingValue>;

export function defaultSettings(): Settings {
  return Object.fromEntries(Object.entries(SETTINGS).map(([k, s]) => [k, s.initial]));
}

export type SettingChange =
  { ok: true; key: string; value: SettingValue; lowers: boolean } | { ok: false; error: Msg; usage: boolean };

/** Checks `inspect settings set KEY VALUE [--reason]` against the current settings. */
export function checkChange(current: Settings, key: string, text: string, reason: string | null): SettingChange {
  if (FIXED_SETTINGS.includes(key))
    return { ok: false, usage: true, error: { key: 'E_SETTING_FIXED', params: { key } } };
  const spec = SETTINGS[key];
  if (!spec)
    return {
      ok: false,
      usage: true,
      error: { key: 'E_SETTING_UNKNOWN', params: { key, known: Object.keys(SETTINGS).join(', ') } },
    };
  const value = spec.parse(text.trim());
  if (value === null)
    return { ok: false, usage: true, error: { key: 'E_SETTING_VALUE', params: { key, value: text, hint: spec.hint } } };
  const lowers = spec.lowers(current[key] ?? spec.initial, value);
  if (lowers && !reason) return { ok: false, usage: false, error: { key: 'E_SETTING_NEEDS_REASON', params: { key } } };
  return { ok: true, key, value, lowers };
}

/** Whether a stored change of `key` from `from` to `to` lowered a protection (for the audit). */
export function lowersProtection(key: string, from: SettingValue, to: SettingValue): boolean {
  const spec = SETTINGS[key];
  return spec ? spec.lowers(from, to) : false;
}

/** The policy a draw runs under: the file's, with the office's settings as a floor it cannot go below. */
export function applySettings(policy: Policy, s: Settings): Policy {
  return {
    ...policy,
    commit: {
      required: policy.commit.required || s['commit.required'] === true,
      minLeadMinutes: Math.max(policy.commit.minLeadMinutes, Number(s['commit.minLeadMinutes'] ?? 0)),
    },
  };
}
