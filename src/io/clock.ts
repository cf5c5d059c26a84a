// Wall-clock and identity: the shell's business, never the core's. INSPECT_NOW (ISO 8601 with offset)
// replaces the clock for every command, for tests and rehearsals; entries made under it say so.
import os from 'node:os';
import { env as currentEnv } from './processIo.js';
import { Exit, InspectError } from '../core/errors.js';
import { formatInstant, parseInstant } from '../core/beacon.js';

/** INSPECT_NOW as given (set and not empty). openDb honours it only on a practice database. */
export function clockOverrideRequested(env: NodeJS.ProcessEnv = currentEnv()): boolean {
  return env.INSPECT_NOW !== undefined && env.INSPECT_NOW !== '';
}

/**
 * Refuses INSPECT_NOW where it is not honoured (exit 2, nothing done). The clock belongs to the office:
 * every command that opens a real database is refused before it reads or writes anything, so a time
 * read earlier (to check an option) never reaches a record.
 */
export function refuseClockOverride(db: string): never {
  throw new InspectError(Exit.usage, { key: 'E_CLOCK_NOT_PRACTICE', params: { db } });
}

/** The overridden time, or null when the real clock is used. A malformed INSPECT_NOW is a usage error. */
export function clockOverride(env: NodeJS.ProcessEnv = currentEnv()): { at: number; offset: number } | null {
  const v = env.INSPECT_NOW;
  if (v === undefined || v === '') return null;
  const t = parseInstant(v);
  if (t === null)
    throw new InspectError(Exit.usage, {
      key: 'E_BAD_OPTION',
      params: { flag: 'INSPECT_NOW', value: v, reason: 'ISO 8601 with an offset, e.g. 2027-01-15T09:40:00+08:00' },
    });
  const m = /(Z|[+-]\d{2}:\d{2})$/.exec(v.trim())!;
  const offset =
    m[1] === 'Z'
      ? 0
      : (m[1]![0] === '-' ? -1 : 1) * (Number(m[1]!.slice(1, 3)) * 3600 + Number(m[1]!.slice(4, 6)) * 60);
  return { at: t, offset };
}

export function clockOverridden(): boolean {
  return clockOverride() !== null;
}

/** Now in Unix seconds (INSPECT_NOW when set). */
export function nowSeconds(): number {
  return clockOverride()?.at ?? Math.floor(Date.now() / 1000);
}

/** Local time as ISO 8601 with its UTC offset, e.g. 2026-11-21T09:30:00+08:00. */
export function nowWithOffset(d?: Date): string {
  if (d === undefined) {
    const o = clockOverride();
    if (o) return formatInstant(o.at, o.offset);
    d = new Date();
  }
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  const local = new Date(d.getTime() + off * 60000).toISOString().slice(0, 19);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Today's date (local) as YYYY-MM-DD. */
export function today(d?: Date): string {
  return nowWithOffset(d).slice(0, 10);
}

export function defaultOperator(): string {
  try {
    return os.userInfo().username || currentEnv().USER || 'unknown';
  } catch {
    return currentEnv().USER ?? 'unknown';
  }
}
