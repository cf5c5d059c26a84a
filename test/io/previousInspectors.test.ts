// docs/algorithm.md §6: an object's previous inspectors are every inspector named by every history row on
// the latest date that names inspectors — a rule of the published rows, not of their import order.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/commands/import/import.js';
import { openDb } from '../../src/io/db.js';
import { loadMatchObjects } from '../../src/io/drawStore.js';
import { loadSample, testContext, tmp } from '../helpers.js';

const HEAD = '统一社会信用代码,检查日期,检查类别,事项编码,检查部门,检查结果,检查人员';

async function previous(rows: string[][]): Promise<string[]> {
  const ctx = testContext();
  await loadSample(ctx);
  const db0 = openDb(ctx.dbPath, { readonly: true });
  const id = db0
    .prepare(`SELECT credit_code FROM objects WHERE credit_code NOT IN (SELECT credit_code FROM history) LIMIT 1`)
    .pluck()
    .get() as string;
  db0.close();
  const file = join(tmp(), 'h.csv');
  writeFileSync(file, `${HEAD}\n${rows.map((r) => [id, ...r].join(',')).join('\n')}\n`);
  await runImport(ctx, 'history', file, {});
  const db = openDb(ctx.dbPath, { readonly: true });
  try {
    return loadMatchObjects(db, [id])[0]![2];
  } finally {
    db.close();
  }
}

describe('previous inspectors (rotation)', () => {
  it('two rows on the latest date both count, in either import order; an older row does not', async () => {
    const rows = [
      ['2026-03-01', '公示信息', 'SC01', 'HLSJ', '未发现问题', 'HL009'],
      ['2026-08-13', '公示信息', 'SC01', 'HLSJ', '未发现问题', 'HL007;HL010'],
      ['2026-08-13', '食品安全', 'SC04', 'HLSJ', '未发现问题', 'HL002;HL010'],
    ];
    expect(await previous(rows)).toEqual(['HL002', 'HL007', 'HL010']);
    expect(await previous([rows[0]!, rows[2]!, rows[1]!])).toEqual(['HL002', 'HL007', 'HL010']);
  });
  it('a later row that names nobody is skipped when finding the latest date', async () => {
    expect(
      await previous([
        ['2026-08-13', '公示信息', 'SC01', 'HLSJ', '未发现问题', 'HL007'],
        ['2026-09-01', '食品安全', 'SC04', 'HLSJ', '未发现问题', ''],
      ]),
    ).toEqual(['HL007']);
    expect(await previous([['2026-09-01', '食品安全', 'SC04', 'HLSJ', '未发现问题', '']])).toEqual([]);
  });
});
