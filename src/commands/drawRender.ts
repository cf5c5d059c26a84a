// Text rendering of a draw plan: per stratum N, n and n/N, the exclusions and whether the floor binds.
import type { planSummary } from '../core/plan.js';
import type { Ui } from '../io/ui.js';

type Summary = ReturnType<typeof planSummary>;

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((n / d) * 100).toFixed(2)}%`);

export function renderPlan(s: Summary, ui: Ui): string {
  const zh = ui.lang === 'zh';
  const L: string[] = [];
  L.push(zh ? `抽取 ${s.drawId}（${s.year} 年度）  部门：${s.departments.join('、')}（第一个为牵头部门）  检查类别：${s.categories.join('、')}` : `Draw ${s.drawId} (${s.year})  departments: ${s.departments.join(', ')} (lead first)  categories: ${s.categories.join(', ')}`);
  L.push(zh ? `范围内对象 ${s.scopeCount} 户；牵头部门本年已覆盖 ${s.coveredCount} 户` : `${s.scopeCount} objects in scope; ${s.coveredCount} already covered this year by the lead department`);
  const ex = s.excluded;
  L.push(zh
    ? `排除：本年同类已检查 ${ex.SAME_CATEGORY}，本年已被抽中 ${ex.DRAWN_THIS_YEAR}，上级部门本年已检查 ${ex.HIGHER_LEVEL}；可抽取 ${s.frameSize} 户`
    : `excluded: same category this year ${ex.SAME_CATEGORY}, drawn this year ${ex.DRAWN_THIS_YEAR}, higher level this year ${ex.HIGHER_LEVEL}; ${s.frameSize} eligible`);
  L.push('');
  L.push(zh ? '层        比例      N       n     入选概率 n/N' : 'stratum   ratio     N       n     inclusion n/N');
  for (const r of s.strata) {
    L.push(`${r.stratum.padEnd(9)} ${(r.ratioBp / 100).toFixed(2).padStart(6)}% ${String(r.N).padStart(7)} ${String(r.n).padStart(6)}   ${r.probability.padEnd(10)} ${pct(r.n, r.N)}`);
  }
  L.push('');
  L.push(zh ? `合计抽取 ${s.selectedTotal} 户` : `${s.selectedTotal} objects to draw`);
  if (s.fullCoverage) L.push(zh ? '重点事项：范围内对象全覆盖（抽签只决定检查顺序）' : '重点 item: the whole scope is covered (tickets only set the visiting order)');
  else
    L.push(s.floorBinds
      ? zh ? `年度覆盖下限 ${(s.floorBp / 100).toFixed(2)}% 起作用：至少需抽 ${s.floorTotal} 户，已按比例补足` : `The ${(s.floorBp / 100).toFixed(2)}% annual floor binds: at least ${s.floorTotal} needed, topped up proportionally`
      : zh ? `年度覆盖下限 ${(s.floorBp / 100).toFixed(2)}% 已满足（需 ${s.floorTotal} 户）` : `The ${(s.floorBp / 100).toFixed(2)}% annual floor is met (${s.floorTotal} needed)`);
  return L.join('\n');
}
