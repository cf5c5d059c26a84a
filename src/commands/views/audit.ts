// inspect audit: walks the hash chain, recomputes every draw from its stored frame and seed, and checks
// every stored fact against the log entry that recorded it. Exit 0 only when all holds.
import { dynamicKey } from '../../core/messages.js';
import { parseExpectHead } from '../../cli/optionParsers.js';
import type { AuditOptions } from '../../cli/flags.js';
import { Exit, ExitError } from '../../core/errors.js';
import type { Msg } from '../../core/messages.js';
import { audit, type AuditResult } from '../../io/audit.js';
import { openDb } from '../../io/db.js';
import { readEvents } from '../../io/events.js';
import { auditTimestamps, type AnchoredHead } from '../../io/auditTimestamps.js';
import type { Ui } from '../../io/ui.js';
import type { Context } from '../../cli/context.js';

/** The JSON form of a problem: a stable code (the innermost message's key) and the sentence. */
function problemJson(ui: Ui, m: Msg): { code: string; message: string } {
  let inner = m;
  while (inner.key === 'A_ABOUT' && typeof inner.params?.value === 'object' && inner.params.value !== null)
    inner = inner.params.value;
  return { code: inner.key, message: ui.t(m) };
}

export async function runAudit(
  ctx: Context,
  opts: AuditOptions,
): Promise<AuditResult & { anchoredHead?: AnchoredHead | null }> {
  const { ui } = ctx;
  const expectHead = parseExpectHead(opts.expectHead);
  const db = openDb(ctx.dbPath, { readonly: true });
  let result: AuditResult & { anchoredHead?: AnchoredHead | null };
  try {
    if (opts.head) {
      const events = readEvents(db);
      const last = events[events.length - 1];
      const head = last ? { seq: last.seq, hash: last.hash } : null;
      if (ui.json) ui.outJson({ head });
      else ui.out(head ? `${head.seq}:${head.hash}` : '0:-');
      return { ok: true, head, sections: [], firstBrokenLink: null, warnings: [] };
    }
    result = audit(db, expectHead, ui.lang);
    // The outside clock: tokens checked again, anchored heads against the log.
    const ts = await auditTimestamps(db);
    result.sections.push(ts.section);
    result.ok = result.ok && ts.section.problems.length === 0;
    result.anchoredHead = ts.anchoredHead;
  } finally {
    db.close();
  }
  if (ui.json) {
    ui.outJson({
      ...result,
      sections: result.sections.map((s) => ({ ...s, problems: s.problems.map((p) => problemJson(ui, p)) })),
      warnings: result.warnings.map((w) => problemJson(ui, w)),
    });
  } else {
    for (const s of result.sections) {
      const mark = s.problems.length ? ui.c.red(ui.t('T_FAIL')) : ui.c.green(ui.t('T_OK'));
      const problems = s.problems.length ? ui.t('T_PROBLEMS', { problemsCount: s.problems.length }) : '';
      ui.out(
        `${mark}  ${ui.t(dynamicKey(`T_SECTION_${s.name}`))}: ${ui.t('T_CHECKED', { checked: s.checked })}${problems}`,
      );
      for (const p of s.problems.slice(0, 20)) ui.out(`    ${ui.t(p)}`);
      if (s.problems.length > 20) ui.out(`    … +${s.problems.length - 20}`);
    }
    for (const w of result.warnings) ui.out(`${ui.c.yellow(ui.t('T_NOTE'))}  ${ui.t(w)}`);
    if (result.warnings.some((w) => w.key === 'A_COMMIT_UNDER_INSPECT_NOW')) ui.warn('W_CLOCK_OVERRIDDEN');
    if (result.firstBrokenLink !== null)
      ui.out(ui.t('T_FIRST_BROKEN_LINK_ENTRY', { firstBrokenLink: result.firstBrokenLink }));
    if (result.head) ui.out(ui.t('T_CHAIN_HEAD', { seq: result.head.seq, hash: result.head.hash }));
    if (result.anchoredHead) ui.out(ui.t('T_ANCHORED_HEAD', { ...result.anchoredHead }));
    ui.out(result.ok ? ui.t('T_AUDIT_PASSED_THE_RECORD') : ui.t('T_AUDIT_FAILED'));
  }
  if (!result.ok) throw new ExitError(Exit.data);
  return result;
}
