// The spec's worked example (test/vectors, copied from the published spec): a build that disagrees in
// any digit is wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocation.js';
import { canonicalJson, sha256Hex } from '../../src/core/canonical.js';
import type { FrameDoc } from '../../src/core/drawTypes.js';
import { canonicalFrameBytes, frameFromDoc } from '../../src/core/frameRows.js';
import { seedHexFor, select, tickets } from '../../src/core/selection.js';
import { ROOT } from '../helpers.js';

const dir = join(ROOT, 'test/vectors');
const frameBytes = readFileSync(join(dir, 'public-example.frame.json'));
const expected = JSON.parse(readFileSync(join(dir, 'public-example.expected.json'), 'utf8'));
const doc = JSON.parse(frameBytes.toString('utf8')) as FrameDoc;
const frame = frameFromDoc(doc);

describe('inspect-draw/1 worked example', () => {
  it('the frame file is canonical and its digest matches', () => {
    expect(canonicalJson(doc as never)).toBe(frameBytes.toString('utf8'));
    expect(Buffer.from(canonicalFrameBytes(frame)).equals(frameBytes)).toBe(true);
    expect(sha256Hex(frameBytes)).toBe(expected.inputDigest);
  });
  it('seedHex binds the seed to the digest', () => {
    expect(seedHexFor(expected.seed, expected.inputDigest)).toBe(expected.seedHex);
  });
  it('first tickets', () => {
    const t = tickets(frame.frame, expected.seedHex);
    expect(expected.firstTickets).toEqual(
      frame.frame.ids
        .toArray()
        .slice(0, 3)
        .map((id, i) => [id, String(t[i])]),
    );
  });
  it('allocation N, base, extra, n and floorTotal', () => {
    const a = allocate(frame);
    expect(a.floorTotal).toBe(expected.floorTotal);
    expect(a.N).toEqual(expected.N);
    expect(a.base).toEqual(expected.base);
    expect(a.extra).toEqual(expected.extra);
    expect(a.n).toEqual(expected.n);
  });
  it('selection: the 12 ids with their tickets, ranks and order', () => {
    const a = allocate(frame);
    expect(select(frame.frame, tickets(frame.frame, expected.seedHex), a)).toEqual(expected.selected);
  });
});
