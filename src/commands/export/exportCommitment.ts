// inspect export publication ID --kind commitment: the 抽取承诺公告 (commit-spec §5). Staff publish it
// before the sources become public; its publication date is what proves to the public that the draw was
// fixed first. No object ids or names: the frame carries each firm's credit-risk class, which is not public.
import { basename } from 'node:path';
import { sourceLabel } from '../../core/beacon.js';
import type { Commitment } from '../../core/commitment.js';
import { inChinese } from '../../core/messages.js';
import { voidedRow } from './noticeParts.js';
import { latestAnchor } from '../../io/timestampStore.js';
import type { FrameDoc, ReasonCode } from '../../core/drawTypes.js';
import { usageError } from '../../core/errors.js';
import { getCommitment } from '../../io/commitStore.js';
import { isPracticeDb } from '../../io/db.js';
import { appendEvent, readEvents } from '../../io/events.js';
import { departmentNames, itemsOf } from '../../io/exportData.js';
import { exportName, type ExportOptions, type Table } from '../../io/tableExport.js';
import { parseFormat } from '../../cli/optionParsers.js';
import type { Context } from '../../cli/context.js';
import { noticeText as n } from './noticeParts.js';
import { publishNotice } from './noticePublisher.js';
import { JSON_SCHEMA_VERSION } from '../../io/ui.js';
import { stratumName } from '../draw/drawRender.js';

