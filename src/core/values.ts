// Cell parsers for the roster columns: each takes the trimmed cell text and returns the canonical value
// or a reason. Chinese and English variants are both accepted; the stored value is canonical.
import type { Msg, MessageKey } from './messages.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Msg };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (key: MessageKey, params?: Msg['params']): Parsed<never> => ({ ok: false, reason: { key, params } });

/** Builds a parser for a closed vocabulary: canonical value → accepted spellings (case-insensitive). */
export function enumParser<T extends string>(variants: Record<T, string[]>): (raw: string) => Parsed<T> {
  const lookup = new Map<string, T>();
  for (const [canon, words] of Object.entries(variants) as [T, string[]][]) {
    lookup.set(canon.toLowerCase(), canon);
    for (const w of words) lookup.set(w.toLowerCase(), canon);
  }
  const choices = Object.entries(variants as Record<string, string[]>)
    .map(([c, w]) => (w[0] && w[0] !== c ? `${w[0]}/${c}` : c))
    .join('、');
  return (raw) => {
    const v = lookup.get(raw.trim().toLowerCase());
    return v === undefined ? bad('R_ENUM', { choices }) : ok(v);
  };
}

export const parseGrade = enumParser({ A: ['A类', 'A级'], B: ['B类', 'B级'], C: ['C类', 'C级'], D: ['D类', 'D级'] });
export const parseRisk = enumParser({
  L: ['低', '低风险', 'low'],
  M: ['中', '中风险', 'medium'],
  H: ['高', '高风险', 'high'],
});
export const parseYesNo = enumParser({ yes: ['是', 'Y', 'true', '1'], no: ['否', 'N', 'false', '0'] });
export const parseObjectType = enumParser({
  企业: ['enterprise', 'company'],
  个体工商户: ['individual', 'sole'],
  农民专业合作社: ['cooperative', 'coop'],
  其他: ['other'],
});
export const parseObjectStatus = enumParser({
  存续: ['active', 'existing'],
  在业: ['operating', 'in business'],
  注销: ['deregistered', 'cancelled'],
  吊销: ['revoked'],
  撤销: ['annulled', 'withdrawn'],
  迁出: ['moved out', 'moved'],
  停业: ['suspended', 'closed'],
});
/** The statuses of a live market entity (draw-spec §1: the scope is the active objects). */
export const ACTIVE_OBJECT_STATUSES: readonly string[] = ['存续', '在业'];
export const parseInspectorStatus = enumParser({
  在岗: ['active', 'on duty'],
  停用: ['inactive', 'disabled', 'suspended'],
});
export const parseItemKind = enumParser({ 一般: ['general', 'normal'], 重点: ['key', 'focus'] });
export const parseMethod = enumParser({
  实地核查: ['on-site', 'onsite'],
  书面检查: ['documentary', 'paper'],
  网络监测: ['online', 'network'],
});
export const parseLevel = enumParser({
  省: ['province', 'provincial'],
  市: ['city', 'municipal'],
  县: ['county', 'district', '区'],
  乡: ['township', '镇', '街道'],
});

/** Splits a list cell on `;` or the full-width `；` (also `,` `，` `、` for tolerance), dropping blanks. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[;；,，、]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null; // 2026-02-30
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日` or an Excel serial day number. */
export function parseDate(raw: string): Parsed<string> {
  const s = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : bad('R_DATE');
  }
  // A bare year (2027) is a date someone did not finish, not the Excel serial 1905-07-19.
  if (/^(19|20)\d\d$/.test(s)) return bad('R_DATE_YEAR');
  m = /^(\d{1,6})(\.0+)?$/.exec(s);
  if (m) {
    const serial = Number(m[1]);
    // 1 = 1900-01-01 in Excel; 60 is Excel's fictitious 1900-02-29, so only serials after it are safe.
    if (serial > 60 && serial < 120000) {
      const t = new Date(EXCEL_EPOCH_UTC + serial * 86400000);
      return ok(t.toISOString().slice(0, 10));
    }
  }
  return bad('R_DATE');
}

/**
 * A percentage with at most two decimals, converted to basis points exactly from its digits
 * (never through float multiplication: 14.35 * 100 is 1434.9999999999998).
 */
export function percentToBp(raw: string | number): number | null {
  const s = typeof raw === 'number' ? String(raw) : raw.trim().replace(/%$/, '');
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10000 ? bp : null;
}

/** Validates a percentage cell; keeps the text (without `%`), converted to basis points where used. */
export function parsePercent(raw: string): Parsed<string> {
  return percentToBp(raw) === null ? bad('R_NUMBER') : ok(raw.trim().replace(/%$/, ''));
}
