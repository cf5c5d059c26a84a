// inspect show DRAW_ID: a draw on screen — its summary and its selected objects with their teams — and
// inspect items: every inspection item. For the clerk who wants to look, not export. --json for scripts.
import { sourceLabel } from '../../core/beacon.js';
import type { Commitment } from '../../core/commitment.js';
import { formatTable } from '../../core/text.js';
import { stratumName } from '../draw/drawRender.js';
import { getCommitment } from '../../io/commitStore.js';
import { getPolicy } from '../../io/policyStore.js';
import { exportContext, listItems, selectionRows, teams } from '../../io/exportData.js';
import type { Context } from '../../cli/context.js';
import { JSON_SCHEMA_VERSION } from '../../io/ui.js';

/** Columns aligned by display width: a Chinese character takes two columns. */
export function runShow(ctx: Context, drawId: string) {
  const { ui } = ctx;
  const db = ctx.openDb({ readonly: true });
  try {
    const { draw: d, record: rec, items, departments } = exportContext(db, drawId);
    const c = getCommitment(db, drawId);
    const byObject = teams(db, drawId);
    const objects = selectionRows(db, drawId).map((s) => ({
      position: s.position,
      id: s.object_id,
      name: s.name,
      region: s.region,
      stratum: s.stratum,
      rank: s.rank,
      team: (byObject.get(s.object_id) ?? []).map((m) => ({ id: m.id, name: m.name, department: m.department })),
    }));
    const result = {
      schemaVersion: JSON_SCHEMA_VERSION,
      drawId,
      year: rec.year,
      status: d.superseded_by ? 'superseded' : 'standing',
      supersededBy: d.superseded_by ?? null,
      items: rec.items,
      departments: rec.departments,
      window: rec.window,
      seed: rec.seed,
      inputDigest: rec.inputDigest,
      commitDigest: rec.commitDigest ?? null,
      policyDigest: getPolicy(db, `draws:${drawId}`)?.policy_sha256 ?? null,
      practice: rec.practice === true,
      sources: c ? (JSON.parse(c.commitment) as Commitment).sources : null,
      strata: Object.keys(rec.allocation.N)
        .sort()
        .map((h) => ({ stratum: h, N: rec.allocation.N[h]!, n: rec.allocation.n[h]! })),
      selected: objects,
    };
    if (ui.json) {
      ui.outJson(result);
      return result;
    }
    const dept = (code: string) => `${departments.get(code) ?? code}（${code}）`;
    if (result.practice) ui.out(ui.c.yellow(ui.t('V_PRACTICE')));
    ui.out(
      ui.t('T_DRAW', {
        drawId,
        year: rec.year,
        state: d.superseded_by ? ui.t('T_SUPERSEDED_BY', { by: d.superseded_by }) : ui.t('T_STANDING'),
      }),
    );
    ui.out(`${ui.label('T_ITEMS')}${items.map((i) => `${i.code} ${i.name}`).join(ui.t('T_CLAUSE_SEP'))}`);
    ui.out(`${ui.label('T_DEPARTMENTS')}${ui.list(rec.departments.map(dept))}`);
    ui.out(`${ui.label('T_WINDOW')}${rec.window.start} ${ui.t('T_TO')} ${rec.window.end}`);
    ui.out(`${ui.label('T_SEED')}${rec.seed}`);
    if (result.sources)
      ui.out(
        `${ui.label('T_SOURCES')}${result.sources.map(sourceLabel).join(ui.t('T_CLAUSE_SEP'))} ` +
          ` ${ui.t('T_COMMITDIGEST')} ${rec.commitDigest}`,
      );
    if (result.policyDigest) ui.out(`${ui.t('T_POLICY_DIGEST')} ${result.policyDigest}`);
    ui.out(`${ui.label('T_STRATA_N_N')}${result.strata.map((s) => `${s.stratum} ${s.n}/${s.N}`).join('  ')}`);
    ui.out('');
    const head = ui.t('TH_SHOW').split('|');
    const rows = objects.map((o) => [
      String(o.position),
      o.id,
      o.name,
      o.region,
      stratumName(o.stratum, ui),
      ui.list(o.team.map((m) => `${m.name}（${m.department}）`)),
    ]);
    for (const line of formatTable([head, ...rows], new Set([0]))) ui.out(line);
    ui.out(ui.t('T_OBJECTS_EXPORT_INSPECT_EXPORT', { objectsCount: objects.length, drawId }));
    return result;
  } finally {
    db.close();
  }
}

export function runItems(ctx: Context) {
  const { ui } = ctx;
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
    const head = ui.t('TH_ITEMS').split('|');
    const rows = items.map((i) => [
      i.code,
      i.name,
      i.category,
      `${i.departmentName}（${i.department}）`,
      ui.list(i.partners),
      i.kind,
      i.capPercent === null ? '—' : `${i.capPercent}%`,
      i.specialty,
    ]);
    for (const line of formatTable([head, ...rows])) ui.out(line);
    return items;
  } finally {
    db.close();
  }
}
