// Every command-line flag, declared once: its commander syntax, its help text's key and how it repeats.
// cli.ts builds the commands from these declarations, and each command's options type is derived from
// them, so a flag's name, its type and the code that reads it cannot drift apart.
import type { MessageKey } from '../core/messages.js';
import type { Command } from 'commander';

export interface FlagSpec {
  /** commander syntax: `--name <value>` takes a string, `--name` is a switch, `--no-name` a negation. */
  readonly flag: string;
  /** Key of the help text in the message catalogue. */
  readonly help: MessageKey;
  /** May be given several times; the values are collected in order. */
  readonly repeat?: true;
  readonly required?: true;
}
type Specs = Readonly<Record<string, FlagSpec>>;

type ValueOf<S extends FlagSpec> = S['repeat'] extends true
  ? string[]
  : S['flag'] extends `${string}<${string}>`
    ? string
    : boolean;
/** The parsed options of a command, typed by its declarations (every flag optional unless required). */
export type Options<T extends Specs> = {
  [K in keyof T as T[K]['required'] extends true ? never : K]?: ValueOf<T[K]>;
} & {
  [K in keyof T as T[K]['required'] extends true ? K : never]: ValueOf<T[K]>;
};

const force = { flag: '--force', help: 'H_OVERWRITE_AN_EXISTING_FILE' } as const;
const dryRun = { flag: '--dry-run', help: 'H_VALIDATE_ONLY_WRITE_NOTHING' } as const;
const year = { flag: '--year <yyyy>', help: 'H_PLAN_YEAR' } as const;
const region = { flag: '--region <region>', help: 'H_RESTRICT_TO_THIS_REGION', repeat: true } as const;

