// inspect export tasks DRAW_ID: the teams' task list.
import { taskNumber } from '../../core/results.js';
import { KEY_STRATUM } from '../../core/drawTypes.js';
import { exportContext, selectionRows, teams } from '../../io/exportData.js';
import { writeExport, type ExportOptions, type Table } from '../../io/tableExport.js';
import { formatOfName, parseFormat } from '../../cli/optionParsers.js';
import type { Context } from '../../cli/context.js';
import { JSON_SCHEMA_VERSION } from '../../io/ui.js';
import { isPracticeDb } from '../../io/db.js';
import { usageError } from '../../core/errors.js';

export const TASK_COLUMNS = [
  { key: 'task_no', zh: '任务编号' },
  { key: 'name', zh: '对象名称' },
  { key: 'credit_code', zh: '统一社会信用代码' },
  { key: 'address', zh: '地址' },
  { key: 'region', zh: '区域' },
  { key: 'items', zh: '抽查事项' },
  { key: 'method', zh: '检查方式' },
  { key: 'how', zh: '抽取方式' },
  { key: 'stratum', zh: '所在层' },
  { key: 'probability', zh: '入选概率' },
  { key: 'leader', zh: '组长' },
  { key: 'team', zh: '检查组（组长在前）' },
  { key: 'lead_department', zh: '牵头部门' },
  { key: 'window', zh: '检查时间' },
  { key: 'status', zh: '抽取状态' },
];

export function taskTable(ctx: Context, drawId: string): { table: Table; json: object; superseded: string | null } {
  const db = ctx.openDb({ readonly: true });
  try {
    const { draw: d, record: rec, items, departments: depts, status } = exportContext(db, drawId);
    const byObject = teams(db, drawId);
    const fullCoverage = items.some((i) => i.kind === '重点');
    const rows = selectionRows(db, drawId).map((s) => {
      const team = byObject.get(s.object_id) ?? [];
      const N = rec.allocation.N[s.stratum]!;
      const n = rec.allocation.n[s.stratum]!;
      return {
        task_no: taskNumber(drawId, s.position),
        name: s.name,
        credit_code: s.object_id,
        address: s.address,
        region: s.region,
        items: items.map((i) => i.name).join('；'),
        method: [...new Set(items.map((i) => i.method).filter(Boolean))].join('；'),
        how: fullCoverage || s.stratum === KEY_STRATUM ? '重点监管全覆盖' : '随机抽取',
        stratum: s.stratum,
        probability: `${n}/${N}（${((n / N) * 100).toFixed(2)}%）`,
        leader: team[0]?.name ?? '',
        team: team.map((m) => `${m.name}（${depts.get(m.department) ?? m.department}，${m.cert_no}）`).join('；'),
        lead_department: depts.get(d.lead_department) ?? d.lead_department,
        window: `${d.window_start} 至 ${d.window_end}`,
        status,
      };
    });
    // The JSON is for programs: codes, ids and numbers, not the display words of the CSV.
    const json = {
      schemaVersion: JSON_SCHEMA_VERSION,
      drawId,
      status: d.superseded_by ? 'superseded' : 'standing',
      supersededBy: d.superseded_by ?? null,
      leadDepartment: d.lead_department,
      departments: rec.departments,
      window: rec.window,
      items: items.map((i) => ({ code: i.code, name: i.name, method: i.method })),
      tasks: selectionRows(db, drawId).map((s) => ({
        taskNo: taskNumber(drawId, s.position),
        position: s.position,
        objectId: s.object_id,
        name: s.name,
        address: s.address,
        region: s.region,
        stratum: s.stratum,
        probability: { n: rec.allocation.n[s.stratum]!, N: rec.allocation.N[s.stratum]! },
        fullCoverage: fullCoverage || s.stratum === KEY_STRATUM,
        team: (byObject.get(s.object_id) ?? []).map((m) => ({
          id: m.id,
          name: m.name,
          department: m.department,
          certNo: m.cert_no,
        })),
      })),
    };
    return {
      table: { columns: TASK_COLUMNS, rows, practice: isPracticeDb(db), sheet: '任务清单' },
      json,
      superseded: d.superseded_by ?? null,
    };
  } finally {
    db.close();
  }
}

export async function runExportTasks(ctx: Context, drawId: string, opts: ExportOptions) {
  // The global --json means JSON on stdout here as everywhere: without --out, the task list itself as
  // JSON; with --out, the file in its own format (--format, else its extension) and a JSON summary.
  if (ctx.ui.json && (opts.out === undefined || opts.out === '-')) {
    if (opts.format && opts.format !== 'json') throw usageError('E_JSON_FORMAT', { format: opts.format });
    opts = { ...opts, format: 'json', out: '-' };
  }
  const format = parseFormat(opts.format ?? formatOfName(opts.out));
  const { table, json, superseded } = taskTable(ctx, drawId);
  if (superseded) ctx.ui.warn('R_DRAW_SUPERSEDED', { by: superseded });
  const out = await writeExport(ctx.ui, table, { ...opts, format }, `任务清单-${drawId}`, json);
  const result = { drawId, out, format, rows: table.rows.length };
  if (ctx.ui.json && out !== '-') ctx.ui.outJson(result);
  return result;
}
