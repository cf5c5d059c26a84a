// inspect export publication DRAW_ID --kind task|result: the 公示 files for the public. Only public
// fields: never a legal representative, phone, ID card, inspector name or certificate, or internal note.
import { io } from '../../io/processIo.js';
import { basename } from 'node:path';
import { sha256Hex } from '../../core/canonical.js';
import { usageError } from '../../core/errors.js';
import { latestAnchor } from '../../io/timestampStore.js';
import { verifierPage } from './bundle.js';
import { resultText } from '../../core/results.js';
import { isPracticeDb } from '../../io/db.js';
import { appendEvent } from '../../io/events.js';
import { exportContext, selectionRows } from '../../io/exportData.js';
import { currentResults, recordPublication } from '../../io/resultsStore.js';
import { exportName, renderTable, type Table } from '../../io/tableExport.js';
import type { PublicationOptions } from '../../cli/flags.js';
import type { Context } from '../../cli/context.js';
import { noticeText as n } from './noticeParts.js';
import { publishNotice } from './noticePublisher.js';
import { JSON_SCHEMA_VERSION } from '../../io/ui.js';
import { parseAsOf, parseFormat } from '../../cli/optionParsers.js';

export type { PublicationOptions };
export { noticeNames, RESULT_NOTICE_COLUMNS } from './noticeParts.js';
import { noticeNames, RESULT_NOTICE_COLUMNS, voidedRow } from './noticeParts.js';

