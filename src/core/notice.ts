// verify DIR --notice FILE: the published notice against the bundle. The task notice carries the record's
// digest (SHA-256 of record.json's exact bytes), which binds every field of the record, items and window
// included; a commitment notice carries the commitment's digest, which binds items, window and the frozen
// inputs. Pure: the notice's fields (already read from CSV, xlsx or JSON) and the bundle's figures.
import type { Msg } from './messages.js';

/** A notice's field labels as printed (Chinese, or the --raw/JSON keys) → the key they stand for. */
const LABELS: Record<string, string> = {
  抽查任务编号: 'drawId',
  task_no: 'drawId',
  抽取编号: 'drawId',
  draw_id: 'drawId',
  drawId: 'drawId',
  '抽取记录摘要 recordDigest': 'recordDigest',
  record_digest: 'recordDigest',
  recordDigest: 'recordDigest',
  抽查对象数量: 'count',
  count: 'count',
  '承诺摘要 commitDigest': 'commitDigest',
  commit_digest: 'commitDigest',
  commitDigest: 'commitDigest',
  '输入摘要 inputDigest': 'inputDigest',
  input_digest: 'inputDigest',
  inputDigest: 'inputDigest',
};

/** The fields a notice states, by their key, from its rows of [label, value] or its JSON object. */
export function noticeFields(rows: unknown[][] | Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (label: unknown, value: unknown) => {
    const key = LABELS[String(label ?? '').trim()];
    if (key && value !== undefined && value !== null && out[key] === undefined) out[key] = String(value).trim();
  };
  if (Array.isArray(rows)) for (const r of rows) put(r[0], r[1]);
  else for (const [k, v] of Object.entries(rows)) put(k, v);
  return out;
}

export interface BundleFigures {
  drawId: string;
  recordDigest: string;
  count: number;
  inputDigest: string;
  commitDigest: string | null;
}

export interface NoticeCheck {
  ok: boolean;
  /** What the notice binds: the whole record (its digest matched) or the commitment. */
  binds: 'record' | 'commitment' | 'nothing';
  problems: Msg[];
  compared: string[];
}

/** Every figure the notice states, compared with the bundle's; a notice stating no digest binds nothing. */
export function compareNotice(n: Record<string, string>, b: BundleFigures): NoticeCheck {
  const problems: Msg[] = [];
  const compared: string[] = [];
  const same = (key: string, expected: string | number | null) => {
    if (n[key] === undefined) return;
    compared.push(key);
    if (expected === null || n[key] !== String(expected))
      problems.push({
        key: 'V_NOTICE_DIFFERS',
        params: { field: key, notice: n[key]!, bundle: String(expected ?? '—') },
      });
  };
  same('drawId', b.drawId);
  same('recordDigest', b.recordDigest);
  same('count', b.count);
  same('inputDigest', b.inputDigest);
  same('commitDigest', b.commitDigest);
  const binds = n.recordDigest !== undefined ? 'record' : n.commitDigest !== undefined ? 'commitment' : 'nothing';
  if (binds === 'nothing') problems.push({ key: 'V_NOTICE_NO_DIGEST' });
  return { ok: problems.length === 0, binds, problems, compared };
}
