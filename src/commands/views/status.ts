// inspect status: what is loaded, per roster, read-only.
import { rosterNames } from '../../core/messages.js';
import { departmentNames } from '../../io/exportData.js';
import { readStatus, type Status } from '../../io/statusData.js';
import type { Ui } from '../../io/ui.js';
import type { Context } from '../../cli/context.js';
import { stratumName } from '../draw/drawRender.js';

export function runStatus(ctx: Context): Status | null {
  const { ui } = ctx;
  // A missing database is exit 66 like everywhere else; the message says to import first.
  const db = ctx.openDb({ readonly: true });
  try {
    const s = readStatus(db, ctx.dbPath);
    if (ui.json) ui.outJson(s);
    else ui.out(renderStatus(s, ui, departmentNames(db)));
    return s;
  } finally {
    db.close();
  }
}

/** `name 3  name 5`, or `-` when there is nothing; `label` turns a code into what people call it. */
function line(pairs: Record<string, number>, label: (code: string) => string = (c) => c): string {
  const entries = Object.entries(pairs);
  return entries.length ? entries.map(([k, v]) => `${label(k)} ${v}`).join('  ') : '-';
}

function renderStatus(s: Status, ui: Ui, departments: Map<string, string>): string {
  const out: string[] = [ui.t('H_STATUS', { db: s.db, version: s.databaseVersion }), ''];
  for (const [kind, r] of Object.entries(s.rosters)) {
    const name = rosterNames[kind]![ui.lang];
    const cur = ui.t('T_CURRENT_STORED', { current: r.current, stored: r.stored });
    const last = r.lastImport
      ? ui.t('T_LAST_IMPORT_SHA_256', {
          file: r.lastImport.file,
          at: r.lastImport.at,
          operator: r.lastImport.operator,
          sha256: r.lastImport.sha256.slice(0, 16),
        })
      : ui.t('T_NEVER_IMPORTED');
    out.push(`${name}: ${cur}`, `  ${last}`);
  }
  const dept = (code: string) => (departments.has(code) ? `${departments.get(code)}（${code}）` : code);
  out.push('');
  out.push(`${ui.t('T_OBJECTS_GRADE_RISK')}: ${line(s.objects.byGradeRisk, (h) => stratumName(h, ui))}`);
  out.push(`${ui.t('T_OBJECTS_BY_TYPE')}: ${line(s.objects.byType)}`);
  out.push(`${ui.t('T_OBJECTS_BY_STATUS')}: ${line(s.objects.byStatus)}`);
  out.push(`${ui.t('T_KEY_SUPERVISION_OBJECTS')}: ${s.objects.keySupervision}`);
  out.push(`${ui.t('T_INSPECTORS_BY_DEPARTMENT')}: ${line(s.inspectors.byDepartment, dept)}`);
  out.push(`${ui.t('T_INSPECTORS_BY_STATUS')}: ${line(s.inspectors.byStatus)}`);
  out.push(`${ui.t('T_ITEMS_BY_KIND')}: ${line(s.items.byKind)}`);
  return out.join('\n');
}
