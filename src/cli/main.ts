// Wiring only: global options, one lazily loaded module per command, and the one place that maps
// errors to exit codes. main() takes the streams and environment it runs with (io/processIo.ts) and
// returns the exit code: the binary passes the process's own and sets process.exitCode (process.exit()
// truncates piped stdout); the tests pass their own and run most CLI cases in process.
import { Command, CommanderError, Help } from 'commander';
import { ExitError, Exit, InspectError } from '../core/errors.js';
import { render, type MessageKey } from '../core/messages.js';
import { placeholdersZh } from '../core/messagesHelp.js';
import { displayWidth, terminalSafe } from '../core/text.js';
import { detectLang, JSON_SCHEMA_VERSION } from '../io/ui.js';
import { io, processIo, withIo, type Io } from '../io/processIo.js';
import { ioError, isIoError } from '../io/db.js';
import { makeContext, type Context } from './context.js';
import { VERSION } from '../version.js';
import { DEFAULT_POLICY } from '../io/policyFile.js';
import { resultCodesHelp } from '../core/results.js';
import { addFlags, FLAGS, type GlobalOptions } from './flags.js';

/** commander's own error sentences, in Chinese (its wording is stable within the pinned major version). */
const COMMANDER_ZH: [RegExp, string][] = [
  [/^error: unknown option '(.+?)'/, "错误：未知选项 '$1'"],
  [/^error: unknown command '(.+?)'/, "错误：未知命令 '$1'"],
  [/^error: missing required argument '(.+?)'/, "错误：缺少必需的参数 '$1'"],
  [/^error: required option '(.+?)' not specified/, "错误：缺少必需的选项 '$1'"],
  [/^error: option '(.+?)' argument missing/, "错误：选项 '$1' 缺少取值"],
  [
    /^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./,
    '错误：参数过多（应为 $2 个，实际 $3 个）',
  ],
  [/\(Did you mean one of (.+?)\?\)/, '（是否想输入以下之一：$1？）'],
  [/\(Did you mean (.+?)\?\)/, '（是否想输入 $1？）'],
];

function commanderZh(message: string): string {
  return COMMANDER_ZH.reduce((m, [re, zh]) => m.replace(re, zh), message);
}

const HELP_TITLES_ZH: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
};

