// npm run bench: speed and memory figures, each beside a baseline measured in the same run on the same
// machine (these machines are shared and noisy, so only ratios mean much).
//   BENCH_ROWS=1000000 (default)  BENCH_ONLY=import|draw|browser
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { encodeGb18030 } from '../dev/gb18030.js';
import { OBJECT_HEADERS, objectRows } from '../dev/sampleData.js';
import { ensureSqlite3, fmt, runInspect, timeCommand } from './measure.js';
import { benchDraw } from './draw.js';
import { benchBrowser } from './browser.js';
import { record, summary } from './table.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const work = mkdtempSync(join(tmpdir(), 'inspect-bench-'));

async function writeObjects(path: string, gbPath: string): Promise<void> {
  const out = createWriteStream(path);
  const gb = createWriteStream(gbPath);
  const put = async (s: string) => {
    // Subscribe to both drains before awaiting either: one may fire while we wait for the other.
    const waits: Promise<unknown>[] = [];
    if (!out.write(s)) waits.push(once(out, 'drain'));
    if (!gb.write(encodeGb18030(s))) waits.push(once(gb, 'drain'));
    await Promise.all(waits);
  };
  await put(stringify([OBJECT_HEADERS]));
  let batch: string[][] = [];
  for (const row of objectRows(ROWS, 'bench')) {
    batch.push(row);
    if (batch.length === 10000) {
      await put(stringify(batch));
      batch = [];
    }
  }
  if (batch.length) await put(stringify(batch));
  out.end();
  gb.end();
  await Promise.all([once(out, 'finish'), once(gb, 'finish')]);
}

const utf8 = join(work, 'objects.csv');
const gb = join(work, 'objects-gb18030.csv');

async function benchImport(): Promise<void> {
  const sqlite = ensureSqlite3();

  const baseDb = join(work, 'baseline.db');
  const baseline = timeCommand(sqlite, [baseDb], `.mode csv\n.import ${utf8} objects\n`);
  rmSync(baseDb, { force: true });
  const baselineGb = timeCommand(sqlite, [baseDb], `.mode csv\n.import ${gb} objects\n`);

  console.log('\nimport of the object roster');
  console.log(
    `  sqlite3 .import (UTF-8 file, bare table):    ${fmt(baseline)} s ` +
      ` ${Math.round(ROWS / baseline).toLocaleString()} rows/s`,
  );
  for (const [label, file, base] of [
    ['UTF-8', utf8, baseline],
    ['GB18030', gb, baselineGb],
  ] as const) {
    const db = join(work, `import-${label}.db`);
    const r = runInspect(['import', 'objects', file, '--db', db, '--json', '--operator', 'bench'], work);
    const s = JSON.parse(r.stdout) as { imported: number; rowsPerSecond: number };
    console.log(
      `  inspect import (${label.padEnd(7)}):                  ${fmt(r.seconds)} s ` +
        ` ${Math.round(s.imported / r.seconds).toLocaleString()} rows/s  ` +
        `peak ${fmt(r.peakMB, 0)} MB  ratio ${fmt(r.seconds / base)}× sqlite3 .import (target ≤ 4×, ≤ 300 MB)`,
    );
    record({
      rows: ROWS,
      step: `import objects (${label})`,
      seconds: r.seconds,
      peakMB: r.peakMB,
      ratio: r.seconds / base,
      baseline: 'sqlite3 .import',
      maxRatio: 4,
      maxPeakMB: 300,
    });
  }
  console.log(`  (GB18030 baseline: sqlite3 .import of the same bytes undecoded, ${fmt(baselineGb)} s)`);
}

const only = process.env.BENCH_ONLY;
try {
  console.log(`generating ${ROWS.toLocaleString()} objects …`);
  await writeObjects(utf8, gb);
  if (!only || only === 'import') await benchImport();
  if (!only || only === 'draw') await benchDraw(work, ROWS, utf8);
  if (!only || only === 'browser') await benchBrowser(work);
  console.log(`\nsummary (BENCH_ROWS=${ROWS}; ratios against baselines measured in this run)\n\n${summary()}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
