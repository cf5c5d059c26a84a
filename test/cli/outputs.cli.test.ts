// Exports, results, deadlines and the report, through the built binary, on a small hand-made district
// where every object is drawn (a 100 % policy) and one name is hostile to spreadsheets.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { creditCode, rngFor } from '../../src/dev/sampleData.js';
import { cli, DATA, fileSha, practiceDb, tmp } from '../helpers.js';

const HOSTILE = '=HYPERLINK("http://x","点击")';
let dir: string;
let db: string;
const codes: string[] = [];

function write(name: string, rows: string[][]): string {
  const p = join(dir, name);
  writeFileSync(
    p,
    '\uFEFF' +
      rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\r\n') +
      '\r\n',
  );
  return p;
}
const ok = async (args: string[]) => {
  const r = await cli([...args, '--db', db], { cwd: dir });
  if (r.code !== 0) throw new Error(`${args.join(' ')} → ${r.code}\n${r.stderr}`);
  return r;
};

/** Reads one file out of an xlsx (a zip). */
function unzipEntry(buf: Buffer, name: string): string {
  const entry = unzipSync(new Uint8Array(buf))[name];
  if (!entry) throw new Error(`${name} not in archive`);
  return strFromU8(entry);
}

beforeAll(async () => {
  dir = tmp();
  db = join(dir, 'inspect.db');
  const rng = rngFor('outputs-test');
  for (let i = 0; i < 6; i++) codes.push(creditCode(rng));
  write('departments.csv', [
    ['部门编码', '部门名称', '层级', '上级部门'],
    ['HLSJ', '湖里区市场监督管理局', '县', ''],
  ]);
  write('items.csv', [
    ['事项编码', '事项名称', '检查类别', '事项类型', '发起部门', '检查方式'],
    ['SC01', '企业公示信息抽查', '公示信息', '一般', 'HLSJ', '书面检查'],
  ]);
  write('objects.csv', [
    ['统一社会信用代码', '名称', '对象类型', '信用等级', '风险等级', '状态', '地址', '法定代表人'],
    ...codes.map((c, i) => [
      c,
      i === 0 ? HOSTILE : `测试企业${i}有限公司`,
      '企业',
      'B',
      '中',
      '存续',
      `湖里区某路${i}号`,
      `法人${i}号私密`,
    ]),
  ]);
  write('inspectors.csv', [
    ['人员编号', '姓名', '部门', '执法证号', '证件有效期至', '状态', '手机', '身份证号'],
    ...[1, 2, 3].map((i) => [
      `T${i}`,
      `检查员${i}`,
      'HLSJ',
      `闽执SECRET${i}`,
      '2030-12-31',
      '在岗',
      `1390000000${i}`,
      `35020619900101123${i}`,
    ]),
  ]);
  writeFileSync(
    join(dir, 'all.json'),
    readFileSync(join(DATA, 'policy.json'), 'utf8').replace(/"B": \{[^}]*\}/, '"B": { "L": 100, "M": 100, "H": 100 }'),
  );
  for (const k of ['departments', 'items', 'objects', 'inspectors']) await ok(['import', k, join(dir, `${k}.csv`)]);
  await ok([
    'draw',
    '--items',
    'SC01',
    '--year',
    '2026',
    '--window',
    '2026-09-01..2026-12-31',
    '--seed',
    's',
    '--policy',
    join(dir, 'all.json'),
    '--yes',
  ]);
});