export const FLAGS = {
  global: {
    db: { flag: '--db <path>', help: 'H_DATABASE_FILE_DEFAULT_INSPECT' },
    lang: { flag: '--lang <lang>', help: 'H_MESSAGE_LANGUAGE_ZH_EN' },
    json: { flag: '--json', help: 'H_PRINT_THE_RESULT_AS' },
    quiet: { flag: '-q, --quiet', help: 'H_PRINT_ONLY_RESULTS_AND' },
    color: { flag: '--no-color', help: 'H_NO_COLOUR' },
    operator: { flag: '--operator <name>', help: 'H_OPERATOR_DEFAULT_THE_OS' },
    yes: { flag: '-y, --yes', help: 'H_DO_NOT_ASK_FOR' },
    input: { flag: '--no-input', help: 'H_NEVER_PROMPT' },
  },
  import: {
    encoding: { flag: '--encoding <enc>', help: 'H_FILE_ENCODING_UTF8_GB18030' },
    allowCodes: { flag: '--allow-codes <file>', help: 'H_CODES_ACCEPTED_ALTHOUGH_THEY' },
    skipInvalid: { flag: '--skip-invalid', help: 'H_IMPORT_VALID_ROWS_WRITE' },
    dryRun,
    errors: { flag: '--errors <file>', help: 'H_WRITE_EVERY_PROBLEM_TO' },
    force: { flag: '--force', help: 'H_OVERWRITE_AN_EXISTING_ERRORS' },
    fullRoster: { flag: '--full-roster', help: 'H_THE_FILE_IS_THE' },
    acceptDamagedNames: { flag: '--accept-damaged-names', help: 'H_ACCEPT_DAMAGED_NAMES' },
  },
  draw: {
    items: { flag: '--items <codes>', help: 'H_ITEM_CODES_COMMA_SEPARATED' },
    year,
    seed: { flag: '--seed <text>', help: 'H_SEED_E_G_NUMBERS' },
    policy: { flag: '--policy <file>', help: 'H_POLICY_JSON_DEFAULT_DATA' },
    region,
    crossRegion: { flag: '--cross-region', help: 'H_INSPECTORS_NEVER_INSPECT_OBJECTS' },
    window: { flag: '--window <start..end>', help: 'H_INSPECTION_WINDOW_DEFAULT_DRAW' },
    dryRun: { flag: '--dry-run', help: 'H_SHOW_SCOPE_AND_ALLOCATION' },
    supersede: { flag: '--supersede <drawId>', help: 'H_VOID_THIS_DRAW_NEEDS' },
    reason: { flag: '--reason <text>', help: 'H_WHY_THE_SUPERSEDED_DRAW' },
    sourceUnavailable: { flag: '--source-unavailable', help: 'H_SOURCE_UNAVAILABLE' },
    commit: { flag: '--commit', help: 'H_COMMITTED_DRAW_RECOMMENDED_RECORD' },
    beacon: { flag: '--beacon <spec>', help: 'H_PUBLIC_RANDOM_SOURCE_REPEATABLE', repeat: true },
  },
  reveal: {
    value: { flag: '--value <value>', help: 'H_ONE_VALUE_PER_SOURCE', repeat: true },
    fetch: { flag: '--fetch', help: 'H_REVEAL_FETCH' },
    relay: { flag: '--relay <url>', help: 'H_REVEAL_RELAY', repeat: true },
    timeout: { flag: '--timeout <seconds>', help: 'H_REVEAL_TIMEOUT' },
  },
  draws: {
    year: { flag: '--year <yyyy>', help: 'H_ONLY_THIS_YEAR' },
  },
  bundle: {
    out: { flag: '--out <dir>', help: 'H_OUTPUT_FOLDER' },
    force: { flag: '--force', help: 'H_OVERWRITE_EXISTING_FILES' },
  },
  verifier: {
    out: { flag: '--out <file>', help: 'H_OUTPUT_FILE' },
    force,
  },
  tasks: {
    format: { flag: '--format <fmt>', help: 'H_FORMAT_CSV_DEFAULT_XLSX' },
    out: { flag: '--out <file>', help: 'H_OUTPUT_FILE_JSON_DEFAULTS' },
    raw: { flag: '--raw', help: 'H_MACHINE_CSV_ENGLISH_KEYS' },
    force,
  },
  publication: {
    kind: { flag: '--kind <kind>', help: 'H_TASK_RESULT_COMMITMENT', required: true },
    withList: { flag: '--with-list', help: 'H_ADD_THE_LIST_OF' },
    format: { flag: '--format <fmt>', help: 'H_FORMAT_CSV_DEFAULT_XLSX' },
    out: { flag: '--out <file>', help: 'H_OUTPUT_FILE' },
    raw: { flag: '--raw', help: 'H_MACHINE_CSV' },
    force,
    asOf: { flag: '--as-of <date>', help: 'H_PUBLICATION_DATE_DEFAULT_TODAY' },
    dryRun: { flag: '--dry-run', help: 'H_PREVIEW_ON_STDOUT_NO' },
    pending: { flag: '--pending', help: 'H_WITH_KIND_RESULT_ONE' },
  },
  results: {
    skipInvalid: { flag: '--skip-invalid', help: 'H_ENTER_VALID_ROWS_WRITE' },
    dryRun: { flag: '--dry-run', help: 'H_VALIDATE_ONLY' },
    errors: { flag: '--errors <file>', help: 'H_WRITE_EVERY_PROBLEM_TO' },
    force: { flag: '--force', help: 'H_OVERWRITE_AN_EXISTING_ERRORS' },
    asOf: { flag: '--as-of <date>', help: 'H_THE_DATE_TAKEN_AS' },
  },
  report: {
    year: { flag: '--year <yyyy>', help: 'H_YEAR_DEFAULT_THE_YEAR' },
    asOf: { flag: '--as-of <date>', help: 'H_COMPUTE_AS_OF_THIS' },
    calendar: { flag: '--calendar <file>', help: 'H_LOCAL_HOLIDAY_OVERRIDES_DEFAULT' },
    policy: { flag: '--policy <file>', help: 'H_POLICY_JSON_FOR_THE' },
    failOnOverdue: { flag: '--fail-on-overdue', help: 'H_EXIT_3_WHEN_ANY' },
  },
  simulate: {
    items: { flag: '--items <codes>', help: 'H_ITEM_CODES' },
    year,
    runs: { flag: '--runs <k>', help: 'H_RUNS_DEFAULT_1000' },
    policy: { flag: '--policy <file>', help: 'H_POLICY_JSON' },
    region,
  },
  log: {
    since: { flag: '--since <date>', help: 'H_ONLY_ENTRIES_ON_OR' },
  },
  audit: {
    head: { flag: '--head', help: 'H_PRINT_THE_CHAIN_HEAD' },
    expectHead: { flag: '--expect-head <seq:hash>', help: 'H_CHECK_THAT_A_HEAD' },
  },
  backup: {
    out: { flag: '--out <file>', help: 'H_BACKUP_FILE' },
    force,
  },
  verify: {
    notice: { flag: '--notice <file>', help: 'H_VERIFY_NOTICE' },
    trust: { flag: '--trust <rootPem>', help: 'H_VERIFY_TRUST' },
  },
  timestampRequest: {
    head: { flag: '--head', help: 'H_TS_HEAD' },
    out: { flag: '--out <file>', help: 'H_TS_OUT' },
    force,
  },
  timestampFetch: {
    head: { flag: '--head', help: 'H_TS_HEAD' },
    tsa: { flag: '--tsa <url>', help: 'H_TS_TSA' },
    timeout: { flag: '--timeout <seconds>', help: 'H_TS_TIMEOUT' },
  },
  trustAdd: {
    name: { flag: '--name <text>', help: 'H_TS_NAME' },
  },
  calendar: {
    calendar: { flag: '--calendar <file>', help: 'H_LOCAL_HOLIDAY_OVERRIDES_DEFAULT' },
  },
  init: {
    practice: { flag: '--practice', help: 'H_INIT_PRACTICE' },
  },
  settingsSet: {
    reason: { flag: '--reason <text>', help: 'H_SETTING_REASON' },
  },
  demo: {
    keep: { flag: '--keep <dir>', help: 'H_KEEP_THE_DEMO_FILES' },
  },
} as const satisfies Record<string, Specs>;

