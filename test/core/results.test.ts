import { describe, expect, it } from 'vitest';
import { drawIdOfTask, parseResult, resultProblems } from '../../src/core/results.js';
import { resultState } from '../../src/core/report.js';
import { nationalCalendar } from '../../src/io/calendarData.js';

describe('result vocabulary', () => {
  it.each([
    ['1', '1'],
    ['c', 'C'],
    ['未发现问题', '1'],
    ['通过登记的住所(经营场所)无法联系', '6'],
    ['公示信息隐瞒真实情况弄虚作假', 'C'],
    ['2', null],
    ['很好', null],
  ])('%s → %s', (raw, code) => {
    const r = parseResult(raw);
    expect(r.ok ? r.value : null).toBe(code);
  });
  it('task numbers map back to their draw', () => {
    expect(drawIdOfTask('2026-HLSJ-001-0007')).toBe('2026-HLSJ-001');
    expect(drawIdOfTask('2026-HLSJ-001')).toBe('2026-HLSJ-001');
  });
  it('cross-checks against the draw', () => {
    const draw = {
      id: 'D',
      supersededBy: 'D2',
      windowStart: '2026-09-01',
      windowEnd: '2026-12-31',
      selected: new Set(['X']),
    };
    expect(
      resultProblems({ credit_code: 'Y', completed_on: '2026-08-30' }, draw, '2026-11-21').map((p) => p.reason.key),
    ).toEqual(['R_DRAW_SUPERSEDED', 'R_NOT_SELECTED', 'R_OUTSIDE_WINDOW']);
    expect(
      resultProblems(
        { credit_code: 'X', completed_on: '2026-11-22' },
        { ...draw, supersededBy: null },
        '2026-11-21',
      ).map((p) => p.reason.key),
    ).toEqual(['R_FUTURE_DATE']);
    expect(
      resultProblems({ credit_code: 'X', completed_on: '2026-11-21' }, undefined, '2026-11-21').map(
        (p) => p.reason.key,
      ),
    ).toEqual(['R_UNKNOWN_DRAW']);
  });
});

describe('deadline states', () => {
  const cal = nationalCalendar();
  const r = (completedOn: string, publishedOn: string | null = null) => ({
    drawId: 'D',
    objectId: 'X',
    completedOn,
    code: '1',
    publishedOn,
  });
  it.each([
    ['2026-09-25', null, '2026-10-29', 'due_soon'],
    ['2026-09-25', null, '2026-10-30', 'overdue'],
    ['2026-09-25', null, '2026-10-09', 'pending'],
    ['2026-09-25', '2026-10-29', '2026-11-20', 'published'],
    ['2026-09-25', '2026-10-30', '2026-11-20', 'published_late'],
  ])('completed %s, published %s, as of %s → %s', (done, pub, asOf, state) => {
    expect(resultState(r(done, pub), asOf, cal).state).toBe(state);
  });
  it('a deadline in an uncovered year is provisional (weekends assumed), and overdue once it has passed', () => {
    const last = Math.max(...cal.coveredYears);
    expect(resultState(r(`${last}-12-24`), `${last}-12-28`, cal)).toMatchObject({
      state: 'pending',
      provisional: true,
      uncoveredYear: last + 1,
    });
    expect(resultState(r(`${last}-12-24`), `${last + 1}-03-01`, cal)).toMatchObject({
      state: 'overdue',
      provisional: true,
    });
  });
});
