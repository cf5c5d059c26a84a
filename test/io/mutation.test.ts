// The rule `inspect audit` is built to, tested over the whole schema rather than case by case: changing
// any one cell, deleting any row or inserting a row, in any table the project owns, makes the audit fail
// (with the sqlite3 shell's powers: triggers dropped, foreign keys off). The one exception is an entry
// appended at the end of the log, which is what --expect-head is for; deleting the last entry is caught
// with it.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditText as audit } from '../helpers.js';
import { runDraw } from '../../src/commands/draw/draw.js';
import { runExportPublication } from '../../src/commands/export/exportPublication.js';
import { runImport } from '../../src/commands/import/import.js';
import { runResultsImport } from '../../src/commands/import/results.js';
import { runReveal } from '../../src/commands/draw/reveal.js';
import { MIGRATIONS, openDb } from '../../src/io/db.js';
import { DATA, loadSample, testContext, tmp } from '../helpers.js';
import { runTimestampAdd, runTimestampRequest, runTrustAdd } from '../../src/commands/admin/timestamp.js';
import { makeTsa } from '../tsa.js';

let base: string;
let head: string;
const SIG = 'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b';

beforeAll(async () => {
  // A database where every table has rows: rosters imported twice (kept versions), history, a draw and
  // one superseding it, a committed draw and its reveal, results entered and changed, publications.
  const dir = tmp();
  base = join(dir, 'base.db');
  const ctx = testContext(base, { yes: true });
  await loadSample(ctx, { practice: true });
  const changed = join(dir, 'inspectors.csv');
  writeFileSync(
    changed,
    readFileSync(join(DATA, 'inspectors.csv'), 'utf8').replace(/检查员|张/, (m) => `${m}改`),
  );
  await runImport(ctx, 'inspectors', changed, {});
  await runDraw(ctx, { items: 'SC01', year: '2026', window: '2026-09-01..2026-12-31', seed: 'm1' });
  await runDraw(ctx, {
    items: 'SC01',
    year: '2026',
    window: '2026-09-01..2026-12-31',
    seed: 'm2',
    supersede: '2026-HLSJ-001',
    reason: '重抽',
  });
  process.env.INSPECT_NOW = '2023-09-15T18:40:00+08:00';
  try {
    await runDraw(ctx, {
      items: 'SC04',
      year: '2026',
      window: '2026-09-01..2026-12-31',
      commit: true,
      beacon: ['drand:657413'],
    });
    process.env.INSPECT_NOW = '2023-09-15T19:05:00+08:00';
    await runReveal(ctx, '2026-HLSJ-003', { value: [SIG] });
  } finally {
    delete process.env.INSPECT_NOW;
  }
  const db = new Database(base, { readonly: true });
  const sel = db
    .prepare("SELECT object_id FROM draw_selections WHERE draw_id = '2026-HLSJ-002' ORDER BY position")
    .pluck()
    .all() as string[];
  db.close();
  const results = join(dir, 'r.csv');
  writeFileSync(
    results,
    `抽查编号,统一社会信用代码,检查完成日期,检查结果\n2026-HLSJ-002,${sel[0]},2026-10-09,1\n2026-HLSJ-002,${sel[1]},2026-10-12,E\n`,
  );
  await runResultsImport(ctx, results, { asOf: '2026-11-21' });
  writeFileSync(results, `抽查编号,统一社会信用代码,检查完成日期,检查结果\n2026-HLSJ-002,${sel[1]},2026-10-12,6\n`);
  await runResultsImport(ctx, results, { asOf: '2026-11-21' });
  await runExportPublication(ctx, '2026-HLSJ-002', { kind: 'result', out: join(dir, 'pub.csv'), asOf: '2026-11-21' });
  await runExportPublication(ctx, '2026-HLSJ-002', { kind: 'task', out: join(dir, 'task.csv') });
  // A trusted TSA root, a request over the log head and the token that answered it.
  const tsa = await makeTsa();
  writeFileSync(join(dir, 'root.pem'), tsa.rootPem);
  await runTrustAdd(ctx, join(dir, 'root.pem'), {});
  await runTimestampRequest(ctx, undefined, { head: true, out: join(dir, 'h.tsq') });
  writeFileSync(
    join(dir, 'h.tsr'),
    await tsa.respond(readFileSync(join(dir, 'h.tsq')), new Date('2023-09-16T00:00:00Z')),
  );
  await runTimestampAdd(ctx, join(dir, 'h.tsr'));
  const raw = new Database(base);
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.pragma('journal_mode = DELETE');
  raw.close();
  const r = audit(openDb(base, { readonly: true }));
  expect(r.ok).toBe(true);
  head = `${r.head!.seq}:${r.head!.hash}`;
});

