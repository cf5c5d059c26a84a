// Typed errors. A command throws one of these; src/cli/main.ts is the only place that turns them into
// an exit code and a rendered message. Exit codes follow sysexits (style.md).
import type { Msg, MessageKey } from './messages.js';

export const Exit = {
  ok: 0,
  internal: 1,
  usage: 2,
  data: 65,
  noInput: 66,
  /** A service the command needs (a TSA, a drand relay) could not be reached. */
  unavailable: 69,
  cantCreate: 73,
  ioErr: 74,
  busy: 75,
  cancelled: 130,
} as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

/** An expected failure: the message is for the user, the exit code for the caller. */
export class InspectError extends Error {
  constructor(
    readonly exit: ExitCode,
    readonly msg: Msg,
    /** Extra lines (already rendered problems, candidates ruled out, …) printed after the message. */
    readonly details: Msg[] = [],
  ) {
    super(msg.key);
    this.name = 'InspectError';
  }
}

/** Already reported to the user; just exit with this code. */
export class ExitError extends Error {
  constructor(readonly exit: ExitCode) {
    super(`exit ${exit}`);
    this.name = 'ExitError';
  }
}

export const usageError = (key: MessageKey, params: NonNullable<Msg['params']> = {}) =>
  new InspectError(Exit.usage, { key, params });
export const dataError = (key: MessageKey, params: NonNullable<Msg['params']> = {}, details: Msg[] = []) =>
  new InspectError(Exit.data, { key, params }, details);

/** A draw id that names nothing: exit 66 (missing input), with the command that lists them. */
export const unknownDraw = (id: string) => new InspectError(Exit.noInput, { key: 'E_UNKNOWN_DRAW', params: { id } });
