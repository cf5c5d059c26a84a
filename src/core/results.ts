// The standard result vocabulary of the national publicity system (一公开), follow-up actions, and the
// checks on an entered result against its draw. Pure.
import type { Msg } from './messages.js';
import type { Parsed } from './values.js';

export const RESULT_TEXT: Record<string, string> = {
  '1': '未发现问题',
  '3': '违反食品药品相关规定',
  '4': '违反质量技术监督相关规定',
  '5': '违反其他部门相关规定',
  '6': '通过登记的住所（经营场所）无法联系',
  '7': '已关闭停业或正在（组织）清算',
  '8': '不配合检查情节严重',
  '9': '注销',
  '10': '被吊销',
  '11': '被撤销',
  '12': '迁出',
  A: '发现问题待后续处理',
  B: '未按规定公示应当公示的信息',
  C: '公示信息隐瞒真实情况弄虚作假',
  E: '发现问题经责令已改正',
  F: '未发现开展本次抽查涉及的经营活动',
};

/** Results that put the firm on the 经营异常名录 within 10 working days. */
export const ABNORMAL_LIST_CODES: ReadonlySet<string> = new Set(['6', 'C']);
export const FOLLOW_UPS = ['无需后续处置', '停止检查', '责令改正', '发现案件线索', '抄告相关部门', '其他'];

/** The standard wordings in English, for an English screen (notices keep the Chinese ones). */
export const RESULT_TEXT_EN: Record<string, string> = {
  '1': 'no problem found',
  '3': 'food and drug rules violated',
  '4': 'quality supervision rules violated',
  '5': "other departments' rules violated",
  '6': 'cannot be reached at the registered address',
  '7': 'closed, suspended or in liquidation',
  '8': 'refused to cooperate (serious)',
  '9': 'deregistered',
  '10': 'licence revoked',
  '11': 'registration cancelled',
  '12': 'moved out',
  A: 'problem found, follow-up pending',
  B: 'required information not published',
  C: 'published information false or concealing',
  E: 'problem found and corrected when ordered',
  F: 'no business activity of this inspection found',
};

/** A result code's standard wording in the reader's language. */
export function resultText(code: string, lang: 'zh' | 'en'): string {
  return (lang === 'zh' ? RESULT_TEXT[code] : RESULT_TEXT_EN[code]) ?? code;
}

/** Every result code with its standard wording, one per line (for help screens). */
export function resultCodesHelp(lang: 'zh' | 'en'): string {
  return Object.keys(RESULT_TEXT)
    .map((c) => `  ${c.padEnd(3)} ${resultText(c, lang)}\n`)
    .join('');
}

const textToCode = new Map(Object.entries(RESULT_TEXT).map(([c, t]) => [t, c]));
// Full-width and half-width brackets are both common in typed text.
const normaliseText = (s: string) => s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '');

export function parseResult(raw: string): Parsed<string> {
  const s = raw.trim();
  const code = s.toUpperCase();
  if (code in RESULT_TEXT) return { ok: true, value: code };
  const byText = textToCode.get(normaliseText(s));
  if (byText) return { ok: true, value: byText };
  return { ok: false, reason: { key: 'R_RESULT' } };
}

export function parseFollowUp(raw: string): Parsed<string> {
  const s = raw.trim();
  return FOLLOW_UPS.includes(s)
    ? { ok: true, value: s }
    : { ok: false, reason: { key: 'R_ENUM', params: { choices: FOLLOW_UPS.join('、') } } };
}

export interface DrawFacts {
  id: string;
  supersededBy: string | null;
  windowStart: string;
  windowEnd: string;
  selected: { has(id: string): boolean };
}

/** The cross-checks of an entered result: the draw stands, the object was drawn, the date fits. */
export function resultProblems(
  r: { credit_code: string; completed_on: string },
  draw: DrawFacts | undefined,
  asOf: string,
): { column: 'draw' | 'code' | 'date'; reason: Msg }[] {
  if (!draw) return [{ column: 'draw', reason: { key: 'R_UNKNOWN_DRAW' } }];
  const out: { column: 'draw' | 'code' | 'date'; reason: Msg }[] = [];
  if (draw.supersededBy)
    out.push({ column: 'draw', reason: { key: 'R_DRAW_SUPERSEDED', params: { by: draw.supersededBy } } });
  if (!draw.selected.has(r.credit_code))
    out.push({ column: 'code', reason: { key: 'R_NOT_SELECTED', params: { draw: draw.id } } });
  if (r.completed_on < draw.windowStart || r.completed_on > draw.windowEnd) {
    out.push({
      column: 'date',
      reason: { key: 'R_OUTSIDE_WINDOW', params: { start: draw.windowStart, end: draw.windowEnd } },
    });
  }
  if (r.completed_on > asOf) out.push({ column: 'date', reason: { key: 'R_FUTURE_DATE', params: { today: asOf } } });
  return out;
}

/** A task number is the draw id plus the object's 4-digit position: 2026-HLSJ-001-0007. */
export function drawIdOfTask(value: string): string {
  const m = /^(.+)-(\d{4})$/.exec(value.trim());
  return m ? m[1]! : value.trim();
}
export const taskNumber = (drawId: string, position: number) => `${drawId}-${String(position).padStart(4, '0')}`;
