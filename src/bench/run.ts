// npm run bench: speed and memory figures, each beside a baseline measured in the same run on the same
// machine (these machines are shared and noisy, so only ratios mean much).
//   BENCH_ROWS=1000000 (default)  BENCH_ONLY=import|draw|browser  BENCH_REPEAT=3 (runs of each step)
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { encodeGb18030 } from '../dev/gb18030.js';
import { OBJECT_HEADERS, objectRows } from '../dev/sampleData.js';
import { ensureSqlite3, fmt, fmtRuns, REPEAT, runInspect, timeCommand, type Run } from './measure.js';
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
  console.log(`\nimport of the object roster (fastest of ${REPEAT} runs each, interleaved with the baseline's)`);
  for (const [label, file] of [
    ['UTF-8', utf8],
    ['GB18030', gb],
  ] as const) {
    const base: number[] = [];
    const runs: Run[] = [];
    for (let i = 0; i < REPEAT; i++) {
      // The baseline: sqlite3 .import of the same bytes into a bare table (GB18030 bytes undecoded).
      const baseDb = join(work, 'baseline.db');
      rmSync(baseDb, { force: true });
      base.push(timeCommand(sqlite, [baseDb], `.mode csv\n.import ${file} objects\n`));
      rmSync(baseDb, { force: true });
      const db = join(work, `import-${label}.db`);
      for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
      runs.push(runInspect(['import', 'objects', file, '--db', db, '--json', '--operator', 'bench'], work));
    }
    const b = Math.min(...base);
    const best = runs.reduce((x, y) => (y.seconds < x.seconds ? y : x));
    const peak = Math.max(...runs.map((r) => r.peakMB));
    const s = JSON.parse(best.stdout) as { imported: number };
    console.log(
      `  ${label.padEnd(7)} sqlite3 .import ${fmtRuns(base)} s; ` +
        `inspect import ${fmtRuns(runs.map((r) => r.seconds))} s ` +
        `(${Math.round(s.imported / best.seconds).toLocaleString()} rows/s), peak ${fmt(peak, 0)} MB: ` +
        `ratio ${fmt(best.seconds / b)}× (target ≤ 4×, ≤ 300 MB)`,
    );
    record({
      rows: ROWS,
      step: `import objects (${label})`,
      seconds: best.seconds,
      peakMB: peak,
      ratio: best.seconds / b,
      baseline: 'sqlite3 .import',
      maxRatio: 4,
      maxPeakMB: 300,
    });
  }
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
