// The one place errors become exit codes: SQLite's refusals that are about the data or the machine get a
// clear message and their own code, never the "internal error" of a bug.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exitFor } from '../../src/cli/main.js';
import { Exit } from '../../src/core/errors.js';

const sqliteError = (code: string) => Object.assign(new Error(code), { code });

describe('exitFor', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a value over SQLite 1 GB limit is bad data (65) with the way out, in the user language', () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(exitFor(sqliteError('SQLITE_TOOBIG'), 'zh')).toBe(Exit.data);
    expect(String(err.mock.calls[0]![0])).toContain('超过了 SQLite 1 GB 的上限');
    expect(String(err.mock.calls[0]![0])).toContain('--region');
    expect(exitFor(sqliteError('SQLITE_TOOBIG'), 'en')).toBe(Exit.data);
    expect(String(err.mock.calls[1]![0])).toContain("exceeds SQLite's 1 GB limit");
    expect(err.mock.calls.join('')).not.toMatch(/内部错误|Internal error/);
  });

  it('a full disk is an I/O error (74); anything unknown is a bug (1)', () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(exitFor(sqliteError('SQLITE_FULL'), 'zh')).toBe(74);
    expect(exitFor(new Error('boom'), 'zh')).toBe(Exit.internal);
    expect(String(err.mock.calls[1]![0])).toContain('内部错误');
  });
});
