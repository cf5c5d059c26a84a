// The second threads against one thread. The import's parse worker (io/csvParallel.ts, csvWorker.ts):
// for every fixture, good and broken, and for generated files past the 1 MiB threshold, the same exit
// code, messages, errors file and byte for byte the same database. Verify's matching thread
// (io/matchWorker.ts): for a bundle as exported and edited in every part, the same report.
import Database from 'better-sqlite3';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../src/dev/gb18030.js';
import { OBJECT_HEADERS, objectRows } from '../../src/dev/sampleData.js';
import { cli, FIXTURES, sampleDb, SAMPLE_DRAW, tmp } from '../helpers.js';

const WORKER = { INSPECT_WORKER_MIN_BYTES: '0' };
const INLINE = { INSPECT_WORKER_MIN_BYTES: String(2 ** 40) };

/** Everything an import leaves in the database that is not a time: rosters, import rows, log entries. */
function contents(db: string): unknown {
  if (!existsSync(db)) return null;
  const d = new Database(db, { readonly: true });
  try {
    return {
      objects: d.prepare('SELECT * FROM objects ORDER BY credit_code').raw().all(),
      imports: d
        .prepare(
          'SELECT kind, file_name, file_sha256, encoding, rows_read, rows_imported, rows_rejected, rows_retired, ' +
            'allowed_codes, roster_sha256, table_sha256 FROM imports ORDER BY id',
        )
        .raw()
        .all(),
      versions: d
        .prepare('SELECT kind, key, data, import_id, replaced_by FROM roster_versions ORDER BY seq')
        .raw()
        .all(),
      log: d.prepare('SELECT action, summary, payload_sha256 FROM events ORDER BY seq').raw().all(),
    };
  } finally {
    d.close();
  }
}

/** --json summaries with the timings taken out. */
const summary = (stdout: string) =>
  stdout.trim() ? { ...JSON.parse(stdout), seconds: 0, rowsPerSecond: 0 } : (stdout as unknown);

/** Runs one import both ways (each into its own copy of `before`) and returns the two outcomes. */
async function both(file: string, args: string[] = [], before?: (db: string) => unknown) {
  const run = async (env: Record<string, string>) => {
    const dir = tmp();
    const db = join(dir, 'x.db');
    await before?.(db);
    const r = await cli(['--lang', 'en', 'import', 'objects', file, '--db', db, '--json', ...args], { env, cwd: dir });
    const errorsFiles = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    return {
      code: r.code,
      stdout: summary(r.stdout),
      stderr: r.stderr.replaceAll(dir, 'DIR'), // each run has its own folder
      db: contents(db),
      errors: errorsFiles.map((f) => readFileSync(join(dir, f), 'utf8')),
    };
  };
  return { worker: await run(WORKER), inline: await run(INLINE) };
}

function bigRoster(dir: string, rows: number, edit?: (lines: string[]) => void): string {
  const lines = stringify([OBJECT_HEADERS, ...objectRows(rows, 'worker-test')]).split('\n');
  edit?.(lines);
  const file = join(dir, 'big.csv');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('import through the parse worker = import in one thread', () => {
  it('every fixture, good and broken, with and without --skip-invalid', async () => {
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.csv') && !f.startsWith('inspectors'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files)
      for (const args of [[], ['--skip-invalid']]) {
        const { worker, inline } = await both(join(FIXTURES, f), args);
        expect(worker, `${f} ${args.join(' ')}`).toEqual(inline);
      }
  });

  it('a 1.7 MB roster (past the threshold, so also the default), UTF-8 and GB18030, then a re-import', async () => {
    const dir = tmp();
    const file = bigRoster(dir, 12000);
    expect(readFileSync(file).length).toBeGreaterThan(1 << 20);
    const gb = join(dir, 'big-gb.csv');
    writeFileSync(gb, encodeGb18030(readFileSync(file, 'utf8')));
    for (const f of [file, gb]) {
      const { worker, inline } = await both(f);
      expect(worker.code).toBe(0);
      expect(worker).toEqual(inline);
      expect((worker.stdout as { imported: number }).imported).toBe(12000);
      // The default (no variable) takes the worker for a file this size: same again.
      const dflt = join(tmp(), 'd.db');
      const r = await cli(['import', 'objects', f, '--db', dflt, '--json']);
      expect(r.code).toBe(0);
      expect(contents(dflt)).toEqual(worker.db);
    }
    // Over a roster already loaded: unchanged rows, changed ones (versions kept), retirements.
    const changed = bigRoster(dir, 12000, (lines) => {
      lines[5] = lines[5]!.replace(/,A,|,B,|,C,/, ',D,');
      lines.splice(100, 50);
    });
    const load = async (db: string) => expect((await cli(['import', 'objects', file, '--db', db])).code).toBe(0);
    const { worker, inline } = await both(changed, ['--full-roster'], load);
    expect(worker.code).toBe(0);
    expect(worker).toEqual(inline);
  });

  it('bad rows, duplicates, Excel damage, control characters deep in a large file: same outcome and errors', async () => {
    const dir = tmp();
    const file = bigRoster(dir, 12000, (lines) => {
      lines[2000] = lines[2000]!.replace(/^[^,]+/, '91350203M0001QAY9B'); // wrong check character
      lines[3000] = lines[10]!; // a duplicate key
      lines[4000] = lines[4000]!.replace(/^[^,]+/, '9.13502E+17'); // Excel's scientific form
      // A control character in a name (past the first 1 MB: there it would make the file binary).
      lines[11000] = lines[11000]!.replace(/,/, ',\u0007');
      lines[6000] = `${lines[6000]!},extra`; // a ragged row
      lines[7000] = lines[7000]!.replace(/,[ABCD],/, ',Z,'); // an unknown credit grade
    });
    for (const args of [[], ['--skip-invalid'], ['--dry-run'], ['--errors', 'problems.csv']]) {
      const { worker, inline } = await both(file, args);
      expect(worker, args.join(' ')).toEqual(inline);
      expect(worker.code).toBe(args[0] === '--skip-invalid' ? 0 : 65);
      expect(worker.stderr).toMatch(/row 2001/);
      expect(worker.stderr).toMatch(/row 11001/);
    }
  });

  it('a broken file past the threshold: same message, row and offset from the worker, nothing written', async () => {
    const dir = tmp();
    const good = bigRoster(dir, 12000);
    const bytes = readFileSync(good);
    const at = bytes.length - 5000;
    const cases: [string, Buffer][] = [
      ['bad-utf8.csv', Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)])],
      ['nul.csv', Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)])],
      ['quote.csv', Buffer.concat([bytes, Buffer.from('91350203M0001QAY9B,"never closed\n')])],
      ['header.csv', Buffer.from(bytes.toString('utf8').replace('统一社会信用代码', '代码'))],
    ];
    for (const [name, data] of cases) {
      const f = join(dir, name);
      writeFileSync(f, data);
      const { worker, inline } = await both(f);
      expect(worker, name).toEqual(inline);
      expect(worker.code, name).toBe(65);
      expect(worker.db, name).toBeNull(); // a first import that fails leaves no database
      expect(worker.stderr, name).toContain(name);
    }
  });
});

