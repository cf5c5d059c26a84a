// inspect demo: the whole cycle that exists so far, on the bundled sample data, in a temporary folder.
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { makeContext, type Context } from './context.js';
import { runImport } from './import.js';
import { runStatus } from './status.js';

import { DATA_DIR } from '../io/paths.js';

export const SAMPLE_FILES = [
  ['departments', 'departments.csv'],
  ['items', 'items.csv'],
  ['objects', 'objects.csv'],
  ['inspectors', 'inspectors.csv'],
  ['history', 'history.csv'],
] as const;

export async function runDemo(parent: Context, opts: { keep?: string }): Promise<void> {
  const dir = opts.keep ? resolve(opts.keep) : mkdtempSync(join(tmpdir(), 'inspect-demo-'));
  mkdirSync(dir, { recursive: true });
  const ctx = makeContext({ ...parent.global, db: join(dir, 'inspect.db') });
  const { ui } = parent;
  const zh = ui.lang === 'zh';
  ui.note(zh ? `演示目录：${dir}` : `Demo folder: ${dir}`);
  ui.note(zh ? `1. 导入示例名录（${DATA_DIR}）` : `1. Importing the sample rosters (${DATA_DIR})`);
  for (const [kind, file] of SAMPLE_FILES) await runImport(ctx, kind, join(DATA_DIR, file), {});
  ui.note(zh ? '\n2. 当前数据概况' : '\n2. What is loaded');
  runStatus(ctx);
  ui.note(zh ? `\n数据库：${ctx.dbPath}\n可继续试用：inspect --db ${ctx.dbPath} status` : `\nDatabase: ${ctx.dbPath}\nTry next: inspect --db ${ctx.dbPath} status`);
}
