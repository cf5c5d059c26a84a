// What every notice shares: the result notice's columns, and how a task and its inspecting authority
// are named. Its own module, so the notice writers need not import one another.
import { inChinese, render, type MessageKey, type Msg } from '../../core/messages.js';
import type { Db } from '../../io/db.js';
import { listVoidings, voidedParams, type Voiding } from '../../io/voidings.js';
/** Notice wording, from the catalogue: notices are Chinese documents whatever the terminal's language. */
export const noticeText = (key: MessageKey, params?: Msg['params']): string => inChinese.t(key, params);

export const RESULT_NOTICE_COLUMNS = [
  { key: 'task_no', zh: noticeText('NF_TASK_NO') },
  { key: 'task_name', zh: noticeText('NF_TASK_NAME') },
  { key: 'authority', zh: noticeText('NF_AUTHORITY') },
  { key: 'name', zh: noticeText('NF_LIST_NAME') },
  { key: 'credit_code', zh: noticeText('NF_LIST_CODE') },
  { key: 'completed_on', zh: noticeText('NF_COMPLETED_ON') },
  { key: 'result', zh: noticeText('NF_RESULT') },
];

/** What every notice calls a task and who inspects: the items' names, the departments' names. */
export function noticeNames(
  items: { name: string }[],
  departments: string[],
  names: Map<string, string>,
): { taskName: string; authority: string } {
  return {
    taskName: `${items.map((i) => i.name).join('、')}${items.length > 1 ? noticeText('NF_JOINT') : ''}`,
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
    row: voided
      ? [['supersedes', noticeText('NF_VOIDS'), render({ key: 'N_VOIDED', params: voidedParams(voided) }, 'zh')]]
      : [],
  };
}
