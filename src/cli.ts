// Wiring only: global options, one lazily loaded module per command, and the one place that maps
// errors to exit codes. Exit codes are set on process.exitCode (process.exit() truncates piped stdout).
import { Command, CommanderError } from 'commander';
import { ExitError, Exit, InspectError } from './core/errors.js';
import { render } from './core/messages.js';
import { terminalSafe } from './core/text.js';
import { detectLang, type GlobalOptions } from './io/ui.js';
import { ioError, isIoError } from './io/db.js';
import { makeContext, type Context } from './commands/context.js';
import { VERSION } from './version.js';

/** commander's own error sentences, in Chinese (its wording is stable within the pinned major version). */
const COMMANDER_ZH: [RegExp, string][] = [
  [/^error: unknown option '(.+?)'/, "错误：未知选项 '$1'"],
  [/^error: unknown command '(.+?)'/, "错误：未知命令 '$1'"],
  [/^error: missing required argument '(.+?)'/, "错误：缺少必需的参数 '$1'"],
  [/^error: required option '(.+?)' not specified/, "错误：缺少必需的选项 '$1'"],
  [/^error: option '(.+?)' argument missing/, "错误：选项 '$1' 缺少取值"],
  [/^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./, '错误：参数过多（应为 $2 个，实际 $3 个）'],
  [/\(Did you mean (.+?)\?\)/, '（是否想输入 $1？）'],
];

function commanderZh(message: string): string {
  return COMMANDER_ZH.reduce((m, [re, zh]) => m.replace(re, zh), message);
}

const HELP_TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：', 'Options:': '选项：', 'Global Options:': '全局选项：', 'Commands:': '命令：', 'Arguments:': '参数：',
};

