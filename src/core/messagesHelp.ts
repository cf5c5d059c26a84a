// Command-line help: every command, argument and option description in both languages (cli.ts looks
// them up by key, so the help has one source of text like every other message).
import type { Catalogue } from './messageTypes.js';
export const helpMessages = {
  H_DISPLAY_HELP: { zh: '显示帮助', en: 'display help' },
  H_DISPLAY_HELP_FOR_A: { zh: '显示某个命令的帮助', en: 'display help for a command' },
  H_INSPECTION_PLANNING_ROSTER_IMPORTS: {
    zh: '双随机、一公开 抽查计划工具：名录导入、可复核的随机抽取、人员匹配、公示与审计',
    en: '双随机、一公开 inspection planning: roster imports, a reproducible draw, inspector matching, publication and audit',
  },
  H_OUTPUT_THE_VERSION_NUMBER: { zh: '显示版本号', en: 'output the version number' },
  H_DATABASE_FILE_DEFAULT_INSPECT: {
    zh: '数据库文件（默认 ./inspect.db 或 INSPECT_DB）',
    en: 'database file (default ./inspect.db or INSPECT_DB)',
  },
  H_MESSAGE_LANGUAGE_ZH_EN: { zh: '界面语言 zh|en', en: 'message language zh|en' },
  H_PRINT_THE_RESULT_AS: { zh: '以 JSON 输出结果（仅 stdout）', en: 'print the result as JSON on stdout' },
  H_PRINT_ONLY_RESULTS_AND: { zh: '只输出结果和错误', en: 'print only results and errors' },
  H_NO_COLOUR: { zh: '不用颜色', en: 'no colour' },
  H_OPERATOR_DEFAULT_THE_OS: { zh: '操作人（默认当前系统用户）', en: 'operator (default: the OS user)' },
  H_DO_NOT_ASK_FOR: { zh: '不询问，直接执行', en: 'do not ask for confirmation' },
  H_NEVER_PROMPT: { zh: '从不交互询问', en: 'never prompt' },
  H_IMPORT_A_ROSTER_CSV: {
    zh: '导入名录 CSV：objects|inspectors|items|departments|history',
    en: 'import a roster CSV: objects|inspectors|items|departments|history',
  },
  H_OBJECTS_INSPECTORS_ITEMS_DEPARTMENTS: {
    zh: '名录（英文或中文名均可）：objects 检查对象 | inspectors 执法人员 | items 抽查事项 | departments 部门 | history 检查记录',
    en: 'objects | inspectors | items | departments | history',
  },
  H_CSV_FILE: { zh: 'CSV 文件（Excel 另存为 CSV）', en: 'CSV file' },
  H_FILE_ENCODING_UTF8_GB18030: {
    zh: '文件编码：utf8 | gb18030（默认自动识别）',
    en: 'file encoding: utf8 | gb18030 (default: detected)',
  },
  H_CODES_ACCEPTED_ALTHOUGH_THEY: {
    zh: '校验未通过但确认真实的代码清单',
    en: 'codes accepted although they fail the check',
  },
  H_IMPORT_VALID_ROWS_WRITE: {
    zh: '导入有效行，无效行写入错误文件',
    en: 'import valid rows; write rejected rows to the errors file',
  },
  H_VALIDATE_ONLY_WRITE_NOTHING: { zh: '只检查，不写入', en: 'validate only; write nothing' },
  H_WRITE_EVERY_PROBLEM_TO: { zh: '把全部问题写入 CSV 文件', en: 'write every problem to this CSV file' },
  H_OVERWRITE_AN_EXISTING_ERRORS: { zh: '覆盖已有的错误文件', en: 'overwrite an existing errors file' },
  H_THE_FILE_IS_THE: {
    zh: '该文件是完整名录：不在其中的行退出名录，即使超过 10%（记入日志）',
    en: 'the file is the whole roster: rows absent from it leave the roster even above 10 % (logged)',
  },
  H_EXAMPLES_INSPECT_IMPORT_OBJECTS: {
    zh: '\n示例：\n  inspect import objects 检查对象.csv            # GB18030 或 UTF-8，自动识别\n  inspect import objects 检查对象.csv --dry-run  # 只检查，不写入\n',
    en: '\nExamples:\n  inspect import objects objects.csv             # GB18030 or UTF-8, detected\n  inspect import objects objects.csv --dry-run   # check only, write nothing\n',
  },
  H_SHOW_WHAT_IS_LOADED: { zh: '显示已导入的名录', en: 'show what is loaded' },
  H_DRAW_THE_OBJECTS_TO: {
    zh: '随机抽取检查对象并匹配执法人员（inspect-draw/1）',
    en: 'draw the objects to inspect and match inspectors (inspect-draw/1)',
  },
  H_ITEM_CODES_COMMA_SEPARATED: {
    zh: '抽查事项编码，逗号分隔；第一项的部门牵头',
    en: "item codes, comma-separated; the first item's department leads",
  },
  H_PLAN_YEAR: { zh: '计划年度', en: 'plan year' },
  H_SEED_E_G_NUMBERS: {
    zh: '随机种子（如现场宣读的号码）；不给则由系统随机生成并打印',
    en: 'seed (e.g. numbers read out at the ceremony); generated and printed when absent',
  },
  H_POLICY_JSON_DEFAULT_DATA: {
    zh: '抽查策略 JSON（默认：本工具自带的 data/policy.json，见下方完整路径；不是当前目录下的文件）',
    en: "policy JSON (default: the tool's own data/policy.json, full path below; not one in the current folder)",
  },
  H_RESTRICT_TO_THIS_REGION: { zh: '只抽该区域（可重复）', en: 'restrict to this region (repeatable)' },
  H_INSPECTORS_NEVER_INSPECT_OBJECTS: {
    zh: '执法人员不检查本区域对象',
    en: 'inspectors never inspect objects in their own region',
  },
  H_INSPECTION_WINDOW_DEFAULT_DRAW: {
    zh: '检查时间窗口（默认抽取日至 12 月 31 日）',
    en: 'inspection window (default: draw date to 31 December)',
  },
  H_SHOW_SCOPE_AND_ALLOCATION: {
    zh: '只显示范围与分配，不显示抽中对象，不记录',
    en: 'show scope and allocation only; never the objects; record nothing',
  },
  H_VOID_THIS_DRAW_NEEDS: { zh: '作废指定抽取（须给出 --reason）', en: 'void this draw (needs --reason)' },
  H_WHY_THE_SUPERSEDED_DRAW: { zh: '作废原因', en: 'why the superseded draw is voided' },
  H_COMMITTED_DRAW_RECOMMENDED_RECORD: {
    zh: '承诺抽取（推荐）：先记录承诺，由之后公开的随机数决定结果（inspect-commit/1）',
    en: 'committed draw (recommended): record a commitment now; public random values published later decide (inspect-commit/1)',
  },
  H_PUBLIC_RANDOM_SOURCE_REPEATABLE: {
    zh: '公共随机源（可重复）：drand@时间、drand:轮次、ssq:期号@日期、witness:名称@时间',
    en: 'public random source (repeatable): drand@TIME, drand:ROUND, ssq:ISSUE@DATE, witness:LABEL@TIME',
  },
  H_EXAMPLES_INSPECT_DRAW_ITEMS: {
    zh: '\n示例：\n  inspect draw --items SC01 --year 2027 --commit --beacon drand@2027-01-15T10:00+08:00   # 承诺抽取（推荐）\n  inspect draw --items SC01 --year 2027 --dry-run                                        # 只看分配\n',
    en: '\nExamples:\n  inspect draw --items SC01 --year 2027 --commit --beacon drand@2027-01-15T10:00+08:00   # committed (recommended)\n  inspect draw --items SC01 --year 2027 --dry-run                                        # the allocation only\n',
  },
  H_REVEAL_A_COMMITTED_DRAW: {
    zh: '揭示承诺抽取：输入公开的随机数，核验后从冻结的输入记录抽取结果',
    en: 'reveal a committed draw: give the public values; once checked, the draw is recorded from the frozen inputs',
  },
  H_ONE_VALUE_PER_SOURCE: {
    zh: '按承诺顺序给出每个随机源的值（可重复）：drand 签名或 @文件、彩票号码（如 03 09 14 22 27 31 + 07）、现场摇号数字',
    en: 'one value per source, in committed order (repeatable): a drand signature or @FILE, lottery numbers (e.g. 03 09 14 22 27 31 + 07), witnessed digits',
  },
  H_EXAMPLE_INSPECT_REVEAL_2027: {
    zh: '\n示例：\n  inspect reveal 2027-HLSJ-001 --value @round.json --value "03 09 14 22 27 31 + 07"\n',
    en: '\nExample:\n  inspect reveal 2027-HLSJ-001 --value @round.json --value "03 09 14 22 27 31 + 07"\n',
  },
  H_A_DRAW_ON_SCREEN: {
    zh: '在屏幕上查看一次抽取：摘要、抽中对象及检查组',
    en: 'a draw on screen: its summary and its selected objects with their teams',
  },
  H_THE_INSPECTION_ITEMS_CODE: {
    zh: '列出抽查事项清单：编码、名称、部门、类型、比例上限',
    en: 'the inspection items: code, name, department, kind, cap',
  },
  H_LIST_THE_DRAWS_SUPERSEDED: {
    zh: '列出抽取记录（含已作废的及原因）',
    en: 'list the draws (superseded ones with their reason)',
  },
  H_ONLY_THIS_YEAR: { zh: '只列该年度', en: 'only this year' },
  H_EXPORTS_BUNDLE_TASK_LIST: {
    zh: '导出：复核包、任务清单、公示文件',
    en: 'exports: bundle, task list, publication files',
  },
  H_WRITE_THE_AUDIT_BUNDLE: {
    zh: '导出抽取复核包（frame.json、inspectors.json、record.json、说明）',
    en: 'write the audit bundle of a draw (frame.json, inspectors.json, record.json, README)',
  },
  H_OUTPUT_FOLDER: { zh: '输出目录', en: 'output folder' },
  H_OVERWRITE_EXISTING_FILES: { zh: '覆盖已有文件', en: 'overwrite existing files' },
  H_WRITE_THE_OFFLINE_VERIFIER: {
    zh: '导出离线复核页面 verify.html（单独发布用），并打印其 SHA-256',
    en: 'write the offline verifier page (verify.html) on its own, with its SHA-256',
  },
  H_OUTPUT_FILE: { zh: '输出文件', en: 'output file' },
  H_OVERWRITE_AN_EXISTING_FILE: { zh: '覆盖已有文件', en: 'overwrite an existing file' },
  H_THE_TASK_LIST_FOR: { zh: '导出检查任务清单（给检查组）', en: 'the task list for the inspection teams' },
  H_FORMAT_CSV_DEFAULT_XLSX: { zh: '格式：csv（默认）| xlsx | json', en: 'format: csv (default) | xlsx | json' },
  H_OUTPUT_FILE_JSON_DEFAULTS: {
    zh: '输出文件（json 默认输出到 stdout，其他默认 任务清单-抽取编号.格式；- 为 stdout）',
    en: 'output file (json defaults to stdout, others to a named file; - for stdout)',
  },
  H_MACHINE_CSV_ENGLISH_KEYS: {
    zh: '机器用 CSV：英文列名、无 BOM、不转义',
    en: 'machine CSV: English keys, no BOM, no escaping',
  },
  H_PUBLICATION_FILES_TASK_NOTICE: {
    zh: '导出公示文件：抽查任务公告（task）或抽查结果公告（result，同时标记为已公示）',
    en: 'publication files: task notice, or result notice (marks those results published)',
  },
  H_DRAW_ID_NONE_WITH: { zh: '抽取编号（用 --pending 时不给）', en: 'draw id (none with --pending)' },
  H_TASK_RESULT_COMMITMENT: {
    zh: 'task（抽查任务公告）| result（抽查结果公告）| commitment（抽取承诺公告）',
    en: 'task | result | commitment',
  },
  H_ADD_THE_LIST_OF: {
    zh: '任务公告附抽中对象名单（名称、信用代码）',
    en: 'add the list of selected objects (name, credit code) to the task notice',
  },
  H_MACHINE_CSV: { zh: '机器用 CSV', en: 'machine CSV' },
  H_PUBLICATION_DATE_DEFAULT_TODAY: { zh: '公示日期（默认今天）', en: 'publication date (default today)' },
  H_PREVIEW_ON_STDOUT_NO: {
    zh: '预览：输出到屏幕，不写文件、不标记为已公示',
    en: 'preview on stdout: no file, nothing marked published',
  },
  H_WITH_KIND_RESULT_ONE: {
    zh: '与 --kind result 合用：把所有有效抽取中尚未公示的结果写入一份以日期命名的公告并标记已公示（供每日定时任务）',
    en: 'with --kind result: one notice, named with the date, of every result not yet published across all standing draws, marked published (for a daily job)',
  },
  H_EXAMPLES_INSPECT_EXPORT_PUBLICATION: {
    zh: '\n示例：\n  inspect export publication 2027-HLSJ-001 --kind commitment   # 抽取承诺公告\n  inspect export publication --kind result --pending            # 每日定时任务\n',
    en: '\nExamples:\n  inspect export publication 2027-HLSJ-001 --kind commitment   # the commitment notice\n  inspect export publication --kind result --pending            # a daily job\n',
  },
  H_INSPECTION_RESULTS: { zh: '检查结果', en: 'inspection results' },
  H_ENTER_RESULTS_FROM_A: {
    zh: '录入检查结果 CSV（抽查编号、统一社会信用代码、检查完成日期、检查结果、后续处置、备注）',
    en: 'enter results from a CSV (draw id, credit code, completion date, result, follow-up, notes)',
  },
  H_ENTER_VALID_ROWS_WRITE: {
    zh: '录入有效行，无效行写入错误文件',
    en: 'enter valid rows; write rejected rows to the errors file',
  },
  H_VALIDATE_ONLY: { zh: '只检查，不写入', en: 'validate only' },
  H_THE_DATE_TAKEN_AS: { zh: '视为“今天”的日期（补录历史时用）', en: 'the date taken as today (for back-filling)' },
  H_THE_YEAR_PROGRESS_PUBLICATION: {
    zh: '年度报告：进度、公示期限、覆盖率、事项、结果分布',
    en: 'the year: progress, publication deadlines, coverage, items, results',
  },
  H_YEAR_DEFAULT_THE_YEAR: { zh: '年度（默认 --as-of 所在年）', en: 'year (default the year of --as-of)' },
  H_COMPUTE_AS_OF_THIS: { zh: '按该日计算（默认今天）', en: 'compute as of this date (default today)' },
  H_LOCAL_HOLIDAY_OVERRIDES_DEFAULT: {
    zh: '本地节假日调整文件（默认 data/calendar-overrides.csv）',
    en: 'local holiday overrides (default data/calendar-overrides.csv)',
  },
  H_POLICY_JSON_FOR_THE: { zh: '抽查策略 JSON（取覆盖下限）', en: 'policy JSON (for the floor)' },
  H_EXIT_3_WHEN_ANY: { zh: '有逾期未公示的结果时以退出码 3 结束', en: 'exit 3 when any result is overdue' },
  H_RECOMPUTE_A_DRAW_DIGEST: {
    zh: '复核抽取：重新计算摘要、种子、分配、抽中对象和检查组',
    en: 'recompute a draw: digest, seed, allocation, selection, assignments',
  },
  H_A_DRAW_ID_OR: {
    zh: '抽取编号，或复核包目录（无需数据库）',
    en: 'a draw id, or a bundle folder (no database needed)',
  },
  H_EXAMPLES_INSPECT_VERIFY_BUNDLE: {
    zh: '\n示例：\n  inspect verify 复核包目录/        # 无需数据库\n  inspect verify 2027-HLSJ-001      # 连同数据库中的表一起核对\n',
    en: "\nExamples:\n  inspect verify bundle/            # no database needed\n  inspect verify 2027-HLSJ-001      # with the database's tables too\n",
  },
  H_REPEAT_THE_DRAW_K: {
    zh: '在内存中重复抽取 K 次（不记录），比较实测入选率与 n/N',
    en: 'repeat the draw K times in memory (nothing recorded) and compare observed rates with n/N',
  },
  H_ITEM_CODES: { zh: '抽查事项编码', en: 'item codes' },
  H_RUNS_DEFAULT_1000: { zh: '次数（默认 1000）', en: 'runs (default 1000)' },
  H_POLICY_JSON: { zh: '抽查策略 JSON', en: 'policy JSON' },
  H_SHOW_THE_HASH_CHAINED: { zh: '显示全过程日志（哈希链）', en: 'show the hash-chained log of every change' },
  H_ONLY_ENTRIES_ON_OR: { zh: '只显示该日及之后', en: 'only entries on or after this date' },
  H_WALK_THE_CHAIN_RECOMPUTE: {
    zh: '审计：校验日志链，重算每次抽取，核对名录、结果与公示',
    en: 'walk the chain, recompute every draw, check rosters, results and publications',
  },
  H_PRINT_THE_CHAIN_HEAD: {
    zh: '只打印链头（序号:哈希），供抽取现场宣读',
    en: 'print the chain head (SEQ:HASH) to read out at the ceremony',
  },
  H_CHECK_THAT_A_HEAD: {
    zh: '核对此前宣读的链头仍在链中',
    en: 'check that a head read out earlier is still in the chain',
  },
  H_A_CONSISTENT_COPY_OF: {
    zh: '在线备份数据库（一致的副本）',
    en: 'a consistent copy of the database (online backup)',
  },
  H_BACKUP_FILE: { zh: '备份文件', en: 'backup file' },
  H_RUN_THE_WHOLE_CYCLE: {
    zh: '在临时目录中用示例数据完整演示一遍',
    en: 'run the whole cycle on the sample data in a temporary folder',
  },
  H_KEEP_THE_DEMO_FILES: { zh: '演示文件保存到此目录', en: 'keep the demo files in this folder' },
  H_REVEAL_FETCH: {
    zh: '联网办公：从 drand 中继取回各 drand 随机源的值（仍离线核验）；其他随机源用 --value',
    en: 'online offices: fetch each drand round from the relays (still checked offline); other sources by --value',
  },
  H_REVEAL_RELAY: {
    zh: '使用此 drand 中继（可重复；默认 League of Entropy 公共中继）',
    en: "a drand relay to use (repeatable; default the League of Entropy's)",
  },
  H_REVEAL_TIMEOUT: { zh: '每个中继的等待秒数（默认 10）', en: 'seconds to wait for each relay (default 10)' },
  H_FIRST_SCREEN: {
    zh: '\n第一次使用：\n  inspect demo            用示例数据完整演示一遍（在临时目录中，不动您的数据库）\n  inspect draw            在终端中按提示逐步完成抽取（向导；推荐承诺抽取）\n  inspect 命令 --help     某个命令的用法和示例\n说明书：README.zh-CN.md\n',
    en: '\nFirst time:\n  inspect demo            the whole cycle on the sample data (in a temporary folder)\n  inspect draw            a guided draw on a terminal (asks step by step; recommends a committed draw)\n  inspect COMMAND --help  how a command is used, with examples\nManual: README.md\n',
  },
  H_DEFAULT_POLICY_PATH: {
    zh: '\n默认抽查策略：{path}\n',
    en: '\nDefault policy: {path}\n',
  },
  H_RESULT_CODES: {
    zh: '\n检查结果（代码或标准文字均可）：\n{codes}',
    en: '\nResults (code or standard wording):\n{codes}',
  },
} as const satisfies Catalogue;

