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
  const h = (key: string) => render({ key }, lang);
  program
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      writeOut: (s) => process.stdout.write(s),
      outputError: (s, write) => write(zh ? commanderZh(s) : s),
    })
    // A subcommand's --help lists the global options it honours too; titles in the user's language.
    .configureHelp({ showGlobalOptions: true, styleTitle: (title: string) => (zh ? (HELP_TITLES_ZH[title] ?? title) : title) })
    .helpOption('-h, --help', h('H_DISPLAY_HELP'))
    .helpCommand('help [command]', h('H_DISPLAY_HELP_FOR_A'))
    .description(h('H_INSPECTION_PLANNING_ROSTER_IMPORTS'))
    .version(VERSION, '-V, --version', h('H_OUTPUT_THE_VERSION_NUMBER'))
    .option('--db <path>', h('H_DATABASE_FILE_DEFAULT_INSPECT'))
    .option('--lang <lang>', h('H_MESSAGE_LANGUAGE_ZH_EN'))
    .option('--json', h('H_PRINT_THE_RESULT_AS'))
    .option('-q, --quiet', h('H_PRINT_ONLY_RESULTS_AND'))
    .option('--no-color', h('H_NO_COLOUR'))
    .option('--operator <name>', h('H_OPERATOR_DEFAULT_THE_OS'))
    .option('-y, --yes', h('H_DO_NOT_ASK_FOR'))
    .option('--no-input', h('H_NEVER_PROMPT'));

  program
    .command('import')
    .description(h('H_IMPORT_A_ROSTER_CSV'))
    .argument('<roster>', h('H_OBJECTS_INSPECTORS_ITEMS_DEPARTMENTS'))
    .argument('<file>', h('H_CSV_FILE'))
    .option('--encoding <enc>', h('H_FILE_ENCODING_UTF8_GB18030'))
    .option('--allow-codes <file>', h('H_CODES_ACCEPTED_ALTHOUGH_THEY'))
    .option('--skip-invalid', h('H_IMPORT_VALID_ROWS_WRITE'))
    .option('--dry-run', h('H_VALIDATE_ONLY_WRITE_NOTHING'))
    .option('--errors <file>', h('H_WRITE_EVERY_PROBLEM_TO'))
    .option('--force', h('H_OVERWRITE_AN_EXISTING_ERRORS'))
    .option('--full-roster', h('H_THE_FILE_IS_THE'))
    .addHelpText('after', h('H_EXAMPLES_INSPECT_IMPORT_OBJECTS'))
    .action((roster: string, file: string, opts) => run(async (ctx) => (await import('./commands/import.js')).runImport(ctx, roster, file, opts)));

  program
    .command('status')
    .description(h('H_SHOW_WHAT_IS_LOADED'))
    .action(() => run(async (ctx) => (await import('./commands/status.js')).runStatus(ctx)));

  program
    .command('draw')
    .description(h('H_DRAW_THE_OBJECTS_TO'))
    .option('--items <codes>', h('H_ITEM_CODES_COMMA_SEPARATED'))
    .option('--year <yyyy>', h('H_PLAN_YEAR'))
    .option('--seed <text>', h('H_SEED_E_G_NUMBERS'))
    .option('--policy <file>', h('H_POLICY_JSON_DEFAULT_DATA'))
    .option('--region <region>', h('H_RESTRICT_TO_THIS_REGION'), (v: string, prev: string[] = []) => [...prev, v])
    .option('--cross-region', h('H_INSPECTORS_NEVER_INSPECT_OBJECTS'))
    .option('--window <start..end>', h('H_INSPECTION_WINDOW_DEFAULT_DRAW'))
    .option('--dry-run', h('H_SHOW_SCOPE_AND_ALLOCATION'))
    .option('--supersede <drawId>', h('H_VOID_THIS_DRAW_NEEDS'))
    .option('--reason <text>', h('H_WHY_THE_SUPERSEDED_DRAW'))
    .option('--commit', h('H_COMMITTED_DRAW_RECOMMENDED_RECORD'))
    .option('--beacon <spec>', h('H_PUBLIC_RANDOM_SOURCE_REPEATABLE'), (v: string, prev: string[] = []) => [...prev, v])
    .addHelpText('after', h('H_EXAMPLES_INSPECT_DRAW_ITEMS'))
    .action((opts) => run(async (ctx) => (await import('./commands/draw.js')).runDraw(ctx, opts)));

  program
    .command('reveal')
    .description(h('H_REVEAL_A_COMMITTED_DRAW'))
    .argument('<drawId>')
    .option('--value <value>', h('H_ONE_VALUE_PER_SOURCE'), (v: string, prev: string[] = []) => [...prev, v])
    .addHelpText('after', h('H_EXAMPLE_INSPECT_REVEAL_2027'))
    .action((id: string, opts) => run(async (ctx) => (await import('./commands/reveal.js')).runReveal(ctx, id, opts)));

  program
    .command('show')
    .description(h('H_A_DRAW_ON_SCREEN'))
    .argument('<drawId>')
    .action((id: string) => run(async (ctx) => (await import('./commands/show.js')).runShow(ctx, id)));

  program
    .command('items')
    .description(h('H_THE_INSPECTION_ITEMS_CODE'))
    .action(() => run(async (ctx) => (await import('./commands/show.js')).runItems(ctx)));

  program
    .command('draws')
    .description(h('H_LIST_THE_DRAWS_SUPERSEDED'))
    .option('--year <yyyy>', h('H_ONLY_THIS_YEAR'))
    .action((opts) => run(async (ctx) => (await import('./commands/draws.js')).runDraws(ctx, opts)));

  const exp = program.command('export').description(h('H_EXPORTS_BUNDLE_TASK_LIST'));
  exp
    .command('bundle')
    .description(h('H_WRITE_THE_AUDIT_BUNDLE'))
    .argument('<drawId>')
    .option('--out <dir>', h('H_OUTPUT_FOLDER'))
    .option('--force', h('H_OVERWRITE_EXISTING_FILES'))
    .action((id: string, opts) => run(async (ctx) => (await import('./commands/bundle.js')).runExportBundle(ctx, id, opts)));

  exp
    .command('verifier')
    .description(h('H_WRITE_THE_OFFLINE_VERIFIER'))
    .option('--out <file>', h('H_OUTPUT_FILE'))
    .option('--force', h('H_OVERWRITE_AN_EXISTING_FILE'))
    .action((opts) => run(async (ctx) => (await import('./commands/exportVerifier.js')).runExportVerifier(ctx, opts)));

  exp
    .command('tasks')
    .description(h('H_THE_TASK_LIST_FOR'))
    .argument('<drawId>')
    .option('--format <fmt>', h('H_FORMAT_CSV_DEFAULT_XLSX'))
    .option('--out <file>', h('H_OUTPUT_FILE_JSON_DEFAULTS'))
    .option('--raw', h('H_MACHINE_CSV_ENGLISH_KEYS'))
    .option('--force', h('H_OVERWRITE_AN_EXISTING_FILE'))
    .action((id: string, opts) => run(async (ctx) => (await import('./commands/exportTasks.js')).runExportTasks(ctx, id, opts)));
  exp
    .command('publication')
    .description(h('H_PUBLICATION_FILES_TASK_NOTICE'))
    .argument('[drawId]', h('H_DRAW_ID_NONE_WITH'))
    .requiredOption('--kind <kind>', h('H_TASK_RESULT_COMMITMENT'))
    .option('--with-list', h('H_ADD_THE_LIST_OF'))
    .option('--format <fmt>', h('H_FORMAT_CSV_DEFAULT_XLSX'))
    .option('--out <file>', h('H_OUTPUT_FILE'))
    .option('--raw', h('H_MACHINE_CSV'))
    .option('--force', h('H_OVERWRITE_AN_EXISTING_FILE'))
    .option('--as-of <date>', h('H_PUBLICATION_DATE_DEFAULT_TODAY'))
    .option('--dry-run', h('H_PREVIEW_ON_STDOUT_NO'))
    .option('--pending', h('H_WITH_KIND_RESULT_ONE'))
    .addHelpText('after', h('H_EXAMPLES_INSPECT_EXPORT_PUBLICATION'))
    .action((id: string | undefined, opts) => run(async (ctx) => (await import('./commands/exportPublication.js')).runExportPublication(ctx, id, opts)));

  const results = program.command('results').description(h('H_INSPECTION_RESULTS'));
  results
    .command('import')
    .description(h('H_ENTER_RESULTS_FROM_A'))
    .argument('<file>')
    .option('--skip-invalid', h('H_ENTER_VALID_ROWS_WRITE'))
    .option('--dry-run', h('H_VALIDATE_ONLY'))
    .option('--errors <file>', h('H_WRITE_EVERY_PROBLEM_TO'))
    .option('--force', h('H_OVERWRITE_AN_EXISTING_ERRORS'))
    .option('--as-of <date>', h('H_THE_DATE_TAKEN_AS'))
    .action((file: string, opts) => run(async (ctx) => (await import('./commands/results.js')).runResultsImport(ctx, file, opts)));

  program
    .command('report')
    .description(h('H_THE_YEAR_PROGRESS_PUBLICATION'))
    .option('--year <yyyy>', h('H_YEAR_DEFAULT_THE_YEAR'))
    .option('--as-of <date>', h('H_COMPUTE_AS_OF_THIS'))
    .option('--calendar <file>', h('H_LOCAL_HOLIDAY_OVERRIDES_DEFAULT'))
    .option('--policy <file>', h('H_POLICY_JSON_FOR_THE'))
    .option('--fail-on-overdue', h('H_EXIT_3_WHEN_ANY'))
    .action((opts) => run(async (ctx) => (await import('./commands/report.js')).runReport(ctx, opts)));

  program
    .command('verify')
    .description(h('H_RECOMPUTE_A_DRAW_DIGEST'))
    .argument('<drawIdOrDir>', h('H_A_DRAW_ID_OR'))
    .addHelpText('after', h('H_EXAMPLES_INSPECT_VERIFY_BUNDLE'))
    .action((target: string) => run(async (ctx) => (await import('./commands/verify.js')).runVerify(ctx, target)));

  program
    .command('simulate')
    .description(h('H_REPEAT_THE_DRAW_K'))
    .option('--items <codes>', h('H_ITEM_CODES'))
    .option('--year <yyyy>', h('H_PLAN_YEAR'))
    .option('--runs <k>', h('H_RUNS_DEFAULT_1000'))
    .option('--policy <file>', h('H_POLICY_JSON'))
    .option('--region <region>', h('H_RESTRICT_TO_THIS_REGION'), (v: string, prev: string[] = []) => [...prev, v])
    .action((opts) => run(async (ctx) => (await import('./commands/simulate.js')).runSimulate(ctx, opts)));

  program
    .command('log')
    .description(h('H_SHOW_THE_HASH_CHAINED'))
    .option('--since <date>', h('H_ONLY_ENTRIES_ON_OR'))
    .action((opts) => run(async (ctx) => (await import('./commands/log.js')).runLog(ctx, opts)));

  program
    .command('audit')
    .description(h('H_WALK_THE_CHAIN_RECOMPUTE'))
    .option('--head', h('H_PRINT_THE_CHAIN_HEAD'))
    .option('--expect-head <seq:hash>', h('H_CHECK_THAT_A_HEAD'))
    .action((opts) => run(async (ctx) => (await import('./commands/audit.js')).runAudit(ctx, opts)));

  program
    .command('backup')
    .description(h('H_A_CONSISTENT_COPY_OF'))
    .option('--out <file>', h('H_BACKUP_FILE'))
    .option('--force', h('H_OVERWRITE_AN_EXISTING_FILE'))
    .action((opts) => run(async (ctx) => (await import('./commands/backup.js')).runBackup(ctx, opts)));

  program
    .command('demo')
    .description(h('H_RUN_THE_WHOLE_CYCLE'))
    .option('--keep <dir>', h('H_KEEP_THE_DEMO_FILES'))
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
  const label = render({ key: 'T_ERROR' }, lang);
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

