// Reads a policy file; problems are reported field by field (exit 65), a missing file is exit 66.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Exit, InspectError } from '../core/errors.js';
import { parsePolicy, type Policy } from '../core/policy.js';
import { DATA_DIR } from './paths.js';

export const DEFAULT_POLICY = join(DATA_DIR, 'policy.json');

export function readPolicy(file = DEFAULT_POLICY): Policy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InspectError(Exit.noInput, { key: 'E_FILE_MISSING', params: { file } });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InspectError(Exit.data, { key: 'E_POLICY_JSON', params: { file, detail: (e as Error).message } });
  }
  const p = parsePolicy(raw);
  if (!p.ok) throw new InspectError(Exit.data, { key: 'E_POLICY_INVALID', params: { file } }, p.problems);
  return p.policy;
}