export function buildProgram(run: (fn: (ctx: Context) => Promise<unknown> | unknown) => Promise<void>): Command {
  const program = new Command('inspect');
  let lang: 'zh' | 'en' = 'zh';
  try {
    lang = detectLang(globalLangFromArgv(process.argv), process.env);
  } catch {
    /* reported by main */
  }
  const zh = lang === 'zh';
  program
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(s),
      outputError: (s, write) => write(zh ? commanderZh(s) : s),
    })
    // A subcommand's --help lists the global options it honours too; titles in the user's language.
    .configureHelp({ showGlobalOptions: true, styleTitle: (title: string) => (zh ? (HELP_TITLES_ZH[title] ?? title) : title) })
    .helpOption('-h, --help', zh ? '显示帮助' : 'display help')
    .helpCommand('help [command]', zh ? '显示某个命令的帮助' : 'display help for a command')
    .description(zh ? '双随机、一公开 抽查计划工具：名录导入、可复核的随机抽取、人员匹配、公示与审计' : '双随机、一公开 inspection planning: roster imports, a reproducible draw, inspector matching, publication and audit')
    .version(VERSION, '-V, --version', zh ? '显示版本号' : 'output the version number')
    .option('--db <path>', zh ? '数据库文件（默认 ./inspect.db 或 INSPECT_DB）' : 'database file (default ./inspect.db or INSPECT_DB)')
    .option('--lang <lang>', zh ? '界面语言 zh|en' : 'message language zh|en')
    .option('--json', zh ? '以 JSON 输出结果（仅 stdout）' : 'print the result as JSON on stdout')
    .option('-q, --quiet', zh ? '只输出结果和错误' : 'print only results and errors')
    .option('--no-color', zh ? '不用颜色' : 'no colour')
    .option('--operator <name>', zh ? '操作人（默认当前系统用户）' : 'operator (default: the OS user)')
    .option('-y, --yes', zh ? '不询问，直接执行' : 'do not ask for confirmation')
    .option('--no-input', zh ? '从不交互询问' : 'never prompt');

  program
    .command('import')
    .description(zh ? '导入名录 CSV：objects|inspectors|items|departments|history' : 'import a roster CSV: objects|inspectors|items|departments|history')
    .argument('<roster>', zh ? '名录：objects（检查对象）| inspectors（执法人员）| items（抽查事项）| departments（部门）| history（已检查记录）' : 'objects | inspectors | items | departments | history')
    .argument('<file>', zh ? 'CSV 文件（Excel 另存为 CSV）' : 'CSV file')
    .option('--encoding <enc>', zh ? '文件编码：utf8 | gb18030（默认自动识别）' : 'file encoding: utf8 | gb18030 (default: detected)')
    .option('--allow-codes <file>', zh ? '校验未通过但确认真实的代码清单' : 'codes accepted although they fail the check')
    .option('--skip-invalid', zh ? '导入有效行，无效行写入错误文件' : 'import valid rows; write rejected rows to the errors file')
    .option('--dry-run', zh ? '只检查，不写入' : 'validate only; write nothing')
    .option('--errors <file>', zh ? '把全部问题写入 CSV 文件' : 'write every problem to this CSV file')
    .option('--force', zh ? '覆盖已有的错误文件' : 'overwrite an existing errors file')
    .option('--full-roster', zh ? '该文件是完整名录：不在其中的行退出名录，即使超过 10%（记入日志）' : 'the file is the whole roster: rows absent from it leave the roster even above 10 % (logged)')
    .addHelpText('after', zh ? '\n示例：\n  inspect import objects 检查对象.csv            # GB18030 或 UTF-8，自动识别\n  inspect import objects 检查对象.csv --dry-run  # 只检查，不写入\n' : '\nExamples:\n  inspect import objects objects.csv             # GB18030 or UTF-8, detected\n  inspect import objects objects.csv --dry-run   # check only, write nothing\n')
    .action((roster: string, file: string, opts) => run(async (ctx) => (await import('./commands/import.js')).runImport(ctx, roster, file, opts)));

  program
    .command('status')
    .description(zh ? '显示已导入的名录' : 'show what is loaded')
    .action(() => run(async (ctx) => (await import('./commands/status.js')).runStatus(ctx)));

  program
    .command('draw')
    .description(zh ? '随机抽取检查对象并匹配执法人员（inspect-draw/1）' : 'draw the objects to inspect and match inspectors (inspect-draw/1)')
    .option('--items <codes>', zh ? '抽查事项编码，逗号分隔；第一项的部门牵头' : 'item codes, comma-separated; the first item\'s department leads')
    .option('--year <yyyy>', zh ? '计划年度' : 'plan year')
    .option('--seed <text>', zh ? '随机种子（如现场宣读的号码）；不给则由系统随机生成并打印' : 'seed (e.g. numbers read out at the ceremony); generated and printed when absent')
    .option('--policy <file>', zh ? '抽查策略 JSON（默认 data/policy.json）' : 'policy JSON (default data/policy.json)')
    .option('--region <region>', zh ? '只抽该区域（可重复）' : 'restrict to this region (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--cross-region', zh ? '执法人员不检查本区域对象' : 'inspectors never inspect objects in their own region')
    .option('--window <start..end>', zh ? '检查时间窗口（默认抽取日至 12 月 31 日）' : 'inspection window (default: draw date to 31 December)')
    .option('--dry-run', zh ? '只显示范围与分配，不显示抽中对象，不记录' : 'show scope and allocation only; never the objects; record nothing')
    .option('--supersede <drawId>', zh ? '作废指定抽取（须给出 --reason）' : 'void this draw (needs --reason)')
    .option('--reason <text>', zh ? '作废原因' : 'why the superseded draw is voided')
    .option('--commit', zh ? '承诺抽取（推荐）：先记录承诺，由之后公开的随机数决定结果（inspect-commit/1）' : 'committed draw (recommended): record a commitment now; public random values published later decide (inspect-commit/1)')
    .option('--beacon <spec>', zh ? '公共随机源（可重复）：drand@时间、drand:轮次、ssq:期号@日期、witness:名称@时间' : 'public random source (repeatable): drand@TIME, drand:ROUND, ssq:ISSUE@DATE, witness:LABEL@TIME', (v: string, prev: string[] = []) => [...prev, v])
    .addHelpText('after', zh ? '\n示例：\n  inspect draw --items SC01 --year 2027 --commit --beacon drand@2027-01-15T10:00+08:00   # 承诺抽取（推荐）\n  inspect draw --items SC01 --year 2027 --dry-run                                        # 只看分配\n' : '\nExamples:\n  inspect draw --items SC01 --year 2027 --commit --beacon drand@2027-01-15T10:00+08:00   # committed (recommended)\n  inspect draw --items SC01 --year 2027 --dry-run                                        # the allocation only\n')
    .action((opts) => run(async (ctx) => (await import('./commands/draw.js')).runDraw(ctx, opts)));

  program
    .command('reveal')
    .description(zh ? '揭示承诺抽取：输入公开的随机数，核验后从冻结的输入记录抽取结果' : 'reveal a committed draw: give the public values; once checked, the draw is recorded from the frozen inputs')
    .argument('<drawId>')
    .option('--value <value>', zh ? '按承诺顺序给出每个随机源的值（可重复）：drand 签名或 @文件、彩票号码（如 03 09 14 22 27 31 + 07）、现场摇号数字' : 'one value per source, in committed order (repeatable): a drand signature or @FILE, lottery numbers (e.g. 03 09 14 22 27 31 + 07), witnessed digits', (v: string, prev: string[] = []) => [...prev, v])
    .addHelpText('after', zh ? '\n示例：\n  inspect reveal 2027-HLSJ-001 --value @round.json --value "03 09 14 22 27 31 + 07"\n' : '\nExample:\n  inspect reveal 2027-HLSJ-001 --value @round.json --value "03 09 14 22 27 31 + 07"\n')
    .action((id: string, opts) => run(async (ctx) => (await import('./commands/reveal.js')).runReveal(ctx, id, opts)));

  program
    .command('show')
    .description(zh ? '在屏幕上查看一次抽取：摘要、抽中对象及检查组' : 'a draw on screen: its summary and its selected objects with their teams')
    .argument('<drawId>')
    .action((id: string) => run(async (ctx) => (await import('./commands/show.js')).runShow(ctx, id)));

  program
    .command('items')
    .description(zh ? '列出抽查事项清单：编码、名称、部门、类型、比例上限' : 'the inspection items: code, name, department, kind, cap')
    .action(() => run(async (ctx) => (await import('./commands/show.js')).runItems(ctx)));

  program
    .command('draws')
    .description(zh ? '列出抽取记录（含已作废的及原因）' : 'list the draws (superseded ones with their reason)')
    .option('--year <yyyy>', zh ? '只列该年度' : 'only this year')
    .action((opts) => run(async (ctx) => (await import('./commands/draws.js')).runDraws(ctx, opts)));

  const exp = program.command('export').description(zh ? '导出：复核包、任务清单、公示文件' : 'exports: bundle, task list, publication files');
  exp
    .command('bundle')
    .description(zh ? '导出抽取复核包（frame.json、inspectors.json、record.json、说明）' : 'write the audit bundle of a draw (frame.json, inspectors.json, record.json, README)')
    .argument('<drawId>')
    .option('--out <dir>', zh ? '输出目录' : 'output folder')
    .option('--force', zh ? '覆盖已有文件' : 'overwrite existing files')
    .action((id: string, opts) => run(async (ctx) => (await import('./commands/bundle.js')).runExportBundle(ctx, id, opts)));

  exp
    .command('verifier')
    .description(zh ? '导出离线复核页面 verify.html（单独发布用），并打印其 SHA-256' : 'write the offline verifier page (verify.html) on its own, with its SHA-256')
    .option('--out <file>', zh ? '输出文件' : 'output file')
    .option('--force', zh ? '覆盖已有文件' : 'overwrite an existing file')
    .action((opts) => run(async (ctx) => (await import('./commands/exportVerifier.js')).runExportVerifier(ctx, opts)));

  exp
    .command('tasks')
    .description(zh ? '导出检查任务清单（给检查组）' : 'the task list for the inspection teams')
    .argument('<drawId>')
    .option('--format <fmt>', zh ? '格式：csv（默认）| xlsx | json' : 'format: csv (default) | xlsx | json')
    .option('--out <file>', zh ? '输出文件（json 默认输出到 stdout，其他默认 任务清单-抽取编号.格式；- 为 stdout）' : 'output file (json defaults to stdout, others to a named file; - for stdout)')
    .option('--raw', zh ? '机器用 CSV：英文列名、无 BOM、不转义' : 'machine CSV: English keys, no BOM, no escaping')
    .option('--force', zh ? '覆盖已有文件' : 'overwrite an existing file')
    .action((id: string, opts) => run(async (ctx) => (await import('./commands/exportTasks.js')).runExportTasks(ctx, id, opts)));
  exp
    .command('publication')
    .description(zh ? '导出公示文件：抽查任务公告（task）或抽查结果公告（result，同时标记为已公示）' : 'publication files: task notice, or result notice (marks those results published)')
    .argument('[drawId]', zh ? '抽取编号（用 --pending 时不给）' : 'draw id (none with --pending)')
    .requiredOption('--kind <kind>', zh ? 'task（抽查任务公告）| result（抽查结果公告）| commitment（抽取承诺公告）' : 'task | result | commitment')
    .option('--with-list', zh ? '任务公告附抽中对象名单（名称、信用代码）' : 'add the list of selected objects (name, credit code) to the task notice')
    .option('--format <fmt>', zh ? '格式：csv（默认）| xlsx | json' : 'format: csv (default) | xlsx | json')
    .option('--out <file>', zh ? '输出文件' : 'output file')
    .option('--raw', zh ? '机器用 CSV' : 'machine CSV')
    .option('--force', zh ? '覆盖已有文件' : 'overwrite an existing file')
    .option('--as-of <date>', zh ? '公示日期（默认今天）' : 'publication date (default today)')
    .option('--dry-run', zh ? '预览：输出到屏幕，不写文件、不标记为已公示' : 'preview on stdout: no file, nothing marked published')
    .option('--pending', zh ? '与 --kind result 合用：把所有有效抽取中尚未公示的结果写入一份以日期命名的公告并标记已公示（供每日定时任务）' : 'with --kind result: one notice, named with the date, of every result not yet published across all standing draws, marked published (for a daily job)')
    .addHelpText('after', zh ? '\n示例：\n  inspect export publication 2027-HLSJ-001 --kind commitment   # 抽取承诺公告\n  inspect export publication --kind result --pending            # 每日定时任务\n' : '\nExamples:\n  inspect export publication 2027-HLSJ-001 --kind commitment   # the commitment notice\n  inspect export publication --kind result --pending            # a daily job\n')
    .action((id: string | undefined, opts) => run(async (ctx) => (await import('./commands/exportPublication.js')).runExportPublication(ctx, id, opts)));

  const results = program.command('results').description(zh ? '检查结果' : 'inspection results');
  results
    .command('import')
    .description(zh ? '录入检查结果 CSV（抽查编号、统一社会信用代码、检查完成日期、检查结果、后续处置、备注）' : 'enter results from a CSV (draw id, credit code, completion date, result, follow-up, notes)')
    .argument('<file>')
    .option('--skip-invalid', zh ? '录入有效行，无效行写入错误文件' : 'enter valid rows; write rejected rows to the errors file')
    .option('--dry-run', zh ? '只检查，不写入' : 'validate only')
    .option('--errors <file>', zh ? '把全部问题写入 CSV 文件' : 'write every problem to this CSV file')
    .option('--force', zh ? '覆盖已有的错误文件' : 'overwrite an existing errors file')
    .option('--as-of <date>', zh ? '视为“今天”的日期（补录历史时用）' : 'the date taken as today (for back-filling)')
    .action((file: string, opts) => run(async (ctx) => (await import('./commands/results.js')).runResultsImport(ctx, file, opts)));

  program
    .command('report')
    .description(zh ? '年度报告：进度、公示期限、覆盖率、事项、结果分布' : 'the year: progress, publication deadlines, coverage, items, results')
    .option('--year <yyyy>', zh ? '年度（默认 --as-of 所在年）' : 'year (default the year of --as-of)')
    .option('--as-of <date>', zh ? '按该日计算（默认今天）' : 'compute as of this date (default today)')
    .option('--calendar <file>', zh ? '本地节假日调整文件（默认 data/calendar-overrides.csv）' : 'local holiday overrides (default data/calendar-overrides.csv)')
    .option('--policy <file>', zh ? '抽查策略 JSON（取覆盖下限）' : 'policy JSON (for the floor)')
    .option('--fail-on-overdue', zh ? '有逾期未公示的结果时以退出码 3 结束' : 'exit 3 when any result is overdue')
    .action((opts) => run(async (ctx) => (await import('./commands/report.js')).runReport(ctx, opts)));

  program
    .command('verify')
    .description(zh ? '复核抽取：重新计算摘要、种子、分配、抽中对象和检查组' : 'recompute a draw: digest, seed, allocation, selection, assignments')
    .argument('<drawIdOrDir>', zh ? '抽取编号，或复核包目录（无需数据库）' : 'a draw id, or a bundle folder (no database needed)')
    .addHelpText('after', zh ? '\n示例：\n  inspect verify 复核包目录/        # 无需数据库\n  inspect verify 2027-HLSJ-001      # 连同数据库中的表一起核对\n' : "\nExamples:\n  inspect verify bundle/            # no database needed\n  inspect verify 2027-HLSJ-001      # with the database's tables too\n")
    .action((target: string) => run(async (ctx) => (await import('./commands/verify.js')).runVerify(ctx, target)));

  program
    .command('simulate')
    .description(zh ? '在内存中重复抽取 K 次（不记录），比较实测入选率与 n/N' : 'repeat the draw K times in memory (nothing recorded) and compare observed rates with n/N')
    .option('--items <codes>', zh ? '抽查事项编码' : 'item codes')
    .option('--year <yyyy>', zh ? '计划年度' : 'plan year')
    .option('--runs <k>', zh ? '次数（默认 1000）' : 'runs (default 1000)')
    .option('--policy <file>', zh ? '抽查策略 JSON' : 'policy JSON')
    .option('--region <region>', zh ? '只抽该区域（可重复）' : 'restrict to this region (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .action((opts) => run(async (ctx) => (await import('./commands/simulate.js')).runSimulate(ctx, opts)));

  program
    .command('log')
    .description(zh ? '显示全过程日志（哈希链）' : 'show the hash-chained log of every change')
    .option('--since <date>', zh ? '只显示该日及之后' : 'only entries on or after this date')
    .action((opts) => run(async (ctx) => (await import('./commands/log.js')).runLog(ctx, opts)));

  program
    .command('audit')
    .description(zh ? '审计：校验日志链，重算每次抽取，核对名录、结果与公示' : 'walk the chain, recompute every draw, check rosters, results and publications')
    .option('--head', zh ? '只打印链头（序号:哈希），供抽取现场宣读' : 'print the chain head (SEQ:HASH) to read out at the ceremony')
    .option('--expect-head <seq:hash>', zh ? '核对此前宣读的链头仍在链中' : 'check that a head read out earlier is still in the chain')
    .action((opts) => run(async (ctx) => (await import('./commands/audit.js')).runAudit(ctx, opts)));

  program
    .command('backup')
    .description(zh ? '在线备份数据库（一致的副本）' : 'a consistent copy of the database (online backup)')
    .option('--out <file>', zh ? '备份文件' : 'backup file')
    .option('--force', zh ? '覆盖已有文件' : 'overwrite an existing file')
    .action((opts) => run(async (ctx) => (await import('./commands/backup.js')).runBackup(ctx, opts)));

  program
    .command('demo')
    .description(zh ? '在临时目录中用示例数据完整演示一遍' : 'run the whole cycle on the sample data in a temporary folder')
    .option('--keep <dir>', zh ? '演示文件保存到此目录' : 'keep the demo files in this folder')
    .action((opts) => run(async (ctx) => (await import('./commands/demo.js')).runDemo(ctx, opts)));

  return program;
}

