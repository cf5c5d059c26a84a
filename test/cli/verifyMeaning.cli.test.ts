// verify proves what a draw means (issue 21), tried as a forger who rebuilds every digest: a frame that
// says nonsense, a field nobody checks, a record bound to nothing public, a byte-order mark, and files
// that are no files at all. Each gets an answer naming what is wrong — never a pass, a hang or a crash.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/canonical.js';
import type { FrameDoc } from '../../src/core/drawTypes.js';
import { canonicalFrameBytes, frameFromDoc } from '../../src/core/frameRows.js';
import {
  assignText,
  computeAssignments,
  computeSelection,
  recordText,
  type DrawRecord,
} from '../../src/core/record.js';
import type { AssignInput } from '../../src/core/matching.js';
import { loadMatchObjects } from '../../src/io/drawStore.js';
import { cli, SAMPLE_DRAW, sampleDb, tmp } from '../helpers.js';

let db: string;
let bundle: string;
let notices: string;
const ID = '2026-HLSJ-001';

beforeAll(async () => {
  db = await sampleDb();
  expect((await cli([...SAMPLE_DRAW, '--yes', '--db', db, '-q'])).code).toBe(0);
  bundle = join(tmp(), 'bundle');
  expect((await cli(['export', 'bundle', ID, '--out', bundle, '--db', db])).code).toBe(0);
  notices = tmp();
  for (const f of ['csv', 'xlsx', 'json'])
    expect(
      (
        await cli([
          'export',
          'publication',
          ID,
          '--kind',
          'task',
          '--format',
          f,
          '--out',
          join(notices, `task.${f}`),
          '--db',
          db,
        ])
      ).code,
    ).toBe(0);
});

const copy = () => {
  const dir = join(tmp(), 'b');
  cpSync(bundle, dir, { recursive: true });
  return dir;
};
const verifyJson = async (dir: string, extra: string[] = []) => {
  const r = await cli(['verify', dir, '--json', '--lang', 'en', ...extra]);
  return { code: r.code, stderr: r.stderr, out: r.stdout ? JSON.parse(r.stdout) : null };
};

/**
 * The forger's rebuild: frame.json edited, then every digest, the selection, the matching input and the
 * teams recomputed with the published algorithm, so every arithmetic check passes as it did before.
 */
function rebuild(dir: string, edit: (d: FrameDoc) => void): void {
  const doc = JSON.parse(readFileSync(join(dir, 'frame.json'), 'utf8')) as FrameDoc;
  edit(doc);
  const frame = frameFromDoc(doc);
  const bytes = canonicalFrameBytes(frame);
  const rec = JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8')) as DrawRecord;
  const computed = computeSelection(bytes, frame, rec.seed);
  const input = JSON.parse(readFileSync(join(dir, 'inspectors.json'), 'utf8')) as AssignInput;
  const d = new Database(db, { readonly: true });
  input.objects = loadMatchObjects(
    d,
    computed.selected.map((s) => s.id),
  );
  d.close();
  const text = assignText(input);
  const m = computeAssignments(input, computed.seedHex);
  writeFileSync(join(dir, 'frame.json'), bytes);
  writeFileSync(join(dir, 'inspectors.json'), text);
  writeFileSync(
    join(dir, 'record.json'),
    recordText({ ...rec, ...computed, assignDigest: sha256Hex(text), assignments: m.assignments }),
  );
}

describe('the frame must make sense, not only hash right', () => {
  it.each<[string, (d: FrameDoc) => void, string]>([
    ['a firm removed while scopeCount still counts it', (d) => d.frame.splice(d.frame.length - 1, 1), 'rule counts'],
    ['coveredCount larger than scopeCount', (d) => (d.coveredCount = d.scopeCount + 1), 'rule covered'],
    ['a ratio of −5 %', (d) => (d.policy.ratiosBp['A|L'] = -500), 'rule ratioRange'],
    ['a floor of 200 %', (d) => (d.policy.floorBp = 20000), 'rule floorRange'],
    ['a stratum key that is not published', (d) => (d.frame[0]![1] = 'Z|Q'), 'rule stratumKey'],
  ])('%s, rebuilt consistently, fails naming its rule (65)', async (_, edit, rule) => {
    const dir = copy();
    rebuild(dir, (d) => {
      edit(d);
      // A ratio is needed for any new stratum, or the allocation itself stops.
      if (d.frame.some(([, s]) => s === 'Z|Q')) d.policy.ratiosBp['Z|Q'] = 500;
    });
    const r = await verifyJson(dir);
    expect(r.code).toBe(65);
    const checks = r.out.checks as { name: string; ok: boolean; detail: string }[];
    expect(checks.find((c) => c.name === 'frame')).toMatchObject({ ok: false });
    expect(checks.find((c) => c.name === 'frame')!.detail).toContain(rule);
    // Everything the forger recomputed does match: only the meaning gives it away.
    expect(checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['frame']);
  });

  it('an unknown key anywhere in record.json is refused (65)', async () => {
    const dir = copy();
    const rec = JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8'));
    writeFileSync(join(dir, 'record.json'), recordText({ ...rec, tamperedNote: '这个抽取是伪造的' }));
    const r = await verifyJson(dir);
    expect(r.code).toBe(65);
    expect(JSON.stringify(r.out.checks)).toContain('tamperedNote: unknown key');
  });
});

