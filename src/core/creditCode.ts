// 统一社会信用代码 (GB 32100-2015) and the embedded GB 11714 organisation code.
// The 18th character is a hard check; the organisation-code check (positions 9–17) is only a warning,
// because genuine codes in real rosters sometimes violate it.

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export type CreditCodeCheck =
  | { ok: true; code: string; orgCheckFailed: boolean }
  | { ok: false; reason: 'excel_damaged' | 'length' | 'charset' | 'digits' | 'check'; expected?: string };

/** The check character for the first 17 characters (which must be in the charset). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character for an 8-character organisation-code body. */
export function orgCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_CHARSET.indexOf(body8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Excel turns an 18-digit number into `9.13502E+17` and keeps 15 digits: the cell is lost. */
export function looksExcelDamaged(raw: string): boolean {
  return /^\d(\.\d+)?E\+?\d+$/i.test(raw.trim());
}

export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = raw.trim().toUpperCase();
  if (looksExcelDamaged(code)) return { ok: false, reason: 'excel_damaged' };
  if (code.length !== 18) return { ok: false, reason: 'length' };
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return { ok: false, reason: 'charset' };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, reason: 'digits' };
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    // An all-digit code whose last digits became zeros went through Excel's 15-digit number format.
    if (/^\d{15}0{3}$/.test(code)) return { ok: false, reason: 'excel_damaged' };
    return { ok: false, reason: 'check', expected };
  }
  const org = code.slice(8, 17);
  const orgCheckFailed = /^[0-9A-Z]{8}[0-9X]$/.test(org) ? orgCheckChar(org.slice(0, 8)) !== org[8] : true;
  return { ok: true, code, orgCheckFailed };
}

/**
 * Objects that are not market entities (products, projects) carry an ASCII 对象编号 instead of a credit
 * code. Anything that could be a credit code (18 characters, or starting with a digit) is checked as one,
 * so a mistyped credit code can never slip through as an "object number".
 */
export function isObjectNumber(raw: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(raw) && raw.length !== 18;
}
