import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/commands/import/import.js';
import { InspectError } from '../../src/core/errors.js';
import { fileSha, fixture, loadSample, testContext, tmp } from '../helpers.js';

const dump = (dbPath: string, table = 'objects') => {
  const db = new Database(dbPath, { readonly: true });
  const rows = db
    .prepare(`SELECT * FROM ${table} ORDER BY 1`)
    .all()
    .map((r) => {
      const { import_id: _i, seen_import: _s, ...rest } = r as Record<string, unknown>;
      return rest;
    });
  db.close();
  return rows;
};

async function failure(p: Promise<unknown>): Promise<InspectError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InspectError) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
}

describe('encodings and header variants import the same data', () => {
  it('GB18030, UTF-8, UTF-8 with BOM and English headers/values give identical rows', async () => {
    const dumps: unknown[] = [];
    for (const f of ['objects-utf8-bom.csv', 'objects-utf8.csv', 'objects-gb18030.csv', 'objects-english.csv']) {
      const ctx = testContext();
      const s = await runImport(ctx, 'objects', fixture(f), {});
      expect(s.imported).toBe(12);
      expect(s.encoding).toBe(f.includes('gb18030') ? 'gb18030' : 'utf8');
      expect(s.sha256).toBe(fileSha(fixture(f)));
      dumps.push(dump(ctx.dbPath));
    }
    for (const d of dumps.slice(1)) expect(d).toEqual(dumps[0]);
    const names = (dumps[0] as { name: string }[]).map((r) => r.name);
    expect(names).toContain('厦门𠀾䶮测试有限公司'); // 4-byte characters survive the GB18030 round trip
  });
  it('--encoding gb18030 forces the decoder; --encoding utf8 on a GB18030 file is a clear error', async () => {
    const ctx = testContext();
    await runImport(ctx, 'objects', fixture('objects-gb18030.csv'), { encoding: 'gb18030' });
    const e = await failure(runImport(testContext(), 'objects', fixture('objects-gb18030.csv'), { encoding: 'utf8' }));
    expect(e.exit).toBe(65);
    expect(e.msg.key).toBe('E_BAD_UTF8');
  });
});