type Row = Record<string, unknown>;
/** Every table the migrations make, with its columns: the list the test walks is the schema itself. */
const TABLES = (): { name: string; cols: { name: string; pk: number }[] }[] => {
  const db = new Database(':memory:');
  try {
    for (const m of MIGRATIONS) db.exec(m);
    const names = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .pluck()
      .all() as string[];
    return names.map((name) => ({
      name,
      cols: db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(name) as { name: string; pk: number }[],
    }));
  } finally {
    db.close();
  }
};

/** The fixture's bytes, read once: every mutation works on its own in-memory copy of them. */
let baseBytes: Buffer | undefined;

/**
 * A copy, changed as the sqlite3 shell could (every trigger dropped, foreign keys off), then audited. The
 * copy lives in memory (SQLite's own deserialisation of the file's bytes): the audit reads the same pages
 * it would from a file, without 432 file copies and their syncs.
 */
function auditAfter(change: (db: Database.Database) => void, expectHead?: string) {
  baseBytes ??= readFileSync(base);
  const raw = new Database(baseBytes);
  raw.pragma('foreign_keys = OFF');
  const triggers = raw.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as {
    name: string;
    sql: string;
  }[];
  raw.transaction(() => {
    for (const t of triggers) raw.exec(`DROP TRIGGER "${t.name}"`);
  })();
  change(raw);
  // Put the triggers back, so only the data differs (a missing trigger is a failure of its own, tested below).
  raw.transaction(() => {
    for (const t of triggers) raw.exec(t.sql);
  })();
  try {
    return audit(raw, expectHead);
  } finally {
    raw.close();
  }
}

/** A value for a key column: different from every value there (no UNIQUE clash). */
function fresh(v: unknown): unknown {
  if (typeof v === 'number') return v + 100000;
  if (typeof v === 'bigint') return v + 100000n;
  return `${String(v)}Z9`;
}

function other(v: unknown): unknown {
  if (v === null) return 'x';
  if (typeof v === 'number') return v + 7;
  if (typeof v === 'bigint') return v + 7n;
  if (Buffer.isBuffer(v)) {
    const b = Buffer.from(v);
    if (b.length === 0) return Buffer.from([1]);
    b[b.length - 1] = b[b.length - 1]! ^ 1;
    return b;
  }
  const s = String(v);
  // Keep JSON and dates well-formed where the cell holds one: a subtle change is the harder case.
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return s.replace(/^(\d{4})/, (y) => String(Number(y) + 1));
  if (s.startsWith('[') || s.startsWith('{'))
    return s.replace(/"[^"]*"/, '"Z"') === s ? `${s} ` : s.replace(/"[^"]*"/, '"Z"');
  return s === '' ? 'x' : `${s.slice(0, -1)}${s.endsWith('1') ? '2' : '1'}`;
}

/** A value of the wrong form: text that is no JSON, no number and no date; text where a blob belongs. */
function malformed(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return 'not a blob {';
  if (typeof v === 'number' || typeof v === 'bigint') return 'x{';
  return `${String(v ?? '')}\u0000{not json`;
}

const where = (cols: string[]) => cols.map((c) => `"${c}" IS ?`).join(' AND ');

