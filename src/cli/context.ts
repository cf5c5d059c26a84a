// What every command receives from the CLI wiring: the terminal, the database path and the operator.
import { openDb, type Db } from '../io/db.js';
import { guardDatabase } from '../io/outputGuard.js';
import { parseLoggedText } from './optionParsers.js';
import { defaultOperator } from '../io/clock.js';
import { Ui } from '../io/ui.js';
import { env as currentEnv } from '../io/processIo.js';
import type { GlobalOptions } from './flags.js';

export interface Context {
  ui: Ui;
  dbPath: string;
  operator: string;
  global: GlobalOptions;
  /** Creates the database only for imports (`create: true`); elsewhere a missing file is exit 66. */
  openDb(opts?: { readonly?: boolean; create?: boolean }): Db;
}

export function makeContext(global: GlobalOptions, env: NodeJS.ProcessEnv = currentEnv()): Context {
  const dbPath = global.db ?? env.INSPECT_DB ?? './inspect.db';
  // Whether or not this command opens it, the database and its companion files are never an output.
  guardDatabase(dbPath);
  return {
    ui: new Ui(global, env),
    dbPath,
    operator: global.operator === undefined ? defaultOperator() : parseLoggedText(global.operator, '--operator', 64),
    global,
    openDb: (opts) => openDb(dbPath, { readonly: opts?.readonly, mustExist: !opts?.create }),
  };
}
