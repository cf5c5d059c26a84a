// Prompts only on a TTY (style.md): without one, a missing answer is a usage error naming the flag.
// @inquirer/prompts draws on stderr so stdout stays the result.
import { dynamicKey } from '../core/messages.js';
import { checkbox, input, select } from '@inquirer/prompts';
import { Exit, InspectError } from '../core/errors.js';
import type { Ui } from './ui.js';
import { io } from './processIo.js';

/** The prompts read the run's stdin and draw on its stderr. */
const promptIo = () => ({ input: io().stdin, output: io().stderr });

/** The prompts' key hints in the user's language (↑↓ 移动 • 空格 选择 • ⏎ 确认). */
function theme(ui: Ui) {
  if (ui.lang !== 'zh') return {}; // inquirer's own English hints
  return {
    style: {
      keysHelpTip: (keys: [string, string][]) =>
        keys
          .map(([k, action]) => `${k === 'space' ? ui.t('T_KEY_SPACE') : k} ${ui.t(dynamicKey(`T_KEY_${action}`))}`)
          .join(' • '),
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
  const answer = await input(
    {
      message: `${message} ${ui.t('T_Y_N')}`,
      validate: (v) => YES.test(v.trim()) || NO.test(v.trim()) || ui.t('T_ANSWER_Y_OR_N'),
    },
    promptIo(),
  );
  return YES.test(answer.trim());
}

export async function askItems(
  ui: Ui,
  choices: { code: string; name: string; department: string; kind: string }[],
): Promise<string[]> {
  needTty(ui, ui.t('T_INSPECTION_ITEMS'), '--items');
  return checkbox(
    {
      message: ui.t('T_PICK_THE_INSPECTION_ITEMS'),
      choices: choices.map((c) => ({
        value: c.code,
        name: `${c.code}  ${c.name}  [${c.department}${c.kind === '重点' ? ' 重点' : ''}]`,
      })),
      // Our own check instead of `required`, whose message is English only.
      validate: (picked) => picked.length > 0 || ui.t('T_PICK_AT_LEAST_ONE'),
      theme: theme(ui),
    },
    promptIo(),
  );
}

export async function askText(
  ui: Ui,
  message: string,
  flag: string,
  def?: string,
  validate?: (v: string) => true | string,
): Promise<string> {
  needTty(ui, message, flag);
  return input({ message, default: def, validate }, promptIo());
}

export async function askChoice<T extends string>(
  ui: Ui,
  message: string,
  choices: { value: T; name: string }[],
): Promise<T> {
  needTty(ui, message, '--commit / --seed');
  return select({ message, choices, theme: theme(ui) }, promptIo());
}
