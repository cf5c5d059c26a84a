// Tampering done behind the tool's back, with a separate SQLite connection (as with the sqlite3 shell),
// is caught by `audit`; a rewrite of the whole chain is caught by the head read out at the ceremony.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditText as audit } from '../helpers.js';
import { runDraw } from '../../src/commands/draw/draw.js';
import { runExportPublication } from '../../src/commands/export/exportPublication.js';
import { runResultsImport } from '../../src/commands/import/results.js';
import { eventHash } from '../../src/core/chain.js';
import { openDb } from '../../src/io/db.js';
import { loadSample, testContext, tmp } from '../helpers.js';

let base: string;
let head: { seq: number; hash: string };
let selected: string[];

beforeAll(async () => {
  const dir = tmp();
  base = join(dir, 'base.db');
  const ctx = testContext(base, { yes: true });
  await loadSample(ctx);
  await runDraw(ctx, { items: 'SC01', year: '2026', window: '2026-09-01..2026-12-31', seed: 'audit' });
  const db = new Database(base);
  selected = db
    .prepare("SELECT object_id FROM draw_selections WHERE draw_id = '2026-HLSJ-001' ORDER BY position")
    .pluck()
    .all() as string[];
  db.close();
  const results = join(dir, 'r.csv');
  writeFileSync(
    results,
    `抽查编号,统一社会信用代码,检查完成日期,检查结果\n2026-HLSJ-001,${selected[0]},2026-10-09,1\n2026-HLSJ-001,${selected[1]},2026-10-12,E\n`,
  );
  await runResultsImport(ctx, results, { asOf: '2026-11-21' });
  await runExportPublication(ctx, '2026-HLSJ-001', { kind: 'result', out: join(dir, 'pub.csv'), asOf: '2026-11-21' });
  const r = audit(openDb(base, { readonly: true }));
  head = r.head!;
});

/** A fresh copy of the database, tampered with by a plain connection, then audited. */
function tampered(sql: (db: Database.Database) => void, expectHead?: string) {
  const file = join(tmp(), 'copy.db');
  copyFileSync(base, file);
  const raw = new Database(file);
  sql(raw);
  raw.close();
  const db = openDb(file, { readonly: true });
  try {
    return audit(db, expectHead);
  } finally {
    db.close();
  }
}
const failing = (r: ReturnType<typeof audit>) => r.sections.filter((s) => s.problems.length).map((s) => s.name);

