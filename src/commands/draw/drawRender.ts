// Text rendering of a draw plan: per stratum N, n and n/N, the exclusions and whether the floor binds.
import { dynamicKey } from '../../core/messages.js';
import type { planSummary } from '../../core/plan.js';
import type { Ui } from '../../io/ui.js';
import { formatTable } from '../../core/text.js';
import type { Translator } from '../../core/messages.js';

/** `A|H` → A类·高风险 (grade A · high risk); `KEY` → 重点监管. Text output only: JSON keeps the code. */
export function stratumName(h: string, ui: Translator): string {
  if (h === 'KEY') return ui.t('T_STRATUM_KEY');
  return ui.t('T_STRATUM_NAME', {
    grade: ui.t(dynamicKey(`T_GRADE_${h[0]}`)),
    risk: ui.t(dynamicKey(`T_RISK_${h[2]}`)),
  });
}

type Summary = ReturnType<typeof planSummary>;

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((n / d) * 100).toFixed(2)}%`);

/** `names`: department code → name, so the preview says who, not only which code. */
export function renderPlan(s: Summary, ui: Ui, names: ReadonlyMap<string, string> = new Map()): string {
  const dept = (c: string) => (names.has(c) ? `${names.get(c)}（${c}）` : c);
  const L: string[] = [];
  L.push(
    ui.t('T_DRAW_DEPARTMENTS_LEAD_FIRST', {
      drawId: s.drawId,
      year: s.year,
      departments: ui.list(s.departments.map(dept)),
      categories: ui.list(s.categories),
    }),
  );
  L.push(ui.t('T_OBJECTS_IN_SCOPE_ALREADY', { scopeCount: s.scopeCount, coveredCount: s.coveredCount }));
  const ex = s.excluded;
  L.push(
    ui.t('T_EXCLUDED_SAME_CATEGORY_THIS', {
      SAME_CATEGORY: ex.SAME_CATEGORY,
      DRAWN_THIS_YEAR: ex.DRAWN_THIS_YEAR,
      HIGHER_LEVEL: ex.HIGHER_LEVEL,
      frameSize: s.frameSize,
    }),
  );
  L.push('');
  // Columns by display width; in Chinese the stratum is named (A类·高风险), the code beside it.
  const head = [...ui.t('TH_PLAN').split('|'), ''];
  const rows = s.strata.map((r) => [
    `${r.stratum} ${stratumName(r.stratum, ui)}`,
    `${(r.ratioBp / 100).toFixed(2)}%`,
    String(r.N),
    String(r.n),
    r.probability,
    pct(r.n, r.N),
  ]);
  L.push(...formatTable([head, ...rows], new Set([1, 2, 3])));
  L.push('');
  L.push(ui.t('T_OBJECTS_TO_DRAW', { selectedTotal: s.selectedTotal }));
  if (s.fullCoverage) L.push(ui.t('T_ITEM_THE_WHOLE_SCOPE'));
  else
    L.push(
      s.floorBinds
        ? ui.t('T_THE_ANNUAL_FLOOR_BINDS', { floor: (s.floorBp / 100).toFixed(2), floorTotal: s.floorTotal })
        : ui.t('T_THE_ANNUAL_FLOOR_IS', { floor: (s.floorBp / 100).toFixed(2), floorTotal: s.floorTotal }),
    );
  return L.join('\n');
}
