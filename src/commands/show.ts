// inspect show DRAW_ID: a draw on screen — its summary and its selected objects with their teams — and
// inspect items: every inspection item. For the clerk who wants to look, not export. --json for scripts.
import { sourceLabel } from '../core/beacon.js';
import type { Commitment } from '../core/commitment.js';
import { padDisplay, displayWidth } from '../core/text.js';
import { getCommitment } from '../io/commitStore.js';
import { exportContext, listItems, selectionRows, teams } from '../io/exportData.js';
import type { Context } from './context.js';
import { JSON_SCHEMA_VERSION } from '../io/ui.js';


/** Columns aligned by display width: a Chinese character takes two columns. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : padDisplay(c, widths[i]!))).join('  ').trimEnd());
}

export function runShow(ctx: Context, drawId: string) {
  const { ui } = ctx;
  const zh = ui.lang === 'zh';
  const db = ctx.openDb({ readonly: true });
  try {
    const { draw: d, record: rec, items, departments } = exportContext(db, drawId);
    const c = getCommitment(db, drawId);
    const byObject = teams(db, drawId);
    const objects = selectionRows(db, drawId).map((s) => ({
      position: s.position, id: s.object_id, name: s.name, region: s.region, stratum: s.stratum, rank: s.rank,
      team: (byObject.get(s.object_id) ?? []).map((m) => ({ id: m.id, name: m.name, department: m.department })),
    }));
    const result = {
      schemaVersion: JSON_SCHEMA_VERSION, drawId, year: rec.year, status: d.superseded_by ? 'superseded' : 'standing', supersededBy: d.superseded_by ?? null,
      items: rec.items, departments: rec.departments, window: rec.window, seed: rec.seed, inputDigest: rec.inputDigest,
      commitDigest: rec.commitDigest ?? null, sources: c ? (JSON.parse(c.commitment) as Commitment).sources : null,
      strata: Object.keys(rec.allocation.N).sort().map((h) => ({ stratum: h, N: rec.allocation.N[h]!, n: rec.allocation.n[h]! })), selected: objects,
    };
    if (ui.json) {
      ui.outJson(result);
      return result;
    }
    const dept = (code: string) => `${departments.get(code) ?? code}（${code}）`;
    ui.out(zh ? `抽取 ${drawId}（${rec.year} 年度）${d.superseded_by ? `  已作废，被 ${d.superseded_by} 取代` : '  有效'}` : `Draw ${drawId} (${rec.year})${d.superseded_by ? `  superseded by ${d.superseded_by}` : '  standing'}`);
    ui.out(`${zh ? '抽查事项' : 'items'}：${items.map((i) => `${i.code} ${i.name}`).join('；')}`);
    ui.out(`${zh ? '检查机关' : 'departments'}：${rec.departments.map(dept).join('、')}`);
    ui.out(`${zh ? '检查时间' : 'window'}：${rec.window.start} ${zh ? '至' : 'to'} ${rec.window.end}`);
    ui.out(`${zh ? '种子' : 'seed'}：${rec.seed}`);
    if (result.sources) ui.out(`${zh ? '公共随机源' : 'sources'}：${result.sources.map(sourceLabel).join('；')}  ${zh ? '承诺摘要' : 'commitDigest'} ${rec.commitDigest}`);
    ui.out(`${zh ? '分层（n/N）' : 'strata (n/N)'}：${result.strata.map((s) => `${s.stratum} ${s.n}/${s.N}`).join('  ')}`);
    ui.out('');
    const head = zh ? ['序号', '统一社会信用代码', '名称', '区域', '层', '检查组（组长在前）'] : ['#', 'credit code', 'name', 'region', 'stratum', 'team (leader first)'];
    const rows = objects.map((o) => [String(o.position), o.id, o.name, o.region, o.stratum, o.team.map((m) => `${m.name}（${m.department}）`).join('、')]);
    for (const line of table([head, ...rows])) ui.out(line);
    ui.out(zh ? `\n共 ${objects.length} 户。导出：inspect export tasks ${drawId}；复核包：inspect export bundle ${drawId} --out 目录` : `\n${objects.length} objects. Export: inspect export tasks ${drawId}; bundle: inspect export bundle ${drawId} --out DIR`);
    return result;
  } finally {
    db.close();
  }
}

export function runItems(ctx: Context) {
  const { ui } = ctx;
  const zh = ui.lang === 'zh';
  const db = ctx.openDb({ readonly: true });
  try {
    const items = listItems(db);
    if (ui.json) {
      ui.outJson({ items });
      return items;
    }
    if (items.length === 0) {
      ui.out(ui.t('E_NO_ITEMS_LOADED'));
      return items;
    }
    const head = zh ? ['编码', '名称', '检查类别', '发起部门', '配合部门', '类型', '比例上限', '所需专长'] : ['code', 'name', 'category', 'department', 'partners', 'kind', 'cap', 'specialty'];
    const rows = items.map((i) => [i.code, i.name, i.category, `${i.departmentName}（${i.department}）`, i.partners.join('、'), i.kind, i.capPercent === null ? '—' : `${i.capPercent}%`, i.specialty]);
    for (const line of table([head, ...rows])) ui.out(line);
    return items;
  } finally {
    db.close();
  }
}