export function buildProgram(
  run: (fn: (ctx: Context) => Promise<unknown> | unknown) => Promise<void>,
  argv: string[] = process.argv,
): Command {
  const program = new Command('inspect');
  let lang: 'zh' | 'en' = 'zh';
  try {
    lang = detectLang(globalLangFromArgv(argv), io().env);
  } catch {
    /* reported by main */
  }
  const zh = lang === 'zh';
  const h = (key: MessageKey) => render({ key }, lang);
  // Argument placeholders in the user's language (the action receives arguments by position).
  const a = (term: string) => (zh ? placeholdersZh(term) : term);
  program
    .exitOverride()
    .configureOutput({
      writeErr: (s) => io().stderr.write(s),
      writeOut: (s) => io().stdout.write(s),
      outputError: (s, write) => write(zh ? commanderZh(s) : s),
      // The run's streams, not the process's: the help's width and colour follow where it is written.
      getOutHelpWidth: () => (io().stdout.isTTY && io().stdout.columns) || 80,
      getErrHelpWidth: () => (io().stderr.isTTY && io().stderr.columns) || 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    // A subcommand's --help lists the global options it honours too; titles in the user's language.
    .configureHelp({
      // commander's own words in the usage line, in Chinese too.
      commandUsage(this: Help, cmd: Command) {
        const usage = Help.prototype.commandUsage.call(this, cmd);
        return zh ? usage.replace('[options]', '[选项]').replace('[command]', '[命令]') : usage;
      },
      subcommandTerm(this: Help, cmd: Command) {
        const term = Help.prototype.subcommandTerm.call(this, cmd);
        return zh ? term.replace('[options]', '[选项]').replace('[command]', '[命令]') : term;
      },
      // Columns padded by display width: a Chinese character takes two (commander counts one). Help is
      // never coloured (getOutHasColors above), so there is no escape sequence to strip first.
      displayWidth: (str: string) => displayWidth(str),
      showGlobalOptions: true,
      styleTitle: (title: string) => (zh ? (HELP_TITLES_ZH[title] ?? title) : title),
    })
    .helpOption('-h, --help', h('H_DISPLAY_HELP'))
    .helpCommand('help [command]', h('H_DISPLAY_HELP_FOR_A'))
    .description(h('H_INSPECTION_PLANNING_ROSTER_IMPORTS'))
    .version(VERSION, '-V, --version', h('H_OUTPUT_THE_VERSION_NUMBER'))
    // The first screen (`inspect` alone) points to the guided way and the demo.
    .addHelpText('after', h('H_FIRST_SCREEN'));
  addFlags(program, FLAGS.global, h);

  addFlags(
    program
      .command('import')
      .description(h('H_IMPORT_A_ROSTER_CSV'))
      .argument(a('<roster>'), h('H_OBJECTS_INSPECTORS_ITEMS_DEPARTMENTS'))
      .argument(a('<file>'), h('H_CSV_FILE')),
    FLAGS.import,
    h,
  )
    .addHelpText('after', h('H_EXAMPLES_INSPECT_IMPORT_OBJECTS'))
    .action((roster: string, file: string, opts) =>
      run(async (ctx) => (await import('../commands/import/import.js')).runImport(ctx, roster, file, opts)),
    );

  addFlags(program.command('init').description(h('H_INIT')), FLAGS.init, h).action((opts) =>
    run(async (ctx) => (await import('../commands/admin/init.js')).runInit(ctx, opts)),
  );

  const settings = program
    .command('settings')
    .description(h('H_SETTINGS'))
    .action(() => run(async (ctx) => (await import('../commands/admin/settings.js')).runSettings(ctx)));
  addFlags(
    settings.command('set').description(h('H_SETTINGS_SET')).argument(a('<key>')).argument(a('<value>')),
    FLAGS.settingsSet,
    h,
  ).action((key: string, value: string, opts) =>
    run(async (ctx) => (await import('../commands/admin/settings.js')).runSettingsSet(ctx, key, value, opts)),
  );

  program
    .command('status')
    .description(h('H_SHOW_WHAT_IS_LOADED'))
    .action(() => run(async (ctx) => (await import('../commands/views/status.js')).runStatus(ctx)));

  addFlags(program.command('draw').description(h('H_DRAW_THE_OBJECTS_TO')), FLAGS.draw, h)
    .addHelpText('after', h('H_EXAMPLES_INSPECT_DRAW_ITEMS'))
    .addHelpText('after', render({ key: 'H_DEFAULT_POLICY_PATH', params: { path: DEFAULT_POLICY } }, lang))
    .action((opts) => run(async (ctx) => (await import('../commands/draw/draw.js')).runDraw(ctx, opts)));

  addFlags(
    program.command('reveal').description(h('H_REVEAL_A_COMMITTED_DRAW')).argument(a('<drawId>')),
    FLAGS.reveal,
    h,
  )
    .addHelpText('after', h('H_EXAMPLE_INSPECT_REVEAL_2027'))
    .action((id: string, opts) =>
      run(async (ctx) => (await import('../commands/draw/reveal.js')).runReveal(ctx, id, opts)),
    );

  program
    .command('show')
    .description(h('H_A_DRAW_ON_SCREEN'))
    .argument(a('<drawId>'))
    .action((id: string) => run(async (ctx) => (await import('../commands/views/show.js')).runShow(ctx, id)));

  const ts = program.command('timestamp').description(h('H_TIMESTAMP'));
  addFlags(
    ts.command('request').description(h('H_TS_REQUEST')).argument(a('[drawId]')),
    FLAGS.timestampRequest,
    h,
  ).action((id: string | undefined, opts) =>
    run(async (ctx) => (await import('../commands/admin/timestamp.js')).runTimestampRequest(ctx, id, opts)),
  );
  ts.command('add')
    .description(h('H_TS_ADD'))
    .argument(a('<file>'))
    .action((file: string) =>
      run(async (ctx) => (await import('../commands/admin/timestamp.js')).runTimestampAdd(ctx, file)),
    );
  addFlags(ts.command('fetch').description(h('H_TS_FETCH')).argument(a('[drawId]')), FLAGS.timestampFetch, h).action(
    (id: string | undefined, opts) =>
      run(async (ctx) => (await import('../commands/admin/timestamp.js')).runTimestampFetch(ctx, id, opts)),
  );
  const trust = ts
    .command('trust')
    .description(h('H_TS_TRUST'))
    .action(() => run(async (ctx) => (await import('../commands/admin/timestamp.js')).runTrustList(ctx)));
  addFlags(trust.command('add').description(h('H_TS_TRUST_ADD')).argument(a('<rootPem>')), FLAGS.trustAdd, h).action(
    (file: string, opts) =>
      run(async (ctx) => (await import('../commands/admin/timestamp.js')).runTrustAdd(ctx, file, opts)),
  );

  addFlags(program.command('calendar').description(h('H_CALENDAR')), FLAGS.calendar, h).action((opts) =>
    run(async (ctx) => (await import('../commands/views/calendar.js')).runCalendar(ctx, opts)),
  );

  program
    .command('why')
    .description(h('H_WHY'))
    .argument(a('<drawId>'))
    .argument(a('<creditCode>'))
    .action((id: string, code: string) =>
      run(async (ctx) => (await import('../commands/views/why.js')).runWhy(ctx, id, code)),
    );

  program
    .command('items')
    .description(h('H_THE_INSPECTION_ITEMS_CODE'))
    .action(() => run(async (ctx) => (await import('../commands/views/show.js')).runItems(ctx)));

  addFlags(program.command('draws').description(h('H_LIST_THE_DRAWS_SUPERSEDED')), FLAGS.draws, h).action((opts) =>
    run(async (ctx) => (await import('../commands/views/draws.js')).runDraws(ctx, opts)),
  );

  const exp = program.command('export').description(h('H_EXPORTS_BUNDLE_TASK_LIST'));
  addFlags(
    exp.command('bundle').description(h('H_WRITE_THE_AUDIT_BUNDLE')).argument(a('<drawId>')),
    FLAGS.bundle,
    h,
  ).action((id: string, opts) =>
    run(async (ctx) => (await import('../commands/export/bundle.js')).runExportBundle(ctx, id, opts)),
  );

  addFlags(exp.command('verifier').description(h('H_WRITE_THE_OFFLINE_VERIFIER')), FLAGS.verifier, h).action((opts) =>
    run(async (ctx) => (await import('../commands/export/exportVerifier.js')).runExportVerifier(ctx, opts)),
  );

  addFlags(exp.command('tasks').description(h('H_THE_TASK_LIST_FOR')).argument(a('<drawId>')), FLAGS.tasks, h).action(
    (id: string, opts) =>
      run(async (ctx) => (await import('../commands/export/exportTasks.js')).runExportTasks(ctx, id, opts)),
  );
  addFlags(
    exp
      .command('publication')
      .description(h('H_PUBLICATION_FILES_TASK_NOTICE'))
      .argument(a('[drawId]'), h('H_DRAW_ID_NONE_WITH')),
    FLAGS.publication,
    h,
  )
    .addHelpText('after', h('H_EXAMPLES_INSPECT_EXPORT_PUBLICATION'))
    .action((id: string | undefined, opts) =>
      run(async (ctx) => (await import('../commands/export/exportPublication.js')).runExportPublication(ctx, id, opts)),
    );

  const results = program.command('results').description(h('H_INSPECTION_RESULTS'));
  addFlags(results.command('import').description(h('H_ENTER_RESULTS_FROM_A')).argument(a('<file>')), FLAGS.results, h)
    .addHelpText('after', render({ key: 'H_RESULT_CODES', params: { codes: resultCodesHelp(lang) } }, lang))
    .action((file: string, opts) =>
      run(async (ctx) => (await import('../commands/import/results.js')).runResultsImport(ctx, file, opts)),
    );

  addFlags(program.command('report').description(h('H_THE_YEAR_PROGRESS_PUBLICATION')), FLAGS.report, h).action(
    (opts) => run(async (ctx) => (await import('../commands/views/report.js')).runReport(ctx, opts)),
  );

  addFlags(
    program
      .command('verify')
      .description(h('H_RECOMPUTE_A_DRAW_DIGEST'))
      .argument(a('<drawIdOrDir>'), h('H_A_DRAW_ID_OR')),
    FLAGS.verify,
    h,
  )
    .addHelpText('after', h('H_EXAMPLES_INSPECT_VERIFY_BUNDLE'))
    .action((target: string, opts) =>
      run(async (ctx) => (await import('../commands/views/verify.js')).runVerify(ctx, target, opts)),
    );

  addFlags(program.command('simulate').description(h('H_REPEAT_THE_DRAW_K')), FLAGS.simulate, h).action((opts) =>
    run(async (ctx) => (await import('../commands/draw/simulate.js')).runSimulate(ctx, opts)),
  );

  addFlags(program.command('log').description(h('H_SHOW_THE_HASH_CHAINED')), FLAGS.log, h).action((opts) =>
    run(async (ctx) => (await import('../commands/views/log.js')).runLog(ctx, opts)),
  );

  addFlags(program.command('audit').description(h('H_WALK_THE_CHAIN_RECOMPUTE')), FLAGS.audit, h).action((opts) =>
    run(async (ctx) => (await import('../commands/views/audit.js')).runAudit(ctx, opts)),
  );

  addFlags(program.command('backup').description(h('H_A_CONSISTENT_COPY_OF')), FLAGS.backup, h).action((opts) =>
    run(async (ctx) => (await import('../commands/admin/backup.js')).runBackup(ctx, opts)),
  );

  addFlags(program.command('demo').description(h('H_RUN_THE_WHOLE_CYCLE')), FLAGS.demo, h).action((opts) =>
    run(async (ctx) => (await import('../commands/admin/demo.js')).runDemo(ctx, opts)),
  );

  // Option placeholders too (`--db <路径>`): commander reads an option's name from its long flag when it
  // is declared, and shows `flags` only in help afterwards.
  if (zh) for (const cmd of allCommands(program)) for (const o of cmd.options) o.flags = placeholdersZh(o.flags);
  return program;
}

function allCommands(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(allCommands)];
}

function globalLangFromArgv(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  const a = argv[i]!;
  return a.includes('=') ? a.split('=')[1] : argv[i + 1];
}

/** Runs one command line (argv as process.argv: node, script, arguments…) and returns its exit code. */
export function main(argv: string[], streams: Io = processIo()): Promise<number> {
  return withIo(streams, () => run(argv));
}

async function run(argv: string[]): Promise<number> {
  const json = globalFlag(argv, '--json');
  let lang: 'zh' | 'en';
  try {
    lang = detectLang(globalLangFromArgv(argv), io().env);
  } catch (e) {
    return exitFor(e, 'zh', json);
  }
  if (json && (globalFlag(argv, '--version') || globalFlag(argv, '-V'))) {
    io().stdout.write(`${JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, version: VERSION }, null, 2)}\n`);
    return 0;
  }
  const runCommand = async (fn: (ctx: Context) => Promise<unknown> | unknown) => {
    const global = program.opts<GlobalOptions>();
    const ctx = makeContext(global);
    lang = ctx.ui.lang;
    await fn(ctx);
  };
  const program: Command = buildProgram(runCommand, argv);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    return exitFor(e, lang, json);
  }
}

