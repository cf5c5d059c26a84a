// Second threads: from what size on an input is worth one, and where a worker thread's script is.
import { env } from './processIo.js';

/**
 * Inputs from this size on (an import's file, verify's matching input) are handled with a second
 * thread; below it, starting one costs more than it saves. INSPECT_WORKER_MIN_BYTES overrides (0:
 * always; a huge number: never): the results are the same either way, as the tests check.
 */
export function workerMinBytes(): number {
  const v = env().INSPECT_WORKER_MIN_BYTES;
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 1 << 20;
}

// Where a worker thread's script is. Workers run the built JavaScript; under the test runner the module
// asking is the TypeScript source, and the worker is then the build's (npm test builds first).
export function workerUrl(name: string, from: string): URL {
  return from.endsWith('.ts') ? new URL(`../../dist/io/${name}`, from) : new URL(`./${name}`, from);
}