describe('export tasks', () => {
  it('CSV for Excel: BOM, Chinese headers, the hostile name inert, leader first; exit 73 without --force', async () => {
    await ok(['export', 'tasks', '2026-HLSJ-001']);
    const text = readFileSync(join(dir, '任务清单-2026-HLSJ-001.csv'), 'utf8');
    expect(text.startsWith('\uFEFF任务编号,对象名称,统一社会信用代码')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""点击"")"`);
    expect(text).not.toMatch(/,=HYPERLINK/);
    expect(text).toContain('随机抽取');
    expect(text).toMatch(/检查员\d（湖里区市场监督管理局，闽执SECRET\d）；检查员\d/);
    expect((await cli(['export', 'tasks', '2026-HLSJ-001', '--db', db], { cwd: dir })).code).toBe(73);
    expect((await cli(['export', 'tasks', '2026-HLSJ-001', '--force', '--db', db], { cwd: dir })).code).toBe(0);
  });
  it('--raw: machine CSV with English keys, no BOM, nothing escaped; json on stdout', async () => {
    await ok(['export', 'tasks', '2026-HLSJ-001', '--raw', '--out', join(dir, 'raw.csv')]);
    const raw = readFileSync(join(dir, 'raw.csv'), 'utf8');
    expect(raw.startsWith('task_no,name,credit_code')).toBe(true);
    expect(raw).toContain('"=HYPERLINK(""http://x"",""点击"")"');
    // JSON is for programs: codes, ids and numbers, a team as its members with their ids.
    const j = JSON.parse((await ok(['export', 'tasks', '2026-HLSJ-001', '--format', 'json'])).stdout);
    expect(j).toMatchObject({ schemaVersion: 1, drawId: '2026-HLSJ-001', status: 'standing' });
    expect(j.tasks).toHaveLength(6);
    expect(j.tasks[0]).toMatchObject({
      taskNo: '2026-HLSJ-001-0001',
      position: 1,
      fullCoverage: false,
      probability: { n: 6, N: 6 },
    });
    expect(j.tasks[0].team[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      department: 'HLSJ',
      certNo: expect.any(String),
    });
  });
  it('xlsx: a real workbook whose cells are text, so the hostile name is not a formula', async () => {
    await ok(['export', 'tasks', '2026-HLSJ-001', '--format', 'xlsx', '--out', join(dir, 't.xlsx')]);
    const buf = readFileSync(join(dir, 't.xlsx'));
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const sheet = unzipEntry(buf, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('<f>');
    const strings = (() => {
      try {
        return unzipEntry(buf, 'xl/sharedStrings.xml');
      } catch {
        return sheet;
      }
    })();
    expect(strings).toContain('<t>=HYPERLINK("http://x","点击")</t>'); // a shared string: text, never a formula
  });
  it('bad format is a usage error (2); an unknown draw is missing input (66)', async () => {
    expect((await cli(['export', 'tasks', '2026-HLSJ-001', '--format', 'pdf', '--db', db], { cwd: dir })).code).toBe(2);
    expect((await cli(['export', 'tasks', 'NOPE', '--db', db], { cwd: dir })).code).toBe(66);
  });
});

describe('publication', () => {
  it('the task notice holds only public fields; the list only with --with-list', async () => {
    const plain = (await ok(['export', 'publication', '2026-HLSJ-001', '--kind', 'task', '--format', 'json'])).stdout;
    const j = JSON.parse(plain);
    expect(j).toMatchObject({
      schemaVersion: 1,
      task_no: '2026-HLSJ-001',
      type: '不定向抽查',
      count: 6,
      status: 'standing',
      statusText: '有效',
    });
    expect(j.objects).toBeUndefined();
    const listed = await ok([
      'export',
      'publication',
      '2026-HLSJ-001',
      '--kind',
      'task',
      '--with-list',
      '--out',
      join(dir, 'task.csv'),
    ]);
    expect(listed.code).toBe(0);
    const text = readFileSync(join(dir, 'task.csv'), 'utf8');
    for (const c of codes) expect(text).toContain(c);
    for (const secret of ['法人', '私密', 'SECRET', '1390000000', '35020619900101123', '检查员'])
      expect(text).not.toContain(secret);
  });
});

describe('results, deadlines and the report', () => {
  it('rejects bad rows (exit 65) and leaves the database unchanged', async () => {
    const bad = write('bad.csv', [
      ['抽查编号', '统一社会信用代码', '检查完成日期', '检查结果'],
      ['2026-HLSJ-001', codes[1]!, '2026-09-25', '1'],
      ['2026-HLSJ-001', '91350200776049653A', '2026-09-25', '1'],
      ['2026-HLSJ-001', codes[2]!, '2026-12-30', '1'],
      ['2026-HLSJ-001', codes[3]!, '2026-10-08', '好'],
    ]);
    const before = fileSha(db);
    const r = await cli(['results', 'import', bad, '--as-of', '2026-11-21', '--db', db], { cwd: dir });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('bad.csv 第 3 行「统一社会信用代码」列');
    expect(r.stderr).toContain('晚于今天（2026-11-21）');
    expect(r.stderr).toContain('不是标准检查结果');
    expect(fileSha(db)).toBe(before);
  });
  it('enters results, flags 6 and C, keeps a changed result on record, and reports deadlines', async () => {
    const d0 = new Database(db, { readonly: true });
    const position = (c: string) =>
      d0
        .prepare(`SELECT position FROM draw_selections WHERE draw_id = '2026-HLSJ-001' AND object_id = ?`)
        .pluck()
        .get(c);
    const taskOf = (c: string) => `2026-HLSJ-001-${String(position(c)).padStart(4, '0')}`;
    // A task number that belongs to another firm is refused, naming both (65, nothing written).
    const other = write('other.csv', [
      ['任务编号', '统一社会信用代码', '检查完成日期', '检查结果'],
      [taskOf(codes[1]!), codes[0]!, '2026-09-25', '1'],
    ]);
    const refused = await cli(['results', 'import', other, '--as-of', '2026-11-21', '--db', db], { cwd: dir });
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain(`属于 ${codes[1]}，不是本行的 ${codes[0]}`);
    const good = write('good.csv', [
      ['任务编号', '统一社会信用代码', '检查完成日期', '检查结果', '后续处置', '备注'],
      [taskOf(codes[0]!), codes[0]!, '2026-09-25', '1', '无需后续处置', '内部备注不公开'],
      ['2026-HLSJ-001', codes[1]!, '2026-11-16', '通过登记的住所（经营场所）无法联系', '责令改正', ''],
      ['2026-HLSJ-001', codes[2]!, '2026-11-20', 'C', '发现案件线索', ''],
    ]);
    d0.close();
    const r = await ok(['results', 'import', good, '--as-of', '2026-11-21']);
    expect(r.stdout).toContain('新录入 3 条');
    expect(r.stderr).toContain('经营异常名录');
    const changed = write('changed.csv', [
      ['抽查编号', '统一社会信用代码', '检查完成日期', '检查结果'],
      ['2026-HLSJ-001', codes[2]!, '2026-11-20', 'E'],
    ]);
    expect((await ok(['results', 'import', changed, '--as-of', '2026-11-21'])).stdout).toContain('修改 1 条');
    const d = new Database(db, { readonly: true });
    expect(d.prepare('SELECT result_code FROM results WHERE object_id = ? ORDER BY seq').pluck().all(codes[2])).toEqual(
      ['C', 'E'],
    );
    d.close();

    const rep = JSON.parse((await ok(['report', '--as-of', '2026-11-21', '--json'])).stdout);
    const draw = rep.draws[0];
    expect(draw).toMatchObject({ selected: 6, resultsEntered: 3, published: 0, overdue: 1 });
    const byCode = Object.fromEntries(rep.unpublished.map((u: { objectId: string }) => [u.objectId, u]));
    expect(byCode[codes[0]!]).toMatchObject({ deadline: '2026-10-29', state: 'overdue' });
    expect(byCode[codes[1]!]).toMatchObject({ deadline: '2026-12-14', state: 'pending', abnormalList: true });
    expect(rep.distribution).toEqual({
      '1': { text: '未发现问题', count: 1 },
      '6': { text: '通过登记的住所（经营场所）无法联系', count: 1 },
      E: { text: '发现问题经责令已改正', count: 1 },
    });
    expect(rep.items[0]).toMatchObject({ code: 'SC01', timesDrawn: 1, warning: false });
    expect(rep.departments[0]).toMatchObject({ department: 'HLSJ', covered: 6, supervised: 6, meetsFloor: true });
    const fail = await cli(['report', '--as-of', '2026-11-21', '--fail-on-overdue', '--db', db], { cwd: dir });
    expect(fail.code).toBe(3);
    expect(fail.stderr).toContain('1 条结果已超过公示期限');
  });
  it('the result notice: standard wording, no notes, and the results become published', async () => {
    await ok([
      'export',
      'publication',
      '2026-HLSJ-001',
      '--kind',
      'result',
      '--as-of',
      '2026-11-21',
      '--out',
      join(dir, 'result.csv'),
    ]);
    const text = readFileSync(join(dir, 'result.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFF抽查任务编号,抽查任务名称,检查机关,市场主体名称,统一社会信用代码,检查完成日期,检查结果',
    );
    expect(text).toContain('通过登记的住所（经营场所）无法联系');
    expect(text).toContain('发现问题经责令已改正');
    expect(text).not.toContain('内部备注');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""点击"")"`);
    const rep = JSON.parse((await ok(['report', '--as-of', '2026-11-23', '--json'])).stdout);
    expect(rep.draws[0]).toMatchObject({ published: 3, publishedLate: 1, overdue: 0 });
    expect(rep.unpublished).toEqual([]);
    expect((await cli(['report', '--as-of', '2026-11-23', '--fail-on-overdue', '--db', db], { cwd: dir })).code).toBe(
      0,
    );
  });
  it('a deadline past the calendar data is provisional (暂定) everywhere, and a passed one fails --fail-on-overdue', async () => {
    const d2 = await practiceDb(join(tmp(), 'late.db'));
    for (const k of ['departments', 'items', 'objects', 'inspectors'])
      await cli(['import', k, join(dir, `${k}.csv`), '--db', d2, '-q']);
    await cli([
      'draw',
      '--items',
      'SC01',
      '--year',
      '2026',
      '--window',
      '2026-09-01..2026-12-31',
      '--seed',
      's',
      '--policy',
      join(dir, 'all.json'),
      '--yes',
      '--db',
      d2,
    ]);
    const late = write('late.csv', [
      ['抽查编号', '统一社会信用代码', '检查完成日期', '检查结果'],
      ['2026-HLSJ-001', codes[4]!, '2026-12-21', '1'],
    ]);
    expect(
      (
        await cli(['results', 'import', late, '--db', d2], {
          cwd: dir,
          env: { INSPECT_NOW: '2026-12-28T10:00:00+08:00' },
        })
      ).code,
    ).toBe(0);
    const r = await cli(['report', '--as-of', '2026-12-28', '--db', d2], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/进入 2027 年，该年的节假日安排尚未录入/);
    expect(r.stdout).toMatch(/2027-01-\d\d（暂定）/);
    const j = JSON.parse((await cli(['report', '--as-of', '2026-12-28', '--json', '--db', d2], { cwd: dir })).stdout);
    expect(j.unpublished[0]).toMatchObject({ provisional: true, state: 'pending' });
    expect(j.totals).toMatchObject({ deadlineUnknown: 0, deadlineProvisional: 1 });
    // In February the provisional deadline has passed: overdue, exit 3, and said to be provisional.
    const feb = await cli(['report', '--as-of', '2027-02-01', '--fail-on-overdue', '--db', d2], { cwd: dir });
    expect(feb.code).toBe(3);
    expect(feb.stderr).toContain('其中 1 条的期限为暂定');
    // Declaring 2027 in a calendar file makes the deadline certain.
    const calendar = write('cal.csv', [
      ['日期', '类型', '说明'],
      ['2027', '全年', '示例：测试用的 2027 年安排'],
      ['2027-01-01', '休息日', '元旦'],
    ]);
    const declared = JSON.parse(
      (await cli(['report', '--as-of', '2026-12-28', '--json', '--calendar', calendar, '--db', d2], { cwd: dir }))
        .stdout,
    );
    expect(declared.unpublished[0]).toMatchObject({ provisional: false });
    expect((await cli(['calendar', '--calendar', calendar, '--json'], { cwd: dir })).stdout).toContain('"year": 2027');
    expect(existsSync(d2)).toBe(true);
  });
});

describe('the global --json', () => {
  it('export tasks --json prints the task list as JSON on stdout; with another --format it is a usage error', async () => {
    const r = await cli(['export', 'tasks', '2026-HLSJ-001', '--json', '--db', db], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks.length).toBeGreaterThan(0);
    expect(
      (await cli(['export', 'tasks', '2026-HLSJ-001', '--json', '--format', 'xlsx', '--db', db], { cwd: dir })).code,
    ).toBe(2);
  });
});
