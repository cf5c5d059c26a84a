// Every user-facing sentence, in Chinese (default) and English. Keys are stable string codes so tests
// and scripts can match on them; params fill `{name}` placeholders.

export type Lang = 'zh' | 'en';
export interface Msg {
  key: MessageKey | '@list';
  params?: Record<string, string | number | null | undefined | Msg>;
}

import { commitMessages } from './messagesCommit.js';
import { helpMessages } from './messagesHelp.js';
import { auditMessages } from './messagesAudit.js';
import { logMessages } from './messagesLog.js';
import { bindingMessages } from './messagesBinding.js';
import { noticeMessages } from './messagesNotice.js';
import { screenMessages } from './messagesScreen.js';
import { viewMessages } from './messagesViews.js';
import { adminMessages } from './messagesAdmin.js';
import { drawMessages } from './messagesDraw.js';
import { exportMessages } from './messagesExport.js';
import { verifyMessages } from './messagesVerify.js';
import { importMessages } from './messagesImport.js';

import type { Catalogue } from './messageTypes.js';

const generic = {
  // generic
  E_INTERNAL: {
    zh: '内部错误（程序缺陷）：{detail}\n请把上面的信息和所用命令报告给维护人员。',
    en: 'Internal error (a bug): {detail}\nPlease report this message and the command you ran to the maintainers.',
  },
  E_USAGE: { zh: '用法错误：{detail}', en: 'Usage error: {detail}' },
  E_CANCELLED: { zh: '已取消，未做任何更改。', en: 'Cancelled; nothing was changed.' },
  E_NEEDS_TTY: {
    zh: '没有交互终端，无法询问「{what}」：请用参数 {flag} 给出。',
    en: 'No interactive terminal to ask for "{what}": pass {flag}.',
  },
  E_NEEDS_YES: {
    zh: '没有交互终端，无法确认：确认无误后加 --yes 再运行。',
    en: 'No interactive terminal to confirm: re-run with --yes once you have checked.',
  },
  E_DB_BUSY: {
    zh: '数据库 {db} 正被另一个操作使用（等待 {seconds} 秒后放弃）：请等它完成后重试。',
    en: 'Database {db} is in use by another operation (gave up after {seconds} s): retry when it has finished.',
  },
  E_DB_OPEN: { zh: '无法打开数据库 {db}：{detail}', en: 'Cannot open database {db}: {detail}' },
  E_DB_NEWER: {
    zh: '数据库 {db} 的结构版本 {found} 比本程序支持的 {supported} 新：请升级 inspect。',
    en: 'Database {db} has schema version {found}, newer than this program supports ({supported}): upgrade inspect.',
  },
  E_NO_DB: {
    zh: '数据库 {db} 不存在：先用 inspect import 导入名录，或用 --db 指定已有的数据库。',
    en: 'Database {db} does not exist: import the rosters first (inspect import …), or point --db at an existing one.',
  },
  E_FILE_MISSING: { zh: '找不到文件 {file}', en: 'File not found: {file}' },
  E_FILE_READ: { zh: '无法读取文件 {file}：{detail}', en: 'Cannot read file {file}: {detail}' },
  E_OUTPUT_EXISTS: {
    zh: '输出文件 {file} 已存在：加 --force 覆盖。',
    en: 'Output {file} already exists: add --force to overwrite.',
  },
  E_BAD_OPTION: { zh: '参数 {flag} 的值「{value}」无效：{reason}', en: 'Invalid value "{value}" for {flag}: {reason}' },
  E_UNKNOWN_ROSTER: {
    zh: '未知的名录类型「{kind}」：可选 {choices}',
    en: 'Unknown roster "{kind}": choose one of {choices}',
  },
  E_BINARY_FILE: {
    zh: '{file}：不是文本 CSV 文件（第 {offset} 字节处有二进制内容）。请在 Excel 中“另存为 CSV”。',
    en: '{file}: not a text CSV file (binary content at byte {offset}). Save it from Excel as CSV.',
  },
  E_UTF16_FILE: {
    zh: '{file}：这是 UTF-16 编码的文件（Excel“Unicode 文本”）。请在 Excel 中“另存为” CSV UTF-8（逗号分隔）后再导入。',
    en: '{file}: this file is UTF-16 (Excel "Unicode text"). Save it from Excel as "CSV UTF-8 (comma delimited)" and import that.',
  },
  E_BAD_UTF8: {
    zh: '{file}：按 UTF-8 读取时第 {offset} 字节处编码无效：文件可能是 GB18030/GBK，请用 --encoding gb18030。',
    en: '{file}: invalid UTF-8 at byte {offset}: the file may be GB18030/GBK; use --encoding gb18030.',
  },
  E_BAD_GB18030: {
    zh: '{file}：按 GB18030 读取时编码无效：第 {row} 行第 {column} 列（文件第 {offset} 字节）。',
    en: '{file}: invalid GB18030 at row {row}, column {column} (byte {offset} of the file).',
  },
  E_CSV_QUOTE: {
    zh: '{file} 第 {row} 行：引号没有闭合（该行某个单元格以 " 开头却没有结束的 "）。',
    en: '{file} row {row}: unterminated quote (a cell opens with " and never closes it).',
  },
  E_CSV_SYNTAX: { zh: '{file} 第 {row} 行：CSV 格式错误：{detail}', en: '{file} row {row}: malformed CSV: {detail}' },
  E_MISSING_COLUMN: {
    zh: '{file}：缺少必需列「{column}」（可用表头：{accepted}）。',
    en: '{file}: required column "{column}" is missing (accepted headers: {accepted}).',
  },
  E_DUPLICATE_COLUMN: {
    zh: '{file}：列「{column}」出现了两次（第 {first} 列和第 {second} 列）。',
    en: '{file}: column "{column}" appears twice (columns {first} and {second}).',
  },
  E_IMPORT_MORE: {
    zh: '……另有 {count} 个问题未显示：用 --errors 文件 查看全部。',
    en: '… and {count} more problems: use --errors FILE to see them all.',
  },
  W_ALLOWED_CODE: {
    zh: '代码 {value} 校验未通过，但在 --allow-codes 清单中：已接受并记录',
    en: 'code {value} fails its check but is on the --allow-codes list: accepted and recorded',
  },
  // cell reasons
  R_REQUIRED: { zh: '必填', en: 'required' },
  R_CODE_EXCEL: {
    zh: '单元格已被 Excel 损坏（科学计数法只保留 15 位）：请把该列设为“文本”后重新导出',
    en: 'cell damaged by Excel (scientific notation keeps 15 digits): format the column as Text and export again',
  },
  R_CODE_LENGTH: { zh: '统一社会信用代码应为 18 位', en: 'a unified social credit code has 18 characters' },
  R_CODE_CHARSET: {
    zh: '含有统一社会信用代码不允许的字符（不用 I、O、S、V、Z）',
    en: 'contains characters not allowed in a credit code (no I, O, S, V, Z)',
  },
  R_CODE_DIGITS: {
    zh: '第 3–8 位（行政区划码）应为数字',
    en: 'positions 3–8 (administrative division) must be digits',
  },
  R_CODE_CHECK: { zh: '校验位错误（应为 {expected}）', en: 'wrong check character (expected {expected})' },
  R_ORG_CHECK: {
    zh: '组织机构代码部分（第 9–17 位）校验未通过（仅警告）',
    en: 'organisation-code part (positions 9–17) fails its check (warning only)',
  },
  R_ENUM: { zh: '应为 {choices} 之一', en: 'must be one of {choices}' },
  R_DATE: {
    zh: '日期应为 YYYY-MM-DD、YYYY/M/D 或 Excel 日期序号',
    en: 'a date must be YYYY-MM-DD, YYYY/M/D or an Excel serial',
  },
  R_DATE_YEAR: {
    zh: '只有年份，不是日期：请填写完整日期 YYYY-MM-DD',
    en: 'a year alone is not a date: give the full date YYYY-MM-DD',
  },
  R_NUMBER: {
    zh: '应为 0–100 之间、最多两位小数的数字',
    en: 'must be a number from 0 to 100 with at most two decimals',
  },
  R_UNKNOWN_DEPT: { zh: '部门编码不在部门名录中', en: 'department code not in the department roster' },
  R_UNKNOWN_ITEM: { zh: '事项编码不在抽查事项清单中', en: 'item code not in the list of inspection items' },
  R_UNKNOWN_OBJECT: { zh: '对象不在检查对象名录库中', en: 'object not in the object roster' },
  R_UNKNOWN_INSPECTOR: { zh: '人员编号不在执法检查人员名录库中', en: 'inspector id not in the inspector roster' },
  R_UNKNOWN_CATEGORY: {
    zh: '检查类别不在抽查事项清单中',
    en: 'inspection category not in the list of inspection items',
  },
  R_CATEGORY_OR_ITEM: { zh: '「检查类别」和「事项编码」至少填一个', en: 'give a category or an item code' },
  R_COLUMN_COUNT: {
    zh: '本行有 {found} 列，表头有 {expected} 列',
    en: 'row has {found} cells, the header has {expected}',
  },
  R_SELF_PARENT: { zh: '上级部门不能是自己', en: 'a department cannot be its own parent' },
  R_CYCLE: { zh: '上级部门关系形成了环', en: 'parent departments form a cycle' },
  R_ID: {
    zh: '编码只能用 ASCII 字母、数字和 - _（不能含 . / 空格等，以免成为文件路径）',
    en: 'codes and ids use ASCII letters, digits, - and _ only (no . / or spaces: they become file names)',
  },
  R_CONTROL: {
    zh: '含有控制字符（如 ESC、BEL）：请删除后重新导出',
    en: 'contains a control character (ESC, BEL, …): remove it and export again',
  },
  // policy
  E_POLICY_INVALID: { zh: '策略文件 {file} 无效：', en: 'Policy file {file} is invalid:' },
  E_POLICY_FIELD: { zh: '字段 {field}（值：{value}）：{reason}', en: 'field {field} (value: {value}): {reason}' },
  E_POLICY_JSON: {
    zh: '策略文件 {file} 不是有效的 JSON：{detail}',
    en: 'Policy file {file} is not valid JSON: {detail}',
  },
  R_POLICY_OBJECT: { zh: '应为 JSON 对象', en: 'must be a JSON object' },
  R_POLICY_UNKNOWN: { zh: '未知字段', en: 'unknown field' },
  R_POLICY_PERCENT: {
    zh: '应为 0–100 的百分数，最多两位小数',
    en: 'must be a percentage 0–100 with at most two decimals',
  },
  R_POLICY_GRADE_ROW: { zh: '应为 {"L":…,"M":…,"H":…}', en: 'must be {"L":…,"M":…,"H":…}' },
  R_POLICY_BOOLEAN: { zh: '应为 true 或 false', en: 'must be true or false' },
  R_POLICY_TEAM: {
    zh: '应为 2–10 的整数（每次检查至少两名执法人员）',
    en: 'must be an integer from 2 to 10 (at least two inspectors per inspection)',
  },
  E_FLOOR_ABOVE_CAP: {
    zh: '事项 {item} 的比例上限 {cap}% 低于年度覆盖下限 {floor}%：无法同时满足，请调整策略或事项。',
    en: 'Item {item} caps the ratio at {cap}%, below the annual floor of {floor}%: both cannot hold; change the policy or the item.',
  },
  E_NO_RATIO: {
    zh: '层「{stratum}」没有抽查比例：请在策略中补上。',
    en: 'Stratum "{stratum}" has no ratio: add it to the policy.',
  },
  E_BAD_YEAR: { zh: '--year 应为四位年份，收到「{value}」', en: '--year must be a four-digit year, got "{value}"' },
  E_BAD_WINDOW: {
    zh: '--window 应为 开始日期..结束日期（YYYY-MM-DD..YYYY-MM-DD，开始不晚于结束），收到「{value}」',
    en: '--window must be START..END (YYYY-MM-DD..YYYY-MM-DD, start not after end), got "{value}"',
  },
  E_WINDOW_PAST: {
    zh: '默认检查窗口（{start} 至 {end}）已过：请用 --window 指定。',
    en: 'The default inspection window ({start} to {end}) is over: give --window.',
  },
  E_ROSTER_NOT_TEXT: {
    zh: '检查对象名录库中有非文本的值（只能是绕过 inspect 直接改库写入的）：请运行 inspect audit 查明，并从备份恢复。',
    en: 'The object roster holds a value that is not text (only writing to the database behind inspect can do that): run inspect audit to find it, and restore from a backup.',
  },
  E_EMPTY_FRAME: {
    zh: '抽取范围内没有可抽取的对象（范围 {scope} 个，排除 {excluded} 个）。',
    en: 'No eligible objects in scope ({scope} in scope, {excluded} excluded).',
  },
  E_JOINT_EMPTY: {
    zh: '联合抽查的范围为空：没有对象同时满足各事项的范围（{filters}）。请选择范围有交集的事项。',
    en: "The joint task's scope is empty: no object meets every item's filters ({filters}). Choose items whose scopes overlap.",
  },
  HINT_TITLE_ROW: {
    zh: '第 1 行看起来是标题，表头似乎在第 2 行：请在 Excel 中删除第 1 行，另存为 CSV 后再导入。',
    en: 'Row 1 looks like a title; the header seems to be row 2: delete row 1 in Excel, save as CSV and import again.',
  },
  HINT_LOOKS_LIKE: {
    zh: '这个文件的表头与 {kind} 名录相符：是否想运行 inspect import {kind} {file}？',
    en: 'This file has the header of the {kind} roster: did you mean inspect import {kind} {file}?',
  },
  HINT_LOOKS_LIKE_RESULTS: {
    zh: '这个文件的表头是检查结果：是否想运行 inspect results import {file}？',
    en: 'This file has the header of inspection results: did you mean inspect results import {file}?',
  },
  E_FILE_IN_EXCEL: {
    zh: '{file} 现在不能写入或读取，很可能正在 Excel 中打开：请在 Excel 中关闭它后重试（{detail}）。',
    en: '{file} cannot be written or read now; it is probably open in Excel: close it there and try again ({detail}).',
  },
  T_DID_YOU_MEAN: { zh: '是否想输入 {code}？（您输入的是 {given}）', en: 'Did you mean {code}? (you typed {given})' },
  E_UNKNOWN_DRAW: {
    zh: '找不到抽取记录 {id}：用 inspect draws 列出全部抽取编号。',
    en: 'No draw with id {id}: inspect draws lists them all.',
  },
  R_INACTIVE: { zh: '停用', en: 'inactive' },
  R_CERT_EXPIRED: { zh: '执法证在检查窗口结束前到期', en: 'certificate expires before the window ends' },
  R_NO_SPECIALTY: { zh: '无所需专长', en: 'lacks the required specialty' },
  R_CONFLICT: { zh: '回避对象', en: 'declared conflict (回避)' },
  R_ROTATION: { zh: '上次检查过该对象', en: 'inspected it last time' },
  R_SAME_REGION: { zh: '与对象同区域（--cross-region）', en: 'same region as the object (--cross-region)' },
  R_TAKEN: { zh: '已在本组', en: 'already on the team' },
  // results, exports, deadlines, report
  R_RESULT: {
    zh: '不是标准检查结果（代码 1、3–12、A、B、C、E、F 或其标准文字）',
    en: 'not a standard result (codes 1, 3–12, A, B, C, E, F or their standard wording)',
  },
  R_UNKNOWN_DRAW: { zh: '找不到该抽查编号', en: 'no draw with this id' },
  R_DRAW_SUPERSEDED: { zh: '该抽取已被 {by} 作废', en: 'this draw was superseded by {by}' },
  R_NOT_SELECTED: { zh: '该对象不在抽取 {draw} 的抽中名单中', en: 'this object was not selected in draw {draw}' },
  R_OUTSIDE_WINDOW: {
    zh: '不在检查时间窗口 {start} 至 {end} 内',
    en: 'outside the inspection window {start} to {end}',
  },
  R_FUTURE_DATE: { zh: '晚于今天（{today}）', en: 'after today ({today})' },
  E_CALENDAR_ROW: {
    zh: '日历文件 {file} 第 {row} 行无效（应为 日期,休息日|工作日）：{value}',
    en: 'Calendar file {file} row {row} is invalid (expected DATE,休息日|工作日): {value}',
  },
  W_XLSX_CUT: {
    zh: '{count} 个单元格超过 Excel 的 {max} 字符上限，已截断并在末尾标注“已截断”（CSV 与 JSON 保留全文）。',
    en: "{count} cells exceed Excel's {max}-character limit: cut, with a visible mark at the end (CSV and JSON keep the full text).",
  },
  E_BAD_FORMAT: {
    zh: '--format 应为 csv、xlsx 或 json，收到「{value}」',
    en: '--format must be csv, xlsx or json, got "{value}"',
  },
  I_EXPORTED: { zh: '已写入 {file}（{rows} 行）', en: 'Wrote {file} ({rows} rows)' },
} as const satisfies Catalogue;