export async function runExportPublication(ctx: Context, drawIdArg: string | undefined, opts: PublicationOptions) {
  const kind = opts.kind ?? 'task';
  if (opts.pending) {
    if (kind !== 'result' || drawIdArg) throw usageError('E_PENDING_USAGE');
    return (await import('./exportPending.js')).runExportPending(ctx, opts);
  }
  if (!drawIdArg)
    throw usageError('E_USAGE', { detail: 'inspect export publication DRAW_ID --kind …  |  --kind result --pending' });
  const drawId = drawIdArg;
  if (kind === 'commitment') return (await import('./exportCommitment.js')).runExportCommitment(ctx, drawId, opts);
  if (kind !== 'task' && kind !== 'result')
    throw usageError('E_BAD_OPTION', { flag: '--kind', value: kind, reason: 'task | result | commitment' });
  const format = parseFormat(opts.format);
  const publishedOn = parseAsOf(opts.asOf);
  const db = ctx.openDb();
  try {
    const { draw: d, record: rec, items, departments: depts, status } = exportContext(db, drawId);
    const { taskName, authority: authorities } = noticeNames(items, rec.departments, depts);
    const names = new Map(selectionRows(db, drawId).map((s) => [s.object_id, s.name]));

    let table: Table;
    let json: unknown;
    let resultSeqs: number[] = [];
    if (kind === 'task') {
      const voided = voidedRow(db, drawId).row;
      const directed =
        items.some((i) => i.object_types || i.industries || i.regions || i.tag) ||
        (JSON.parse(d.regions ?? '[]') as string[]).length > 0;
      const scope = items
        .flatMap((i) => [
          i.object_types && n('NF_SCOPE_TYPES', { value: i.object_types.replaceAll(';', '、') }),
          i.industries && n('NF_SCOPE_INDUSTRIES', { value: i.industries.replaceAll(';', '、') }),
          i.regions && n('NF_SCOPE_REGIONS', { value: i.regions.replaceAll(';', '、') }),
          i.tag && n('NF_SCOPE_TAG', { value: i.tag }),
        ])
        .filter(Boolean);
      const fields: [string, string, string][] = [
        ['task_no', n('NF_TASK_NO'), drawId],
        ['task_name', n('NF_TASK_NAME'), taskName],
        ['type', n('NF_TYPE'), n(directed ? 'NF_TYPE_DIRECTED' : 'NF_TYPE_UNDIRECTED')],
        ['items', n('NF_ITEMS'), items.map((i) => `${i.code} ${i.name}`).join('；')],
        ['scope', n('NF_SCOPE'), scope.length ? [...new Set(scope)].join('；') : n('NF_SCOPE_ALL')],
        ['authority', n('NF_AUTHORITY'), authorities],
        ['window', n('NF_WINDOW'), n('NF_WINDOW_RANGE', { start: d.window_start, end: d.window_end })],
        ['count', n('NF_COUNT'), String(rec.selected.length)],
        [
          'method',
          n('NF_METHOD'),
          n(rec.commitDigest ? 'NF_METHOD_COMMITTED' : 'NF_METHOD_PLAIN', {
            algorithm: rec.algorithm,
            commitDigest: rec.commitDigest,
            inputDigest: rec.inputDigest,
            seed: rec.seed,
          }),
        ],
        ['status', n('NF_STATUS'), status],
        // What binds this notice to the bundle: the record's digest (every field of record.json), and the
        // digest of the verifier page an auditor should be using.
        ['record_digest', n('NF_RECORD_DIGEST'), d.record_sha256],
        ['verifier_sha256', n('NF_VERIFIER_SHA'), sha256Hex(verifierPage())],
        // The draw this one voids, named with what it was, its sources and the reason.
        ...voided,
      ];
      const list = opts.withList
        ? rec.selected.map((s) => ({ name: names.get(s.id) ?? '', credit_code: s.id }))
        : undefined;
      table = {
        columns: [
          { key: 'field', zh: n('NF_FIELD') },
          { key: 'value', zh: n('NF_VALUE') },
        ],
        rows: [
          ...fields.map(([, zh, value]) => ({ field: zh, value })),
          ...(list
            ? [
                { field: '', value: '' },
                { field: n('NF_LIST_NAME'), value: n('NF_LIST_CODE') },
                ...list.map((o) => ({ field: o.name, value: o.credit_code })),
              ]
            : []),
        ],
      };
      json = {
        schemaVersion: JSON_SCHEMA_VERSION,
        kind: 'task',
        ...Object.fromEntries(fields.map(([k, , v]) => [k, v])),
        status: d.superseded_by ? 'superseded' : 'standing',
        statusText: status,
        count: rec.selected.length,
        ...(list ? { objects: list } : {}),
      };
    } else {
      const results = currentResults(db, drawId);
      resultSeqs = results.map((r) => r.seq);
      table = {
        columns: RESULT_NOTICE_COLUMNS,
        rows: results.map((r) => ({
          task_no: drawId,
          task_name: taskName,
          authority: authorities,
          name: names.get(r.object_id) ?? '',
          credit_code: r.object_id,
          completed_on: r.completed_on,
          result: resultText(r.result_code, 'zh'),
        })),
      };
      const anchor = latestAnchor(db);
      // The latest head a TSA time-stamped, as a last line: results logged up to it cannot be rewritten.
      if (anchor)
        table.rows.push({
          task_no: n('NF_ANCHORED_HEAD'),
          task_name: `${anchor.seq}:${anchor.hash}`,
          authority: n('NF_ANCHOR_TSA', { genTime: anchor.genTime, tsa: anchor.tsa }),
        });
      json = {
        schemaVersion: JSON_SCHEMA_VERSION,
        kind: 'result',
        drawId,
        anchoredHead: anchor,
        status: d.superseded_by ? 'superseded' : 'standing',
        statusText: status,
        results: results.map((r) => ({
          objectId: r.object_id,
          name: names.get(r.object_id) ?? '',
          completedOn: r.completed_on,
          resultCode: r.result_code,
          result: resultText(r.result_code, 'zh'),
        })),
      };
    }

    table.practice = isPracticeDb(db);
    const title = n(kind === 'task' ? 'NF_TASK_NOTICE' : 'NF_RESULT_NOTICE');
    table.sheet = title;
    const out = opts.out ?? (format === 'json' ? '-' : `${exportName(`${title}-${drawId}`, table.practice)}.${format}`);
    if (out === '-' || opts.dryRun) {
      // A preview (stdout or --dry-run): nothing is published, so nothing is marked or logged.
      io().stdout.write(await renderTable(table, format, Boolean(opts.raw), json, ctx.ui));
      ctx.ui.info('I_PUBLICATION_PREVIEW');
      return { drawId, kind, out: '-', rows: table.rows.length, preview: true };
    }
    // The file and the "published" marks go together: a notice on disk always means it is marked.
    await publishNotice(ctx, db, {
      table,
      format,
      raw: Boolean(opts.raw),
      json,
      out,
      force: Boolean(opts.force),
      record: ({ sha256, at }) => {
        const pubId = recordPublication(db, {
          drawId,
          kind,
          publishedOn,
          fileName: basename(out),
          sha256,
          at,
          operator: ctx.operator,
          resultSeqs,
        });
        appendEvent(db, {
          at,
          operator: ctx.operator,
          action: `publish.${kind}`,
          summary: {
            key: kind === 'result' ? 'L_PUBLISH_RESULT' : 'L_PUBLISH_TASK',
            params: { drawId, on: publishedOn, results: resultSeqs.length, file: basename(out) },
          },
          payloadSha256: sha256,
          ref: `publications:${pubId}`,
        });
      },
    });
    if (d.superseded_by) ctx.ui.warn('R_DRAW_SUPERSEDED', { by: d.superseded_by });
    const result = { drawId, kind, out, rows: table.rows.length, publishedOn };
    if (ctx.ui.json) ctx.ui.outJson(result);
    else ctx.ui.info('I_EXPORTED', { file: out, rows: table.rows.length });
    return result;
  } finally {
    db.close();
  }
}
