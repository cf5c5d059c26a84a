// The frame must make sense, not only hash right (issue 21 §1): each rule of docs/algorithm.md §1 and §4,
// broken one at a time on the spec's worked example, is named; the untouched example breaks none.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocation.js';
import type { FrameDoc } from '../../src/core/drawTypes.js';
import { frameRuleProblems } from '../../src/core/frameRules.js';
import { frameFromDoc } from '../../src/core/frameRows.js';
import { keyProblem, RECORD_SHAPE } from '../../src/core/bundleKeys.js';

const doc = JSON.parse(readFileSync(join(__dirname, '../vectors/public-example.frame.json'), 'utf8')) as FrameDoc;
const rules = (edit: (d: FrameDoc) => void) => {
  const d = structuredClone(doc);
  edit(d);
  return frameRuleProblems(frameFromDoc(d)).map((m) => (m.params as { rule: string }).rule);
};

describe('frame rules', () => {
  it('the worked example breaks none', () => {
    expect(frameRuleProblems(frameFromDoc(doc), allocate(frameFromDoc(doc)))).toEqual([]);
  });
  it.each<[string, (d: FrameDoc) => void, string]>([
    ['a firm removed while scopeCount still counts it', (d) => d.frame.splice(3, 1), 'counts'],
    ['coveredCount above scopeCount', (d) => (d.coveredCount = 99), 'covered'],
    ['an id both in the frame and excluded', (d) => d.excluded.push([d.frame[30 - 1]![0], 'SAME_CATEGORY']), 'idOnce'],
    [
      'excluded unsorted',
      (d) => {
        d.excluded.unshift(['9999', 'SAME_CATEGORY']);
        d.scopeCount++;
      },
      'excludedOrder',
    ],
    [
      'excluded with a duplicate',
      (d) => {
        d.excluded.push(d.excluded[0]!);
        d.scopeCount++;
      },
      'excludedOrder',
    ],
    ['an unknown reason code', (d) => (d.excluded[0]![1] = 'FRIEND' as never), 'reasonCode'],
    ['a ratio of −5 %', (d) => (d.policy.ratiosBp['B|L'] = -500), 'ratioRange'],
    ['a ratio of 200 %', (d) => (d.policy.ratiosBp['B|L'] = 20000), 'ratioRange'],
    ['a floor of 200 %', (d) => (d.policy.floorBp = 20000), 'floorRange'],
    ['a stratum key that is not published', (d) => (d.frame[0]![1] = 'Z|Q'), 'stratumKey'],
    ['a ratio for an unpublished stratum', (d) => (d.policy.ratiosBp['Z|Q'] = 100), 'stratumKey'],
    [
      'an object moved into KEY without a 100 % ratio',
      (d) => {
        d.frame[0]![1] = 'KEY';
        d.policy.ratiosBp.KEY = 5000;
      },
      'keyFull',
    ],
  ])('%s is named', (_, edit, rule) => {
    expect(rules(edit)).toContain(rule);
  });
  it('n above N in a record is named', () => {
    const f = frameFromDoc(doc);
    const a = allocate(f);
    const h = Object.keys(a.n)[0]!;
    expect(frameRuleProblems(f, { ...a, n: { ...a.n, [h]: a.N[h]! + 1 } }).map((m) => m.params!.rule)).toEqual([
      'nWithinN',
    ]);
  });
});

describe('bundle keys', () => {
  const rec = JSON.parse(readFileSync(join(__dirname, '../vectors/public-example.expected.json'), 'utf8'));
  it('an added note, a missing field or a changed nesting in record.json is named by its path', () => {
    const full = {
      algorithm: 'inspect-draw/1',
      assignAlgorithm: 'inspect-assign/1',
      drawId: 'x',
      year: 2026,
      items: [],
      departments: [],
      window: { start: 'a', end: 'b' },
      seed: 's',
      inputDigest: rec.inputDigest ?? '',
      seedHex: '',
      allocation: { N: {}, base: {}, extra: {}, n: {}, floorTotal: 0 },
      selected: [{ id: 'a', rank: 1, stratum: 'KEY', ticket: '0.1' }],
      assignDigest: '',
      assignments: [{ id: 'a', inspectors: [] }],
      rosterDigest: '',
      supersedes: null,
      reason: null,
      software: { inspect: '0', seedrandom: '3', node: 'v20' },
    };
    expect(keyProblem(full, RECORD_SHAPE, 'record.json')).toBeNull();
    expect(keyProblem({ ...full, practice: true, commitDigest: 'x' }, RECORD_SHAPE, 'record.json')).toBeNull();
    expect(keyProblem({ ...full, tamperedNote: '这个抽取是伪造的' }, RECORD_SHAPE, 'record.json')).toBe(
      'record.json.tamperedNote: unknown key',
    );
    const { seed: _, ...noSeed } = full;
    expect(keyProblem(noSeed, RECORD_SHAPE, 'record.json')).toBe('record.json.seed: missing');
    expect(
      keyProblem({ ...full, selected: [{ id: 'a', rank: 1, stratum: 'KEY', ticket: '0.1', x: 1 }] }, RECORD_SHAPE, 'r'),
    ).toBe('r.selected[0].x: unknown key');
  });
});
