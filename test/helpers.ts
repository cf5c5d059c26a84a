import Database from 'better-sqlite3';
import { audit as auditMessages } from '../src/io/audit.js';
import { render, type Msg } from '../src/core/messages.js';
import { parseExpectHead } from '../src/cli/optionParsers.js';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { inject } from 'vitest';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeContext, type Context } from '../src/cli/context.js';

export const ROOT = resolve(__dirname, '..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const DATA = join(ROOT, 'data');
export const fixture = (name: string) => join(FIXTURES, name);

const made: string[] = [];

export function tmp(prefix = 'inspect-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the folders tmp() made (a mount still in place is left to its own test's clean-up). */
export function removeTmpDirs(): void {
  for (const d of made.splice(0)) {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      /* busy: a mount point */
    }
  }
}

/** The one value a query returns, from the database file opened read-only (as the sqlite3 shell would). */
export function dbValue(file: string, sql: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
}

export function fileSha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** A quiet context on a database in a fresh temp folder (English messages for stable assertions). */
export function testContext(dbPath = join(tmp(), 'inspect.db'), extra: Record<string, unknown> = {}): Context {
  return makeContext(
    { db: dbPath, lang: 'en', quiet: true, json: true, operator: 'tester', ...extra },
    { ...process.env, NO_COLOR: '1' },
  );
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string>;
  cwd?: string;
  input?: string;
}

/** The environment every CLI case runs with: colour off, Chinese locale unless told, as under CI. */
function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', CI: '1', ...extra };
}

/** A stream that keeps what is written to it (not a TTY). */
class Capture extends Writable {
  private chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: (e?: Error | null) => void): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/**
 * Runs one command line in this process through `main()`, with its own stdout, stderr, stdin (never a
 * TTY) and environment, exactly as the binary would run it; returns the exit code and what was written.
 * The source is what runs (no build needed); `spawnCli` runs the built binary where a real process matters
 * (signals, locks held across processes, the bin script itself).
 */
export async function cli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  const { main } = await import('../src/cli/main.js');
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = Readable.from(opts.input ? [opts.input] : []);
  const here = process.cwd();
  if (opts.cwd) process.chdir(opts.cwd);
  try {
    const code = await main(['node', 'inspect', ...args], { stdout, stderr, stdin, env: cliEnv(opts.env) });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    if (opts.cwd) process.chdir(here);
  }
}

/** Spawns the built binary with no stdin (not a TTY), colour off, Chinese locale unless told. */
export function spawnCli(args: string[], opts: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/inspect.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: cliEnv(opts.env),
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A new, empty practice database (tests set the clock with INSPECT_NOW, which only such a one honours). */
export async function practiceDb(path = join(tmp(), 'inspect.db')): Promise<string> {
  const r = await cli(['init', '--practice', '--db', path, '-q']);
  if (r.code !== 0) throw new Error(r.stderr);
  return path;
}

const SAMPLE = ['departments', 'items', 'objects', 'inspectors', 'history'] as const;

/** Imports the sample district (any roster's file replaceable) into a new practice database. */
export async function buildSampleDb(
  overrides: Partial<Record<(typeof SAMPLE)[number], string>> = {},
  path = join(tmp(), 'inspect.db'),
): Promise<string> {
  const db = await practiceDb(path);
  for (const k of SAMPLE) {
    const r = await cli(['import', k, overrides[k] ?? join(DATA, `${k}.csv`), '--db', db, '-q']);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  return db;
}

/**
 * A practice database of the sample district. The plain one is built once per run (test/globalSetup.ts)
 * and copied; with a roster's file replaced it is imported afresh.
 */
export async function sampleDb(overrides: Partial<Record<(typeof SAMPLE)[number], string>> = {}): Promise<string> {
  const template = inject('sampleDb');
  if (Object.keys(overrides).length > 0 || !template) return buildSampleDb(overrides);
  const db = join(tmp(), 'inspect.db');
  copyFileSync(template, db);
  return db;
}

/** The sample district's usual draw (add --yes, --json, --db …). */
export const SAMPLE_DRAW = [
  'draw',
  '--items',
  'SC01',
  '--year',
  '2026',
  '--window',
  '2026-11-01..2026-12-31',
  '--seed',
  '湖里区2026年第一批',
];

/** Loads the sample district into a database through the real import path. */
export async function loadSample(ctx: Context, opts: { practice?: boolean } = {}): Promise<void> {
  const { runImport } = await import('../src/commands/import/import.js');
  // A practice database when the test sets the clock (INSPECT_NOW); otherwise the first import makes a
  // normal one, whose bytes are the official ones.
  if (opts.practice && !existsSync(ctx.dbPath))
    await (await import('../src/commands/admin/init.js')).runInit(ctx, { practice: true });
  for (const [kind, file] of [
    ['departments', 'departments.csv'],
    ['items', 'items.csv'],
    ['objects', 'objects.csv'],
    ['inspectors', 'inspectors.csv'],
    ['history', 'history.csv'],
  ] as const) {
    await runImport(ctx, kind, join(DATA, file), {});
  }
}

/** The audit with its problems and warnings rendered in English (what the assertions read). */
export function auditText(db: import('../src/io/db.js').Db, expectHead?: string) {
  const r = auditMessages(db, parseExpectHead(expectHead), 'en');
  const text = (ms: Msg[]) => ms.map((m) => render(m, 'en'));
  return { ...r, sections: r.sections.map((s) => ({ ...s, problems: text(s.problems) })), warnings: text(r.warnings) };
}
