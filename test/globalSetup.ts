// CLI tests run the built binary and the parse worker from dist/: after an edit, `npx vitest` alone
// would test yesterday's code. Once per run, dist/ is rebuilt when any source file is newer than it.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  const built = [join(ROOT, 'dist/cli.js'), join(ROOT, 'dist/verify.html')];
  const stale =
    built.some((f) => !existsSync(f)) || newest(join(ROOT, 'src')) > Math.min(...built.map((f) => statSync(f).mtimeMs));
  if (stale) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
}
