// Imports: roster and results files, cells, headers.
import type { Catalogue } from './messageTypes.js';

export const importMessages = {
  TH_ERRORS_FILE: { zh: '行|列|值|级别|原因', en: 'row|column|value|severity|reason' },
  I_CREATED_DB: {
    zh: '这里原来没有数据库：已新建 {db}（若要用已有的数据库，请用 --db 指定）。',
    en: 'There was no database here: created {db} (to use an existing one, give --db).',
  },
  // import: file level
  E_EMPTY_FILE: { zh: '{file}：文件是空的（没有表头）。', en: '{file}: the file is empty (no header row).' },
  E_HEADER_ONLY: { zh: '{file}：只有表头，没有数据行。', en: '{file}: header row only, no data rows.' },
  W_UNKNOWN_COLUMNS_MORE: {
    zh: '{file}：另有 {count} 个未知列被忽略。',
    en: '{file}: {count} more unknown columns ignored.',
  },
  W_UNKNOWN_COLUMN: {
    zh: '{file}：忽略未知列「{column}」（第 {index} 列）。',
    en: '{file}: ignoring unknown column "{column}" (column {index}).',
  },
  E_IMPORT_INVALID: {
    zh: '{file}：{count} 行有错误，未写入任何数据。',
    en: '{file}: {count} rows have errors; nothing was written.',
  },
  I_ERRORS_WRITTEN: { zh: '全部问题已写入 {file}', en: 'All problems written to {file}' },
  I_IMPORT_DONE: {
    zh: '{kind}：导入 {imported} 行，拒绝 {rejected} 行，停用 {retired} 行，用时 {seconds} 秒（{rate} 行/秒）。',
    en: '{kind}: {imported} rows imported, {rejected} rejected, {retired} retired, {seconds} s ({rate} rows/s).',
  },
  I_IMPORT_DRY: {
    zh: '{kind}（试运行，未写入）：{imported} 行有效，{rejected} 行有错误，将停用 {retired} 行，{seconds} 秒。',
    en: '{kind} (dry run, nothing written): {imported} rows valid, {rejected} rows with errors, {retired} rows would be retired, {seconds} s.',
  },
  I_HISTORY_DUP: {
    zh: '其中 {count} 条检查记录已存在，未重复写入。',
    en: '{count} history records were already present and were not added again.',
  },
  E_MASS_RETIRE: {
    zh: '{file} 会让当前名录 {before} 行中的 {retired} 行（{percent}%）退出名录：已拒绝，未写入任何数据。若该文件确是完整名录，请加 --full-roster 再导入（将记入日志）；若只是部分名单，请导入完整名录。',
    en: '{file} would retire {retired} of the {before} rows of the current roster ({percent} %): refused, nothing written. If the file is the whole roster, import it again with --full-roster (recorded in the log); if it is a partial list, import the whole roster.',
  },
  W_MASS_RETIRE: {
    zh: '{file} 将让当前名录 {before} 行中的 {retired} 行（{percent}%）退出名录。',
    en: '{file} retires {retired} of the {before} rows of the current roster ({percent} %).',
  },
  I_CONFIRM_RETIRE: {
    zh: '{file} 会让当前名录 {before} 行中的 {retired} 行（{percent}%）退出名录。该文件是完整名录吗？',
    en: '{file} would retire {retired} of the {before} rows of the current roster ({percent} %). Is this file the whole roster?',
  },
  W_REFS_UNCHECKED: {
    zh: '尚未导入{roster}，未检查对它的引用。',
    en: 'No {roster} loaded yet; references to it were not checked.',
  },
  PROBLEM: {
    zh: '{file} 第 {row} 行「{column}」列（值：{value}）：{reason}',
    en: '{file} row {row}, column "{column}" (value: {value}): {reason}',
  },
  R_DUPLICATE: { zh: '与第 {first} 行重复', en: 'duplicates row {first}' },
  I_RESULTS_DONE: {
    zh: '检查结果：新录入 {added} 条，修改 {changed} 条（原值已保留），未变 {unchanged} 条，拒绝 {rejected} 条。',
    en: 'Results: {added} added, {changed} changed (old values kept), {unchanged} unchanged, {rejected} rejected.',
  },
  W_ABNORMAL: {
    zh: '{count} 户的结果为 6 或 C：须在 10 个工作日内列入经营异常名录：{codes}',
    en: '{count} results are 6 or C: list these firms on the 经营异常名录 within 10 working days: {codes}',
  },
} as const satisfies Catalogue;
