// The binding rules (commit-spec §7) as a pure function: what may void what, and when.
import { describe, expect, it } from 'vitest';
import { parseInstant, type Source } from '../../src/core/beacon.js';
import { supersedeVerdict, voidingKind, type SupersedeTarget } from '../../src/core/supersede.js';
import { applySettings, checkChange, defaultSettings } from '../../src/core/settings.js';
import type { Policy } from '../../src/core/policy.js';

const drand: Source = {
  kind: 'drand',
  chainHash: '52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971',
  round: 657413,
  publicAt: '2023-09-15T19:00:03+08:00',
};
const ssq: Source = {
  kind: 'lottery',
  game: 'ssq',
  issue: '2023108',
  date: '2023-09-17',
  publicAt: '2023-09-17T00:00:00+08:00',
};
const t = (iso: string) => parseInstant(iso)!;
const BEFORE = t('2023-09-15T18:50:00+08:00');
const AFTER_DRAND = t('2023-09-15T19:01:00+08:00');
const AFTER_ALL = t('2023-09-18T10:00:00+08:00');
const pending = (sources: Source[]): SupersedeTarget => ({ kind: 'pending', id: 'C', sources });
const committed = { committed: true, sourceUnavailable: false };
const plain = { committed: false, sourceUnavailable: false };
const unavailable = { committed: true, sourceUnavailable: true };

describe('supersedeVerdict', () => {
  it('a pending commitment is voided by a new commitment only while none of its sources is public', () => {
    expect(supersedeVerdict(pending([drand]), committed, BEFORE)).toEqual({ ok: true, afterPublic: false });
    expect(supersedeVerdict(pending([drand]), committed, AFTER_DRAND)).toMatchObject({
      ok: false,
      usage: false,
      error: { key: 'E_SUPERSEDE_PUBLIC' },
    });
    // The very second it is public counts as public.
    expect(supersedeVerdict(pending([drand]), committed, t(drand.publicAt)).ok).toBe(false);
  });
  it('a plain draw never voids a commitment or a draw revealed from one', () => {
    expect(supersedeVerdict(pending([drand]), plain, BEFORE)).toMatchObject({
      error: { key: 'E_SUPERSEDE_COMMIT_PLAIN' },
    });
    expect(supersedeVerdict({ kind: 'revealed', id: 'R' }, plain, AFTER_ALL)).toMatchObject({
      error: { key: 'E_SUPERSEDE_REVEALED_PLAIN' },
    });
    expect(supersedeVerdict({ kind: 'revealed', id: 'R' }, committed, AFTER_ALL)).toEqual({
      ok: true,
      afterPublic: true,
    });
    expect(supersedeVerdict({ kind: 'plain', id: 'P' }, plain, AFTER_ALL)).toEqual({ ok: true, afterPublic: false });
  });
  it('--source-unavailable needs a lottery or witness source whose time has passed; drand has no exception', () => {
    expect(supersedeVerdict(pending([drand]), unavailable, AFTER_ALL)).toMatchObject({
      error: { key: 'E_SUPERSEDE_DRAND_ONLY' },
    });
    // drand public, the lottery not yet due: only drand is public, so still no exception.
    expect(supersedeVerdict(pending([drand, ssq]), unavailable, AFTER_DRAND)).toMatchObject({
      error: { key: 'E_SUPERSEDE_DRAND_ONLY' },
    });
    expect(supersedeVerdict(pending([drand, ssq]), unavailable, AFTER_ALL)).toEqual({ ok: true, afterPublic: true });
    expect(supersedeVerdict(pending([ssq]), { committed: false, sourceUnavailable: true }, AFTER_ALL).ok).toBe(false);
    expect(supersedeVerdict(pending([ssq]), unavailable, BEFORE)).toMatchObject({ usage: true });
    expect(supersedeVerdict({ kind: 'plain', id: 'P' }, unavailable, AFTER_ALL)).toMatchObject({ usage: true });
  });
  it('voidingKind reads a recorded voiding the same way', () => {
    expect(voidingKind(pending([drand, ssq]), BEFORE)).toBe('pending');
    expect(voidingKind(pending([drand, ssq]), AFTER_ALL)).toBe('unavailable');
    expect(voidingKind({ kind: 'revealed', id: 'R' }, BEFORE)).toBe('revealed');
  });
});

describe('settings', () => {
  const policy: Policy = {
    floorBp: 500,
    ratiosBp: {},
    rules: { sameCategory: true, drawnThisYear: true, higherLevel: true },
    teamSize: 2,
    commit: { required: false, minLeadMinutes: 10 },
  };
  it('lowering a protection needs a reason; raising it does not', () => {
    const on = { ...defaultSettings(), 'commit.required': true };
    expect(checkChange(defaultSettings(), 'commit.required', 'true', null)).toMatchObject({ ok: true, lowers: false });
    expect(checkChange(on, 'commit.required', 'false', null)).toMatchObject({ ok: false, usage: false });
    expect(checkChange(on, 'commit.required', 'false', '试点结束')).toMatchObject({ ok: true, lowers: true });
    expect(checkChange(defaultSettings(), 'commit.minLeadMinutes', '5', null)).toMatchObject({ ok: false });
    expect(checkChange(defaultSettings(), 'commit.minLeadMinutes', '60', null)).toMatchObject({ ok: true });
  });
  it('unknown keys, fixed keys and bad values are usage errors', () => {
    expect(checkChange(defaultSettings(), 'nope', '1', null)).toMatchObject({ ok: false, usage: true });
    expect(checkChange(defaultSettings(), 'practice', 'false', 'x')).toMatchObject({ ok: false, usage: true });
    expect(checkChange(defaultSettings(), 'commit.required', 'yes', null)).toMatchObject({ ok: false, usage: true });
    expect(checkChange(defaultSettings(), 'commit.minLeadMinutes', '0x10', null)).toMatchObject({
      ok: false,
      usage: true,
    });
  });
  it('no policy file lowers a setting: the settings are a floor', () => {
    const s = { ...defaultSettings(), 'commit.required': true, 'commit.minLeadMinutes': 60 };
    expect(applySettings(policy, s).commit).toEqual({ required: true, minLeadMinutes: 60 });
    expect(
      applySettings({ ...policy, commit: { required: true, minLeadMinutes: 120 } }, defaultSettings()).commit,
    ).toEqual({
      required: true,
      minLeadMinutes: 120,
    });
  });
});