/** Help placeholders in Chinese (`<drawId>` → `<抽取编号>`): only what help and usage lines show. */
export const PLACEHOLDERS_ZH: Record<string, string> = {
  drawId: '抽取编号',
  drawIdOrDir: '抽取编号或复核包目录',
  roster: '名录',
  file: '文件',
  creditCode: '统一社会信用代码',
  key: '设置项',
  value: '值',
  rootPem: '根证书PEM',
  command: '命令',
  options: '选项',
  text: '文字',
  date: '日期',
  yyyy: '年度',
  fmt: '格式',
  dir: '目录',
  codes: '编码',
  url: '网址',
  'start..end': '开始..结束',
  spec: '随机源',
  seconds: '秒',
  region: '区域',
  path: '路径',
  name: '姓名',
  lang: '语言',
  kind: '类别',
  k: '次数',
  K: '次数',
  enc: '编码方式',
};

/** A flag or argument term with its placeholders in Chinese (`--db <path>` → `--db <路径>`). */
export function placeholdersZh(term: string): string {
  return term.replace(
    /([<[])([A-Za-z.]+)(\.\.\.)?([>\]])/g,
    (m, open: string, name: string, dots = '', close: string) =>
      PLACEHOLDERS_ZH[name] ? `${open}${PLACEHOLDERS_ZH[name]}${dots}${close}` : m,
  );
}
