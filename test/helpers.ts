import { audit as auditMessages } from '../src/io/audit.js';
import { render, type Msg } from '../src/core/messages.js';
import { parseExpectHead } from '../src/commands/optionParsers.js';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeContext, type Context } from '../src/commands/context.js';

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

/** Spawns the built binary with no stdin (not a TTY), colour off, Chinese locale unless told. */
export function cli(
  args: string[],
  opts: { env?: Record<string, string>; cwd?: string; input?: string } = {},
): CliResult {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/inspect.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', CI: '1', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A new, empty practice database (tests set the clock with INSPECT_NOW, which only such a one honours). */
export function practiceDb(path = join(tmp(), 'inspect.db')): string {
  const r = cli(['init', '--practice', '--db', path, '-q']);
  if (r.code !== 0) throw new Error(r.stderr);
  return path;
}

const SAMPLE = ['departments', 'items', 'objects', 'inspectors', 'history'] as const;

/** A database of the sample district, imported by the spawned binary (any roster's file replaceable). */
export function sampleDb(overrides: Partial<Record<(typeof SAMPLE)[number], string>> = {}): string {
  const db = practiceDb();
  for (const k of SAMPLE) {
    const r = cli(['import', k, overrides[k] ?? join(DATA, `${k}.csv`), '--db', db, '-q']);
    if (r.code !== 0) throw new Error(r.stderr);
  }
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
  const { runImport } = await import('../src/commands/import.js');
  // A practice database when the test sets the clock (INSPECT_NOW); otherwise the first import makes a
  // normal one, whose bytes are the official ones.
  if (opts.practice && !existsSync(ctx.dbPath))
    await (await import('../src/commands/init.js')).runInit(ctx, { practice: true });
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
