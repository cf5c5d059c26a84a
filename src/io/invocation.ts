// How the person at this terminal can run the tool again: the words a hint prints must work when pasted.
// `inspect` only when that name on PATH is this very program (after `npm link` or a global install);
// `npx inspect` inside the project folder (its local bin); otherwise node with the full path.
import { existsSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { canonicalPath as real } from './outputGuard.js';
import { PACKAGE_ROOT as ROOT } from './paths.js';
import { env } from './processIo.js';

const BIN = join(ROOT, 'bin', 'inspect.js');

/** Whether `inspect` on PATH is this program. */
export function onPath(): boolean {
  const bin = real(BIN);
  for (const dir of (env().PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'inspect');
    if (existsSync(candidate) && real(candidate) === bin) return true;
  }
  return false;
}

/** The command to type for this program here: `inspect`, `npx inspect` or `node /path/bin/inspect.js`. */
export function invocation(cwd = process.cwd()): string {
  if (onPath()) return 'inspect';
  const rel = relative(ROOT, real(cwd));
  if (!rel.startsWith('..') && !rel.startsWith('/')) return 'npx inspect';
  return `node ${BIN.includes(' ') ? `"${BIN}"` : BIN}`;
}
