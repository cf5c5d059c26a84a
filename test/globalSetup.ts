// Once per run, before any test file:
// - dist/ is rebuilt when any source file is newer (the parse worker, the spawned binary and the browser
//   page run from dist/: after an edit, `npx vitest` alone would otherwise test yesterday's code);
// - the sample district's practice database is imported once, by the built binary, and every test that
//   needs it copies the file (helpers.sampleDb) instead of importing it again.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleDb: string;
  }
}

const ROOT = resolve(__dirname, '..');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function buildSample(): { path: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'inspect-sample-'));
  const path = join(dir, 'inspect.db');
  const env = { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', CI: '1' };
  const run = (args: string[]) =>
    execFileSync(process.execPath, [join(ROOT, 'bin/inspect.js'), ...args, '--db', path, '-q'], { env, cwd: ROOT });
  run(['init', '--practice']);
  for (const k of ['departments', 'items', 'objects', 'inspectors', 'history'])
    run(['import', k, join(ROOT, 'data', `${k}.csv`)]);
  return { path, dir };
}

export default function setup(project: TestProject): () => void {
  const built = [join(ROOT, 'dist/cli/main.js'), join(ROOT, 'dist/verify.html')];
  const stale =
    built.some((f) => !existsSync(f)) || newest(join(ROOT, 'src')) > Math.min(...built.map((f) => statSync(f).mtimeMs));
  if (stale) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  const sample = buildSample();
  project.provide('sampleDb', sample.path);
  return () => rmSync(sample.dir, { recursive: true, force: true });
}
