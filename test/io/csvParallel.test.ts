// The parse worker in process (the spawned binary's side is test/cli/importWorker.cli.test.ts): its
// rows against openCsv's, the fast path's records against the validator's, and a thread that cannot
// start, which must not cost the import anything but time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { OBJECT_HEADERS, objectRows } from '../../src/dev/sampleData.js';
import { recordOf } from '../../src/core/rowPacking.js';
import { fastRecordKeys, fastRowValidator } from '../../src/core/validateFast.js';
import { mapHeader } from '../../src/core/validateRow.js';
import { openImportCsv, openInWorker, type ImportReader } from '../../src/io/csvParallel.js';
import { openCsv } from '../../src/io/csvRead.js';
import { tmp } from '../helpers.js';

function roster(rows: number): string {
  const lines = stringify([OBJECT_HEADERS, ...objectRows(rows, 'csv-parallel')]).split('\n');
  lines[50] = lines[50]!.replace(/^[^,]+/, '91350203M0001QAY9B'); // a wrong check character: refused
  const file = join(tmp(), 'objects.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** Every row as [row, cells or record], prevalidating after the header as the import does. */
async function readAll(reader: ImportReader) {
  const out: [number, string[] | Record<string, string>, boolean][] = [];
  for await (const batch of reader.batches())
    for (const r of batch) {
      if (out.length === 0) {
        const m = mapHeader('objects', r.cells);
        if (!m.ok) throw new Error('header');
        reader.prevalidate('objects', m.map, {});
      }
      out.push([r.row, r.values ? recordOf(fastRecordKeys('objects'), r.values, r.at!) : r.cells, Boolean(r.checked)]);
    }
  return { rows: out, sha256: reader.sha256(), read: reader.bytesRead() };
}

/** The same file read in this thread, each row put through the fast path by hand. */
async function expected(file: string) {
  const reader = await openCsv(file);
  const out: [number, string[] | Record<string, string>, boolean][] = [];
  let fast: ((cells: string[]) => Record<string, string> | null) | undefined;
  for await (const batch of reader.batches())
    for (const { cells, row } of batch) {
      if (!fast) {
        const m = mapHeader('objects', cells);
        if (!m.ok) throw new Error('header');
        fast = fastRowValidator('objects', m.map, {});
        out.push([row, cells, false]);
        continue;
      }
      const record = fast(cells);
      out.push([row, record ?? cells, !record]);
    }
  return { rows: out, sha256: reader.sha256(), read: reader.bytesRead() };
}

describe('the parse worker in process', () => {
  it("gives openCsv's rows, the fast path's records, the file's digest and its size", async () => {
    const file = roster(3000);
    const want = await expected(file);
    const got = await readAll(openInWorker(file, await openCsv(file)));
    expect(got).toEqual(want);
    expect(want.rows.filter(([, , checked]) => checked)).toHaveLength(1);
  });

  it('a thread that cannot start: the file is read here, the same rows (unchecked) and digest', async () => {
    const file = roster(500);
    const want = await expected(file);
    const broken = join(tmp(), 'broken-worker.mjs');
    writeFileSync(broken, "throw new Error('cannot start');\n");
    for (const url of [pathToFileURL(broken), pathToFileURL(join(tmp(), 'missing-worker.mjs'))]) {
      const got = await readAll(openInWorker(file, await openCsv(file), url));
      expect(got.sha256).toBe(want.sha256);
      expect(got.read).toBe(want.read);
      // Read in this thread, no row was checked on the way: the import then checks each itself.
      expect(got.rows.map(([row, v]) => [row, v])).toEqual(
        (await readAll(await openImportCsv(file))).rows.map(([row, v]) => [row, v]),
      );
      expect(got.rows.every(([, v, checked]) => Array.isArray(v) && !checked)).toBe(true);
    }
  });
});
