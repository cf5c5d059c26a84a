// Prompts only on a TTY (style.md): without one, a missing answer is a usage error naming the flag.
// @inquirer/prompts draws on stderr so stdout stays the result.
import { checkbox, input, select } from '@inquirer/prompts';
import { Exit, InspectError } from '../core/errors.js';
import type { Ui } from './ui.js';

const ctx = { output: process.stderr };

const KEYS_ZH: Record<string, string> = { navigate: '移动', select: '选择', submit: '确认', all: '全选', invert: '反选' };

/** The prompts' key hints in the user's language (↑↓ 移动 • 空格 选择 • ⏎ 确认). */
function theme(ui: Ui) {
  if (ui.lang !== 'zh') return {};
  return {
    style: {
      keysHelpTip: (keys: [string, string][]) => keys.map(([k, a]) => `${k === 'space' ? '空格' : k} ${KEYS_ZH[a] ?? a}`).join(' • '),
    },
  };
}

export function needTty(ui: Ui, what: string, flag: string): void {
  if (!ui.interactive) throw new InspectError(Exit.usage, { key: 'E_NEEDS_TTY', params: { what, flag } });
}

const YES = /^(y|yes|是|是的|确认|好)$/i;
const NO = /^(n|no|否|不|不是|取消)?$/i;

/**
 * A yes/no question that takes 是/否 as well as y/n (the default, Enter, is no: every question guards
 * something irreversible).
 */
export async function askConfirm(ui: Ui, message: string): Promise<boolean> {
  if (ui.assumeYes) return true;
  if (!ui.interactive) throw new InspectError(Exit.usage, { key: 'E_NEEDS_YES' });
  const zh = ui.lang === 'zh';
  const answer = await input(
    {
      message: `${message} ${zh ? '（是/否，默认否）' : '(y/N)'}`,
      validate: (v) => YES.test(v.trim()) || NO.test(v.trim()) || (zh ? '请回答 是 或 否' : 'answer y or n'),
    },
    ctx,
  );
  return YES.test(answer.trim());
}

export async function askItems(ui: Ui, choices: { code: string; name: string; department: string; kind: string }[]): Promise<string[]> {
  needTty(ui, ui.lang === 'zh' ? '抽查事项' : 'inspection items', '--items');
  return checkbox(
    {
      message: ui.lang === 'zh' ? '选择抽查事项（空格选择，回车确认；选了多项时再选牵头事项）' : 'Pick the inspection items (space to pick, enter to confirm; with several, you choose the leading one next)',
      choices: choices.map((c) => ({ value: c.code, name: `${c.code}  ${c.name}  [${c.department}${c.kind === '重点' ? ' 重点' : ''}]` })),
      // Our own check instead of `required`, whose message is English only.
      validate: (picked) => picked.length > 0 || (ui.lang === 'zh' ? '至少选择一项（空格选择）' : 'Pick at least one (space to pick)'),
      theme: theme(ui),
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
  return select({ message, choices, theme: theme(ui) }, ctx);
}
