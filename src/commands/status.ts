// inspect status: what is loaded, per roster, read-only.
import { rosterNames } from '../core/messages.js';
import { ROSTER_KINDS } from '../core/rosters.js';
import { SCHEMA_VERSION, type Db } from '../io/db.js';
import type { Context } from './context.js';

interface LastImport { file: string; sha256: string; at: string; operator: string; encoding: string; rows: number }
export interface Status {
  db: string;
  databaseVersion: number;
  rosters: Record<string, { current: number; stored: number; lastImport: LastImport | null }>;
  objects: { byGradeRisk: Record<string, number>; byType: Record<string, number>; byStatus: Record<string, number>; keySupervision: number };
  inspectors: { byDepartment: Record<string, number>; byStatus: Record<string, number> };
  items: { byKind: Record<string, number> };
}

const tally = (db: Db, sql: string): Record<string, number> =>
  Object.fromEntries((db.prepare(sql).raw().all() as [string, number][]).map(([k, n]) => [k, n]));

export function readStatus(db: Db, path: string): Status {
  const rosters: Status['rosters'] = {};
  for (const kind of ROSTER_KINDS) {
    const stored = db.prepare(`SELECT count(*) FROM ${kind}`).pluck().get() as number;
    const current = kind === 'history' ? stored : (db.prepare(`SELECT count(*) FROM ${kind} WHERE in_roster = 1`).pluck().get() as number);
    const last = db
      .prepare('SELECT file_name AS file, file_sha256 AS sha256, finished_at AS at, operator, encoding, rows_imported AS rows FROM imports WHERE kind = ? ORDER BY id DESC LIMIT 1')
      .get(kind) as LastImport | undefined;
    rosters[kind] = { current, stored, lastImport: last ?? null };
  }
  return {
    db: path,
    databaseVersion: SCHEMA_VERSION,
    rosters,
    objects: {
      byGradeRisk: tally(db, "SELECT credit_grade || '|' || risk_level, count(*) FROM objects WHERE in_roster = 1 GROUP BY 1 ORDER BY 1"),
      byType: tally(db, 'SELECT type, count(*) FROM objects WHERE in_roster = 1 GROUP BY 1 ORDER BY 2 DESC'),
      byStatus: tally(db, 'SELECT status, count(*) FROM objects WHERE in_roster = 1 GROUP BY 1 ORDER BY 2 DESC'),
      keySupervision: db.prepare("SELECT count(*) FROM objects WHERE in_roster = 1 AND key_supervision = 'yes'").pluck().get() as number,
    },
    inspectors: {
      byDepartment: tally(db, 'SELECT department, count(*) FROM inspectors WHERE in_roster = 1 GROUP BY 1 ORDER BY 1'),
      byStatus: tally(db, 'SELECT status, count(*) FROM inspectors WHERE in_roster = 1 GROUP BY 1 ORDER BY 1'),
    },
    items: { byKind: tally(db, 'SELECT kind, count(*) FROM items WHERE in_roster = 1 GROUP BY 1 ORDER BY 1') },
  };
}

export function runStatus(ctx: Context): Status | null {
  const { ui } = ctx;
  // A missing database is exit 66 like everywhere else; the message says to import first.
  const db = ctx.openDb({ readonly: true });
  try {
    const s = readStatus(db, ctx.dbPath);
    if (ui.json) ui.outJson(s);
    else ui.out(renderStatus(s, ui.lang, ui.t.bind(ui)));
    return s;
  } finally {
    db.close();
  }
}

function line(pairs: Record<string, number>): string {
  const entries = Object.entries(pairs);
  return entries.length ? entries.map(([k, v]) => `${k} ${v}`).join('  ') : '-';
}

function renderStatus(s: Status, lang: 'zh' | 'en', t: (k: string, p?: Record<string, string | number>) => string): string {
  const zh = lang === 'zh';
  const out: string[] = [t('H_STATUS', { db: s.db, version: s.databaseVersion }), ''];
  for (const [kind, r] of Object.entries(s.rosters)) {
    const name = rosterNames[kind]![lang];
    const cur = zh ? `当前 ${r.current} 条（共存 ${r.stored} 条）` : `${r.current} current (${r.stored} stored)`;
    const last = r.lastImport
      ? zh
        ? `最近导入：${r.lastImport.file}  ${r.lastImport.at}  ${r.lastImport.operator}  SHA-256 ${r.lastImport.sha256.slice(0, 16)}…`
        : `last import: ${r.lastImport.file}  ${r.lastImport.at}  ${r.lastImport.operator}  SHA-256 ${r.lastImport.sha256.slice(0, 16)}…`
      : zh ? '尚未导入' : 'never imported';
    out.push(`${name}: ${cur}`, `  ${last}`);
  }
  out.push('');
  out.push(`${zh ? '对象 信用等级|风险' : 'objects grade|risk'}: ${line(s.objects.byGradeRisk)}`);
  out.push(`${zh ? '对象 类型' : 'objects by type'}: ${line(s.objects.byType)}`);
  out.push(`${zh ? '对象 状态' : 'objects by status'}: ${line(s.objects.byStatus)}`);
  out.push(`${zh ? '重点监管对象' : 'key-supervision objects'}: ${s.objects.keySupervision}`);
  out.push(`${zh ? '检查人员 部门' : 'inspectors by department'}: ${line(s.inspectors.byDepartment)}`);
  out.push(`${zh ? '检查人员 状态' : 'inspectors by status'}: ${line(s.inspectors.byStatus)}`);
  out.push(`${zh ? '抽查事项 类型' : 'items by kind'}: ${line(s.items.byKind)}`);
  return out.join('\n');
}
