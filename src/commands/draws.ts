// inspect draws: every draw, standing or superseded, with the reason wherever a draw was voided.
import { listDraws } from '../io/drawStore.js';
import type { Context } from './context.js';
import { parseYear } from './draw.js';

export function runDraws(ctx: Context, opts: { year?: string }) {
  const { ui } = ctx;
  const db = ctx.openDb();
  try {
    const rows = listDraws(db, opts.year ? parseYear(opts.year) : undefined).map((d) => ({
      drawId: d.id, year: d.year, leadDepartment: d.lead_department, items: JSON.parse(d.items) as string[], selected: (d as unknown as { selected: number }).selected,
      inputDigest: d.input_digest, seed: d.seed, createdAt: d.created_at, operator: d.operator,
      status: d.superseded_by ? 'superseded' : 'standing', supersededBy: d.superseded_by ?? null, supersededReason: d.superseded_reason ?? null,
      supersedes: d.supersedes, reason: d.reason,
    }));
    if (ui.json) ui.outJson(rows);
    else {
      const zh = ui.lang === 'zh';
      if (rows.length === 0) ui.out(zh ? '尚无抽取记录。' : 'No draws yet.');
      for (const r of rows) {
        const status = r.supersededBy
          ? zh ? `已作废（被 ${r.supersededBy} 取代，原因：${r.supersededReason}）` : `SUPERSEDED by ${r.supersededBy} (reason: ${r.supersededReason})`
          : zh ? '有效' : 'standing';
        const sup = r.supersedes ? (zh ? `  作废了 ${r.supersedes}（原因：${r.reason}）` : `  supersedes ${r.supersedes} (reason: ${r.reason})`) : '';
        ui.out(`${r.drawId}  ${r.items.join(',')}  ${zh ? '抽中' : 'selected'} ${r.selected}  ${r.createdAt}  ${r.operator}  ${status}${sup}\n  ${zh ? '输入摘要' : 'digest'} ${r.inputDigest}  ${zh ? '种子' : 'seed'} ${r.seed}`);
      }
    }
    return rows;
  } finally {
    db.close();
  }
}
