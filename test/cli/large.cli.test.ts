// A province-sized draw on screen (issue 23 §7): 200,000 objects, every one in scope of a 重点 item, so
// about 180,000 are selected — past the ~140,000 rows at which spreading them into Math.max overflowed
// the stack and `show`, `simulate` and `verify` ended in "internal error". Each command must finish.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { OBJECT_HEADERS, objectRows } from '../../src/dev/sampleData.js';
import { cli, DATA, practiceDb, tmp } from '../helpers.js';

const ROWS = 200_000;
const env = { INSPECT_NOW: '2026-10-20T09:00:00+08:00' };
let db = '';

beforeAll(async () => {
  const dir = tmp();
  db = await practiceDb(join(dir, 'big.db'));
  writeFileSync(join(dir, 'objects.csv'), stringify([OBJECT_HEADERS, ...objectRows(ROWS, 'large-draw')]));
  // One 重点 item with no filters: every object in 存续/在业 is in scope and selected (full coverage).
  writeFileSync(
    join(dir, 'items.csv'),
    '\uFEFF事项编码,事项名称,检查类别,事项类型,发起部门,配合部门,抽查依据,检查方式,对象类型,行业,区域,标签,所需专长,比例上限\r\n' +
      'BIG,全部对象重点检查,全覆盖,重点,HLSJ,,测试,实地核查,,,,,企业登记,\r\n',
  );
  for (const [kind, file] of [
    ['departments', join(DATA, 'departments.csv')],
    ['items', join(dir, 'items.csv')],
    ['objects', join(dir, 'objects.csv')],
    ['inspectors', join(DATA, 'inspectors.csv')],
  ])
    expect((await cli(['import', kind!, file!, '--db', db, '-q'], { env })).code).toBe(0);
}, 60_000);

const DRAW = ['--items', 'BIG', '--year', '2026', '--window', '2026-11-01..2026-12-31'];

describe(`a draw of ${ROWS.toLocaleString('en')} objects`, () => {
  it('simulate repeats it in memory and compares every stratum', async () => {
    const r = await cli(['simulate', ...DRAW.slice(0, 4), '--runs', '2', '--db', db], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  let selected = 0;
  it('is recorded', async () => {
    const d = await cli(['draw', ...DRAW, '--seed', 'large', '--yes', '--db', db, '--json'], { env });
    expect(d.code).toBe(0);
    selected = JSON.parse(d.stdout).selectedCount as number;
    expect(selected).toBeGreaterThan(150_000);
  });

  it('show lays out every selected object', async () => {
    const s = await cli(['show', '2026-HLSJ-001', '--db', db], { env });
    expect(s.code).toBe(0);
    expect(s.stdout.split('\n').filter((l) => /^\s*\d+ {2}\S/.test(l)).length).toBe(selected);
  });

  it('verify recomputes it from the database', async () => {
    const v = await cli(['verify', '2026-HLSJ-001', '--db', db], { env });
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('全部一致');
  });
});