const catalogue = {
  ...generic,
  ...commitMessages,
  ...helpMessages,
  ...screenMessages,
  ...viewMessages,
  ...adminMessages,
  ...drawMessages,
  ...exportMessages,
  ...verifyMessages,
  ...importMessages,
  ...auditMessages,
  ...logMessages,
  ...bindingMessages,
  ...noticeMessages,
} satisfies Catalogue;

/** Every message key: a key that is not in a catalogue does not compile. */
export type MessageKey = keyof typeof catalogue;

export const rosterNames: Record<string, { zh: string; en: string }> = {
  objects: { zh: '检查对象名录库', en: 'object roster' },
  inspectors: { zh: '执法检查人员名录库', en: 'inspector roster' },
  items: { zh: '抽查事项清单', en: 'inspection items' },
  departments: { zh: '部门', en: 'departments' },
  history: { zh: '已检查记录', en: 'inspection history' },
};

/** A list of values or messages rendered one after another, joined by `sep` (the same in both languages). */
export function listMsg(items: (string | Msg)[], sep: string): Msg {
  return { key: '@list', params: { sep, ...Object.fromEntries(items.map((v, i) => [`i${i}`, v])) } };
}

export function render(msg: Msg, lang: Lang): string {
  if (msg.key === '@list') {
    const p = msg.params ?? {};
    const n = Object.keys(p).length - 1;
    const parts: string[] = [];
    for (let i = 0; i < n; i++) {
      const v = p[`i${i}`];
      parts.push(v !== null && typeof v === 'object' ? render(v, lang) : String(v));
    }
    return parts.join(String(p.sep ?? ', '));
  }
  const entry = (catalogue as Catalogue)[msg.key];
  const template = entry ? entry[lang] : msg.key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = msg.params?.[name];
    if (v === undefined) return whole;
    if (v === null) return '';
    // A nested message renders in the same language (e.g. the reason inside a problem line).
    if (typeof v === 'object') return render(v, lang);
    return String(v);
  });
}

/**
 * A key made from data (`T_GRADE_${grade}`, `T_ACTION_${action}`): the one place a key is not checked by
 * the compiler. A key the catalogues lack renders as itself, and the catalogue's test lists every family.
 */
export function dynamicKey(key: string): MessageKey {
  return key as MessageKey;
}

/** Whether the catalogue has this key (codes from data, e.g. a log action, may have no name). */
export function hasMessage(key: string): key is MessageKey {
  return key in catalogue;
}

/** Every key with its two languages (for the catalogue's own test). */
export function catalogueEntries(): [string, { zh: string; en: string }][] {
  return Object.entries(catalogue);
}

/** Anything that renders messages in one language (the Ui, or `inChinese` for the public notices). */
export interface Translator {
  readonly lang: Lang;
  t(msg: Msg | MessageKey, params?: Msg['params']): string;
}

/** Publications (公示) are Chinese documents whatever the operator's terminal language. */
export const inChinese: Translator = {
  lang: 'zh',
  t: (msg, params) => render(typeof msg === 'string' ? { key: msg, params } : msg, 'zh'),
};