/** A flag given before any `--` (where commander would read it as an option). */
function globalFlag(argv: string[], flag: string): boolean {
  const args = argv.slice(2);
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).includes(flag);
}

/**
 * How an error ends the run: its message on stderr, in the user's language, and the exit code. With
 * --json, stdout also carries one JSON document saying so (docs/json.md, "Errors"), so a script reading
 * stdout never finds it empty.
 */
export function exitFor(e: unknown, lang: 'zh' | 'en', json = false): number {
  const { exit, code, message } = describeError(e, lang);
  // An ExitError comes from a command that has already printed its result (audit, verify, report): the
  // document on stdout is that result, with the failure in it.
  if (json && exit !== 0 && !(e instanceof ExitError))
    io().stdout.write(
      `${JSON.stringify({ schemaVersion: JSON_SCHEMA_VERSION, error: { code, exit, message } }, null, 2)}\n`,
    );
  return exit;
}

/** What an error is, and writes its human-readable message to stderr (commander writes its own). */
function describeError(e: unknown, lang: 'zh' | 'en'): { exit: number; code: string; message: string } {
  const label = render({ key: 'T_ERROR' }, lang);
  const say = (text: string) => io().stderr.write(terminalSafe(text));
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
      return { exit: 0, code: e.code, message: '' };
    // commander already printed the message and usage hint
    const message = (lang === 'zh' ? commanderZh(e.message) : e.message).replace(/^(error: |错误：)/, '');
    return { exit: e.exitCode === 0 ? 0 : Exit.usage, code: 'E_USAGE', message };
  }
  if (e instanceof ExitError) return { exit: e.exit, code: 'E_EXIT', message: '' };
  if (e instanceof InspectError) {
    const text = [render(e.msg, lang), ...e.details.map((d) => render(d, lang))];
    say(`${label}: ${text[0]}\n`);
    for (const d of text.slice(1)) say(`  ${d}\n`);
    return { exit: e.exit, code: e.msg.key, message: text.join('\n') };
  }
  if (isIoError(e)) {
    const err = ioError((e as { path?: string }).path ?? '', e);
    const message = render(err.msg, lang);
    say(`${label}: ${message}\n`);
    return { exit: err.exit, code: err.msg.key, message };
  }
  if ((e as { code?: string }).code === 'SQLITE_TOOBIG') {
    // One stored value over SQLite's 1 GB limit: refused, rolled back, and said how to go on.
    const message = render({ key: 'E_TOO_BIG' }, lang);
    say(`${label}: ${message}\n`);
    return { exit: Exit.data, code: 'E_TOO_BIG', message };
  }
  const name = (e as Error)?.name;
  if (name === 'ExitPromptError' || name === 'AbortPromptError') {
    const message = render({ key: 'E_CANCELLED' }, lang);
    say(`${message}\n`);
    return { exit: Exit.cancelled, code: 'E_CANCELLED', message };
  }
  const message = render({ key: 'E_INTERNAL', params: { detail: (e as Error)?.stack ?? String(e) } }, lang);
  say(`${message}\n`);
  return { exit: Exit.internal, code: 'E_INTERNAL', message };
}
