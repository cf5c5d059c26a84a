// Wall-clock and identity: the shell's business, never the core's.
import os from 'node:os';

/** Local time as ISO 8601 with its UTC offset, e.g. 2026-11-21T09:30:00+08:00. */
export function nowWithOffset(d = new Date()): string {
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  const local = new Date(d.getTime() + off * 60000).toISOString().slice(0, 19);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Today's date (local) as YYYY-MM-DD. */
export function today(d = new Date()): string {
  return nowWithOffset(d).slice(0, 10);
}

export function defaultOperator(): string {
  try {
    return os.userInfo().username || process.env.USER || 'unknown';
  } catch {
    return process.env.USER ?? 'unknown';
  }
}
