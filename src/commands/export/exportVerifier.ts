// inspect export verifier --out FILE: the auditor's page on its own, with its SHA-256, so it can be
// published once and an auditor can use a copy that did not come with the data.
import type { VerifierOptions } from '../../cli/flags.js';
import { sha256Hex } from '../../core/canonical.js';
import { usageError } from '../../core/errors.js';
import { writeFileAtomic } from '../../io/csvWrite.js';
import { verifierPage } from './bundle.js';
import type { Context } from '../../cli/context.js';

export function runExportVerifier(ctx: Context, opts: VerifierOptions) {
  if (!opts.out) throw usageError('E_USAGE', { detail: '--out FILE' });
  const page = verifierPage();
  writeFileAtomic(opts.out, page, { force: Boolean(opts.force) });
  const result = { out: opts.out, sha256: sha256Hex(page), bytes: page.length };
  if (ctx.ui.json) ctx.ui.outJson(result);
  else ctx.ui.out(ctx.ui.t('I_VERIFIER_WRITTEN', { file: opts.out, sha256: result.sha256 }));
  return result;
}
