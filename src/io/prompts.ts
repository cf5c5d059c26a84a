// Prompts only on a TTY (style.md): without one, a missing answer is a usage error naming the flag.
// @inquirer/prompts draws on stderr so stdout stays the result.
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { Exit, InspectError } from '../core/errors.js';
import type { Ui } from './ui.js';

const ctx = { output: process.stderr };

export function needTty(ui: Ui, what: string, flag: string): void {
  if (!ui.interactive) throw new InspectError(Exit.usage, { key: 'E_NEEDS_TTY', params: { what, flag } });
}

export async function askConfirm(ui: Ui, message: string): Promise<boolean> {
  if (ui.assumeYes) return true;
  if (!ui.interactive) throw new InspectError(Exit.usage, { key: 'E_NEEDS_YES' });
  return confirm({ message, default: false }, ctx);
}

export async function askItems(ui: Ui, choices: { code: string; name: string; department: string; kind: string }[]): Promise<string[]> {
  needTty(ui, ui.lang === 'zh' ? '抽查事项' : 'inspection items', '--items');
  return checkbox(
    {
      message: ui.lang === 'zh' ? '选择抽查事项（空格选择，回车确认；第一项的部门为牵头部门）' : 'Pick the inspection items (space to pick, enter to confirm; the first item leads)',
      choices: choices.map((c) => ({ value: c.code, name: `${c.code}  ${c.name}  [${c.department}${c.kind === '重点' ? ' 重点' : ''}]` })),
      required: true,
    },
    ctx,
  );
}

export async function askText(ui: Ui, message: string, flag: string, def?: string, validate?: (v: string) => true | string): Promise<string> {
  needTty(ui, message, flag);
  return input({ message, default: def, validate }, ctx);
}

export async function askChoice<T extends string>(ui: Ui, message: string, choices: { value: T; name: string }[]): Promise<T> {
  needTty(ui, message, '--commit / --seed');
  return select({ message, choices }, ctx);
}
