// Reads a policy file; problems are reported field by field (exit 65), a missing file is exit 66.
import { join } from 'node:path';
import { Exit, InspectError } from '../core/errors.js';
import { parsePolicy, type Policy } from '../core/policy.js';
import { DATA_DIR } from './paths.js';
import { readRegularText, READ_LIMITS } from './safeRead.js';
import { bundleBytesProblem } from '../core/jsonSafety.js';

export const DEFAULT_POLICY = join(DATA_DIR, 'policy.json');

export function readPolicy(file = DEFAULT_POLICY): Policy {
  const text = readRegularText(file, READ_LIMITS.policy);
  const deep = bundleBytesProblem(file, Buffer.from(text.replace(/^\uFEFF/, '')));
  if (deep) throw new InspectError(Exit.data, deep);
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
