// Messages of committed draws (inspect-commit/1), in Chinese and English; merged into the one catalogue.
import type { Catalogue } from './messageTypes.js';
export const commitMessages = {
  R_POLICY_LEAD: { zh: '应为 1–10080 的整数（分钟）', en: 'must be a whole number of minutes from 1 to 10080' },

  // the database and the disk
  E_NOT_OURS: {
    zh: '{db} 不是 inspect 的数据库（属于其他程序，或是空文件）：未做任何更改。请用 --db 指定 inspect 的数据库。',
    en: '{db} is not an inspect database (it belongs to another program, or is empty): nothing was changed. Point --db at an inspect database.',
  },
  E_DISK_FULL: {
    zh: '磁盘已满，无法写入 {file}：未做任何更改。请腾出空间后重试。（{detail}）',
    en: 'The disk is full; cannot write {file}. Nothing was changed; free some space and retry. ({detail})',
  },
  E_READ_ONLY: {
    zh: '{file} 所在位置只读，无法写入：未做任何更改。请在可写的目录中操作。（{detail}）',
    en: '{file} is on a read-only file, folder or mount; nothing was changed. Work in a writable folder. ({detail})',
  },
  E_IO: {
    zh: '读写 {file} 时发生输入输出错误：未做任何更改。（{detail}）',
    en: 'Input/output error on {file}; nothing was changed. ({detail})',
  },
  E_DB_WAL_PENDING: {
    zh: '数据库 {db} 位于只读位置，且旁边的 -wal 文件中有尚未合并的更改，无法完整读取：请把数据库及其 -wal 文件一起复制到可写目录后再操作。',
    en: 'Database {db} is in a read-only place and its -wal file holds changes not yet merged, which cannot be read there: copy the database with its -wal file to a writable folder.',
  },

  E_SEED_EMPTY: {
    zh: '--seed 不能为空：要由系统随机生成种子，请不要给 --seed。',
    en: '--seed cannot be empty: to have one generated, leave --seed out.',
  },
  E_SEED_CONTROL: {
    zh: '种子只能是可打印的文字（不能含控制字符）。',
    en: 'A seed must be printable text (no control characters).',
  },

  E_AS_OF_FUTURE: {
    zh: '--as-of {value} 晚于今天（{today}）：只能补录过去的结果。',
    en: '--as-of {value} is after today ({today}): results can only be back-filled.',
  },

  I_PUBLICATION_PREVIEW: {
    zh: '（预览：未写入文件，未标记任何结果为已公示，未记入日志。公示时请用 --out 文件。）',
    en: '(preview: no file written, nothing marked published, nothing logged; publish with --out FILE)',
  },

  E_NO_ITEMS_LOADED: {
    zh: '尚未导入抽查事项清单：先运行 inspect import items 事项.csv（以及 departments、objects、inspectors）。',
    en: 'No inspection items loaded: run inspect import items ITEMS.csv first (and departments, objects, inspectors).',
  },

  I_VERIFIER_WRITTEN: {
    zh: '已写入离线复核页面 {file}\nSHA-256：{sha256}（请与发布的值核对）',
    en: 'Wrote the offline verifier page {file}\nSHA-256: {sha256} (compare it with the published value)',
  },

  E_PENDING_USAGE: {
    zh: '--pending 只与 --kind result 合用，且不给抽取编号。',
    en: '--pending goes with --kind result and no draw id.',
  },
  I_NOTHING_PENDING: {
    zh: '没有尚未公示的检查结果：未写入任何文件。',
    en: 'No results waiting to be published: no file written.',
  },
  I_PENDING_PUBLISHED: {
    zh: '已写入 {file}：{draws} 次抽取的 {results} 条结果，已标记为已公示。',
    en: 'Wrote {file}: {results} results of {draws} draws, marked published.',
  },

  E_FOLDER_MISSING: { zh: '找不到复核包文件夹 {dir}', en: 'Bundle folder {dir} not found' },

  I_SEED_WILL_BE: { zh: '种子：{seed}', en: 'Seed: {seed}' },
  I_SEED_WILL_BE_GENERATED: {
    zh: '种子：确认后由系统随机生成并打印',
    en: 'Seed: generated from OS randomness after you confirm, and printed',
  },
  W_SECOND_BATCH: {
    zh: '本年度已有抽取 {draws} 抽过事项 {items}：这将是新的一批（排除已抽中的对象）。',
    en: 'Standing draw(s) {draws} already drew {items} this year: this will be another batch (excluding what they selected).',
  },
  I_CONFIRM_SECOND_BATCH: { zh: '确实要再抽一批吗？', en: 'Draw another batch?' },
  I_EQUIVALENT: { zh: '等效命令（可记入会议记录）：{command}', en: 'Equivalent command (for the minutes): {command}' },
  I_NEXT_STEPS: {
    zh: '下一步：inspect export tasks {id}（任务清单）；inspect export bundle {id} --out 目录（复核包）；inspect export publication {id} --kind task（抽查任务公告）',
    en: 'Next: inspect export tasks {id} (task list); inspect export bundle {id} --out DIR (audit bundle); inspect export publication {id} --kind task (task notice)',
  },

  E_JSON_FORMAT: {
    zh: '--json 表示在屏幕上输出 JSON，不能与 --format {format} 同用。',
    en: '--json means JSON on stdout; it does not go with --format {format}.',
  },

  // --beacon specs
  E_BEACON_SPEC: { zh: '--beacon「{spec}」无效：{reason}', en: 'Invalid --beacon "{spec}": {reason}' },
  R_BEACON_FORMS: {
    zh: '可用形式：drand:轮次、drand@时间、ssq|dlt|kl8|fc3d|pl5:期号@日期、witness:名称@时间#位数（时间须带时区，如 2027-01-15T10:00+08:00）',
    en: 'use drand:ROUND, drand@TIME, ssq|dlt|kl8|fc3d|pl5:ISSUE@DATE or witness:LABEL@TIME#DIGITS (times with an offset, e.g. 2027-01-15T10:00+08:00)',
  },
  R_BEACON_ROUND: {
    zh: '轮次应为 1 至 1000000000 的整数（约至 2118 年）',
    en: 'the round must be a whole number from 1 to 1000000000 (until about 2118)',
  },
  R_BEACON_TIME: {
    zh: '时间应为带时区的 ISO 8601，如 2027-01-15T10:00+08:00',
    en: 'the time must be ISO 8601 with an offset, e.g. 2027-01-15T10:00+08:00',
  },
  R_BEACON_LABEL: {
    zh: '名称不能为空、不能含控制字符、不超过 100 字',
    en: 'the label must be 1–100 printable characters',
  },
  R_BEACON_ISSUE: { zh: '期号应为 3–10 位数字', en: 'the issue must be 3–10 digits' },
  R_BEACON_DATE: { zh: '开奖日期应为 YYYY-MM-DD', en: 'the draw date must be YYYY-MM-DD' },
  R_SOURCE_TIME_MISMATCH: {
    zh: '{source} 的公开时间与其定义不符',
    en: '{source}: its public time does not follow from its definition',
  },
  R_SOURCE_NOT_FUTURE: {
    zh: '{source} 的公开时间 {at} 不够晚：须晚于承诺时间至少 {minutes} 分钟，否则它可能在承诺前已经公开',
    en: '{source} becomes public at {at}, too early: it must be at least {minutes} minutes after the commitment, or it may already be known',
  },
  R_SOURCE_NOT_AFTER: {
    zh: '{source} 的公开时间 {at} 不晚于承诺时间：承诺时它可能已经公开',
    en: '{source} became public at {at}, not after the commitment: it may have been known when the commitment was made',
  },
  R_LOTTERY_NOT_LATER: {
    zh: '{source} 的开奖日期 {date} 须晚于承诺日期 {today}（北京时间）',
    en: '{source}: the draw date {date} must be after the commitment date {today} (China Standard Time)',
  },

  // revealed values
  R_DRAND_SIG_FORM: {
    zh: 'drand 签名应为 96 位十六进制数字（收到 {length} 位）',
    en: 'a drand signature is 96 hex digits (got {length})',
  },
  R_DRAND_SIG_POINT: {
    zh: '第 {round} 轮的签名不是有效的曲线点（数字被改动或截断）',
    en: 'the signature for round {round} is not a valid curve point (a digit changed or cut off)',
  },
  R_DRAND_SIG_BAD: {
    zh: '签名不是 drand quicknet 第 {round} 轮的签名（另一轮的签名或伪造）',
    en: "not the drand quicknet signature of round {round} (another round's, or forged)",
  },
  R_DRAND_JSON: {
    zh: 'drand 文件应为中继返回的 JSON：{"round":…,"randomness":"…","signature":"…"}',
    en: 'a drand file must be the JSON a relay returns: {"round":…,"randomness":"…","signature":"…"}',
  },
  R_DRAND_ROUND: {
    zh: 'JSON 中的轮次 {found} 不是承诺的第 {round} 轮',
    en: 'the JSON is for round {found}, the commitment names round {round}',
  },
  R_DRAND_RANDOMNESS: {
    zh: 'JSON 中的 randomness 与第 {round} 轮签名的 SHA-256 不符',
    en: "the JSON's randomness is not the SHA-256 of round {round}'s signature",
  },
  R_LOTTERY_GAME: { zh: '未知彩票玩法 {game}', en: 'unknown lottery game {game}' },
  R_LOTTERY_ZONES: {
    zh: '{game} 有 {expected} 个区（用 + 或 | 分隔），收到 {found} 个',
    en: '{game} has {expected} zones (separated by + or |), got {found}',
  },
  R_LOTTERY_NUMBER: {
    zh: '{game} 第 {zone} 区含有不是号码的内容',
    en: '{game} zone {zone}: something that is not a number',
  },
  R_LOTTERY_COUNT: {
    zh: '{game} 第 {zone} 区应有 {expected} 个号码，收到 {found} 个',
    en: '{game} zone {zone} has {expected} numbers, got {found}',
  },
  R_LOTTERY_RANGE: {
    zh: '{game} 第 {zone} 区号码 {value} 超出范围 {min}–{max}',
    en: '{game} zone {zone}: {value} is outside {min}–{max}',
  },
  R_LOTTERY_REPEAT: { zh: '{game} 第 {zone} 区有重复号码', en: '{game} zone {zone} repeats a number' },
  R_WITNESS_DIGITS: {
    zh: '现场摇号结果应为数字（可含空格），不超过 200 位',
    en: 'witnessed numbers are digits (spaces allowed), at most 200',
  },

  // verify
  V_NOT_JSON: { zh: '{file} 不是有效的 JSON：{detail}', en: '{file} is not JSON: {detail}' },
  V_DRAW_ID: {
    zh: 'frame.json 的抽取编号 {frame} 与 record.json 的 {record} 不同',
    en: 'frame drawId {frame} ≠ record drawId {record}',
  },
  V_FRAME_OK: { zh: '可抽取 {rows} 户，排除 {excluded} 户', en: '{rows} rows, {excluded} excluded' },
  V_ALLOCATION_OK: { zh: '共抽取 n = {n} 户', en: 'n = {n}' },
  V_SELECTED_OK: { zh: '抽中 {n} 户', en: '{n} selected' },
  V_TEAMS_OK: { zh: '{n} 个检查组', en: '{n} teams' },
  V_NO_MATCH_ROW: {
    zh: 'inspectors.json 中没有抽中对象 {id} 的行',
    en: 'inspectors.json has no row for selected object {id}',
  },
  V_MATCH_FAILS: { zh: '按此输入无法组成检查组：{ids}', en: 'matching fails on this input: {ids}' },

  // verify of a committed draw
  V_NOT_CANONICAL: { zh: '{file} 不是规范化 JSON', en: '{file} is not in canonical form' },
  V_COMMIT_KEYS: {
    zh: 'commitment.json 的字段不符合 inspect-commit/1：{keys}',
    en: 'commitment.json does not have exactly the keys of inspect-commit/1: {keys}',
  },
  V_DIGEST_DIFFERS: {
    zh: '{what}：重算为 {computed}，记录为 {recorded}',
    en: '{what}: computed {computed}, recorded {recorded}',
  },
  V_COMMIT_FIELD: {
    zh: '{field}：承诺为 {committed}，记录为 {recorded}',
    en: '{field}: committed {committed}, recorded {recorded}',
  },
  V_COMMITTED_AT: {
    zh: '承诺时间「{value}」不是带时区的时间',
    en: 'committedAt "{value}" is not a time with an offset',
  },
  V_NO_SOURCES: { zh: '承诺没有列出任何公共随机源', en: 'the commitment names no public random source' },
  V_BEACON_COUNT: {
    zh: '承诺了 {committed} 个随机源，beacons.json 揭示了 {revealed} 个',
    en: '{committed} sources committed, {revealed} revealed in beacons.json',
  },
  V_BEACON_SOURCE: {
    zh: '第 {index} 个随机源：承诺的是 {committed}，揭示的是 {revealed}',
    en: 'source {index}: {committed} was committed, {revealed} revealed',
  },
  V_BEACON_VALUE: {
    zh: '{source}：beacons.json 中的值与其证明不一致',
    en: '{source}: the value in beacons.json does not follow from its proof',
  },
  V_KEY_DIFFERS: {
    zh: '{what}：由揭示的值算得密钥串 {computed}，记录为 {recorded}',
    en: '{what}: the revealed values make the key {computed}, recorded {recorded}',
  },
  V_KEY_UNCHECKED: { zh: '随机源未通过核验，密钥串无从核对', en: 'not checked: a revealed value failed' },
  W_CLOCK_OVERRIDDEN: {
    zh: '该承诺是在 INSPECT_NOW 指定的时钟下做出的（演练或测试）。能证明承诺在先的是已发布的承诺公告，而不是操作电脑的时钟。',
    en: "This commitment was made under a clock set by INSPECT_NOW (a rehearsal or a test). What proves the commitment came first is the published notice, not the operator's clock.",
  },

  // commit, reveal
  E_COMMIT_NEEDS_BEACON: {
    zh: '--commit 需要至少一个 --beacon（公共随机源）。',
    en: '--commit needs at least one --beacon (a public random source).',
  },
  E_BEACON_NEEDS_COMMIT: { zh: '--beacon 只用于承诺抽取：请同时加 --commit。', en: '--beacon goes with --commit.' },
  E_COMMIT_SEED: {
    zh: '承诺抽取不接受 --seed：种子由公共随机源在承诺之后决定。',
    en: '--commit takes no --seed: the public sources decide the seed after the commitment.',
  },
  E_COMMIT_REQUIRED: {
    zh: '本单位要求承诺抽取（设置 commit.required 或策略 commit.required）：普通抽取已拒绝，请用 --commit --beacon …',
    en: 'Committed draws are required here (setting commit.required or policy commit.required): plain draws are refused; use --commit --beacon …',
  },
  E_SOURCE_NOT_FUTURE: { zh: '随机源不合格，未记录：{reason}', en: 'Source refused, nothing recorded: {reason}' },
  E_COMMIT_UNMATCHABLE: {
    zh: '{count} 个可抽取对象即使单独抽中也无法组成完整检查组（每组 {size} 人），不能承诺（否则揭示时可能无法完成）：',
    en: '{count} eligible objects could not get a full team ({size} inspectors) even alone, so nothing can be committed (the reveal could fail):',
  },
  E_FROZEN_ASSIGN_UNREADABLE: {
    zh: '承诺抽取 {id} 冻结的执法人员匹配输入无法读取（{detail}）：数据库可能被改动过，请运行 inspect audit。本次未记录任何抽取。',
    en: 'The frozen matching input of committed draw {id} cannot be read ({detail}): the database may have been changed; run inspect audit. No draw was recorded.',
  },
  E_FROZEN_CHANGED: {
    zh: '承诺抽取 {id} 保存的 {what} 与承诺不符（SHA-256 应为 {expected}，实为 {found}）：承诺之后数据库被改动过，不能揭示。请运行 inspect audit。本次未记录任何抽取，只记录了这次尝试。',
    en: 'The stored {what} of committed draw {id} is not what was committed (SHA-256 {expected} expected, {found} found): the database was changed after the commitment, so it cannot be revealed; run inspect audit. No draw was recorded, only this attempt.',
  },
  E_PENDING_COMMITMENT: {
    zh: '承诺抽取 {id}（检查类别 {categories}）尚未揭示：在它揭示或被作废之前，不能再抽取这些类别（其排除对象取决于尚未揭晓的结果）。',
    en: 'Committed draw {id} (categories {categories}) is not revealed yet: no other draw of those categories until it is revealed or superseded (its exclusions depend on a selection nobody knows yet).',
  },
  I_CONFIRM_COMMIT: {
    zh: '确认记录此承诺？（承诺一经记录不可撤销；随机源公开后用 inspect reveal 揭示）',
    en: 'Record this commitment? (it cannot be undone; reveal it with inspect reveal once the sources are public)',
  },
  I_COMMITTED: {
    zh: '承诺抽取 {id} 已记录。承诺摘要 commitDigest：{digest}',
    en: 'Committed draw {id} recorded. commitDigest: {digest}',
  },
  I_COMMIT_SOURCE: {
    zh: '  随机源 {index}：{source}，公开时间 {at}',
    en: '  source {index}: {source}, public at {at}',
  },
  I_COMMIT_NEXT: {
    zh: '下一步：inspect export publication {id} --kind commitment 生成承诺公告，在随机源公开前发布；公开后运行 inspect reveal {id}。',
    en: 'Next: inspect export publication {id} --kind commitment writes the notice; publish it before the sources are public, then run inspect reveal {id}.',
  },
  E_NOT_COMMITTED: {
    zh: '{id} 不是承诺抽取（没有待揭示的承诺）。',
    en: '{id} is not a committed draw (no commitment to reveal).',
  },
  E_ALREADY_REVEALED: {
    zh: '承诺抽取 {id} 已于 {at} 揭示，不能再次揭示。',
    en: 'Committed draw {id} was already revealed at {at}; it cannot be revealed again.',
  },
  E_COMMITMENT_VOIDED: {
    zh: '承诺抽取 {id} 已被 {by} 作废，不能揭示。',
    en: 'Committed draw {id} was superseded by {by}; it cannot be revealed.',
  },
  E_REVEAL_COUNT: {
    zh: '承诺有 {expected} 个随机源，收到 {found} 个 --value（按承诺顺序各给一个）。',
    en: 'The commitment has {expected} sources, got {found} --value (one per source, in committed order).',
  },
  E_REVEAL_EARLY: {
    zh: '{source} 要到 {at} 才公开（现在是 {now}）：不能提前揭示。此次尝试已记入日志。',
    en: '{source} becomes public at {at} (now {now}): it cannot be revealed early. This attempt was logged.',
  },
  E_REVEAL_INVALID: {
    zh: '随机源 {index}（{source}）的值被拒绝：{reason}。未记录抽取，此次尝试已记入日志。',
    en: 'The value for source {index} ({source}) was refused: {reason}. Nothing was recorded; the attempt was logged.',
  },
  I_ASK_VALUE: { zh: '{source} 的公开值', en: 'Public value of {source}' },
  I_REVEALED: {
    zh: '承诺抽取 {id} 已揭示并记录：抽中 {n} 户；密钥串（种子）{seed}',
    en: 'Committed draw {id} revealed and recorded: {n} objects selected; key string (seed) {seed}',
  },
  E_NOT_REVEALED: {
    zh: '承诺抽取 {id} 尚未揭示：揭示之后才有抽取结果（inspect reveal {id}）。',
    en: 'Committed draw {id} is not revealed yet: there is no selection until it is (inspect reveal {id}).',
  },
  E_NOT_COMMITTED_ID: {
    zh: '{id} 不是承诺抽取，没有承诺公告（用 inspect draws 查看）。',
    en: '{id} is not a committed draw: there is no commitment notice (see inspect draws).',
  },
  I_SOURCE_NOT_PUBLIC: {
    zh: '随机源 {source} 尚未公开：公开时间 {at}（北京时间）。',
    en: 'Source {source} is not public yet: it will be at {at} (China Standard Time).',
  },
  E_REVEAL_NOT_YET: {
    zh: '{id} 还不能揭示：{count} 个随机源尚未公开（见下）。到时再运行 inspect reveal {id}。未做任何记录。',
    en: '{id} cannot be revealed yet: {count} source(s) are not public (below). Run inspect reveal {id} then. Nothing was recorded.',
  },
  E_RELAYS_FAILED: {
    zh: '没有一个 drand 中继给出第 {round} 轮的有效值（试了 {count} 个）：请检查网络，或从其他电脑取得 round.json 后用 --value @round.json 揭示。未做任何记录。',
    en: 'No drand relay gave a valid value for round {round} ({count} tried): check the network, or fetch round.json elsewhere and reveal with --value @round.json. Nothing was recorded.',
  },
  T_RELAY_FAILURE: { zh: '{relay}：{reason}', en: '{relay}: {reason}' },
  I_FETCHED_ROUND: {
    zh: '已从 {relay} 取得 drand 第 {round} 轮，并已用固定公钥离线核验。',
    en: 'Fetched drand round {round} from {relay}, checked offline against the pinned key.',
  },
} as const satisfies Catalogue;
