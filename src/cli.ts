// Wiring only: global options, one lazily loaded module per command, and the one place that maps
// errors to exit codes. Exit codes are set on process.exitCode (process.exit() truncates piped stdout).
import { Command, CommanderError } from 'commander';
import { ExitError, Exit, InspectError } from './core/errors.js';
import { render } from './core/messages.js';
import { detectLang, type GlobalOptions } from './io/ui.js';
import { makeContext, type Context } from './commands/context.js';
import { VERSION } from './version.js';

export function buildProgram(run: (fn: (ctx: Context) => Promise<unknown> | unknown) => Promise<void>): Command {
  const program = new Command('inspect');
  const lang = detectLang(globalLangFromArgv(process.argv), process.env);
  const zh = lang === 'zh';
  program
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .description(zh ? '双随机、一公开 抽查计划工具：名录导入、可复核的随机抽取、人员匹配、公示与审计' : '双随机、一公开 inspection planning: roster imports, a reproducible draw, inspector matching, publication and audit')
    .version(VERSION, '-V, --version')
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
    .argument('<roster>', 'objects | inspectors | items | departments | history')
    .argument('<file>', 'CSV')
    .option('--encoding <enc>', 'utf8 | gb18030')
    .option('--allow-codes <file>', zh ? '校验未通过但确认真实的代码清单' : 'codes accepted although they fail the check')
    .option('--skip-invalid', zh ? '导入有效行，无效行写入错误文件' : 'import valid rows; write rejected rows to the errors file')
    .option('--dry-run', zh ? '只检查，不写入' : 'validate only; write nothing')
    .option('--errors <file>', zh ? '把全部问题写入 CSV 文件' : 'write every problem to this CSV file')
    .action((roster: string, file: string, opts) => run(async (ctx) => (await import('./commands/import.js')).runImport(ctx, roster, file, opts)));

  program
    .command('status')
    .description(zh ? '显示已导入的名录' : 'show what is loaded')
    .action(() => run(async (ctx) => (await import('./commands/status.js')).runStatus(ctx)));

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
  let lang = detectLang(globalLangFromArgv(argv), process.env);
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
    process.stderr.write(`${label}: ${render(e.msg, lang)}\n`);
    for (const d of e.details) process.stderr.write(`  ${render(d, lang)}\n`);
    return e.exit;
  }
  const name = (e as Error)?.name;
  if (name === 'ExitPromptError' || name === 'AbortPromptError') {
    process.stderr.write(`${render({ key: 'E_CANCELLED' }, lang)}\n`);
    return Exit.cancelled;
  }
  process.stderr.write(`${render({ key: 'E_INTERNAL', params: { detail: (e as Error)?.stack ?? String(e) } }, lang)}\n`);
  return Exit.internal;
}

