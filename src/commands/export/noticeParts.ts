// What every notice shares: the result notice's columns, and how a task and its inspecting authority
// are named. Its own module, so the notice writers need not import one another.
import { inChinese, render, type MessageKey, type Msg } from '../../core/messages.js';
import type { Db } from '../../io/db.js';
import { listVoidings, voidedParams, type Voiding } from '../../io/voidings.js';
/** Notice wording, from the catalogue: notices are Chinese documents whatever the terminal's language. */
export const noticeText = (key: MessageKey, params?: Msg['params']): string => inChinese.t(key, params);

export const RESULT_NOTICE_COLUMNS = [
  { key: 'task_no', zh: '抽查任务编号' },
  { key: 'task_name', zh: '抽查任务名称' },
  { key: 'authority', zh: '检查机关' },
  { key: 'name', zh: '市场主体名称' },
  { key: 'credit_code', zh: '统一社会信用代码' },
  { key: 'completed_on', zh: '检查完成日期' },
  { key: 'result', zh: '检查结果' },
];

/** What every notice calls a task and who inspects: the items' names, the departments' names. */
export function noticeNames(
  items: { name: string }[],
  departments: string[],
  names: Map<string, string>,
): { taskName: string; authority: string } {
  return {
    taskName: `${items.map((i) => i.name).join('、')}${items.length > 1 ? '（联合抽查）' : ''}`,
    authority: departments.map((c) => names.get(c) ?? c).join('、'),
  };
}

/**
 * The notice row that names the draw or commitment this one voids — what it was, its sources and the
 * reason — so the public can check it; none when it voids nothing.
 */
export function voidedRow(db: Db, by: string): { row: [string, string, string][]; voided: Voiding | undefined } {
  const voided = listVoidings(db, by)[0];
  return {
    voided,
    row: voided ? [['supersedes', '作废的抽取', render({ key: 'N_VOIDED', params: voidedParams(voided) }, 'zh')]] : [],
  };
}
