// Messages of the binding rules (commit-spec §7): voiding, the office's settings, practice databases,
// the clock, and why an object was or was not drawn. Merged into the one catalogue.
import type { Catalogue } from './messageTypes.js';
export const bindingMessages = {
  // voiding
  E_SUPERSEDE_PUBLIC: {
    zh: '不能作废承诺抽取 {id}：其随机源（{sources}）已经公开，结果已定，只能揭示（inspect reveal {id}）。此次尝试已记入日志。',
    en: 'Committed draw {id} cannot be voided: its source ({sources}) is already public, so the outcome is fixed and it can only be revealed (inspect reveal {id}). This attempt is logged.',
  },
  E_SUPERSEDE_DRAND_ONLY: {
    zh: '不能以“随机源未开出”为由作废 {id}：已公开的随机源（{sources}）是 drand，其轮次随时可取，只能揭示。此次尝试已记入日志。',
    en: 'Committed draw {id} cannot be voided as "source unavailable": its public source ({sources}) is drand, whose rounds stay available, so it can only be revealed. This attempt is logged.',
  },
  E_SUPERSEDE_COMMIT_PLAIN: {
    zh: '普通抽取（--seed）不能作废承诺抽取 {id}：请用新的承诺抽取（--commit --beacon …）作废它。此次尝试已记入日志。',
    en: 'A plain (seeded) draw cannot void committed draw {id}: void it with a new committed draw (--commit --beacon …). This attempt is logged.',
  },
  E_SUPERSEDE_REVEALED_PLAIN: {
    zh: '{id} 是由承诺揭示得出的抽取，只能由新的承诺抽取（--commit --beacon …）作废，普通抽取不能。此次尝试已记入日志。',
    en: '{id} was revealed from a commitment: only a new committed draw (--commit --beacon …) can void it, never a plain one. This attempt is logged.',
  },
  E_SOURCE_UNAVAILABLE_NOT_PENDING: {
    zh: '--source-unavailable 只用于作废尚未揭示的承诺抽取（其彩票或见证随机源未开出）。',
    en: '--source-unavailable is only for voiding a pending commitment whose lottery or witness source did not happen.',
  },
  E_SOURCE_UNAVAILABLE_EARLY: {
    zh: '{id} 的随机源都还未到公开时间：现在作废无需 --source-unavailable（说明理由即可）。',
    en: 'No source of {id} is due yet: voiding it now needs no --source-unavailable (a reason is enough).',
  },
  E_SOURCE_UNAVAILABLE_ALONE: {
    zh: '--source-unavailable 需与 --supersede 抽取编号 --reason 理由 一起使用。',
    en: '--source-unavailable goes with --supersede DRAW_ID --reason TEXT.',
  },
  H_SOURCE_UNAVAILABLE: {
    zh: '所作废承诺的彩票或见证随机源未开出（停售、仪式取消）：新抽取须为承诺抽取，且永久列示',
    en: "the voided commitment's lottery or witness source did not take place; the new draw must be committed; listed for ever",
  },
  L_SUPERSEDE_REFUSED: {
    zh: '拒绝作废 {id}（理由：{reason}）：{why}',
    en: 'refused to supersede {id} (reason: {reason}): {why}',
  },
  L_SUPERSEDES_UNAVAILABLE: {
    zh: '；作废 {id}（随机源未开出），原因：{reason}',
    en: '; supersedes {id} (source did not take place): {reason}',
  },
  T_VOIDED_AFTER_PUBLIC: {
    zh: '随机源公开后作废（声称随机源未开出）',
    en: 'voided after a source was due (source said not to have taken place)',
  },
  T_REVEALED_VOIDED: { zh: '已揭示的承诺抽取被作废', en: 'a revealed committed draw was voided' },
  A_VOIDED_AFTER_PUBLIC: {
    zh: '{id} 在其随机源（{sources}）公开时间之后被 {by} 作废（理由：{reason}）：请核实这些彩票期号或见证仪式确实没有开出',
    en: '{id} was voided by {by} after its sources ({sources}) were due (reason: {reason}): check that these lottery issues or ceremonies really did not take place',
  },
  A_REVEALED_DRAW_VOIDED: {
    zh: '由承诺揭示得出的抽取 {id} 已被 {by} 作废（理由：{reason}）',
    en: 'draw {id}, revealed from a commitment, was voided by {by} (reason: {reason})',
  },
  A_SUPERSEDE_BROKE_RULES: {
    zh: '{by} 作废了 {id}，违反约束规则：{why}',
    en: '{by} voided {id} against the binding rules: {why}',
  },
  N_VOIDED: {
    zh: '作废 {id}（{kind}；其随机源：{sources}；理由：{reason}）',
    en: 'voids {id} ({kind}; its sources: {sources}; reason: {reason})',
  },
  N_VOIDED_KIND_PENDING: { zh: '未揭示的承诺', en: 'a pending commitment' },
  N_VOIDED_KIND_UNAVAILABLE: { zh: '随机源未开出的承诺', en: 'a commitment whose source did not take place' },
  N_VOIDED_KIND_REVEALED: { zh: '已揭示的承诺抽取', en: 'a revealed committed draw' },
  N_VOIDED_KIND_PLAIN: { zh: '普通抽取', en: 'a plain draw' },

  T_POLICY_DIGEST: { zh: '所用策略摘要 policyDigest', en: 'policy digest (policyDigest)' },

  // sources that cannot be faked quietly
  R_LOTTERY_NOT_DRAW_DAY: {
    zh: '{source} 不是开奖日：该游戏只在{days}开奖',
    en: '{source} is not a draw day: that game is drawn on {days} only',
  },
  R_DRAW_DAYS_ssq: { zh: '每周二、四、日', en: 'Tuesdays, Thursdays and Sundays' },
  R_DRAW_DAYS_dlt: { zh: '每周一、三、六', en: 'Mondays, Wednesdays and Saturdays' },
  R_DRAW_DAYS_kl8: { zh: '每天', en: 'every day' },
  R_DRAW_DAYS_fc3d: { zh: '每天', en: 'every day' },
  R_DRAW_DAYS_pl5: { zh: '每天', en: 'every day' },
  R_LOTTERY_ISSUE_YEAR: {
    zh: '{source} 的期号应以开奖日期的年份 {year} 开头',
    en: "{source}: the issue number must start with the draw date's year {year}",
  },
  R_WITNESS_COUNT: {
    zh: '见证随机源须声明位数：witness:名称@时间#位数（1–200），如 witness:公证处摇号@2027-01-15T10:30+08:00#6',
    en: 'a witness source declares its digit count: witness:LABEL@TIME#N (1–200), e.g. witness:notary@2027-01-15T10:30+08:00#6',
  },
  R_WITNESS_DIGIT_COUNT: {
    zh: '承诺时声明为 {expected} 位数字，实际给出 {found} 位（前导 0 也算一位）',
    en: 'the commitment declared {expected} digits; {found} were given (leading zeros count)',
  },
  V_BEACONS_KEYS: {
    zh: 'beacons.json 的字段应恰为 {expected}，实际为 {found}',
    en: 'beacons.json must have exactly the keys {expected}; found {found}',
  },
  V_BEACONS_FIELD: {
    zh: 'beacons.json 的 {field} 为 {found}，应为 {expected}',
    en: 'beacons.json {field} is {found}, expected {expected}',
  },
  V_SOURCE_KEYS: {
    zh: '承诺的第 {index} 个随机源字段不符：{found}',
    en: 'committed source {index} has unexpected keys: {found}',
  },
  V_CHAIN_HASH: {
    zh: '承诺的第 {index} 个随机源（drand）的链哈希 {found} 不是 quicknet 的 {expected}',
    en: 'committed source {index} (drand) names chain {found}, not quicknet {expected}',
  },
  W_NOTICE_LATE: {
    zh: '承诺抽取 {id} 的承诺公告未在第一个随机源公开（{at}）之前导出：公众无从证明承诺在先。',
    en: 'No commitment notice of {id} was exported before its first source became public ({at}): the public cannot tell the commitment came first.',
  },
  A_NOTICE_LATE: {
    zh: '{id}：第一个随机源公开时间 {at} 之前没有导出承诺公告{exported}',
    en: '{id}: no commitment notice was exported before its first source became public at {at}{exported}',
  },
  A_NOTICE_FIRST_AT: { zh: '（首次导出于 {at}）', en: ' (first exported {at})' },
  A_NOTICE_NEVER: { zh: '（从未导出）', en: ' (never exported)' },
  A_ROSTER_FLIP: {
    zh: '{creditCode} 在抽取 {drawId} 前被移出抽查范围（{field}，{outAt}），抽取后又移回（{backAt}）',
    en: '{creditCode} was taken out of scope before draw {drawId} ({field}, {outAt}) and brought back after it ({backAt})',
  },
  T_TRUST_HEAD: { zh: '须向公众说明的事项：', en: 'To be told to the public:' },

  // what a frame must mean (docs/algorithm.md §1, §4)
  V_RULE: { zh: '规则 {rule}：{detail}', en: 'rule {rule}: {detail}' },
  V_RULE_COUNT_TYPE: {
    zh: 'scopeCount（{scope}）与 coveredCount（{covered}）应为非负整数',
    en: 'scopeCount ({scope}) and coveredCount ({covered}) must be non-negative integers',
  },
  V_RULE_COUNTS: {
    zh: '抽取框 {rows} 户 + 排除 {excluded} 户 ≠ 范围 scopeCount {scope} 户',
    en: '{rows} frame rows + {excluded} excluded ≠ scopeCount {scope}',
  },
  V_RULE_COVERED: {
    zh: 'coveredCount {covered} 大于 scopeCount {scope}',
    en: 'coveredCount {covered} exceeds scopeCount {scope}',
  },
  V_RULE_EXCLUDED_ROW: { zh: 'excluded 第 {row} 行应为 [编号, 原因]', en: 'excluded row {row} must be [id, reason]' },
  V_RULE_EXCLUDED_ORDER: {
    zh: 'excluded 第 {row} 行（{id}）未按编号升序排列或重复',
    en: 'excluded row {row} ({id}) is out of id order or repeated',
  },
  V_RULE_REASON: {
    zh: '{id} 的排除原因 {reason} 不是公开的原因代码',
    en: '{id}: {reason} is not a published reason code',
  },
  V_RULE_ID_BOTH: { zh: '{id} 既在抽取框中又在排除名单中', en: '{id} is both in the frame and excluded' },
  V_RULE_STRATUM: { zh: '分层 {stratum} 不是公开的分层', en: 'stratum {stratum} is not one of the published strata' },
  V_RULE_RATIO_KEY: {
    zh: '策略比例中的分层 {stratum} 不是公开的分层',
    en: 'policy ratio for {stratum}, not a published stratum',
  },
  V_RULE_RATIO: {
    zh: '分层 {stratum} 的比例 {value} 不在 0–10000 基点（0–100%）之间',
    en: 'ratio of {stratum} is {value}, not 0–10000 basis points (0–100 %)',
  },
  V_RULE_FLOOR: {
    zh: '覆盖下限 floorBp {value} 不在 0–10000 基点之间',
    en: 'floorBp {value} is not 0–10000 basis points',
  },
  V_RULE_KEY: {
    zh: '重点监管分层 KEY 有对象，但其比例为 {value} 而不是 10000（全覆盖）',
    en: 'stratum KEY has objects but its ratio is {value}, not 10000 (full coverage)',
  },
  V_RULE_N: {
    zh: '分层 {stratum} 抽取数 n={n} 不在 0 与 N={N} 之间',
    en: 'stratum {stratum}: n={n} is not between 0 and N={N}',
  },

  A_UNREADABLE_ROW: {
    zh: '此行有无法读取的值，其余检查无法进行：{detail}',
    en: 'a value of this row cannot be read, so its other checks cannot run: {detail}',
  },
  A_CELL_NOT_JSON: { zh: '列 {col} 不是有效的 JSON：{value}', en: 'column {col} is not valid JSON: {value}' },

  // files the tool writes
  E_OUT_IS_DB: {
    zh: '输出文件 {file} 就是数据库（或其 -wal/-shm/-journal 文件）：拒绝覆盖，即使有 --force。请换一个输出文件名。',
    en: '{file} is the database (or its -wal/-shm/-journal file): not overwritten, even with --force. Choose another output name.',
  },
  E_OUT_IS_INPUT: {
    zh: '输出文件 {file} 是本命令正在读取的文件：拒绝覆盖，即使有 --force。',
    en: '{file} is a file this command reads: not overwritten, even with --force.',
  },
  E_OUT_SYMLINK: {
    zh: '输出 {file} 是符号链接：不写入（写入会替换链接本身而不是它指向的文件）。请给出实际路径。',
    en: '{file} is a symbolic link: not written (the write would replace the link, not its target). Give the real path.',
  },
  E_OUT_NOT_FILE: {
    zh: '输出 {file} 是{what}，不是普通文件：不写入。',
    en: '{file} is {what}, not a regular file: not written.',
  },
  E_OUT_NO_FOLDER: { zh: '无法写入 {file}：所在文件夹不存在。', en: 'Cannot write {file}: its folder does not exist.' },
  E_BUNDLE_FOLDER_NOT_EMPTY: {
    zh: '文件夹 {dir} 里有复核包以外的文件：不写入（只替换以前导出的复核包）。请换一个空文件夹。',
    en: '{dir} holds files that are not a bundle: not written (only an earlier bundle is replaced). Choose an empty folder.',
  },
  E_FILE_WRITE: { zh: '无法写入文件 {file}：{detail}', en: 'Cannot write file {file}: {detail}' },

  // files the tool reads
  E_NOT_REGULAR_FILE: {
    zh: '{file} 是{what}，不是普通文件：未读取。',
    en: '{file} is {what}, not a regular file: not read.',
  },
  T_A_FOLDER: { zh: '文件夹', en: 'a folder' },
  T_A_FIFO: { zh: '命名管道（FIFO）', en: 'a FIFO' },
  T_A_DEVICE: { zh: '设备或特殊文件', en: 'a device or special file' },
  E_FILE_TOO_LARGE: {
    zh: '{file} 超过此类文件的大小上限 {limit}：未读取。',
    en: '{file} is larger than the {limit} allowed for it: not read.',
  },
  E_JSON_TOO_DEEP: {
    zh: '{file} 的 JSON 嵌套超过 {depth} 层：不是本工具写出的文件，未读取。',
    en: '{file} nests JSON more than {depth} levels deep: not a file this tool writes; not read.',
  },
  V_BOM: {
    zh: '{file} 以字节顺序标记（BOM）开头：复核包文件是不带 BOM 的 UTF-8',
    en: '{file} starts with a byte-order mark: bundle files are UTF-8 without one',
  },

  // the notice against the bundle
  T_CHECK_notice: { zh: '与公告核对', en: 'notice' },
  V_NOTICE_DIFFERS: {
    zh: '公告的 {field} 为 {notice}，复核包为 {bundle}',
    en: 'the notice says {field} {notice}; the bundle has {bundle}',
  },
  V_NOTICE_NO_DIGEST: {
    zh: '公告中没有抽取记录摘要（recordDigest）或承诺摘要（commitDigest），无从证明复核包就是所公示的抽取',
    en: 'the notice states neither recordDigest nor commitDigest: nothing binds the bundle to what was published',
  },
  V_NOTICE_OK: { zh: '与公告一致：{fields}', en: 'agrees with the notice: {fields}' },
  T_RECORD_DIGEST: {
    zh: '  抽取记录摘要 recordDigest（SHA-256(record.json)，请与抽查任务公告核对）：{digest}',
    en: '  record digest (SHA-256 of record.json; compare with the task notice): {digest}',
  },
  T_UNPROVABLE_WHY: { zh: '    {field}：{why}', en: '    {field}: {why}' },
  U_BY_NOTICE: {
    zh: '请把上面的 recordDigest 与抽查任务公告核对（或用 --notice 公告文件），一致即证明此字段',
    en: 'compare the recordDigest above with the task notice (or give --notice FILE): a match proves it',
  },
  U_NO_SELECTION: {
    zh: '只记录作废关系，不影响本次抽取的对象和检查组；其一致性由 recordDigest 与公告证明',
    en: 'bookkeeping of what this draw voids; it decides nothing of this selection; recordDigest and the notice prove it',
  },
  U_SNAPSHOT: {
    zh: '名录快照留在单位数据库中（inspect audit 核对抽取框由它得出）；抽取只取决于已核验的 frame.json',
    en: 'the roster snapshot stays in the office database (inspect audit checks the frame follows from it); the selection depends only on the checked frame.json',
  },
  U_SOFTWARE: {
    zh: '只说明由哪个版本产生，不影响结果：结果已按公开算法重算一致',
    en: 'says which version made it; the result was recomputed by the published algorithm and matches',
  },
  E_NOTICE_FORMAT: {
    zh: '无法读取公告文件 {file}：应为本工具导出的 CSV、xlsx 或 JSON 公告（{detail}）',
    en: 'Cannot read the notice {file}: a CSV, xlsx or JSON notice exported by this tool is expected ({detail})',
  },
  H_VERIFY_NOTICE: {
    zh: '与公示的公告（CSV、xlsx 或 JSON）核对抽取记录摘要等',
    en: 'compare the record digest and other figures with the published notice (CSV, xlsx or JSON)',
  },

  // RFC 3161 timestamps
  H_TIMESTAMP: {
    zh: '可信时间戳（RFC 3161）：请求、添加、信任的时间戳机构根证书',
    en: 'trusted timestamps (RFC 3161): requests, tokens, trusted TSA roots',
  },
  H_TS_REQUEST: {
    zh: '为承诺（抽取编号）或日志链头（--head）生成时间戳请求 .tsq',
    en: 'a time-stamp request (.tsq) for a commitment (DRAW_ID) or the chain head (--head)',
  },
  H_TS_ADD: {
    zh: '添加时间戳机构返回的 .tsr（离线核验后保存）',
    en: "add a TSA's response (.tsr), checked offline, then kept",
  },
  H_TS_FETCH: {
    zh: '联网办公：请求、发送到时间戳机构并添加，一步完成',
    en: 'online offices: request, send to the TSA and add, in one step',
  },
  H_TS_TRUST: { zh: '列出本单位信任的时间戳机构根证书', en: 'list the TSA roots the office trusts' },
  H_TS_TRUST_ADD: { zh: '信任一个时间戳机构根证书（PEM，记入日志）', en: 'trust a TSA root certificate (PEM; logged)' },
  H_TS_HEAD: { zh: '对当前日志链头申请时间戳', en: 'time-stamp the current chain head' },
  H_TS_OUT: { zh: '请求文件 .tsq', en: 'the request file (.tsq)' },
  H_TS_TSA: { zh: '时间戳机构地址（http 或 https）', en: 'the TSA address (http or https)' },
  H_TS_TIMEOUT: { zh: '等待时间戳机构的秒数（默认 30）', en: 'seconds to wait for the TSA (default 30)' },
  H_TS_NAME: { zh: '名称（默认证书主题）', en: "a name (default the certificate's subject)" },
  E_TS_TARGET: {
    zh: '请给出承诺抽取的编号，或用 --head 对日志链头申请（二选一）。',
    en: 'Give a committed draw id, or --head for the chain head (one of the two).',
  },
  E_TS_EMPTY_LOG: { zh: '日志为空，没有链头可申请时间戳。', en: 'The log is empty: no head to time-stamp.' },
  E_TS_NOT_PENDING: {
    zh: '{id} 不是尚未揭示的承诺：揭示之后的时间戳无法证明承诺在先。',
    en: '{id} is not a pending commitment: a token after the reveal cannot show the commitment came first.',
  },
  E_TS_REFUSED: {
    zh: '时间戳 {file} 未被接受（只记录了这次尝试）：{why}',
    en: 'Timestamp {file} refused (only the attempt is logged): {why}',
  },
  E_TS_NO_PEM: { zh: '{file} 中没有 PEM 格式的证书。', en: '{file} holds no PEM certificate.' },
  E_TS_TSA_URL: {
    zh: '--tsa 应为 http:// 或 https:// 地址（得到「{url}」）。',
    en: '--tsa must be an http:// or https:// address (got "{url}").',
  },
  E_TS_UNREACHABLE: {
    zh: '无法从时间戳机构 {url} 取得时间戳（{seconds} 秒内无应答或出错：{detail}）。请求已记录；可离线办理：inspect timestamp request … --out 请求.tsq，再用 inspect timestamp add 添加。',
    en: 'No timestamp from the TSA at {url} ({detail}; waited up to {seconds} s). The request is logged; offline: inspect timestamp request … --out req.tsq, then inspect timestamp add.',
  },
  E_TS_REQUIRED: {
    zh: '本单位要求承诺须有可信时间戳（commit.timestamp = required），而 {id} 还没有有效的时间戳：先 inspect timestamp request {id} --out 请求.tsq，再 inspect timestamp add 应答.tsr。',
    en: 'Committed draws need a trusted timestamp here (commit.timestamp = required) and {id} has none yet: inspect timestamp request {id} --out req.tsq, then inspect timestamp add resp.tsr.',
  },
  R_TS_NOT_DER: { zh: '不是 DER 编码的时间戳应答或令牌', en: 'not a DER time-stamp response or token' },
  R_TS_NOT_TOKEN: { zh: '不含时间戳令牌（CMS SignedData）', en: 'holds no time-stamp token (CMS SignedData)' },
  R_TS_STATUS: {
    zh: '时间戳机构未授予（状态 {status}：{text}）',
    en: 'the TSA did not grant it (status {status}: {text})',
  },
  R_TS_NOT_TSTINFO: { zh: '签名内容不是 TSTInfo', en: 'the signed content is not a TSTInfo' },
  R_TS_MALFORMED: { zh: '令牌结构有误：{detail}', en: 'malformed token: {detail}' },
  R_TS_IMPRINT_ALG: { zh: '摘要算法 {alg} 不是 SHA-256', en: 'imprint algorithm {alg} is not SHA-256' },
  R_TS_IMPRINT: { zh: '令牌的摘要 {found} 不是所申请的 {expected}', en: 'the token stamps {found}, not {expected}' },
  R_TS_NONCE: {
    zh: '令牌的随机数 {found} 不是请求中的 {expected}',
    en: 'the token nonce {found} is not the request nonce {expected}',
  },
  R_TS_SIGNERS: { zh: '令牌应恰有一个签名者（实有 {count} 个）', en: 'a token has exactly one signer ({count} found)' },
  R_TS_NO_SIGNER: {
    zh: '令牌中没有签名者证书（请求时应 certReq）',
    en: "the signer's certificate is not in the token (certReq)",
  },
  R_TS_SM2: {
    zh: '{tsa} 使用 SM2 签名：本工具没有可靠维护的库能离线核验 SM2，不予接受',
    en: '{tsa} signs with SM2: no well-kept library verifies SM2 here, so it is not accepted',
  },
  R_TS_ALGORITHM: { zh: '不支持的签名或摘要算法 {alg}', en: 'unsupported signature or digest algorithm {alg}' },
  R_TS_ATTRS: { zh: '签名属性缺少内容类型或消息摘要', en: 'the signed attributes lack content type or message digest' },
  R_TS_SIGNATURE: {
    zh: '{tsa} 的签名不成立（令牌被改动或不是该机构签发）',
    en: 'the signature of {tsa} does not hold (the token was changed, or not signed by it)',
  },
  R_TS_EKU: {
    zh: '签名证书 {tsa} 没有关键的 id-kp-timeStamping 扩展密钥用途，不是时间戳机构证书',
    en: '{tsa} lacks the critical id-kp-timeStamping extended key usage: not a TSA certificate',
  },
  R_TS_CERT_TIME: {
    zh: '签名证书 {tsa} 的有效期 {from} 至 {to} 不含时间戳时间 {at}',
    en: "{tsa}'s certificate is valid {from} to {to}, not at {at}",
  },
  R_TS_UNTRUSTED: {
    zh: '{tsa} 不能追溯到本单位信任的时间戳机构根证书（{detail}）；先 inspect timestamp trust add 根证书.pem',
    en: '{tsa} does not chain to a TSA root the office trusts ({detail}); inspect timestamp trust add ROOT.pem first',
  },
  R_TS_ROOT_UNREADABLE: { zh: '根证书无法读取：{detail}', en: 'a root certificate cannot be read: {detail}' },
  R_TS_NO_ROOTS: { zh: '没有信任的时间戳机构根证书', en: 'no trusted TSA root' },
  R_TS_NO_REQUEST: {
    zh: '没有与之对应的待办请求（摘要 {imprint}）：请先用 inspect timestamp request 生成请求',
    en: 'it answers no pending request (imprint {imprint}): make one with inspect timestamp request first',
  },
  R_TS_TOO_LATE: {
    zh: '时间戳时间 {genTime}（加上精度）不早于 {id} 的随机源公开时间：不能证明承诺在先',
    en: 'genTime {genTime} (plus its accuracy) is not before the sources of {id}: it proves nothing',
  },
  I_TS_REQUEST: {
    zh: '已写出时间戳请求 {file}（SHA-256 {sha}），对象：{kind} {target}',
    en: 'Wrote the time-stamp request {file} (SHA-256 {sha}) for {kind} {target}',
  },
  I_TS_HOW: {
    zh: "发送给时间戳机构（与 openssl ts -query 生成的请求相同格式）：\n  curl --data-binary @{file} -H 'Content-Type: application/timestamp-query' 时间戳机构地址 -o {tsr}\n然后：inspect timestamp add {tsr}",
    en: "Send it to a TSA (the same format openssl ts -query writes):\n  curl --data-binary @{file} -H 'Content-Type: application/timestamp-query' TSA_URL -o {tsr}\nthen: inspect timestamp add {tsr}",
  },
  I_TS_DEADLINE: {
    zh: '须在第一个随机源公开（{at}）之前取得时间戳，否则它不能证明承诺在先。',
    en: 'Get the token before the first source is public ({at}), or it proves nothing.',
  },
  I_TS_ADDED: {
    zh: '已添加时间戳：{kind} {target} 于 {genTime} 之前已存在（时间戳机构：{tsa}）',
    en: 'Timestamp added: {kind} {target} existed by {genTime} (TSA: {tsa})',
  },
  I_TS_TRUSTED: {
    zh: '已信任时间戳机构根证书 {subject}（SHA-256 {sha}）',
    en: 'Trusted TSA root {subject} (SHA-256 {sha})',
  },
  T_TS_NO_ROOTS: { zh: '尚未信任任何时间戳机构根证书。', en: 'No TSA root trusted yet.' },
  L_TSA_TRUST: {
    zh: '信任时间戳机构根证书 {name}（{subject}，SHA-256 {sha256}）',
    en: 'trusted TSA root {name} ({subject}, SHA-256 {sha256})',
  },
  L_TS_REQUEST: {
    zh: '时间戳请求：{kind} {target}，摘要 {imprint}，随机数 {nonce}',
    en: 'time-stamp request: {kind} {target}, imprint {imprint}, nonce {nonce}',
  },
  L_TS_ADD: {
    zh: '时间戳：{kind} {target} 于 {genTime} 前已存在（{tsa}）',
    en: 'timestamp: {kind} {target} existed by {genTime} ({tsa})',
  },
  L_TS_REFUSED: { zh: '拒绝时间戳 {file}：{why}', en: 'refused timestamp {file}: {why}' },

  T_AWAITING_TIMESTAMP: {
    zh: '⚠ 尚无可信时间戳（commit.timestamp = required）：揭示会被拒绝',
    en: '⚠ no trusted timestamp yet (commit.timestamp = required): the reveal will be refused',
  },

  V_TIMESTAMP_OK: {
    zh: '承诺于 TSA 时间 {genTime} 之前已存在（时间戳机构：{tsa}），早于随机源公开时间 {first}',
    en: 'the commitment existed by TSA time {genTime} (TSA: {tsa}), before its sources became public ({first})',
  },
  W_NO_TIMESTAMP: {
    zh: '此承诺没有可信时间戳，“承诺在先”只依据操作电脑的时钟和公告的发布日期。',
    en: "This commitment has no trusted timestamp: that it came first rests on the operator's clock and the notice's publication date.",
  },
  T_CHECK_timestamp: { zh: '可信时间戳', en: 'timestamp' },
  H_VERIFY_TRUST: {
    zh: '用审核人自带的时间戳机构根证书（PEM）核验，而不用复核包中的',
    en: "check the timestamp against TSA roots the auditor brings (PEM) instead of the bundle's own",
  },

  A_ROW_UNLOGGED: { zh: '{table} 第 {seq} 行没有对应的日志条目', en: '{table} row {seq} has no log entry' },
  T_SECTION_timestamps: { zh: '可信时间戳', en: 'timestamps' },
  T_ANCHORED_HEAD: {
    zh: '时间戳锚定的最新链头：第 {seq} 条 {hash}（{genTime} 之前已存在，时间戳机构：{tsa}）',
    en: 'latest head anchored by a timestamp: entry {seq} {hash} (existed by {genTime}, TSA: {tsa})',
  },
  A_TS_NO_REQUEST: { zh: '时间戳记录 {seq} 没有对应的请求', en: 'token {seq} answers no stored request' },
  A_TS_INVALID: { zh: '时间戳记录 {seq} 核验不通过：{why}', en: 'token {seq} does not verify: {why}' },
  A_TS_COLUMNS: {
    zh: '时间戳记录 {seq} 保存的时间或机构与令牌不符',
    en: 'token {seq}: stored time or TSA differs from the token',
  },
  A_TS_TARGET: {
    zh: '时间戳记录 {seq} 所盖的摘要不是承诺 {target} 的承诺摘要',
    en: 'token {seq} does not stamp the digest of commitment {target}',
  },
  A_TS_TOO_LATE: {
    zh: '时间戳记录 {seq}（{genTime}）不早于承诺 {target} 的随机源',
    en: 'token {seq} ({genTime}) is not before the sources of {target}',
  },
  A_ANCHOR_BROKEN: {
    zh: '时间戳记录 {seq} 锚定的链头 {head} 与日志不符：该条目或之前的条目被改写过（即使整条链重新计算过）',
    en: 'token {seq} anchors head {head}, which the log no longer has: an entry at or before it was rewritten (even if the chain was recomputed)',
  },

  W_RESULT_PAST_DEADLINE: {
    zh: '第 {row} 行（{id}）的结果录入时已过公示期限 {deadline}：请今天公示，它会被列为逾期公示。',
    en: 'row {row} ({id}): its publication deadline {deadline} has already passed; publish it today (it will be listed as published late).',
  },
  T_PROVISIONAL_DEADLINE: { zh: '{date}（暂定）', en: '{date} (provisional)' },
  H_CALENDAR: {
    zh: '日历覆盖的年份及来源（公示期限按工作日计算）',
    en: 'the years the calendar covers and where each comes from',
  },
  T_CALENDAR_YEAR: { zh: '{year} 年：{source}', en: '{year}: {source}' },
  T_CALENDAR_PACKAGE: {
    zh: '国务院放假安排（chinese-days {version}）',
    en: "the State Council's arrangement (chinese-days {version})",
  },
  T_CALENDAR_FILE: { zh: '日历文件 {file} 声明的全年安排', en: 'the whole year declared in {file}' },
  T_CALENDAR_NOT_COVERED: {
    zh: '{year} 年：尚未录入，期限按普通周末暂定。国务院公布后，在日历文件中加一行“{year},全年”并列出该年的放假日和调休上班日。',
    en: '{year}: not in the calendar; deadlines are provisional (plain weekends). Once published, add a row "{year},全年" and the year\'s days off and make-up workdays to a calendar file.',
  },
  E_CALENDAR_YEAR: {
    zh: '{file} 第 {row} 行声明全年的年份 {value} 无效（应为四位年份）',
    en: '{file} row {row}: {value} is not a year to declare (four digits)',
  },

  R_LOGGED_TEXT: {
    zh: '应为 1–{max} 个可打印字符（不含换行、控制字符和文字方向控制符）',
    en: '1 to {max} printable characters (no newline, control or text-direction characters)',
  },
  E_YEAR_RANGE: {
    zh: '抽取年度 {year} 不在 2000–2099 之间：未记录。',
    en: 'Plan year {year} is not within 2000–2099: nothing recorded.',
  },
  E_WINDOW_YEAR: {
    zh: '检查时间 {start} 至 {end} 不在抽取年度 {year} 之内：未记录。',
    en: 'The window {start}..{end} is not within the plan year {year}: nothing recorded.',
  },
  R_TASK_OTHER_FIRM: {
    zh: '任务编号 {task} 属于 {expected}，不是本行的 {found}',
    en: 'task number {task} belongs to {expected}, not to {found} on this row',
  },

  R_TOO_LONG: { zh: '过长（{found} 个字符，最多 {max} 个）', en: 'too long ({found} characters; at most {max})' },
  R_BIDI: {
    zh: '含有文字方向控制符（如 U+202E），会让名称在屏幕和公告上倒着显示',
    en: 'holds a text-direction control (such as U+202E), which would make it read backwards on screens and notices',
  },

  E_DAMAGED_NAMES: {
    zh: '{file} 中有 {count} 个名称把已保存名称里的字变成了“?”——多半是 Excel 另存为“CSV (逗号分隔)”（GBK）丢失了生僻字：未做任何更改。请在 Excel 中另存为“CSV UTF-8 (逗号分隔)”后重新导入；确认要接受这些名称时加 --accept-damaged-names。',
    en: '{file} turns {count} stored names into the same names with "?" in place of characters: Excel\'s "CSV (Comma delimited)" (GBK) probably lost rare characters. Nothing was changed. Save as "CSV UTF-8 (Comma delimited)" in Excel and import again, or add --accept-damaged-names to take them as they are.',
  },
  E_DAMAGED_NAME_ROW: {
    zh: '第 {row} 行 {code}：已保存“{stored}”，文件中为“{given}”',
    en: 'row {row} {code}: stored "{stored}", the file says "{given}"',
  },
  W_DAMAGED_NAMES: {
    zh: '{file} 中 {count} 个名称的生僻字变成了“?”，已按 --accept-damaged-names 接受：',
    en: '{file}: {count} names with "?" in place of characters, taken as they are (--accept-damaged-names):',
  },
  H_ACCEPT_DAMAGED_NAMES: {
    zh: '接受把生僻字变成“?”的名称（Excel GBK CSV 的损坏）',
    en: 'take names whose rare characters became "?" (damage from an Excel GBK CSV)',
  },

  E_UTF32_FILE: {
    zh: '{file}：这是 UTF-32 编码的文件。请在 Excel 中“另存为” CSV UTF-8（逗号分隔）后再导入。',
    en: '{file}: this file is UTF-32. Save it from Excel as "CSV UTF-8 (comma delimited)" and import that.',
  },
  E_EXCEL_OWNER_FILE: {
    zh: '{file} 是 Excel 的临时占用文件（说明 {real} 正在 Excel 中打开），不是名录本身：请关闭 Excel 后导入 {real}。',
    en: "{file} is Excel's owner file ({real} is open in Excel), not the roster: close Excel and import {real}.",
  },

  I_DRY_RUN_RESULTS: { zh: '（试运行：只校验，不写入任何内容）', en: '(dry run: checked only; nothing written)' },
  E_DB_IS_FOLDER: {
    zh: '--db {db} 是一个文件夹，不是数据库文件：请给出数据库文件的路径（如 {db}/inspect.db）。',
    en: '--db {db} is a folder, not a database file: give the path of the file (e.g. {db}/inspect.db).',
  },

  I_SOURCE_FETCH: {
    zh: '      公开后取值：{command}，再 inspect reveal {id} --value @round-{round}.json（签名在本机离线核验）',
    en: '      once public: {command}, then inspect reveal {id} --value @round-{round}.json (the signature is checked here, offline)',
  },

  // inspect why
  H_WHY: {
    zh: '某一市场主体在某次抽取中的情况及依据（抽中、未抽中、排除或不在范围）',
    en: "one firm's standing in one draw, with the evidence (drawn, not drawn, excluded or out of scope)",
  },
  E_WHY_UNKNOWN_CODE: {
    zh: '检查对象名录库中从未有过统一社会信用代码 {code}。',
    en: 'No object with credit code {code} has ever been in the roster.',
  },
  T_WHY_selected: { zh: '{code} 在 {id} 中被抽中。', en: '{code} was drawn in {id}.' },
  T_WHY_notSelected: {
    zh: '{code} 在 {id} 的抽取框中，但未被抽中。',
    en: '{code} was in the frame of {id} but not drawn.',
  },
  T_WHY_inFrame: {
    zh: '{code} 在承诺抽取 {id} 的抽取框中（尚未揭示，签号未定）。',
    en: '{code} is in the frame of committed draw {id} (not revealed yet: no ticket yet).',
  },
  T_WHY_excluded: { zh: '{code} 被排除在 {id} 之外。', en: '{code} was excluded from {id}.' },
  T_WHY_outOfScope: { zh: '{code} 不在 {id} 的抽查范围内。', en: '{code} was out of the scope of {id}.' },
  T_WHY_FRAME: {
    zh: '  分层 {stratum}（该层 N={N}，n={n}）；签号 {ticket}，层内名次 {rank}；该层最后一个抽中者的签号 {last}',
    en: '  stratum {stratum} (N={N}, n={n}); ticket {ticket}, rank {rank} in its stratum; last ticket drawn there {last}',
  },
  T_WHY_EXCLUDED: { zh: '  排除原因：{reason}；依据：', en: '  reason: {reason}; evidence:' },
  T_REASON_SAME_CATEGORY: { zh: '本年同类已检查', en: 'inspected for the same category this year' },
  T_REASON_DRAWN_THIS_YEAR: { zh: '本年已被抽中', en: 'drawn this year already' },
  T_REASON_HIGHER_LEVEL: { zh: '上级部门本年已检查', en: 'inspected by a higher level this year' },
  T_WHY_EVIDENCE_DRAW: { zh: '本年抽取 {id}（{at}）已抽中', en: 'drawn in {id} ({at})' },
  T_WHY_EVIDENCE_HISTORY: {
    zh: '检查记录：{date} 类别 {category} 事项 {item} 部门 {department}',
    en: 'inspection record: {date}, category {category}, item {item}, department {department}',
  },
  T_WHY_OUT: {
    zh: '  原因：字段 {field} 为「{value}」（事项 {item}）',
    en: '  why: field {field} was "{value}" (item {item})',
  },
  T_WHY_SET_BY: {
    zh: '由导入 {file}（SHA-256 {sha}，{at}，{operator}）写入',
    en: 'set by the import of {file} (SHA-256 {sha}, {at}, {operator})',
  },
  T_WHY_CHANGES: { zh: '该年内名录记录的每次变更：', en: 'Every change of its roster row that year:' },

  // settings
  E_SETTING_UNKNOWN: { zh: '未知的设置项 {key}；可设置：{known}', en: 'Unknown setting {key}; known: {known}' },
  E_SETTING_FIXED: {
    zh: '设置项 {key} 在建库时确定（inspect init），之后不能更改。',
    en: 'Setting {key} is fixed when the database is made (inspect init) and cannot be changed.',
  },
  E_SETTING_VALUE: {
    zh: '设置项 {key} 的值「{value}」无效：应为 {hint}',
    en: 'Invalid value "{value}" for {key}: {hint}',
  },
  E_SETTING_NEEDS_REASON: {
    zh: '把 {key} 改为更宽松的值会降低防护：须用 --reason 说明理由（记入日志，审计永久提示）。',
    en: 'Changing {key} to a weaker value lowers a protection: give --reason (logged; audit warns about it for ever).',
  },
  I_SETTING_SET: { zh: '已设置 {key} = {value}（日志第 {seq} 条）', en: 'Set {key} = {value} (log entry {seq})' },
  T_SETTING_DEFAULT: { zh: '（默认）', en: '(default)' },
  T_SETTING_SET_BY: { zh: '{at} 由 {operator} 设置', en: 'set {at} by {operator}' },
  T_PRACTICE_DB: {
    zh: '演练数据库：INSPECT_NOW 可替代时钟，所产生的一切均标注“演练”',
    en: 'practice database: INSPECT_NOW may replace the clock; everything it produces is marked practice',
  },
  L_SETTING: { zh: '设置 {key} = {value}{reason}', en: 'set {key} = {value}{reason}' },
  L_SETTING_REASON: { zh: '，理由：{reason}', en: ', reason: {reason}' },
  L_SETTING_LOWERED: {
    zh: '降低防护：设置 {key} = {value}{reason}',
    en: 'protection lowered: set {key} = {value}{reason}',
  },
  A_PROTECTION_LOWERED: {
    zh: '{at} {operator} 降低了防护：{key} 由 {from} 改为 {to}（理由：{reason}）',
    en: '{at} {operator} lowered a protection: {key} from {from} to {to} (reason: {reason})',
  },
  A_SETTING_UNLOGGED: {
    zh: '设置记录 {seq}（{key}）没有对应的日志条目',
    en: 'setting row {seq} ({key}) has no log entry',
  },
  A_SETTING_VALUE: {
    zh: '设置记录 {seq}（{key}）的值不可读：{value}',
    en: 'setting row {seq} ({key}) has an unreadable value: {value}',
  },
  A_PRACTICE_LATE: {
    zh: '“演练数据库”标记（设置记录 {seq}）不是建库时写入的第一条记录',
    en: 'the practice mark (setting row {seq}) was not written when the database was made',
  },
  A_POLICY_HASH: {
    zh: '{ref} 保存的策略摘要 {stored} 与其内容的摘要 {computed} 不符',
    en: '{ref}: stored policy digest {stored} differs from its content digest {computed}',
  },
  A_ORPHAN_POLICIES: {
    zh: '不属于任何已记录抽取或承诺的策略记录',
    en: 'stored policies of no recorded draw or commitment',
  },
  T_SECTION_binding: {
    zh: '约束规则（设置、作废、时钟、策略）',
    en: 'binding rules (settings, voidings, clock, policies)',
  },

  A_PLAIN_DRAW_REQUIRED_COMMIT: {
    zh: '{id} 是普通抽取，但当时的设置要求承诺抽取（commit.required）',
    en: '{id} is a plain draw, but the settings at the time required committed draws (commit.required)',
  },

  // practice databases and the clock
  E_CLOCK_NOT_PRACTICE: {
    zh: '设置了 INSPECT_NOW，但 {db} 不是演练数据库：正式数据库只用本机时钟，未做任何更改。演练请先运行 inspect init --practice --db 演练.db。',
    en: "INSPECT_NOW is set, but {db} is not a practice database: a real database uses the computer's clock only; nothing was changed. To rehearse, run inspect init --practice --db practice.db first.",
  },
  E_INIT_EXISTS: {
    zh: '{db} 已存在：inspect init 只创建新的数据库，未做任何更改。',
    en: '{db} already exists: inspect init only makes a new database; nothing was changed.',
  },
  I_INIT_DONE: { zh: '已创建数据库 {db}', en: 'Created database {db}' },
  I_INIT_PRACTICE_DONE: {
    zh: '已创建演练数据库 {db}：可用 INSPECT_NOW 设定时钟；所产生的记录、公告和复核包都标注“演练”。',
    en: 'Created practice database {db}: INSPECT_NOW may set the clock; every record, notice and bundle it makes is marked practice.',
  },
  H_INIT: { zh: '创建新的数据库（--practice：演练数据库）', en: 'make a new database (--practice: a practice one)' },
  H_INIT_PRACTICE: {
    zh: '演练数据库：允许 INSPECT_NOW，产出均标注“演练”',
    en: 'a practice database: INSPECT_NOW allowed, everything marked practice',
  },
  H_SETTINGS: { zh: '查看或更改本单位的设置（记入日志）', en: "show or change the office's settings (logged)" },
  H_SETTINGS_SET: { zh: '更改一项设置', en: 'change one setting' },
  H_SETTING_REASON: { zh: '理由（降低防护时必填）', en: 'why (required when lowering a protection)' },
  L_INIT: { zh: '创建数据库{practice}', en: 'database created{practice}' },
  L_INIT_PRACTICE: { zh: '（演练数据库）', en: ' (practice database)' },
  A_CLOCK_BACKWARDS: {
    zh: '日志时间倒退：第 {seq} 条（{at}）比前一条第 {prev} 条（{prevAt}）早 {minutes} 分钟',
    en: 'the log goes back in time: entry {seq} ({at}) is {minutes} minutes earlier than entry {prev} ({prevAt})',
  },
  V_PRACTICE: {
    zh: '演练数据：此抽取来自演练数据库，不是正式抽取。',
    en: 'PRACTICE DATA: this draw comes from a practice database; it is not an official draw.',
  },
  V_PRACTICE_DIFFERS: {
    zh: 'commitment.json 与 record.json 的演练标记（practice）不一致',
    en: 'commitment.json and record.json disagree on the practice mark',
  },
} as const satisfies Catalogue;