describe('broken files fail with exit 65, name row and column, and leave the database unchanged', () => {
  const cases: [string, string, Record<string, unknown>?][] = [
    ['broken-unterminated-quote.csv', 'E_CSV_QUOTE', { row: 6 }],
    ['broken-ragged.csv', 'E_IMPORT_INVALID'],
    ['broken-empty.csv', 'E_EMPTY_FILE'],
    ['broken-header-only.csv', 'E_HEADER_ONLY'],
    ['broken-garbage.csv', 'E_BINARY_FILE'],
    ['broken-duplicate-key.csv', 'E_IMPORT_INVALID'],
    ['broken-check-char.csv', 'E_IMPORT_INVALID'],
    ['broken-excel-damaged.csv', 'E_IMPORT_INVALID'],
    ['broken-missing-column.csv', 'E_MISSING_COLUMN', { column: '信用等级' }],
    ['broken-bad-values.csv', 'E_IMPORT_INVALID', { count: 3 }],
  ];
  it.each(cases)('%s → %s', async (file, key, params) => {
    const dir = tmp();
    const ctx = testContext(join(dir, 'inspect.db'));
    await runImport(ctx, 'objects', fixture('objects-utf8.csv'), {});
    const before = fileSha(ctx.dbPath);
    const e = await failure(runImport(ctx, 'objects', fixture(file), {}));
    expect(e.exit).toBe(65);
    expect(e.msg.key).toBe(key);
    if (params) expect(e.msg.params).toMatchObject(params);
    expect(fileSha(ctx.dbPath)).toBe(before);
    expect(existsSync(`${ctx.dbPath}-wal`) ? readFileSync(`${ctx.dbPath}-wal`).length : 0).toBe(0);
  });

  it('lists every problem with its row and column in the errors file', async () => {
    const dir = tmp();
    const ctx = testContext(join(dir, 'inspect.db'));
    const errors = join(dir, 'errors.csv');
    await failure(runImport(ctx, 'objects', fixture('broken-bad-values.csv'), { errors }));
    const text = readFileSync(errors, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('3,信用等级,E,error');
    expect(text).toContain('4,风险等级,很高,error');
    expect(text).toContain('5,状态,倒闭,error');
  });

  it('names the Excel-damaged cell as such, and the duplicate with its first row', async () => {
    const dir = tmp();
    const errors = join(dir, 'e.csv');
    await failure(
      runImport(testContext(join(dir, 'a.db')), 'objects', fixture('broken-excel-damaged.csv'), { errors }),
    );
    expect(readFileSync(errors, 'utf8')).toMatch(/3,统一社会信用代码,9\.13502E\+17,error,cell damaged by Excel/);
    // An errors file is never overwritten without --force (73), and nothing is imported then.
    const refused = await runImport(testContext(join(dir, 'b.db')), 'objects', fixture('broken-duplicate-key.csv'), {
      errors,
    }).catch((e: InspectError) => e);
    expect((refused as InspectError).exit).toBe(73);
    expect(existsSync(join(dir, 'b.db'))).toBe(false);
    await failure(
      runImport(testContext(join(dir, 'b.db')), 'objects', fixture('broken-duplicate-key.csv'), {
        errors,
        force: true,
      }),
    );
    expect(readFileSync(errors, 'utf8')).toMatch(/9,统一社会信用代码,\w{18},error,duplicates row 3/);
  });

  it('rejects unknown departments and impossible dates in an inspector roster', async () => {
    const dir = tmp();
    const ctx = testContext(join(dir, 'inspect.db'));
    await runImport(ctx, 'departments', join(__dirname, '../../data/departments.csv'), {});
    const before = fileSha(ctx.dbPath);
    const errors = join(dir, 'e.csv');
    const e = await failure(runImport(ctx, 'inspectors', fixture('inspectors-unknown-dept.csv'), { errors }));
    expect(e.msg.params).toMatchObject({ count: 2 });
    const text = readFileSync(errors, 'utf8');
    expect(text).toMatch(/3,部门,XXXX,error/);
    expect(text).toMatch(/4,证件有效期至,2028\/2\/30,error/);
    expect(fileSha(ctx.dbPath)).toBe(before);
  });
});

describe('modes', () => {
  it('--skip-invalid imports the valid rows and writes the rejected ones with reasons', async () => {
    const dir = tmp();
    const ctx = testContext(join(dir, 'inspect.db'));
    const errors = join(dir, 'rejected.csv');
    const s = await runImport(ctx, 'objects', fixture('broken-bad-values.csv'), { skipInvalid: true, errors });
    expect(s).toMatchObject({ imported: 9, rejected: 3 });
    expect(readFileSync(errors, 'utf8').split('\n').filter(Boolean)).toHaveLength(4);
    expect(dump(ctx.dbPath)).toHaveLength(9);
  });
  it('--dry-run validates and writes nothing', async () => {
    const ctx = testContext();
    const s = await runImport(ctx, 'objects', fixture('objects-utf8.csv'), { dryRun: true });
    expect(s).toMatchObject({ dryRun: true, imported: 12, importId: null });
    expect(existsSync(ctx.dbPath)).toBe(false); // a dry run on a missing database creates nothing
  });
  it('--allow-codes accepts a listed failing code and records it on the import', async () => {
    const ctx = testContext();
    const s = await runImport(ctx, 'objects', fixture('broken-check-char.csv'), {
      allowCodes: fixture('allow-codes.txt'),
    });
    expect(s.allowedCodes).toEqual(['91350203M0001QAY9B']);
    const db = new Database(ctx.dbPath, { readonly: true });
    expect(db.prepare('SELECT allowed_codes FROM imports').pluck().get()).toBe('["91350203M0001QAY9B"]');
    expect(db.prepare("SELECT summary FROM events WHERE action = 'import.objects'").pluck().get()).toContain(
      '91350203M0001QAY9B',
    );
    db.close();
  });
});

describe('a re-import never deletes', () => {
  it('retires absent rows and keeps the replaced version of changed rows', async () => {
    const dir = tmp();
    const ctx = testContext(join(dir, 'inspect.db'));
    await runImport(ctx, 'objects', fixture('objects-utf8.csv'), {});
    const lines = readFileSync(fixture('objects-utf8.csv'), 'utf8').trimEnd().split('\r\n');
    const removed = lines[2]!.split(',')[0]!;
    const changedLine = lines[3]!.split(',');
    changedLine[6] = changedLine[6] === 'D' ? 'A' : 'D';
    const next = [lines[0], lines[1], changedLine.join(','), ...lines.slice(4)].join('\r\n');
    const file = join(dir, 'objects-2.csv');
    writeFileSync(file, next);
    const s = await runImport(ctx, 'objects', file, {});
    expect(s).toMatchObject({ imported: 11, retired: 1 });
    const db = new Database(ctx.dbPath, { readonly: true });
    expect(db.prepare('SELECT in_roster FROM objects WHERE credit_code = ?').pluck().get(removed)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM objects').pluck().get()).toBe(12);
    const v = db.prepare('SELECT key, data FROM roster_versions').all() as { key: string; data: string }[];
    expect(v).toHaveLength(1);
    expect(v[0]!.key).toBe(changedLine[0]);
    expect(JSON.parse(v[0]!.data).credit_grade).not.toBe(changedLine[6]);
    expect(() => db.prepare('SELECT 1').get()).not.toThrow();
    db.close();
  });
  it('a history import is idempotent', async () => {
    const ctx = testContext();
    await loadSample(ctx);
    const again = await runImport(ctx, 'history', join(__dirname, '../../data/history.csv'), {});
    expect(again.imported).toBe(0);
    expect(again.alreadyPresent).toBe(58);
  });
  it('the database refuses deleting roster rows and editing the event log', async () => {
    const ctx = testContext();
    await runImport(ctx, 'objects', fixture('objects-utf8.csv'), {});
    const db = new Database(ctx.dbPath);
    expect(() => db.prepare('DELETE FROM objects').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE events SET summary = 'x'").run()).toThrow(/append-only/);
    db.close();
  });
});

describe('roster digests', () => {
  it('one pass gives the data-columns digest as imports always recorded it, and the whole-table digest', async () => {
    const { rosterDigest, rosterDigests } = await import('../../src/io/rosterDigest.js');
    const { openDb } = await import('../../src/io/db.js');
    const ctx = testContext();
    await loadSample(ctx);
    const db = openDb(ctx.dbPath, { readonly: true });
    for (const kind of ['objects', 'inspectors', 'items', 'departments', 'history'] as const) {
      const both = rosterDigests(db, kind);
      // Pages of 3 rows give the same bytes as pages of 2048 (the page boundaries leave no trace).
      expect(rosterDigests(db, kind, 3)).toEqual(both);
      expect(both.roster).toBe(rosterDigest(db, kind));
      expect(both.table).not.toBe(both.roster);
      // The whole-table digest by the plain JavaScript rule (JSON.stringify of every row in key order).
      const keys = { objects: 'credit_code', inspectors: 'id', items: 'code', departments: 'code' };
      const order = kind === 'history' ? 'id' : keys[kind];
      const h = createHash('sha256');
      for (const row of db.prepare(`SELECT * FROM ${kind} ORDER BY ${order}`).raw().iterate())
        h.update(`${JSON.stringify(row)}\n`);
      expect(both.table).toBe(h.digest('hex'));
      expect(
        db.prepare('SELECT table_sha256 FROM imports WHERE kind = ? ORDER BY id DESC LIMIT 1').pluck().get(kind),
      ).toBe(both.table);
    }
    db.close();
  });
  it('SQLite writes the same JSON as JSON.stringify for any text a row can hold, an empty key included', async () => {
    const { rosterDigest, rosterDigests } = await import('../../src/io/rosterDigest.js');
    const { openDb } = await import('../../src/io/db.js');
    const db = openDb(join(tmp(), 'hostile.db'));
    // Every 97th BMP character outside the surrogates, astral ones, quotes, backslashes, NUL and other
    // controls, U+2028/9; [...t] reverses by code point, so no lone surrogate is written.
    const texts: string[] = ['', '"', '\\', '\u2028\u2029', '😀\u{10ffff}', 'a\u0000b', '\u007f\u0080\u009f'];
    for (let c = 0; c < 0x10000; c += 97) if (c < 0xd800 || c >= 0xe000) texts.push(`x${String.fromCharCode(c)}y`);
    const insert = db.prepare(
      `INSERT INTO objects (credit_code, name, tags, import_id, seen_import, src_row) VALUES (?, ?, ?, 1, 1, ?)`,
    );
    texts.forEach((t, i) =>
      insert.run(i === 0 ? '' : `K${String(i).padStart(5, '0')}${t}`, t, [...t].reverse().join(''), i),
    );
    const h = createHash('sha256');
    for (const row of db.prepare('SELECT * FROM objects ORDER BY credit_code').raw().iterate())
      h.update(`${JSON.stringify(row)}\n`);
    const table = h.digest('hex');
    for (const page of [1, 7, 2048]) {
      const both = rosterDigests(db, 'objects', page);
      expect(both.roster).toBe(rosterDigest(db, 'objects'));
      expect(both.table).toBe(table);
    }
    db.close();
  });
});
