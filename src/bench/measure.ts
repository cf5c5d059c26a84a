// Timing helpers for npm run bench: each measured step runs as its own process.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

export interface Run {
  seconds: number;
  peakMB: number;
  stdout: string;
  code: number | null;
}

/**
 * Runs of each measured step and of its baseline, interleaved; the fastest of each is compared (on a
 * shared machine noise only ever adds). BENCH_REPEAT overrides.
 */
export const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));

export function runInspect(args: string[], workDir: string, env: Record<string, string> = {}): Run {
  const rssFile = join(workDir, `rss-${process.hrtime.bigint()}`);
  const t0 = process.hrtime.bigint();
  // As `inspect` runs (bin/inspect.js starts Node with --expose-gc).
  const r = spawnSync(process.execPath, ['--expose-gc', CHILD, ...args], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1', CI: '1', ...env },
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`inspect ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const peak = Number(readFileSync(rssFile, 'utf8'));
  rmSync(rssFile, { force: true });
  return { seconds, peakMB: peak / 1048576, stdout: r.stdout, code: r.status };
}

export function timeCommand(cmd: string, args: string[], input?: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export function ensureSqlite3(): string {
  if (spawnSync('sqlite3', ['-version']).status === 0) return 'sqlite3';
  console.error("sqlite3 not found: installing Debian's sqlite3 …");
  spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq sqlite3'], { stdio: 'inherit' });
  if (spawnSync('sqlite3', ['-version']).status !== 0)
    throw new Error('sqlite3 is needed for the baseline: apt-get install sqlite3');
  return 'sqlite3';
}

export const fmt = (n: number, d = 2) => n.toFixed(d);
/** The times of a step's runs, as printed: "1.23 / 1.31 / 1.20". */
export const fmtRuns = (xs: number[]) => xs.map((x) => fmt(x)).join(' / ');
