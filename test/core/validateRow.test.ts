import { describe, expect, it } from 'vitest';
import { checkDepartmentTree, mapHeader, rowValidator } from '../../src/core/validateRow.js';
import { OBJECT_HEADERS } from '../../src/dev/sampleData.js';

const header = (h: string[]) => {
  const r = mapHeader('objects', h);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.map;
};
const good = [
  '91350200776049653A',
  '厦门测试有限公司',
  '企业',
  '5212',
  '湖里街道',
  '某路1号',
  'B',
  '中',
  '否',
  '存续',
  '',
  '张三',
];

describe('header mapping', () => {
  it('accepts Chinese headers, English aliases, any order, and reports unknown columns', () => {
    const m = header(['name', '统一社会信用代码', 'type', 'credit_grade', 'risk', 'status', '备注']);
    expect(m.index.get('credit_code')).toBe(1);
    expect(m.unknown).toEqual([{ header: '备注', index: 7 }]);
  });
  it('names a missing required column', () => {
    const r = mapHeader(
      'objects',
      OBJECT_HEADERS.filter((h) => h !== '信用等级'),
    );
    expect(r).toMatchObject({ ok: false, error: { key: 'E_MISSING_COLUMN', column: '信用等级' } });
  });
  it('refuses a column given twice', () => {
    expect(mapHeader('objects', [...OBJECT_HEADERS, 'name'])).toMatchObject({
      ok: false,
      error: { key: 'E_DUPLICATE_COLUMN', first: 2, second: 13 },
    });
  });
});

describe('row validation', () => {
  const validate = rowValidator('objects', header(OBJECT_HEADERS), {});
  it('returns the canonical record', () => {
    expect(validate(good, 2).record).toMatchObject({
      credit_code: '91350200776049653A',
      risk_level: 'M',
      key_supervision: 'no',
      status: '存续',
    });
  });
  it('names row, column, value and reason for every problem in a row', () => {
    const row = [...good];
    row[0] = '91350203M0001QAY9B';
    row[6] = 'E';
    const r = validate(row, 7);
    expect(r.record).toBeNull();
    expect(r.problems.map((p) => [p.row, p.column, p.value, p.reason.key])).toEqual([
      [7, '统一社会信用代码', '91350203M0001QAY9B', 'R_CODE_CHECK'],
      [7, '信用等级', 'E', 'R_ENUM'],
    ]);
  });
  it('bounds every text field (名称 200 characters, the rest 500) and refuses direction overrides', () => {
    const long = [...good];
    long[1] = '厦'.repeat(201);
    expect(validate(long, 5).problems).toMatchObject([{ row: 5, column: '名称', reason: { key: 'R_TOO_LONG' } }]);
    const ok = [...good];
    ok[1] = '厦'.repeat(200);
    expect(validate(ok, 5).record).not.toBeNull();
    const bidi = [...good];
    bidi[1] = '厦门\u202e司公限有';
    expect(validate(bidi, 6).problems).toMatchObject([{ reason: { key: 'R_BIDI' } }]);
    const addr = [...good];
    addr[5] = 'x'.repeat(3_500_000);
    expect(validate(addr, 7).problems[0]!.value.length).toBeLessThanOrEqual(60);
  });
  it('reports a ragged row once, as a whole-row problem', () => {
    expect(validate(good.slice(0, 5), 3).problems).toMatchObject([
      { row: 3, reason: { key: 'R_COLUMN_COUNT', params: { found: 5, expected: 12 } } },
    ]);
  });
  it('accepts a failing code only from the allow list, and reports that', () => {
    const row = [...good];
    row[0] = '91350203M0001QAY9B';
    const r = rowValidator('objects', header(OBJECT_HEADERS), { allowCodes: new Set(['91350203M0001QAY9B']) })(row, 4);
    expect(r.record?.credit_code).toBe('91350203M0001QAY9B');
    expect(r.allowed).toEqual(['91350203M0001QAY9B']);
    expect(r.problems[0]).toMatchObject({ severity: 'warning', reason: { key: 'W_ALLOWED_CODE' } });
  });
  it('checks references against the loaded rosters', () => {
    const m = mapHeader('inspectors', ['人员编号', '姓名', '部门', '执法证号', '证件有效期至', '状态', '回避对象']);
    if (!m.ok) throw new Error();
    const r = rowValidator('inspectors', m.map, { departments: new Set(['HLSJ']), objects: new Set<string>() })(
      ['T1', '张三', 'XXXX', '闽001', '2028-01-01', '在岗', '91350200776049653A'],
      2,
    );
    expect(r.problems.map((p) => [p.column, p.reason.key, p.severity])).toEqual([
      ['部门', 'R_UNKNOWN_DEPT', 'error'],
      ['回避对象', 'R_UNKNOWN_OBJECT', 'warning'],
    ]);
  });
});

describe('department tree', () => {
  it('finds unknown parents and cycles', () => {
    const p = checkDepartmentTree(
      [
        { row: 2, code: 'A', parent: '' },
        { row: 3, code: 'B', parent: 'C' },
        { row: 4, code: 'C', parent: 'B' },
        { row: 5, code: 'D', parent: 'Z' },
      ],
      '上级部门',
    );
    expect(p.map((x) => [x.row, x.reason.key])).toEqual([
      [3, 'R_CYCLE'],
      [4, 'R_CYCLE'],
      [5, 'R_UNKNOWN_DEPT'],
    ]);
  });
});