describe('audit', () => {
  it('an untouched database passes every check, and names what it checked', () => {
    const r = tampered(() => {}, `${head.seq}:${head.hash}`);
    expect(r.ok).toBe(true);
    expect(Object.fromEntries(r.sections.map((s) => [s.name, s.checked]))).toMatchObject({
      chain: head.seq,
      head: 1,
      draws: 1,
      publications: 1,
    });
  });
  it('a changed selected object', () => {
    const r = tampered((db) => {
      db.exec('DROP TRIGGER draw_selections_no_update');
      db.prepare(
        "UPDATE draw_selections SET object_id = '91350200776049653A' WHERE draw_id = '2026-HLSJ-001' AND position = 3",
      ).run();
    });
    expect(failing(r)).toContain('draws');
    expect(r.sections.find((s) => s.name === 'draws')!.problems[0]).toContain(
      'the selection table differs from the record',
    );
  });
  it('a changed ticket in the stored record', () => {
    const r = tampered((db) => {
      db.exec('DROP TRIGGER draws_no_update');
      const rec = db.prepare("SELECT record FROM draws WHERE id = '2026-HLSJ-001'").pluck().get() as string;
      const t = JSON.parse(rec).selected[4].ticket as string;
      db.prepare("UPDATE draws SET record = ? WHERE id = '2026-HLSJ-001'").run(
        rec.replace(`"ticket":"${t}"`, '"ticket":"0.5"'),
      );
    });
    const problems = r.sections.find((s) => s.name === 'draws')!.problems.join('\n');
    expect(problems).toContain('record.json hashes to');
    expect(problems).toContain('recomputed selection: selected[4].ticket');
  });
  it('a changed seed', () => {
    const r = tampered((db) => {
      db.exec('DROP TRIGGER draws_no_update');
      db.prepare(
        'UPDATE draws SET seed = \'lucky\', record = replace(record, \'"seed":"audit"\', \'"seed":"lucky"\') WHER' +
          "E id = '2026-HLSJ-001'",
      ).run();
    });
    const problems = r.sections.find((s) => s.name === 'draws')!.problems.join('\n');
    expect(problems).toContain('recomputed seed');
    expect(problems).toContain('the log entry');
  });
  it('a changed roster row that the draw used', () => {
    const r = tampered((db) => {
      db.prepare(
        "UPDATE objects SET credit_grade = CASE credit_grade WHEN 'D' THEN 'A' ELSE 'D' END WHERE credit_code = ?",
      ).run(selected[0]);
    });
    expect(failing(r)).toContain('imports');
    expect(r.sections.find((s) => s.name === 'imports')!.problems[0]).toMatch(
      /^objects: the table now hashes to .* rows were changed outside an import/,
    );
  });
  it('a changed result', () => {
    const r = tampered((db) => {
      db.exec('DROP TRIGGER results_no_update');
      db.prepare("UPDATE results SET result_code = 'C' WHERE result_code = 'E'").run();
    });
    expect(failing(r)).toContain('imports');
  });
  it('an edited log entry in the middle: the first broken link is that entry', () => {
    const r = tampered((db) => {
      db.exec('DROP TRIGGER events_no_update');
      db.prepare("UPDATE events SET summary = 'nothing happened' WHERE seq = 3").run();
    });
    expect(r.firstBrokenLink).toBe(3);
    expect(failing(r)).toContain('chain');
  });
  it('a deleted log entry in the middle', () => {
    const r = tampered((db) => {
      db.exec('DROP TRIGGER events_no_delete');
      db.prepare('DELETE FROM events WHERE seq = 6').run();
    });
    expect(r.firstBrokenLink).toBe(7);
    expect(r.sections.find((s) => s.name === 'chain')!.problems.join('\n')).toMatch(/expected entry 6, found 7/);
    expect(r.ok).toBe(false);
  });
  it('a rewrite of the whole chain passes the chain walk but not the head read out at the ceremony', () => {
    const r = tampered((db) => {
      db.exec('DROP TRIGGER events_no_update');
      const rows = db.prepare('SELECT * FROM events ORDER BY seq').all() as Record<string, string | number>[];
      let prev = '0'.repeat(64);
      for (const e of rows) {
        const content = {
          seq: e.seq as number,
          at: e.at as string,
          operator: e.operator as string,
          action: e.action as string,
          summary: e.seq === 2 ? 'rewritten' : (e.summary as string),
          payloadSha256: e.payload_sha256 as string,
          ref: e.ref as string,
          prevHash: prev,
          ...(e.rows_sha256 ? { rowsSha256: e.rows_sha256 as string } : {}),
          // A careful forger rewrites the summary's message form too, so the two still agree.
          summaryMsg: e.seq === 2 ? '{"key":"rewritten"}' : (e.summary_msg as string),
        };
        const h = eventHash(content);
        db.prepare('UPDATE events SET summary = ?, summary_msg = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(
          content.summary,
          content.summaryMsg,
          prev,
          h,
          e.seq,
        );
        prev = h;
      }
    }, `${head.seq}:${head.hash}`);
    expect(r.sections.find((s) => s.name === 'chain')!.problems).toEqual([]);
    expect(failing(r)).toContain('head');
  });
  it('the database itself refuses edits to the log and to recorded draws', () => {
    const file = join(tmp(), 'copy.db');
    copyFileSync(base, file);
    const db = new Database(file);
    expect(() => db.prepare("UPDATE events SET summary = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE draw_selections SET ticket = '0'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM draws').run()).toThrow(/never deleted/);
    db.close();
  });
});