export type GlobalOptions = Options<typeof FLAGS.global>;
export type ImportOptions = Options<typeof FLAGS.import>;
export type DrawOptions = Options<typeof FLAGS.draw>;
export type RevealOptions = Options<typeof FLAGS.reveal>;
export type DrawsOptions = Options<typeof FLAGS.draws>;
export type BundleOptions = Options<typeof FLAGS.bundle>;
export type VerifierOptions = Options<typeof FLAGS.verifier>;
/** `kind` is required on the command line; callers inside the tool may leave it to the default. */
export type PublicationOptions = Partial<Options<typeof FLAGS.publication>>;
export type ResultsOptions = Options<typeof FLAGS.results>;
export type ReportOptions = Options<typeof FLAGS.report>;
export type SimulateOptions = Options<typeof FLAGS.simulate>;
export type LogOptions = Options<typeof FLAGS.log>;
export type AuditOptions = Options<typeof FLAGS.audit>;
export type BackupOptions = Options<typeof FLAGS.backup>;
export type DemoOptions = Options<typeof FLAGS.demo>;
export type VerifyOptions = Options<typeof FLAGS.verify>;
export type TimestampRequestOptions = Options<typeof FLAGS.timestampRequest>;
export type TimestampFetchOptions = Options<typeof FLAGS.timestampFetch>;
export type TrustAddOptions = Options<typeof FLAGS.trustAdd>;
export type CalendarOptions = Options<typeof FLAGS.calendar>;
export type InitOptions = Options<typeof FLAGS.init>;
export type SettingsSetOptions = Options<typeof FLAGS.settingsSet>;

const collect = (v: string, prev: string[] = []) => [...prev, v];

/**
 * Adds the declared flags to a command. The declared key must be the name commander gives the flag
 * (`--dry-run` → dryRun), or the derived type would describe a field that never arrives.
 */
export function addFlags(cmd: Command, specs: Specs, text: (key: MessageKey) => string): Command {
  for (const [key, s] of Object.entries(specs)) {
    if (s.required) cmd.requiredOption(s.flag, text(s.help));
    else if (s.repeat) cmd.option(s.flag, text(s.help), collect);
    else cmd.option(s.flag, text(s.help));
    const added = cmd.options[cmd.options.length - 1]!;
    if (added.attributeName() !== key)
      throw new Error(`flag ${s.flag} is declared as ${key}, commander calls it ${added.attributeName()}`);
  }
  return cmd;
}