describe('verify with the matching in a second thread = verify in one thread', () => {
  it('an intact bundle and one edited in each part: same checks, same words, same exit code; also by id', async () => {
    const db = await sampleDb();
    const draw = await cli([...SAMPLE_DRAW, '--db', db, '--yes', '--json']);
    expect(draw.code).toBe(0);
    const drawId = (JSON.parse(draw.stdout) as { drawId: string }).drawId;
    const bundle = join(tmp(), 'bundle');
    expect((await cli(['export', 'bundle', drawId, '--out', bundle, '--db', db])).code).toBe(0);
    type Edit = (files: { record: Record<string, unknown>; inspectors: Record<string, unknown> }) => void;
    const edits: [string, Edit | null][] = [
      ['intact', null],
      [
        'a team member swapped',
        (f) => {
          const a = f.record.assignments as { inspectors: string[] }[];
          a[0]!.inspectors = [...a[0]!.inspectors].reverse();
        },
      ],
      [
        'a team given to another object',
        (f) => {
          const a = f.record.assignments as { id: string }[];
          [a[0]!.id, a[1]!.id] = [a[1]!.id, a[0]!.id];
        },
      ],
      [
        'the selection reordered',
        (f) => {
          const sel = f.record.selected as unknown[];
          [sel[0], sel[1]] = [sel[1], sel[0]];
        },
      ],
      [
        'an inspector conflict added',
        (f) => {
          const ins = f.inspectors.inspectors as unknown[][];
          (ins[0]![6] as string[]).push((f.inspectors.objects as string[][])[0]![0]!);
        },
      ],
      [
        'an object missing from inspectors.json',
        (f) => {
          (f.inspectors.objects as unknown[]).pop();
        },
      ],
      [
        'another seed',
        (f) => {
          f.record.seed = 'x';
        },
      ],
    ];
    for (const [name, edit] of edits) {
      const dir = join(tmp(), 'b');
      cpSync(bundle, dir, { recursive: true });
      if (edit) {
        const record = JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8')) as Record<string, unknown>;
        const inspectors = JSON.parse(readFileSync(join(dir, 'inspectors.json'), 'utf8')) as Record<string, unknown>;
        edit({ record, inspectors });
        writeFileSync(join(dir, 'record.json'), JSON.stringify(record));
        writeFileSync(join(dir, 'inspectors.json'), JSON.stringify(inspectors));
      }
      const worker = await cli(['--lang', 'en', 'verify', dir], { env: WORKER });
      const inline = await cli(['--lang', 'en', 'verify', dir], { env: INLINE });
      expect(worker, name).toEqual(inline);
      expect(worker!.code, name).toBe(edit ? 65 : 0);
    }
    const worker = await cli(['verify', drawId, '--db', db, '--json'], { env: WORKER });
    const inline = await cli(['verify', drawId, '--db', db, '--json'], { env: INLINE });
    expect(worker).toEqual(inline);
    expect(JSON.parse(worker!.stdout).ok).toBe(true);
  });
});