export async function runExportCommitment(ctx: Context, drawId: string, opts: ExportOptions) {
  const format = parseFormat(opts.format);
  const db = ctx.openDb();
  try {
    const c = getCommitment(db, drawId);
    if (!c) throw usageError('E_NOT_COMMITTED_ID', { id: drawId });
    if (c.superseded_by) ctx.ui.warn('R_DRAW_SUPERSEDED', { by: c.superseded_by });
    const commitment = JSON.parse(c.commitment) as Commitment;
    const frame = JSON.parse(c.frame.toString('utf8')) as FrameDoc;
    const names = departmentNames(db);
    const items = itemsOf(db, commitment.items);
    const excluded: Record<ReasonCode, number> = { SAME_CATEGORY: 0, DRAWN_THIS_YEAR: 0, HIGHER_LEVEL: 0 };
    for (const [, reason] of frame.excluded) excluded[reason] += 1;
    const events = readEvents(db);
    const head = events.length ? `${events[events.length - 1]!.seq}:${events[events.length - 1]!.hash}` : '0:-';
    const strata = Object.keys(commitment.allocation.N).sort();
    const anchor = latestAnchor(db);
    const regions = JSON.parse(c.regions) as string[];
    const { voided, row: voidedField } = voidedRow(db, drawId);
    const fields: [string, string, string][] = [
      ['draw_id', n('NF_DRAW_ID'), drawId],
      [
        'items',
        n('NF_ITEMS'),
        commitment.items.map((code) => `${code} ${items.find((i) => i.code === code)?.name ?? ''}`.trim()).join('；'),
      ],
      ['authority', n('NF_AUTHORITY'), commitment.departments.map((d) => names.get(d) ?? d).join('、')],
      ['window', n('NF_WINDOW'), n('NF_WINDOW_RANGE', commitment.window)],
      // A --region draw names its regions: the public must see which part of the roster was in play.
      ...(regions.length ? [['regions', n('NF_REGIONS'), regions.join('、')] as [string, string, string]] : []),
      // A voided draw or commitment is named with its sources and the reason, so the public can check it.
      ...voidedField,
      ['scope', n('NF_SCOPE'), n('NF_SCOPE_COUNT', { scope: frame.scopeCount, covered: frame.coveredCount })],
      [
        'excluded',
        n('NF_EXCLUDED'),
        n('NF_EXCLUDED_COUNTS', {
          same: excluded.SAME_CATEGORY,
          drawn: excluded.DRAWN_THIS_YEAR,
          higher: excluded.HIGHER_LEVEL,
        }),
      ],
      ['eligible', n('NF_ELIGIBLE'), n('NF_HOUSEHOLDS', { count: frame.frame.length })],
      ...strata.map((s): [string, string, string] => [
        `stratum_${s}`,
        n('NF_STRATUM', { stratum: s, name: stratumName(s, inChinese) }),
        n('NF_STRATUM_NN', { N: commitment.allocation.N[s], n: commitment.allocation.n[s] }),
      ]),
      [
        'total',
        n('NF_TOTAL'),
        n('NF_TOTAL_COUNT', {
          n: strata.reduce((a, s) => a + commitment.allocation.n[s]!, 0),
          floor: commitment.allocation.floorTotal,
        }),
      ],
      [
        'algorithm',
        n('NF_ALGORITHM'),
        n('NF_ALGORITHMS', {
          draw: commitment.drawAlgorithm,
          assign: commitment.assignAlgorithm,
          commit: commitment.algorithm,
        }),
      ],
      ['input_digest', n('NF_INPUT_DIGEST'), commitment.inputDigest],
      ['assign_digest', n('NF_ASSIGN_DIGEST'), commitment.assignDigest],
      ['commit_digest', n('NF_COMMIT_DIGEST'), c.commit_digest],
      ...commitment.sources.map((s, i): [string, string, string] => [
        `source_${i + 1}`,
        n('NF_SOURCE', { index: i + 1 }),
        n('NF_SOURCE_AT', { source: sourceLabel(s), at: s.publicAt }),
      ]),
      ['committed_at', n('NF_COMMITTED_AT'), commitment.committedAt],
      ['chain_head', n('NF_CHAIN_HEAD'), head],
      // The latest head a TSA time-stamped: entries up to it cannot have been rewritten since.
      ...(anchor
        ? [
            [
              'anchored_head',
              n('NF_ANCHORED_HEAD'),
              n('NF_ANCHOR_FULL', { head: `${anchor.seq}:${anchor.hash}`, genTime: anchor.genTime, tsa: anchor.tsa }),
            ] as [string, string, string],
          ]
        : []),
      ['how', n('NF_HOW'), n('NF_HOW_TEXT')],
    ];
    const table: Table = {
      columns: [
        { key: 'field', zh: n('NF_FIELD') },
        { key: 'value', zh: n('NF_VALUE') },
      ],
      rows: fields.map(([, zh, value]) => ({ field: zh, value })),
    };
    const json = {
      schemaVersion: JSON_SCHEMA_VERSION,
      kind: 'commitment',
      drawId,
      items: commitment.items,
      departments: commitment.departments,
      window: commitment.window,
      scopeCount: frame.scopeCount,
      coveredCount: frame.coveredCount,
      excluded,
      eligible: frame.frame.length,
      strata: strata.map((s) => ({ stratum: s, N: commitment.allocation.N[s], n: commitment.allocation.n[s] })),
      floorTotal: commitment.allocation.floorTotal,
      inputDigest: commitment.inputDigest,
      assignDigest: commitment.assignDigest,
      commitDigest: c.commit_digest,
      sources: commitment.sources.map((s) => ({ ...s, label: sourceLabel(s) })),
      committedAt: commitment.committedAt,
      regions,
      supersedes: voided
        ? {
            drawId: voided.superseded,
            kind: voided.kind,
            reason: voided.reason,
            sources: voided.sources.map(sourceLabel),
          }
        : null,
      chainHead: head,
      anchoredHead: anchor,
    };
    table.practice = isPracticeDb(db);
    table.sheet = n('NF_COMMITMENT_NOTICE');
    const out =
      opts.out ??
      (format === 'json' ? '-' : `${exportName(`${n('NF_COMMITMENT_NOTICE')}-${drawId}`, table.practice)}.${format}`);
    // Logged with its time: the notice on disk always means its export is on record (A_NOTICE_LATE reads it).
    await publishNotice(ctx, db, {
      table,
      format,
      raw: Boolean(opts.raw),
      json,
      out,
      force: Boolean(opts.force),
      record: ({ sha256, at }) =>
        appendEvent(db, {
          at,
          operator: ctx.operator,
          action: 'publish.commitment',
          summary: {
            key: 'L_PUBLISH_COMMITMENT',
            params: { drawId, commitDigest: c.commit_digest, file: out === '-' ? 'stdout' : basename(out) },
          },
          payloadSha256: sha256,
          ref: `commitment-notices:${drawId}`,
        }),
    });
    const result = { drawId, kind: 'commitment', out, rows: table.rows.length };
    // On stdout the notice itself is the output; written to a file, --json says what was written.
    if (out !== '-') {
      if (ctx.ui.json) ctx.ui.outJson(result);
      else ctx.ui.info('I_EXPORTED', { file: out, rows: table.rows.length });
    }
    return result;
  } finally {
    db.close();
  }
}
