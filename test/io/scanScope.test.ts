// The draw's paged read of the roster (scanScope) against the row-by-row reference (scanActiveObjects): the
// same objects, the same snapshot bytes, in pages of 1, 3 and 8,192, on the sample roster and on rows
// written behind inspect's back (a line feed in a value, a quote, non-ASCII and an empty string).
import Database from 'better-sqlite3';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotText, type ScopeFields } from '../../src/core/frame.js';
import { openDb } from '../../src/io/db.js';
import { packSnapshot, scanActiveObjects, scanScope } from '../../src/io/drawStore.js';
import { loadSample, testContext } from '../helpers.js';

const ALL: ScopeFields = { type: true, industry: true, region: true, tags: true };
const NONE: ScopeFields = { type: false, industry: false, region: false, tags: false };

let dbPath: string;
beforeAll(async () => {
  const ctx = testContext();
  dbPath = ctx.dbPath;
  await loadSample(ctx);
});

function compare(path: string, pageRows: number, fields: ScopeFields) {
  const db = openDb(path, { readonly: true });
  try {
    const reference = [...scanActiveObjects(db)];
    const scan = scanScope(db, fields, true, pageRows);
    const got = [...scan.objects];
    const snap = scan.snapshot();
    const blank = (o: (typeof reference)[number]) => ({
      ...o,
      type: fields.type ? o.type : '',
      industry: fields.industry ? o.industry : '',
      region: fields.region ? o.region : '',
      tags: fields.tags ? o.tags : '',
    });
    expect(got).toEqual(reference.map(blank));
    const whole = packSnapshot(snapshotText(reference));
    expect(snap.digest).toBe(whole.digest);
    expect(inflateRawSync(snap.deflated).equals(inflateRawSync(whole.deflated))).toBe(true);
    return got.length;
  } finally {
    db.close();
  }
}

describe('scanScope', () => {
  it('reads the sample roster as the row-by-row scan does, in pages of any size', () => {
    for (const pageRows of [1, 3, 8192]) {
      expect(compare(dbPath, pageRows, ALL)).toBeGreaterThan(100);
      compare(dbPath, pageRows, NONE);
    }
  });

  it('reads rows written with the sqlite3 shell exactly: a page that will not split is read row by row', () => {
    const db = new Database(dbPath);
    db.exec('DROP TRIGGER IF EXISTS objects_keep_version');
    const ids = db
      .prepare(`SELECT credit_code FROM objects WHERE in_roster = 1 AND status IN ('存续', '在业') LIMIT 4`)
      .pluck()
      .all() as string[];
    const set = db.prepare('UPDATE objects SET tags = ?, region = ?, type = ? WHERE credit_code = ?');
    set.run('a\nb', 'R"1\\', '企业\n', ids[0]);
    set.run('', '\n', '', ids[1]);
    set.run('😀;中', '\u0001', '"', ids[2]);
    db.prepare('UPDATE objects SET credit_code = ? WHERE credit_code = ?').run(`${ids[3]}\nX`, ids[3]);
    db.close();
    for (const pageRows of [1, 2, 3, 5, 8192]) {
      compare(dbPath, pageRows, ALL);
      compare(dbPath, pageRows, NONE);
      compare(dbPath, pageRows, { ...NONE, tags: true });
    }
  });
});