describe('audit covers every stored value', () => {
  const tables = TABLES();
  it('the fixture has rows in every table the project owns', () => {
    const db = new Database(base, { readonly: true });
    const empty = tables
      .filter((t) => db.prepare(`SELECT count(*) FROM "${t.name}"`).pluck().get() === 0)
      .map((t) => t.name);
    db.close();
    expect(empty).toEqual([]);
    expect(tables.length).toBeGreaterThanOrEqual(17);
  });

  for (const t of tables) {
    for (const col of t.cols) {
      it(`changing ${t.name}.${col.name} fails the audit`, () => {
        const r = auditAfter((db) => {
          const row = db
            .prepare(`SELECT * FROM "${t.name}" ORDER BY 1 LIMIT 1 OFFSET ${t.name === 'events' ? 2 : 0}`)
            .get() as Row;
          const names = t.cols.map((c) => c.name);
          const value = col.pk > 0 ? fresh(row[col.name]) : other(row[col.name]);
          db.prepare(`UPDATE "${t.name}" SET "${col.name}" = ? WHERE ${where(names)}`).run(
            value,
            ...names.map((n) => row[n]),
          );
        });
        expect(r.ok, `${t.name}.${col.name}`).toBe(false);
      });
    }
    for (const col of t.cols.filter((c) => c.pk === 0)) {
      it(`a malformed ${t.name}.${col.name} is reported, and the audit goes on`, () => {
        let r: ReturnType<typeof audit> | undefined;
        expect(() => {
          r = auditAfter((db) => {
            const row = db
              .prepare(`SELECT * FROM "${t.name}" ORDER BY 1 LIMIT 1 OFFSET ${t.name === 'events' ? 2 : 0}`)
              .get() as Row;
            const names = t.cols.map((c) => c.name);
            db.prepare(`UPDATE "${t.name}" SET "${col.name}" = ? WHERE ${where(names)}`).run(
              malformed(row[col.name]),
              ...names.map((n) => row[n]),
            );
          });
        }).not.toThrow();
        expect(r!.ok, `${t.name}.${col.name}`).toBe(false);
        // Every section still ran: a bad cell is one problem, not the end of the audit.
        expect(r!.sections.map((x) => x.name)).toEqual(expect.arrayContaining(['draws', 'commitments', 'rows']));
      });
    }
    it(`deleting a row of ${t.name} fails the audit`, () => {
      const r = auditAfter((db) => {
        const row = db.prepare(`SELECT * FROM "${t.name}" LIMIT 1`).get() as Row;
        const names = t.cols.map((c) => c.name);
        db.prepare(`DELETE FROM "${t.name}" WHERE ${where(names)}`).run(...names.map((n) => row[n]));
      });
      expect(r.ok, t.name).toBe(false);
    });
    if (t.name !== 'events') {
      it(`inserting a row into ${t.name} fails the audit`, () => {
        const r = auditAfter((db) => {
          const row = db.prepare(`SELECT * FROM "${t.name}" LIMIT 1`).get() as Row;
          // A copy with its key changed, so it is a new row and not a duplicate.
          const key = t.cols.filter((c) => c.pk > 0).map((c) => c.name);
          const copy = { ...row };
          for (const k of key.length ? key : [t.cols[0]!.name]) copy[k] = fresh(row[k]);
          const names = Object.keys(copy);
          const insert = db.prepare(
            `INSERT INTO "${t.name}" (${names.map((n) => `"${n}"`).join(', ')}) VALUES ` +
              `(${names.map(() => '?').join(', ')})`,
          );
          try {
            insert.run(...names.map((n) => copy[n]));
          } catch {
            // Another UNIQUE index (history's natural key, a token's request): the new row differs in every
            // text and number column.
            insert.run(
              ...names.map((n) =>
                typeof copy[n] === 'string' || typeof copy[n] === 'number' ? fresh(copy[n]) : copy[n],
              ),
            );
          }
        });
        expect(r.ok, t.name).toBe(false);
      });
    }
  }

  it('an entry appended at the end of the log passes; deleting the last entry is caught with --expect-head', () => {
    const appended = auditAfter(() => {});
    expect(appended.ok).toBe(true);
    const cut = auditAfter((db) => db.exec('DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)'), head);
    expect(cut.ok).toBe(false);
  });

  it('a missing or changed trigger, and an object that is not ours, are reported', () => {
    const file = join(tmp(), 't.db');
    copyFileSync(base, file);
    const raw = new Database(file);
    raw.exec('DROP TRIGGER results_no_update');
    raw.exec('DROP VIEW current_results');
    raw.exec("CREATE VIEW current_results AS SELECT r.*, '2026-01-01' AS published_on FROM results r");
    raw.exec('CREATE TRIGGER sneaky AFTER INSERT ON results BEGIN SELECT 1; END');
    raw.close();
    const r = audit(openDb(file, { readonly: true }));
    const schema = r.sections.find((s) => s.name === 'schema')!;
    expect(schema.problems).toEqual(
      expect.arrayContaining([
        'trigger results_no_update is missing',
        'view current_results was changed',
        'trigger sneaky is not ours (added outside the tool)',
      ]),
    );
  });
});
