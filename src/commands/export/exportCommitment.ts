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
      ['draw_id', '抽取编号', drawId],
      [
        'items',
        '抽查事项',
        commitment.items.map((code) => `${code} ${items.find((i) => i.code === code)?.name ?? ''}`.trim()).join('；'),
      ],
      ['authority', '检查机关', commitment.departments.map((d) => names.get(d) ?? d).join('、')],
      ['window', '抽查时间', `${commitment.window.start} 至 ${commitment.window.end}`],
      // A --region draw names its regions: the public must see which part of the roster was in play.
      ...(regions.length ? [['regions', '抽取区域', regions.join('、')] as [string, string, string]] : []),
      // A voided draw or commitment is named with its sources and the reason, so the public can check it.
      ...voidedField,
      ['scope', '抽查对象范围', `${frame.scopeCount} 户（牵头部门本年已覆盖 ${frame.coveredCount} 户）`],
      [
        'excluded',
        '排除对象',
        `本年同类已检查 ${excluded.SAME_CATEGORY} 户；本年已被抽中 ${excluded.DRAWN_THIS_YEAR} 户；上级部门本年已检查 ${excluded.HIGHER_LEVEL} 户`,
      ],
      ['eligible', '可抽取对象', `${frame.frame.length} 户`],
      ...strata.map((s): [string, string, string] => [
        `stratum_${s}`,
        `分层 ${s}（${stratumName(s, inChinese)}）`,
        `N=${commitment.allocation.N[s]}，n=${commitment.allocation.n[s]}` +
          `（入选概率 ${commitment.allocation.n[s]}/${commitment.allocation.N[s]}）`,
      ]),
      [
        'total',
        '合计抽取',
        `${strata.reduce((a, s) => a + commitment.allocation.n[s]!, 0)} ` +
          `户（年度覆盖下限需 ${commitment.allocation.floorTotal} 户）`,
      ],
      [
        'algorithm',
        '抽取算法',
        `${commitment.drawAlgorithm}（分层随机抽取）、${commitment.assignAlgorithm}（人员匹配）、${commitment.algorithm}（先承诺后揭示）`,
      ],
      ['input_digest', '输入摘要 inputDigest', commitment.inputDigest],
      ['assign_digest', '人员匹配输入摘要 assignDigest', commitment.assignDigest],
      ['commit_digest', '承诺摘要 commitDigest', c.commit_digest],
      ...commitment.sources.map((s, i): [string, string, string] => [
        `source_${i + 1}`,
        `公共随机源 ${i + 1}`,
        `${sourceLabel(s)}，公开时间 ${s.publicAt}`,
      ]),
      ['committed_at', '承诺时间', commitment.committedAt],
      ['chain_head', '日志链头', head],
      // The latest head a TSA time-stamped: entries up to it cannot have been rewritten since.
      ...(anchor
        ? [
            [
              'anchored_head',
              '时间戳锚定的日志链头',
              `${anchor.seq}:${anchor.hash}（TSA 时间 ${anchor.genTime}，${anchor.tsa}）`,
            ] as [string, string, string],
          ]
        : []),
      [
        'how',
        '说明',
        '随机源公开后，依 RFC 3797 第 4 节把各随机数组成密钥串作为种子，按上述公开算法抽取；抽取结果与复核包一并公开，任何人可独立重算。承诺一经记录不可更改，只能经说明理由后作废。',
      ],
    ];
    const table: Table = {
      columns: [
        { key: 'field', zh: '项目' },
        { key: 'value', zh: '内容' },
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
    table.sheet = '抽取承诺公告';
    const out =
      opts.out ?? (format === 'json' ? '-' : `${exportName(`抽取承诺公告-${drawId}`, table.practice)}.${format}`);
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
