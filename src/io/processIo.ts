// The process's streams and environment, passed in rather than reached for. The binary runs `main()`
// with the process's own; the test runner (or anything embedding the tool) runs it with its own, so a
// command's output, exit code, environment and clock (INSPECT_NOW) are the caller's — as gh hands its
// IOStreams to every command. The current Io follows the call through every await (AsyncLocalStorage),
// so two runs in one process never see each other's streams.
import { AsyncLocalStorage } from 'node:async_hooks';

export type OutStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
export type InStream = NodeJS.ReadableStream & { isTTY?: boolean };

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: NodeJS.ProcessEnv;
}

const current = new AsyncLocalStorage<Io>();

/** The process's own streams and environment. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** The Io of the run in progress (the process's own outside any run). */
export function io(): Io {
  return current.getStore() ?? processIo();
}

/** The environment of the run in progress. */
export function env(): NodeJS.ProcessEnv {
  return io().env;
}

/** Runs fn with the given Io: everything it calls, synchronously or after an await, sees it. */
export function withIo<T>(value: Io, fn: () => T): T {
  return current.run(value, fn);
}