function globalLangFromArgv(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  const a = argv[i]!;
  return a.includes('=') ? a.split('=')[1] : argv[i + 1];
}

export async function main(argv: string[]): Promise<void> {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); // `inspect … | head`: the reader left
  });
  let lang: 'zh' | 'en';
  try {
    lang = detectLang(globalLangFromArgv(argv), process.env);
  } catch (e) {
    process.exitCode = exitFor(e, 'zh');
    return;
  }
  let program: Command;
  const run = async (fn: (ctx: Context) => Promise<unknown> | unknown) => {
    const global = program.opts<GlobalOptions>();
    const ctx = makeContext(global);
    lang = ctx.ui.lang;
    await fn(ctx);
  };
  program = buildProgram(run);
  try {
    await program.parseAsync(argv);
  } catch (e) {
    process.exitCode = exitFor(e, lang);
  }
}

function exitFor(e: unknown, lang: 'zh' | 'en'): number {
  const label = lang === 'zh' ? '错误' : 'error';
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    return e.exitCode === 0 ? 0 : Exit.usage; // commander already printed the message and usage hint
  }
  if (e instanceof ExitError) return e.exit;
  if (e instanceof InspectError) {
    process.stderr.write(terminalSafe(`${label}: ${render(e.msg, lang)}\n`));
    for (const d of e.details) process.stderr.write(terminalSafe(`  ${render(d, lang)}\n`));
    return e.exit;
  }
  if (isIoError(e)) {
    const err = ioError((e as { path?: string }).path ?? '', e);
    process.stderr.write(`${label}: ${render(err.msg, lang)}\n`);
    return err.exit;
  }
  const name = (e as Error)?.name;
  if (name === 'ExitPromptError' || name === 'AbortPromptError') {
    process.stderr.write(`${render({ key: 'E_CANCELLED' }, lang)}\n`);
    return Exit.cancelled;
  }
  process.stderr.write(`${render({ key: 'E_INTERNAL', params: { detail: (e as Error)?.stack ?? String(e) } }, lang)}\n`);
  return Exit.internal;
}

