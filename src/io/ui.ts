// Terminal conventions (clig.dev, style.md): results on stdout, everything else on stderr; colour only
// on a TTY without NO_COLOR/TERM=dumb/--no-color; progress only on a TTY and never with --quiet/--json;
// prompts only when stdin and stderr are TTYs and the user did not say --yes/--no-input/--json.
import { Chalk, type ChalkInstance } from 'chalk';
import cliProgress from 'cli-progress';
import { render, type Lang, type Msg, type MessageKey } from '../core/messages.js';
import { Exit, InspectError } from '../core/errors.js';
import { terminalSafe } from '../core/text.js';
import { io } from './processIo.js';

/** The version of the JSON shapes documented in docs/json.md. */
export const JSON_SCHEMA_VERSION = 1;

/** The global flags the terminal honours (declared in flags.ts; io states the shape it reads). */
export interface UiSettings {
  lang?: string;
  json?: boolean;
  quiet?: boolean;
  color?: boolean;
  yes?: boolean;
  input?: boolean;
}

export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag) {
    const f = flag.toLowerCase();
    if (f === 'zh' || f.startsWith('zh-') || f.startsWith('zh_')) return 'zh';
    if (f === 'en' || f.startsWith('en-') || f.startsWith('en_')) return 'en';
    throw new InspectError(Exit.usage, {
      key: 'E_BAD_OPTION',
      params: { flag: '--lang', value: flag, reason: 'zh | en' },
    });
  }
  // Chinese unless the locale says English: a server or cron job with LANG=C.UTF-8 or POSIX still
  // prints Chinese to the Chinese staff who read its output.
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return v.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

export class Ui {
  readonly lang: Lang;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly c: ChalkInstance;
  readonly interactive: boolean;
  readonly assumeYes: boolean;
  /** How many warnings this run has printed (a summary's `warnings` counts them). */
  warned = 0;

  constructor(
    opts: UiSettings,
    private readonly env: NodeJS.ProcessEnv = io().env,
  ) {
    this.lang = detectLang(opts.lang, env);
    this.json = opts.json ?? false;
    this.quiet = opts.quiet ?? false;
    const colour = opts.color !== false && !(env.NO_COLOR ?? '') && env.TERM !== 'dumb' && Boolean(io().stderr.isTTY);
    // chalk 5 ignores NO_COLOR, so the level is set here explicitly.
    this.c = new Chalk({ level: colour ? 1 : 0 });
    this.assumeYes = opts.yes ?? false;
    this.interactive =
      Boolean(io().stdin.isTTY && io().stderr.isTTY) && !this.json && opts.input !== false && !this.assumeYes;
  }

  t(msg: Msg | MessageKey, params?: Msg['params']): string {
    return render(typeof msg === 'string' ? { key: msg, params } : msg, this.lang);
  }

  /** A field's name and the colon the language puts after it: 种子： or seed: . */
  label(key: MessageKey): string {
    return `${this.t(key)}${this.t('T_LABEL_COLON')}`;
  }

  /** Values listed the way the language lists them: 甲、乙 or a, b. */
  list(values: readonly string[]): string {
    return values.join(this.t('T_LIST_SEP'));
  }

  /** A result line on stdout (suppressed with --json, where the JSON is the result). */
  out(text: string): void {
    if (!this.json) io().stdout.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`));
  }

  /**
   * The result as JSON on stdout. Every command prints one object, and every object carries the version
   * of its documented shape (docs/json.md), so a script can tell a changed contract from a bug.
   */
  outJson(value: object): void {
    const versioned =
      Array.isArray(value) || 'schemaVersion' in value ? value : { schemaVersion: JSON_SCHEMA_VERSION, ...value };
    io().stdout.write(`${JSON.stringify(versioned, null, 2)}\n`);
  }

  /** Progress and information on stderr; --quiet silences it. */
  info(msg: Msg | MessageKey, params?: Msg['params']): void {
    if (!this.quiet) io().stderr.write(terminalSafe(`${this.t(msg, params)}\n`));
  }

  note(text: string): void {
    if (!this.quiet) io().stderr.write(terminalSafe(`${text}\n`));
  }

  warn(msg: Msg | MessageKey, params?: Msg['params']): void {
    this.warned++;
    io().stderr.write(terminalSafe(`${this.c.yellow(this.t('T_WARNING'))}: ${this.t(msg, params)}\n`));
  }

  error(msg: Msg | MessageKey, params?: Msg['params']): void {
    io().stderr.write(terminalSafe(`${this.c.red(this.t('T_ERROR'))}: ${this.t(msg, params)}\n`));
  }

  /** A progress bar on a TTY stderr, or a no-op. */
  progress(total: number, label: string): { update(n: number): void; stop(): void } {
    if (this.quiet || this.json || !io().stderr.isTTY || this.env.CI) return { update() {}, stop() {} };
    const bar = new cliProgress.SingleBar(
      {
        stream: io().stderr as NodeJS.WritableStream,
        format: `${label} [{bar}] {percentage}% | {eta_formatted}`,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (n) => bar.update(n), stop: () => bar.stop() };
  }
}
