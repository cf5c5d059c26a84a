// A province's draw on screen: 200,000 rows laid out without spreading them into Math.max (which
// overflowed the call stack at about 140,000 and made `inspect show` an internal error).
import { describe, expect, it } from 'vitest';
import { formatTable, maxOf, minOf } from '../../src/core/text.js';

describe('large tables', () => {
  it('lays out 200,000 rows', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i), `厦门${i}号公司`]);
    const lines = formatTable([['序号', '名称'], ...rows], new Set([0]));
    expect(lines).toHaveLength(200_001);
    expect(lines[200_000]).toContain('厦门199999号公司');
  });
  it('maxOf and minOf take any number of values', () => {
    const xs = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000);
    expect(maxOf(xs)).toBe(499_999);
    expect(minOf(xs)).toBe(0);
  });
});
