// Verification of a draw or bundle (CLI and page alike).
import type { Catalogue } from './messageTypes.js';

export const verifyMessages = {
  V_KEY_NOT_ARRAY: { zh: '{at}：不是数组', en: '{at}: not an array' },
  V_KEY_NOT_OBJECT: { zh: '{at}：不是对象', en: '{at}: not an object' },
  V_KEY_UNKNOWN: { zh: '{at}：未知的键', en: '{at}: unknown key' },
  V_KEY_MISSING: { zh: '{at}：缺少', en: '{at}: missing' },
  V_DIFF_VALUE: { zh: '{at}：应为 {expected}，实为 {found}', en: '{at}: expected {expected}, found {found}' },
  V_DIFF_WANT_ARRAY: { zh: '{at}：应为数组', en: '{at}: expected an array' },
  V_DIFF_WANT_OBJECT: { zh: '{at}：应为对象', en: '{at}: expected an object' },
  V_DIFF_MISSING: { zh: '{at}：缺少，应为 {expected}', en: '{at}: missing, expected {expected}' },
  V_DIFF_EXTRA: { zh: '{at}：多出 {found}', en: '{at}: unexpected {found}' },
  V_WINDOW_NOT_RANGE: {
    zh: 'record.json 的检查时间（window）{window} 不是一个日期区间',
    en: 'record.json window {window} is not a date range',
  },
  V_COMMITMENT_FILES_MISSING: {
    zh: 'record.json 指明这是承诺抽取，但缺少 commitment.json 和 beacons.json',
    en: 'record.json names a commitment, but commitment.json and beacons.json are missing',
  },
} as const satisfies Catalogue;
