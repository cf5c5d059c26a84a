// The log's clock on a real database: an entry more than ten minutes earlier than the one before it fails
// the audit, naming both (a computer's clock set back). On a practice database it is only noted.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runImport } from '../../src/commands/import/import.js';
import { openDb } from '../../src/io/db.js';
import { auditText, DATA, loadSample, testContext } from '../helpers.js';
import { join } from 'node:path';

afterEach(() => vi.useRealTimers());

describe('A_CLOCK_BACKWARDS', () => {
  it('fails the audit of a real database whose clock was set back by an hour', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-02T10:00:00+08:00'));
    const ctx = testContext();
    await loadSample(ctx);
    const db0 = openDb(ctx.dbPath, { readonly: true });
    expect(auditText(db0).ok).toBe(true);
    db0.close();
    // Five minutes back is two computers disagreeing a little: fine.
    vi.setSystemTime(new Date('2026-11-02T09:55:00+08:00'));
    await runImport(ctx, 'items', join(DATA, 'items.csv'), {});
    let db = openDb(ctx.dbPath, { readonly: true });
    expect(auditText(db).ok).toBe(true);
    db.close();
    vi.setSystemTime(new Date('2026-11-02T08:50:00+08:00'));
    await runImport(ctx, 'items', join(DATA, 'items.csv'), {});
    db = openDb(ctx.dbPath, { readonly: true });
    const a = auditText(db);
    db.close();
    expect(a.ok).toBe(false);
    const problems = a.sections.flatMap((s) => s.problems);
    expect(problems.find((p) => p.includes('goes back in time'))).toMatch(
      /entry \d+ .* 65 minutes earlier than entry \d+/,
    );
  });

  it('on a practice database the same jump is a note, not a failure', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-02T10:00:00+08:00'));
    const ctx = testContext();
    await loadSample(ctx, { practice: true });
    vi.setSystemTime(new Date('2026-11-02T08:00:00+08:00'));
    await runImport(ctx, 'items', join(DATA, 'items.csv'), {});
    const db = openDb(ctx.dbPath, { readonly: true });
    const a = auditText(db);
    db.close();
    expect(a.ok).toBe(true);
    expect(a.warnings.some((w) => w.includes('goes back in time'))).toBe(true);
  });
});
