import { describe, expect, it } from 'vitest';
import {
  parseDate,
  parseGrade,
  parseList,
  parseObjectStatus,
  parseRisk,
  parseYesNo,
  percentToBp,
} from '../../src/core/values.js';

const v = <T>(p: { ok: boolean; value?: T }) => (p.ok ? p.value : 'ERR');

describe('cell values', () => {
  it.each([
    ['A', 'A'],
    ['b', 'B'],
    ['C类', 'C'],
    ['E', 'ERR'],
  ])('grade %s → %s', (raw, out) => expect(v(parseGrade(raw))).toBe(out));
  it.each([
    ['低', 'L'],
    ['中风险', 'M'],
    ['H', 'H'],
    ['high', 'H'],
    ['很高', 'ERR'],
  ])('risk %s → %s', (raw, out) => expect(v(parseRisk(raw))).toBe(out));
  it.each([
    ['是', 'yes'],
    ['否', 'no'],
    ['Y', 'yes'],
    ['maybe', 'ERR'],
  ])('yes/no %s → %s', (raw, out) => expect(v(parseYesNo(raw))).toBe(out));
  it.each([
    ['存续', '存续'],
    ['revoked', '吊销'],
    ['倒闭', 'ERR'],
  ])('status %s → %s', (raw, out) => expect(v(parseObjectStatus(raw))).toBe(out));
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['45000', '2023-03-15'], // Excel serial
    ['46022', '2025-12-31'],
    ['2026-02-30', 'ERR'],
    ['5/3/2026', 'ERR'],
    ['60', 'ERR'], // Excel's fictitious 1900-02-29
  ])('date %s → %s', (raw, out) => expect(v(parseDate(raw))).toBe(out));
  it('splits lists on ; and ；', () =>
    expect(parseList('食品安全；特种设备; 产品质量 ;')).toEqual(['食品安全', '特种设备', '产品质量']));
  it.each([
    ['5', 500],
    ['14.35', 1435],
    ['0.01', 1],
    ['100', 10000],
    ['2.5', 250],
    ['33.33%', 3333],
    ['100.01', null],
    ['1.234', null],
    ['-1', null],
    ['abc', null],
  ])('percent %s → %s bp, exactly', (raw, bp) => expect(percentToBp(raw)).toBe(bp));
  it('converts every two-decimal percentage exactly (no float rounding)', () => {
    for (let bp = 0; bp <= 10000; bp++) {
      const text = `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;
      expect(percentToBp(text)).toBe(bp);
    }
  });
});
