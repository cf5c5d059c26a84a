// Record fields and database tables by the names an auditor reads. A field keeps its code in brackets
// after the Chinese name (抽中对象（selected[0].id）), so a Chinese reader understands it and anyone can
// still find it in record.json or the schema.
import type { Lang } from './messages.js';

const FIELD_ZH: Record<string, string> = {
  algorithm: '算法',
  year: '年度',
  drawId: '抽取编号',
  assignAlgorithm: '匹配算法',
  departments: '参与部门',
  'window.start': '检查开始日期',
  'window.end': '检查结束日期',
  window: '检查时间',
  items: '抽查事项',
  supersedes: '所作废的抽取',
  reason: '作废原因',
  rosterDigest: '名录摘要',
  software: '软件版本',
  selected: '抽中对象',
  assignments: '检查组',
  allocation: '分配',
  seed: '种子',
  seedHex: '种子',
  inputDigest: '输入摘要',
  commitDigest: '承诺摘要',
  recordDigest: '抽取记录摘要',
  objects: '对象',
  'inspectors.json objects': '匹配输入中的对象',
  inspectors: '执法人员',
  frame: '抽取框',
  '(value)': '值',
  draws: '抽取表',
  draw_selections: '抽中对象表',
  draw_assignments: '检查组表',
  draw_snapshots: '名录快照表',
};

/** Longest names first, so `inspectors.json objects[0]` is not taken for `inspectors`. */
const NAMES = Object.keys(FIELD_ZH).sort((a, b) => b.length - a.length);

/** The Chinese name of the longest known field a path starts with (`selected[0].id` → 抽中对象). */
function zhName(path: string): string | undefined {
  const k = NAMES.find((n) => path === n || path.startsWith(`${n}[`) || path.startsWith(`${n}.`));
  return k === undefined ? undefined : FIELD_ZH[k];
}

/** A field or table as the reader's language names it: 抽中对象（selected[0].id）, or the code in English. */
export function fieldLabel(path: string, lang: Lang): string {
  if (lang !== 'zh') return path;
  const zh = zhName(path);
  return zh ? `${zh}（${path}）` : path;
}

/** Several fields, listed the way the language lists them. */
export function fieldList(paths: readonly string[], lang: Lang): string {
  return paths.map((p) => fieldLabel(p, lang)).join(lang === 'zh' ? '、' : ', ');
}
