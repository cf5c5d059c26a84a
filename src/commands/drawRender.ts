// Text rendering of a draw plan: per stratum N, n and n/N, the exclusions and whether the floor binds.
import type { planSummary } from '../core/plan.js';
import type { Ui } from '../io/ui.js';
import { displayWidth, padDisplay } from '../core/text.js';

const GRADE: Record<string, string> = { A: 'A类', B: 'B类', C: 'C类', D: 'D类' };
const RISK: Record<string, string> = { L: '低风险', M: '中风险', H: '高风险' };
/** `A|H` → A类·高风险; `KEY` → 重点监管. */
export const stratumName = (h: string) => (h === 'KEY' ? '重点监管' : `${GRADE[h[0]!] ?? h[0]}·${RISK[h[2]!] ?? h[2]}`);

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
  // Columns by display width; in Chinese the stratum is named (A类·高风险), the code beside it.
  const head = zh ? ['层', '比例', 'N', 'n', '入选概率 n/N', ''] : ['stratum', 'ratio', 'N', 'n', 'inclusion n/N', ''];
  const rows = s.strata.map((r) => [
    zh ? `${r.stratum} ${stratumName(r.stratum)}` : r.stratum, `${(r.ratioBp / 100).toFixed(2)}%`, String(r.N), String(r.n), r.probability, pct(r.n, r.N),
  ]);
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i]!))));
  const right = new Set([1, 2, 3]);
  for (const r of all) {
    L.push(r.map((c, i) => (right.has(i) ? ' '.repeat(widths[i]! - displayWidth(c)) + c : padDisplay(c, widths[i]!))).join('  ').trimEnd());
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