describe('every field of the record is bound to something public', () => {
  it('verify prints the record digest; the task notice (CSV, xlsx, JSON) carries it and --notice proves every field', async () => {
    const plain = await verifyJson(bundle);
    expect(plain.code).toBe(0);
    const digest = sha256Hex(readFileSync(join(bundle, 'record.json')));
    expect(plain.out.recordDigest).toBe(digest);
    expect(plain.out.unprovable).toContain('items');
    expect((await cli(['verify', bundle])).stdout).toContain(digest);
    for (const f of ['csv', 'xlsx', 'json']) {
      const r = await verifyJson(bundle, ['--notice', join(notices, `task.${f}`)]);
      expect(r.code, f).toBe(0);
      expect(r.out.notice).toMatchObject({ ok: true, binds: 'record' });
      expect(r.out.unprovable, f).toEqual([]);
    }
  });

  it('items changed to an item that does not exist: caught by the notice (65)', async () => {
    const dir = copy();
    const rec = JSON.parse(readFileSync(join(dir, 'record.json'), 'utf8'));
    writeFileSync(join(dir, 'record.json'), recordText({ ...rec, items: ['SC99'] }));
    expect((await verifyJson(dir)).code).toBe(0); // the arithmetic alone cannot see it
    const r = await verifyJson(dir, ['--notice', join(notices, 'task.csv')]);
    expect(r.code).toBe(65);
    expect(JSON.stringify(r.out.checks)).toContain('recordDigest');
  });

  it('the bundle README gives the SHA-256 of its verify.html, the one export verifier prints', async () => {
    const page = join(tmp(), 'v.html');
    const r = JSON.parse((await cli(['export', 'verifier', '--out', page, '--json'])).stdout);
    expect(readFileSync(join(bundle, 'README.txt'), 'utf8')).toContain(r.sha256);
    expect(sha256Hex(readFileSync(join(bundle, 'verify.html')))).toBe(r.sha256);
    expect(readFileSync(join(notices, 'task.csv'), 'utf8')).toContain(r.sha256);
  });
});

describe('one verdict, and an answer for hostile files', () => {
  it.each(['record.json', 'frame.json', 'inspectors.json'])(
    'a byte-order mark added to %s is refused (65)',
    async (f) => {
      const dir = copy();
      writeFileSync(join(dir, f), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(dir, f))]));
      const r = await cli(['verify', dir, '--lang', 'en']);
      expect(r.code).toBe(65);
      expect(r.stderr).toContain('byte-order mark');
    },
  );

  it('a FIFO, /dev/zero, a folder and deeply nested JSON each get a clear refusal, never a hang or a crash', async () => {
    const fifo = copy();
    rmSync(join(fifo, 'frame.json'));
    execFileSync('mkfifo', [join(fifo, 'frame.json')]);
    const a = await cli(['verify', fifo, '--lang', 'en']);
    expect(a.code).toBe(66);
    expect(a.stderr).toContain('FIFO');
    const zero = copy();
    rmSync(join(zero, 'frame.json'));
    symlinkSync('/dev/zero', join(zero, 'frame.json'));
    const b = await cli(['verify', zero, '--lang', 'en']);
    expect(b.code).toBe(66);
    expect(b.stderr).toContain('not a regular file');
    const folder = copy();
    rmSync(join(folder, 'record.json'));
    mkdirSync(join(folder, 'record.json'));
    expect((await cli(['verify', folder])).code).toBe(66);
    const deep = copy();
    writeFileSync(join(deep, 'record.json'), `${'['.repeat(200000)}${']'.repeat(200000)}`);
    const d = await cli(['verify', deep, '--lang', 'en']);
    expect(d.code).toBe(65);
    expect(d.stderr).toContain('levels deep');
    for (const r of [a, b, d]) expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  });

  it('--policy, --calendar and reveal --value @FILE refuse devices and FIFOs too', async () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    expect((await cli([...SAMPLE_DRAW, '--dry-run', '--policy', join(dir, 'fifo'), '--db', db])).code).toBe(66);
    expect((await cli([...SAMPLE_DRAW, '--dry-run', '--policy', '/dev/zero', '--db', db])).code).toBe(66);
    expect((await cli(['report', '--calendar', join(dir, 'fifo'), '--db', db])).code).toBe(66);
    const big = join(dir, 'policy.json');
    writeFileSync(big, `{"x":"${'a'.repeat(2 * 1024 * 1024)}"}`);
    expect((await cli([...SAMPLE_DRAW, '--dry-run', '--policy', big, '--db', db])).code).toBe(65);
  });
});
