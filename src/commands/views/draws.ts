// inspect draws: every draw, standing or superseded (with the reason), and every commitment: pending
// (with its sources and whether each is public yet), revealed, or voided.
import type { DrawsOptions } from '../../cli/flags.js';
import { printable } from '../../core/text.js';
import { sourcesAt, type Commitment } from '../../core/commitment.js';
import { nowSeconds } from '../../io/clock.js';
import { listCommitments } from '../../io/commitStore.js';
import { listDraws } from '../../io/drawStore.js';
import { getPolicy } from '../../io/policyStore.js';
import { listVoidings } from '../../io/voidings.js';
import type { Context } from '../../cli/context.js';
import { parseYear } from '../../cli/optionParsers.js';

export type DrawStatus = 'standing' | 'superseded' | 'committed';

export function runDraws(ctx: Context, opts: DrawsOptions) {
  const { ui } = ctx;
  const db = ctx.openDb({ readonly: true });
  try {
    const year = opts.year ? parseYear(opts.year) : undefined;
    const now = nowSeconds();
    const commitments = new Map(listCommitments(db, year).map((c) => [c.draw_id, c]));
    // How each voiding reads under the binding rules, and the policy each draw or commitment ran under.
    const voided = new Map(listVoidings(db).map((v) => [v.superseded, v]));
    const policyOf = (id: string, committedOnly: boolean) =>
      (committedOnly ? undefined : getPolicy(db, `draws:${id}`))?.policy_sha256 ??
      getPolicy(db, `commitments:${id}`)?.policy_sha256 ??
      null;
    const voidInfo = (id: string) => {
      const v = voided.get(id);
      return {
        voidKind: v?.kind ?? null,
        voidedAfterPublic: v ? v.kind === 'unavailable' || v.kind === 'revealed' : false,
      };
    };
    const commitInfo = (id: string) => {
      const c = commitments.get(id);
      if (!c) return { committed: false, commitDigest: null, sources: null };
      return {
        committed: true,
        commitDigest: c.commit_digest,
        sources: sourcesAt(JSON.parse(c.commitment) as Commitment, now),
      };
    };
    const rows = listDraws(db, year).map((d) => ({
      drawId: d.id,
      year: d.year,
      leadDepartment: d.lead_department,
      items: JSON.parse(d.items) as string[],
      selected: (d as unknown as { selected: number }).selected as number | null,
      inputDigest: d.input_digest,
      seed: d.seed as string | null,
      createdAt: d.created_at,
      operator: d.operator,
      status: (d.superseded_by ? 'superseded' : 'standing') as DrawStatus,
      supersededBy: d.superseded_by ?? null,
      supersededReason: d.superseded_reason ?? null,
      supersedes: d.supersedes,
      reason: d.reason,
      policyDigest: policyOf(d.id, false),
      ...voidInfo(d.id),
      ...commitInfo(d.id),
    }));
    const drawn = new Set(rows.map((r) => r.drawId));
    for (const c of commitments.values()) {
      if (drawn.has(c.draw_id)) continue;
      const commitment = JSON.parse(c.commitment) as Commitment;
      rows.push({
        drawId: c.draw_id,
        year: c.year,
        leadDepartment: c.lead_department,
        items: commitment.items,
        selected: null,
        inputDigest: commitment.inputDigest,
        seed: null,
        createdAt: c.created_at,
        operator: c.operator,
        status: c.superseded_by ? 'superseded' : 'committed',
        supersededBy: c.superseded_by,
        supersededReason: c.superseded_reason,
        supersedes: c.supersedes,
        reason: c.reason,
        policyDigest: policyOf(c.draw_id, true),
        ...voidInfo(c.draw_id),
        ...commitInfo(c.draw_id),
      });
    }
    rows.sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.drawId < b.drawId ? -1 : 1,
    );
    if (ui.json) ui.outJson({ draws: rows });
    else {
      if (rows.length === 0) ui.out(ui.t('T_NO_DRAWS_YET'));
      for (const r of rows) {
        const how =
          r.voidKind === 'unavailable'
            ? ` ${ui.c.yellow(`[${ui.t('T_VOIDED_AFTER_PUBLIC')}]`)}`
            : r.voidKind === 'revealed'
              ? ` ${ui.c.yellow(`[${ui.t('T_REVEALED_VOIDED')}]`)}`
              : '';
        const status = r.supersededBy
          ? ui.t('T_SUPERSEDED_BY_REASON', {
              supersededBy: r.supersededBy,
              supersededReason: printable(r.supersededReason ?? ''),
            }) + how
          : r.status === 'committed'
            ? ui.t('T_COMMITTED_AWAITING_REVEAL')
            : ui.t('T_STANDING');
        const sup = r.supersedes
          ? ui.t('T_SUPERSEDES_REASON', { supersedes: r.supersedes, reason: printable(r.reason ?? '') })
          : '';
        const picked = r.selected === null ? '' : `  ${ui.t('T_SELECTED')} ${r.selected}`;
        ui.out(`${r.drawId}  ${r.items.join(',')}${picked}  ${r.createdAt}  ${printable(r.operator)}  ${status}${sup}`);
        ui.out(`  ${ui.t('T_DIGEST')} ${r.inputDigest}${r.seed === null ? '' : `  ${ui.t('T_SEED')} ${r.seed}`}`);
        if (r.commitDigest) ui.out(`  ${ui.t('T_COMMITDIGEST')} ${r.commitDigest}`);
        for (const s of r.sources ?? []) {
          ui.out(
            `  ${ui.t('T_SOURCE')} ${s.label}  ${s.publicAt} ` +
              ` ${s.isPublic ? ui.t('T_PUBLIC') : ui.t('T_NOT_PUBLIC_YET')}`,
          );
        }
      }
    }
    return rows;
  } finally {
    db.close();
  }
}
