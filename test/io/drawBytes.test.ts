// Outputs stay byte for byte what they were before the draw learned to stream its roster: a draw and a
// committed draw on the sample data give the same record, frame, matching input and snapshot digests as
// the code before (the constants below were computed by the previous implementation, commit 1240c18),
// and the streamed snapshot is exactly the whole-text one.
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDraw } from '../../src/commands/draw/draw.js';
import { snapshotText } from '../../src/core/frame.js';
import { openDb } from '../../src/io/db.js';
import { packSnapshot, scanActiveObjects, scanScope } from '../../src/io/drawStore.js';
import { loadSample, testContext } from '../helpers.js';

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

let dbPath: string;
beforeAll(async () => {
  const ctx = testContext(undefined, { yes: true });
  dbPath = ctx.dbPath;
  await loadSample(ctx);
  await runDraw(ctx, { items: 'SC01', year: '2026', window: '2026-11-23..2026-12-31', seed: 'bytes' });
  await runDraw(ctx, { items: 'SC05', year: '2026', window: '2026-11-23..2026-12-31', seed: 'bytes-2' });
});

describe('draw outputs, byte for byte', () => {
  it('the paged snapshot (written by SQLite) has the same text and digest as the whole-text one', () => {
    const db = openDb(dbPath, { readonly: true });
    const whole = packSnapshot(snapshotText([...scanActiveObjects(db)]));
    const scan = scanScope(db, { type: false, industry: false, region: false, tags: false }, true);
    const seen = [...scan.objects];
    const streamed = scan.snapshot();
    db.close();
    expect(seen.length).toBeGreaterThan(0);
    expect(streamed.digest).toBe(whole.digest);
    expect(inflateRawSync(streamed.deflated).equals(inflateRawSync(whole.deflated))).toBe(true);
  });

  it('records, frames, matching inputs and snapshots are what the previous implementation wrote', () => {
    const db = new Database(dbPath, { readonly: true });
    const rows = db
      .prepare(
        'SELECT d.id, d.record, d.frame, d.assign_input, s.objects ' +
          'FROM draws d JOIN draw_snapshots s ON s.draw_id = d.id ORDER BY d.id',
      )
      .all() as { id: string; record: string; frame: Buffer; assign_input: Buffer; objects: Buffer }[];
    db.close();
    const got = rows.map((r) => ({
      id: r.id,
      record: sha(r.record),
      frame: sha(r.frame),
      assign: sha(r.assign_input),
      snapshot: sha(inflateRawSync(r.objects)),
    }));
    expect(got).toEqual(EXPECTED);
  });
});

const EXPECTED = [
  {
    id: '2026-HLSJ-001',
    record: '4c8008bf069a134b773f93099c92ae0538cbd466f5bdd444a5610399ede37551',
    frame: '167a15dbcb355bb61c96dbdb0a43d5742de8027e7a3666ac73474a2f685f8b2b',
    assign: '1d947070db6d44ecd7d268de7c0e67ebf8d11a6e2badb9936d9d65ce56eff09e',
    snapshot: '540553bb9680542cd2f5c08a31aa70c0a858fb2bb7e218edbd8a6c3408441997',
  },
  {
    id: '2026-HLSJ-002',
    record: '79e6262cd2ed945bc4d78c6bf7c7895123c7ad158769c8f5d7e1de32389e6716',
    frame: '894c43f50b5acbf4b5b5ada6ed37865c9548d4c31832590f18c447ce764d96e6',
    assign: '74bab0482f7ff946015fca7ade4c713f0b4d382bacc25eb41027a174d0206dba',
    snapshot: '540553bb9680542cd2f5c08a31aa70c0a858fb2bb7e218edbd8a6c3408441997',
  },
];
