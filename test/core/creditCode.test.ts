import { describe, expect, it } from 'vitest';
import { checkCreditCode, isObjectNumber, orgCheckChar, usccCheckChar } from '../../src/core/creditCode.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(['91350200776049653A', '9135021359498494XQ', '91440101MA5CJQ4N59'])('accepts the valid code %s', (code) => {
    expect(checkCreditCode(code)).toMatchObject({ ok: true, code });
  });
  it('rejects a wrong check character and says which one is expected', () => {
    const r = checkCreditCode('91350203M0001QAY9B');
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ reason: 'check', expected: usccCheckChar('91350203M0001QAY9') });
  });
  it('lowercase input is normalised', () =>
    expect(checkCreditCode('91440101ma5cjq4n59')).toMatchObject({ ok: true, code: '91440101MA5CJQ4N59' }));
  it.each([
    ['9.13502E+17', 'excel_damaged'],
    ['9.13502E17', 'excel_damaged'],
    ['913502061234567000', 'excel_damaged'],
    ['9135020077604965', 'length'],
    ['9135020077604965IA', 'charset'],
    ['91AB0200776049653A', 'digits'],
  ])('%s → %s', (raw, reason) => expect(checkCreditCode(raw)).toMatchObject({ ok: false, reason }));
  it('flags a failing inner organisation code as a warning, not an error', () => {
    const first17 = '91350206' + 'ABCDEFGH' + '0';
    const code = first17 + usccCheckChar(first17);
    const expectedOrg = orgCheckChar('ABCDEFGH');
    expect(checkCreditCode(code)).toMatchObject({ ok: true, orgCheckFailed: expectedOrg !== '0' });
  });
  it('tells object numbers from credit codes', () => {
    expect(isObjectNumber('HL-P0000012')).toBe(true);
    expect(isObjectNumber('91350203M0001QAY9B')).toBe(false); // 18 chars: must be checked as a credit code
    expect(isObjectNumber('9135')).toBe(false);
  });
});
