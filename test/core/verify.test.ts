// verify catches every tampering: a changed selected id, a changed ticket, a removed frame row, a changed
// seed, a changed assignment or matching input.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../src/core/canonical.js';
import type { FrameDoc } from '../../src/core/drawTypes.js';
import { readFrame } from '../../src/core/frameParse.js';
import type { AssignInput } from '../../src/core/matching.js';
import { piecesOfText } from '../../src/core/assignText.js';
import { assignText, computeAssignments, computeSelection, type DrawRecord } from '../../src/core/record.js';
import { verifyDraw } from '../../src/core/verify.js';
import { ROOT } from '../helpers.js';

const frameText = readFileSync(join(ROOT, 'test/vectors/public-example.frame.json'), 'utf8');
const frame = readFrame(new TextEncoder().encode(frameText));
const doc = JSON.parse(frameText) as FrameDoc;
const c = computeSelection(frameText, frame, '湖里区2026年第一批');
const input: AssignInput = {
  algorithm: 'inspect-assign/1',
  drawId: frame.drawId,
  teamSize: 2,
  windowEnd: '2026-12-31',
  crossRegion: false,
  departments: ['HLSJ'],
  requirements: [],
  inspectors: ['I1', 'I2', 'I3', 'I4'].map((id) => [id, 'HLSJ', '', '在岗', '2030-01-01', [], []]),
  objects: c.selected.map((s) => [s.id, '', []]),
};
const aText = assignText(input);
const m = computeAssignments(input, c.seedHex);
if (!m.ok) throw new Error('fixture must match');
const record: DrawRecord = {
  algorithm: 'inspect-draw/1',
  assignAlgorithm: 'inspect-assign/1',
  drawId: frame.drawId,
  year: 2026,
  items: ['SC01'],
  departments: ['HLSJ'],
  window: { start: '2026-01-01', end: '2026-12-31' },
  seed: '湖里区2026年第一批',
  ...c,
  assignDigest: sha256Hex(aText),
  assignments: m.assignments,
  rosterDigest: '',
  supersedes: null,
  reason: null,
  software: { inspect: 't', seedrandom: '3.0.5', node: 'v20' },
};
const failing = (checks: ReturnType<typeof verifyDraw>) => checks.filter((x) => !x.ok).map((x) => x.name);

describe('verify', () => {
  it('an untouched draw matches in every part', () => {
    expect(failing(verifyDraw({ frameText, record, assign: piecesOfText(aText) }))).toEqual([]);
  });
  it('one selected id changed', () => {
    const r = structuredClone(record);
    r.selected[4]!.id = '91350206J2DTJP4R40';
    const checks = verifyDraw({ frameText, record: r, assign: piecesOfText(aText) });
    expect(failing(checks)).toContain('selection');
    expect(checks.find((x) => x.name === 'selection')!.detail).toContain(
      'selected[4].id: expected "91350206KBUWDJNH89", found "91350206J2DTJP4R40"',
    );
  });
  it('one ticket changed', () => {
    const r = structuredClone(record);
    r.selected[0]!.ticket = '0.1';
    expect(failing(verifyDraw({ frameText, record: r, assign: piecesOfText(aText) }))).toEqual(['selection']);
  });
  it('a frame row removed', () => {
    const f = structuredClone(doc);
    f.frame.splice(7, 1);
    expect(failing(verifyDraw({ frameText: canonicalJson(f as never), record, assign: piecesOfText(aText) }))).toEqual(
      expect.arrayContaining(['digest', 'seed']),
    );
  });
  it('a non-canonical frame (same content, other spacing) is named', () => {
    expect(
      failing(verifyDraw({ frameText: JSON.stringify(doc, null, 1), record, assign: piecesOfText(aText) })),
    ).toEqual(expect.arrayContaining(['frame', 'digest']));
  });
  it('the seed changed', () => {
    expect(
      failing(
        verifyDraw({ frameText, record: { ...record, seed: '湖里区2026年第二批' }, assign: piecesOfText(aText) }),
      ),
    ).toEqual(expect.arrayContaining(['seed']));
  });
  it('a team changed, or the matching input edited', () => {
    const r = structuredClone(record);
    r.assignments[0]!.inspectors.reverse();
    expect(failing(verifyDraw({ frameText, record: r, assign: piecesOfText(aText) }))).toEqual(['assignments']);
    const edited = aText.replace('"I4"', '"I9"');
    expect(failing(verifyDraw({ frameText, record, assign: piecesOfText(edited) }))).toEqual(['assignments']);
  });
});
