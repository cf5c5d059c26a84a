// What `audit` (and `verify ID`'s table check) can find wrong, in both languages. Problems are messages
// with a stable code, so the JSON output carries the code and scripts need not match sentences.
import type { Catalogue } from './messageTypes.js';
export const auditMessages = {
  A_RECORD_HASH: {
    zh: 'record.json 的哈希为 {recSha}，抽取行记载的是 {record_sha256}',
    en: 'record.json hashes to {recSha}, the draw row says {record_sha256}',
  },
  A_DRAW_UNLOGGED: { zh: '没有任何日志条目记录这次抽取', en: 'no log entry records this draw' },
  A_DRAW_LOG_HASH: {
    zh: '日志第 {seq} 条记录的记录哈希为 {payloadSha256}，但存储的记录哈希为 {recSha}',
    en: 'the log entry {seq} recorded record hash {payloadSha256}, the stored record hashes to {recSha}',
  },
  A_RECORD_NOT_JSON: { zh: 'record.json 不是有效的 JSON', en: 'record.json is not JSON' },
  A_SEED_COLUMN: {
    zh: '种子列「{seed}」与记录中的「{seed2}」不同',
    en: 'seed column "{seed}" differs from the record\'s "{seed2}"',
  },
  A_DRAW_COLUMN: {
    zh: '列 {col} 的值为 {value}，记录中为 {value2}',
    en: 'column {col} is {value}, the record says {value2}',
  },
  A_DRAW_WHEN_WHO: {
    zh: '时间/操作人（{created_at}，{operator}）与日志第 {seq} 条（{at}，{operator2}）不同',
    en: 'created_at/operator ({created_at}, {operator}) differ from log entry {seq} ({at}, {operator2})',
  },
  A_DRAW_ROWS: { zh: '其数据行与日志第 {seq} 条所哈希的不同', en: 'its rows differ from what log entry {seq} hashed' },
  A_DRAW_DIGEST_COLUMNS: {
    zh: '输入摘要或 seedHex 列与记录不同',
    en: 'digest or seedHex columns differ from the record',
  },
  A_RECOMPUTED: { zh: '重新计算 {name}：{detail}', en: 'recomputed {name}: {detail}' },
  A_SELECTION_TABLE: {
    zh: '抽中对象表与记录不同：{selDiff}',
    en: 'the selection table differs from the record: {selDiff}',
  },
  A_TEAM_TABLE: { zh: '检查组表与记录不同：{asgDiff}', en: 'the team table differs from the record: {asgDiff}' },
  A_SNAPSHOT_MISSING: { zh: '名录快照缺失或无法读取', en: 'the roster snapshot is missing or unreadable' },
  A_SNAPSHOT_HASH: {
    zh: '名录快照的哈希为 {sh}，抽取时记录的是 {rosterDigest}',
    en: 'the roster snapshot hashes to {sh}, the draw recorded {rosterDigest}',
  },
  A_FRAME_ROW: {
    zh: '抽取框中的 {value}（{value2}）与名录快照不符',
    en: 'frame row {value} ({value2}) does not follow from the roster snapshot',
  },
  A_FRAME_UNREADABLE: { zh: '抽取框或名录快照无法读取：{value}', en: 'the frame or snapshot cannot be read: {value}' },
  A_ABOUT: { zh: '{draw_id}：{value}', en: '{draw_id}: {value}' },
  A_COMMIT_HASH: {
    zh: 'commitment.json 的哈希为 {digest}，承诺行记载的是 {commit_digest}',
    en: 'commitment.json hashes to {digest}, the row says {commit_digest}',
  },
  A_COMMIT_UNLOGGED: { zh: '没有任何日志条目记录这个承诺', en: 'no log entry records this commitment' },
  A_COMMIT_LOG_HASH: {
    zh: '日志第 {seq} 条记录的承诺摘要为 {payloadSha256}，但存储的承诺哈希为 {digest}',
    en: 'the log entry {seq} recorded commitDigest {payloadSha256}, the stored commitment hashes to {digest}',
  },
  A_COMMIT_CLOCK_FLAG: {
    zh: '时钟标记（{clock_overridden}）与日志第 {seq} 条不符',
    en: 'the clock flag ({clock_overridden}) disagrees with the log entry {seq}',
  },
  A_COMMIT_UNDER_INSPECT_NOW: {
    zh: '{draw_id}：该承诺是在 INSPECT_NOW 设定的时钟下做出的',
    en: '{draw_id}: committed under a clock set by INSPECT_NOW',
  },
  A_COMMIT_NOT_JSON: { zh: 'commitment.json 不是有效的 JSON', en: 'commitment.json is not JSON' },
  A_FROZEN_FRAME: {
    zh: '冻结的抽取框哈希为 {fd}，承诺中为 {inputDigest}',
    en: 'the frozen frame hashes to {fd}, the commitment says {inputDigest}',
  },
  A_FROZEN_ASSIGN: {
    zh: '冻结的人员匹配输入哈希为 {ad}，承诺中为 {assignDigest}',
    en: 'the frozen matching input hashes to {ad}, the commitment says {assignDigest}',
  },
  A_COMMIT_ID_YEAR: { zh: '承诺行的编号或年度与承诺内容不同', en: "the row's id or year differs from the commitment" },
  A_COMMIT_TIME: {
    zh: '承诺行时间 {created_at} 与承诺内容中的 {committedAt} 不同',
    en: 'created_at {created_at} differs from committedAt {committedAt}',
  },
  A_COMMIT_SNAPSHOT: {
    zh: '名录快照缺失，或其哈希与记录的摘要不符',
    en: 'the roster snapshot is missing or does not hash to its recorded digest',
  },
  A_COMMIT_DRAW_WITHOUT_REVEAL: {
    zh: '没有揭示，却以该编号记录了抽取',
    en: 'a draw was recorded under this id without a reveal',
  },
  A_COMMIT_REVEAL_WITHOUT_DRAW: { zh: '已揭示，却没有记录抽取', en: 'revealed, but no draw was recorded' },
  A_COMMIT_FRAME_CHANGED: { zh: '抽取的抽取框不是冻结的抽取框', en: "the draw's frame is not the frozen frame" },
  A_COMMIT_ASSIGN_CHANGED: {
    zh: '抽取的人员匹配输入不是冻结的输入',
    en: "the draw's matching input is not the frozen one",
  },
  A_COMMIT_ROSTER_CHANGED: {
    zh: '抽取的名录摘要不是承诺中的摘要',
    en: "the draw's roster digest is not the commitment's",
  },
  A_RECORD_NAMES_COMMIT: {
    zh: '{id}：其记录引用了一个未存储或未揭示的承诺',
    en: '{id}: its record names a commitment that is not stored or not revealed',
  },
  A_IMPORT_UNLOGGED: {
    zh: '导入 {id}（{file_name}）：没有任何日志条目记录它',
    en: 'import {id} ({file_name}): no log entry records it',
  },
  A_RESULTS_ROWS: {
    zh: '结果导入 {id}（{file_name}）：结果行的哈希为 {value}，日志第 {seq} 条记录的是 {payloadSha256}',
    en: 'results import {id} ({file_name}): the result rows hash to {value}, the log entry {seq} recorded {payloadSha256}',
  },
  A_IMPORT_FILE_HASH: {
    zh: '导入 {id}（{file_name}）：文件摘要 {file_sha256} ≠ 日志第 {seq} 条的 {payloadSha256}',
    en: "import {id} ({file_name}): file digest {file_sha256} ≠ log entry {seq}'s {payloadSha256}",
  },
  A_IMPORT_ROSTER_HASH: {
    zh: '导入 {id}（{file_name}）：其名录摘要不是日志第 {seq} 条记录的摘要',
    en: 'import {id} ({file_name}): its roster digest is not the one the log entry {seq} recorded',
  },
  A_ROSTER_UNIMPORTED: {
    zh: '{kind}：有 {n} 行，却没有任何导入记录它们',
    en: '{kind}: {n} rows but no import recorded them',
  },
  A_ROSTER_CHANGED: {
    zh: '{kind}：该表现在的哈希为 {now}，而导入 {id} 留下的是 {roster_sha256}：有数据行在导入之外被修改',
    en: '{kind}: the table now hashes to {now}, but import {id} left {roster_sha256}: rows were changed outside an import',
  },
  A_ROSTER_BOOKKEEPING: {
    zh: '{kind}：某个记账列（in_roster、src_row、import_id、seen_import）与导入 {id} 留下的不同',
    en: '{kind}: a bookkeeping column (in_roster, src_row, import_id, seen_import) differs from what import {id} left',
  },
  A_PUBLICATION_UNLOGGED: {
    zh: '公示 {id}（{kind} {draw_id}）：没有任何日志条目记录它',
    en: 'publication {id} ({kind} {draw_id}): no log entry records it',
  },
  A_PUBLICATION_HASH: {
    zh: '公示 {id}：文件摘要 {file_sha256} ≠ 日志第 {seq} 条的 {payloadSha256}',
    en: "publication {id}: file digest {file_sha256} ≠ log entry {seq}'s {payloadSha256}",
  },
  A_REF_GONE: {
    zh: '日志第 {seq} 条（{action}）引用的 {ref} 已不存在',
    en: 'log entry {seq} ({action}) names {ref}, which is gone',
  },
  A_HEAD_MISSING: { zh: '日志中没有第 {value} 条', en: 'entry {value} is not in the log' },
  A_HEAD_REWRITTEN: {
    zh: '第 {value} 条的哈希为 {hash}，现场宣读的链头为 {value2}：日志链被改写',
    en: 'entry {value} has hash {hash}, the head read out was {value2}: the chain was rewritten',
  },
  A_LEGACY_ENTRIES: {
    zh: '有 {legacy} 条日志早于逐行摘要（结构版本 5）：其数据行只按旧的、较窄的检查核对',
    en: '{legacy} log entries were made before row digests (schema 5): their rows are checked by the older, narrower checks only',
  },
  A_ROWS_CHANGED: {
    zh: '日志第 {seq} 条（{action}）对 {ref} 的数据行哈希为 {value}…；现在为 {value2}…：有单元格被修改，或有行在本工具之外被删除或插入',
    en: 'log entry {seq} ({action}) hashed the rows of {ref} as {value}…; they now hash to {value2}…: a cell was changed, or a row deleted or inserted, outside the tool',
  },
  A_ORPHANS: { zh: '{what}：{value}', en: '{what}: {value}' },
  A_SCHEMA_MISSING: { zh: '{type} {name} 缺失', en: '{type} {name} is missing' },
  A_SCHEMA_CHANGED: { zh: '{type} {name} 被修改', en: '{type} {name} was changed' },
  A_SCHEMA_FOREIGN: {
    zh: '{type} {name} 不属于本工具（在工具之外添加）',
    en: '{type} {name} is not ours (added outside the tool)',
  },
  A_CHAIN_GAP: { zh: '应为第 {expected} 条，实际为第 {found} 条', en: 'expected entry {expected}, found {found}' },
  A_CHAIN_LINK: {
    zh: 'prev_hash {prevHash}… 与上一条的哈希 {previous}… 不符',
    en: "prev_hash {prevHash}… does not match the previous entry's hash {previous}…",
  },
  A_CHAIN_HASH: {
    zh: '存储的哈希为 {stored}…，内容的哈希却为 {computed}…',
    en: 'stored hash {stored}… but the content hashes to {computed}…',
  },
  A_SUMMARY_DIFFERS: {
    zh: '日志摘要的消息形式与其英文文本不一致',
    en: 'the summary message does not say what its English text says',
  },
  A_ENTRY: { zh: '第 {seq} 条：{detail}', en: 'entry {seq}: {detail}' },
  A_ORPHAN_VERSIONS: {
    zh: '保留的旧版本所指的导入不属于其名录',
    en: 'kept versions naming an import that is not of their roster',
  },
  A_ORPHAN_HISTORY: { zh: '已检查记录不属于任何已检查记录导入', en: 'history rows of no history import' },
  A_ORPHAN_RESULTS_IMPORT: { zh: '结果行不属于任何结果导入', en: 'result rows of no results import' },
  A_ORPHAN_RESULTS_DRAW: { zh: '结果行不属于任何抽取', en: 'result rows of no draw' },
  A_ORPHAN_SELECTIONS: { zh: '抽中对象不属于任何抽取', en: 'selections of no draw' },
  A_ORPHAN_SEATS: { zh: '检查组成员不属于任何抽取', en: 'team seats of no draw' },
  A_ORPHAN_SNAPSHOTS: { zh: '名录快照不属于任何抽取', en: 'snapshots of no draw' },
  A_ORPHAN_PUBLICATIONS: { zh: '公示不属于任何抽取', en: 'publications of no draw' },
  A_ORPHAN_MARKS: { zh: '公示标记所指的公示或结果不存在', en: 'publication marks of no publication or no result' },
  A_ORPHAN_REVEALS: { zh: '揭示不属于任何承诺', en: 'reveals of no commitment' },
  A_ORPHAN_PARTS: { zh: '冻结匹配输入的分段不属于任何承诺', en: 'parts of a frozen matching input of no commitment' },
} as const satisfies Catalogue;
