import { describe, expect, it } from 'vitest';
import { buildFrame, frameBytes, type FrameInput, type ScopeObject, type TaskItem } from '../../src/core/frame.js';
import { rowsToPairs } from '../../src/core/frameRows.js';

const item = (over: Partial<TaskItem> = {}): TaskItem => ({
  code: 'SC01',
  name: 'x',
  category: '公示信息',
  kind: '一般',
  department: 'HLSJ',
  partners: [],
  method: '',
  objectTypes: [],
  industries: [],
  regions: [],
  tag: '',
  specialty: '',
  capBp: null,
  ...over,
});
const obj = (id: string, over: Partial<ScopeObject> = {}): ScopeObject => ({
  id,
  type: '企业',
  industry: '5212',
  region: 'R1',
  grade: 'B',
  risk: 'M',
  key: false,
  tags: '',
  ...over,
});
const base = (over: Partial<FrameInput> = {}): FrameInput => ({
  drawId: 'D1',
  year: 2026,
  floorBp: 500,
  ratiosBp: { 'B|M': 500, KEY: 10000 },
  rules: { sameCategory: true, drawnThisYear: true, higherLevel: true },
  items: [item()],
  regions: [],
  objects: [],
  history: [],
  standing: [],
  parents: { HLSJ: 'SJ3502', SJ3502: 'SJ35', SJ35: '' },
  ...over,
});

describe('frame building', () => {
  it('applies every item filter and the task regions; KEY objects get the KEY stratum', () => {
    const f = buildFrame(
      base({
        items: [
          item({ objectTypes: ['企业'], industries: ['52'] }),
          item({ code: 'SC09', department: 'HLWJ', regions: ['R1', 'R2'] }),
        ],
        regions: ['R1'],
        objects: [
          obj('A'),
          obj('B', { type: '个体工商户' }),
          obj('C', { industry: '6210' }),
          obj('D', { region: 'R2' }),
          obj('E', { key: true }),
        ],
      }),
    ).frame;
    expect(rowsToPairs(f.frame)).toEqual([
      ['A', 'B|M'],
      ['E', 'KEY'],
    ]);
    expect(f.scopeCount).toBe(2);
  });
  it('records the first exclusion reason in the published order, and counts coverage by the lead', () => {
    const r = buildFrame(
      base({
        objects: ['A', 'B', 'C', 'D', 'E'].map((id) => obj(id)),
        history: [
          { id: 'A', category: '公示信息', department: 'SJ35' }, // same category AND higher level: SAME_CATEGORY wins
          { id: 'C', category: '食品安全', department: 'SJ3502' }, // higher level only
          // lead's own other-category inspection: covered, not excluded
          { id: 'D', category: '食品安全', department: 'HLSJ' },
        ],
        standing: [{ drawId: 'D0', leadDepartment: 'HLSJ', categories: ['公示信息'], selected: ['B'] }],
      }),
    );
    expect(r.frame.excluded).toEqual([
      ['A', 'SAME_CATEGORY'],
      ['B', 'DRAWN_THIS_YEAR'],
      ['C', 'HIGHER_LEVEL'],
    ]);
    expect(r.frame.frame.ids.toArray()).toEqual(['D', 'E']);
    expect(r.frame.coveredCount).toBe(2); // D (history by HLSJ) and B (its standing draw)
    expect(r.excludedByReason).toEqual({ SAME_CATEGORY: 1, DRAWN_THIS_YEAR: 1, HIGHER_LEVEL: 1 });
  });
  it('a rule switched off excludes nobody', () => {
    const r = buildFrame(
      base({
        rules: { sameCategory: false, drawnThisYear: true, higherLevel: false },
        objects: [obj('A'), obj('C')],
        history: [
          { id: 'A', category: '公示信息', department: 'SJ35' },
          { id: 'C', category: '食品安全', department: 'SJ3502' },
        ],
      }),
    );
    expect(r.frame.excluded).toEqual([]);
  });
  it('sorts by code unit and refuses duplicate ids', () => {
    expect(buildFrame(base({ objects: [obj('b'), obj('B'), obj('a')] })).frame.frame.ids.toArray()).toEqual([
      'B',
      'a',
      'b',
    ]);
    expect(() => buildFrame(base({ objects: [obj('A'), obj('A')] }))).toThrow(/duplicate/);
  });
});

describe('roster snapshot', () => {
  it('is the canonical JSON of the rows, whatever their number', async () => {
    const { snapshotText, parseSnapshot } = await import('../../src/core/frame.js');
    const { canonicalJson } = await import('../../src/core/canonical.js');
    for (const n of [0, 1, 20000, 20001, 45000]) {
      const objects = Array.from({ length: n }, (_, i) =>
        obj(`X${String(i).padStart(6, '0')}`, { key: i % 7 === 0, tags: i % 3 ? '' : '特种设备' }),
      );
      const text = snapshotText(objects);
      expect(text).toBe(
        canonicalJson(
          objects.map((o) => [o.id, o.type, o.industry, o.region, o.grade, o.risk, o.key ? 'yes' : 'no', o.tags]),
        ),
      );
      expect(parseSnapshot(text)).toEqual(objects);
    }
  });
});

describe('plan', () => {
  it('makes the canonical frame bytes only when asked, and then the same bytes as frameBytes', async () => {
    const { planDraw, planSummary } = await import('../../src/core/plan.js');
    const { ratiosBp, rules, floorBp, ...rest } = base({
      objects: Array.from({ length: 40 }, (_, i) => obj(`O${String(i).padStart(3, '0')}`)),
    });
    // A dry run plans and reads the summary alone: the frame is never serialized for it.
    const canonical = JSON.stringify;
    let serialized = 0;
    JSON.stringify = ((...a: Parameters<typeof canonical>) => (serialized++, canonical(...a))) as typeof canonical;
    let plan: ReturnType<typeof planDraw>;
    try {
      plan = planDraw({
        ...rest,
        policy: { floorBp, ratiosBp, rules, teamSize: 2, commit: { required: false, minLeadMinutes: 0 } },
      });
      expect(planSummary(plan).frameSize).toBe(40);
      expect(serialized).toBe(0);
      expect(plan.inputDigest).toMatch(/^[0-9a-f]{64}$/);
      expect(serialized).toBeGreaterThan(0); // asked for: now it is written
    } finally {
      JSON.stringify = canonical;
    }
    const bytes = frameBytes(plan.frame);
    expect(plan.frameBytes).toEqual(bytes.bytes);
    expect(plan.inputDigest).toBe(bytes.digest);
    expect(plan.frameBytes).toBe(plan.frameBytes); // made once
  });
});
