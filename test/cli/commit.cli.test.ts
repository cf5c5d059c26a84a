// Committed draws end to end through the built binary, with INSPECT_NOW replacing the clock: commit →
// early reveal refused → forged values refused → reveal → second reveal refused → bundle → verify →
// tampered commitment.json / beacons.json caught; a pending commitment blocking an overlapping draw; a
// roster change between commit and reveal; voiding a commitment; an unmatchable frame refused at commit.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, DATA, fileSha, practiceDb, tmp, dbValue } from '../helpers.js';

const V = JSON.parse(readFileSync(join(__dirname, '../vectors/beacon.json'), 'utf8'));
const SIG = V.rounds[2].signature as string; // round 657413, public 2023-09-15T19:00:03+08:00
const OTHER_SIG = V.rounds[1].signature as string;
const SSQ = '03 09 14 22 27 31 + 07';
const AT_COMMIT = { INSPECT_NOW: '2023-09-15T18:40:00+08:00' };
const BEFORE_DRAND = { INSPECT_NOW: '2023-09-15T18:59:00+08:00' };
const AFTER_ALL = { INSPECT_NOW: '2023-09-17T22:00:00+08:00' };
const COMMIT = [
  'draw',
  '--items',
  'SC01',
  '--year',
  '2026',
  '--window',
  '2026-01-01..2026-12-31',
  '--commit',
  '--beacon',
  'drand:657413',
  '--beacon',
  'ssq:2023108@2023-09-17',
  '--yes',
];

const SAMPLE = ['departments', 'items', 'objects', 'inspectors', 'history'] as const;
async function sampleDb(): Promise<string> {
  const db = await practiceDb();
  for (const k of SAMPLE) {
    const r = await cli(['import', k, join(DATA, `${k}.csv`), '--db', db, '-q'], { env: AT_COMMIT });
    if (r.code !== 0) throw new Error(r.stderr);
  }
  return db;
}
const count = (file: string, sql: string) => dbValue(file, sql) as number;

describe('inspect draw --commit, inspect reveal', () => {
  let db: string;
  let commit: Record<string, unknown>;
  beforeAll(async () => {
    db = await sampleDb();
  });

  it('refuses a source that is public too soon, and records nothing', async () => {
    const before = fileSha(db);
    const r = await cli([...COMMIT.slice(0, 9), 'drand@2023-09-15T18:45+08:00', '--yes', '--db', db, '--lang', 'en'], {
      env: AT_COMMIT,
    });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('at least 10 minutes');
    const lottery = await cli([...COMMIT.slice(0, 9), 'ssq:2023108@2023-09-15', '--yes', '--db', db], {
      env: AT_COMMIT,
    });
    expect(lottery.code).toBe(65);
    expect(lottery.stderr).toContain('须晚于承诺日期');
    expect(fileSha(db)).toBe(before);
  });

  it('refuses bad specs and mixed flags as usage errors', async () => {
    expect(
      (await cli([...COMMIT.slice(0, 9), 'drand@2023-09-16T10:00', '--yes', '--db', db], { env: AT_COMMIT })).code,
    ).toBe(2);
    expect((await cli([...COMMIT, '--seed', 'x', '--db', db], { env: AT_COMMIT })).code).toBe(2);
    expect(
      (
        await cli(['draw', '--items', 'SC01', '--year', '2026', '--beacon', 'drand:1', '--yes', '--db', db], {
          env: AT_COMMIT,
        })
      ).code,
    ).toBe(2);
    expect(
      (await cli(['draw', '--items', 'SC01', '--year', '2026', '--commit', '--yes', '--db', db], { env: AT_COMMIT }))
        .code,
    ).toBe(2);
  });

  it('commits: id allotted, status committed, one log entry, JSON with the digests, allocation and sources', async () => {
    const events = count(db, 'SELECT count(*) FROM events');
    const r = await cli([...COMMIT, '--json', '--db', db], { env: AT_COMMIT });
    expect(r.code).toBe(0);
    commit = JSON.parse(r.stdout);
    expect(commit).toMatchObject({
      drawId: '2026-HLSJ-001',
      status: 'committed',
      committedAt: '2023-09-15T18:40:00+08:00',
      clockOverridden: true,
    });
    for (const k of ['commitDigest', 'inputDigest', 'assignDigest']) expect(commit[k]).toMatch(/^[0-9a-f]{64}$/);
    expect(commit.sources).toEqual([
      expect.objectContaining({ kind: 'drand', round: 657413, publicAt: '2023-09-15T19:00:03+08:00' }),
      expect.objectContaining({
        kind: 'lottery',
        game: 'ssq',
        issue: '2023108',
        date: '2023-09-17',
        publicAt: '2023-09-17T00:00:00+08:00',
      }),
    ]);
    expect(count(db, 'SELECT count(*) FROM events')).toBe(events + 1);
    expect(count(db, 'SELECT count(*) FROM draws')).toBe(0);
    const draws = JSON.parse((await cli(['draws', '--json', '--db', db], { env: BEFORE_DRAND })).stdout).draws;
    expect(draws[0]).toMatchObject({ drawId: '2026-HLSJ-001', status: 'committed', commitDigest: commit.commitDigest });
    expect(draws[0].sources.map((s: { isPublic: boolean }) => s.isPublic)).toEqual([false, false]);
  });

  it('a pending commitment blocks any other draw of its categories, naming it; other categories go on', async () => {
    const before = count(db, 'SELECT count(*) FROM events');
    const same = await cli(
      [
        'draw',
        '--items',
        'SC06',
        '--year',
        '2026',
        '--window',
        '2026-01-01..2026-12-31',
        '--seed',
        's',
        '--yes',
        '--db',
        db,
      ],
      { env: AT_COMMIT },
    );
    expect(same.code).toBe(65);
    expect(same.stderr).toContain('2026-HLSJ-001');
    const again = await cli([...COMMIT.slice(0, 9), 'drand:700000', '--yes', '--db', db], { env: AT_COMMIT });
    expect(again.code).toBe(65);
    expect(count(db, 'SELECT count(*) FROM events')).toBe(before);
    const other = await cli(
      [
        'draw',
        '--items',
        'SC04',
        '--year',
        '2026',
        '--window',
        '2026-01-01..2026-12-31',
        '--seed',
        's',
        '--yes',
        '--json',
        '--db',
        db,
      ],
      { env: AT_COMMIT },
    );
    expect(other.code).toBe(0);
    expect(JSON.parse(other.stdout).drawId).toBe('2026-HLSJ-002');
  });

  it('the commitment notice has the digests, sources and chain head, and no object ids', async () => {
    const out = join(tmp(), 'notice.csv');
    const r = await cli(['export', 'publication', '2026-HLSJ-001', '--kind', 'commitment', '--out', out, '--db', db], {
      env: AT_COMMIT,
    });
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    for (const k of ['commitDigest', 'inputDigest', 'assignDigest']) expect(text).toContain(commit[k] as string);
    expect(text).toContain('drand quicknet #657413');
    expect(text).toContain('2023-09-15T19:00:03+08:00');
    expect(text).toMatch(/日志链头,\d+:[0-9a-f]{64}/);
    expect(text).not.toMatch(/9[0-9A-Z]{17}/); // no credit code
  });

  it('the roster may change after the commit: imports go on and the reveal uses the frozen inputs', async () => {
    const lines = readFileSync(join(DATA, 'objects.csv'));
    const changed = join(tmp(), 'objects.csv');
    // Re-import the roster without its last 50 rows (GB18030 bytes kept; whole lines dropped).
    const text = lines.toString('latin1').split('\n');
    writeFileSync(changed, Buffer.from(text.slice(0, text.length - 51).join('\n') + '\n', 'latin1'));
    const r = await cli(['import', 'objects', changed, '--db', db, '-q'], { env: AT_COMMIT });
    expect(r.code).toBe(0);
    expect(count(db, 'SELECT count(*) FROM objects WHERE in_roster = 0')).toBeGreaterThan(0);
    // A plan made now reads the changed roster: its digest is not the committed one.
    const now = await cli(
      [
        'draw',
        '--items',
        'SC01',
        '--year',
        '2026',
        '--window',
        '2026-01-01..2026-12-31',
        '--dry-run',
        '--json',
        '--db',
        db,
      ],
      { env: AT_COMMIT },
    );
    expect(now.code).toBe(0);
    const committedFrame = Object.values((commit.allocation as { N: Record<string, number> }).N).reduce(
      (a, b) => a + b,
      0,
    );
    expect(JSON.parse(now.stdout).frameSize).toBeLessThan(committedFrame);
  });

  it('refuses a reveal before a source is public, and logs the attempt', async () => {
    const before = count(db, "SELECT count(*) FROM events WHERE action = 'reveal.refused'");
    const r = await cli(['reveal', '2026-HLSJ-001', '--value', SIG, '--value', SSQ, '--db', db], { env: BEFORE_DRAND });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('不能提前揭示');
    expect(count(db, "SELECT count(*) FROM events WHERE action = 'reveal.refused'")).toBe(before + 1);
    expect(count(db, 'SELECT count(*) FROM reveals')).toBe(0);
  });

  it.each([
    ["another round's signature", OTHER_SIG, SSQ],
    ['a changed digit', `${SIG.slice(0, 95)}0`, SSQ],
    ['a negated point', `9${SIG.slice(1)}`, SSQ],
    ['a short signature', SIG.slice(0, 90), SSQ],
    ['a red ball out of range', SIG, '03 09 14 22 27 34 + 07'],
    ['a repeated number', SIG, '03 03 14 22 27 31 + 07'],
    ['a wrong count', SIG, '03 09 14 22 27 + 07'],
    ['a missing zone', SIG, '03 09 14 22 27 31'],
  ])('refuses a forged or malformed value (%s) with 65, records nothing but the attempt', async (_why, sig, ssq) => {
    const before = count(db, "SELECT count(*) FROM events WHERE action = 'reveal.refused'");
    const r = await cli(['reveal', '2026-HLSJ-001', '--value', sig, '--value', ssq, '--db', db], { env: AFTER_ALL });
    expect(r.code).toBe(65);
    expect(count(db, "SELECT count(*) FROM events WHERE action = 'reveal.refused'")).toBe(before + 1);
    expect(count(db, "SELECT count(*) FROM draws WHERE id = '2026-HLSJ-001'")).toBe(0);
  });

  it('a wrong number of values is a usage error', async () => {
    expect((await cli(['reveal', '2026-HLSJ-001', '--value', SIG, '--db', db], { env: AFTER_ALL })).code).toBe(2);
    expect((await cli(['reveal', '2026-HLSJ-001', '--db', db], { env: AFTER_ALL })).code).toBe(2); // no TTY to ask
  });

  let revealed: Record<string, unknown>;
  it('reveals: records the draw from the frozen inputs with the key string as seed', async () => {
    const relay = join(tmp(), 'round.json');
    writeFileSync(relay, JSON.stringify({ round: 657413, randomness: V.rounds[2].randomness, signature: SIG }));
    const r = await cli(
      ['reveal', '2026-HLSJ-001', '--value', `@${relay}`, '--value', '31 27 22 14 9 3 | 7', '--json', '--db', db],
      { env: AFTER_ALL },
    );
    expect(r.code).toBe(0);
    revealed = JSON.parse(r.stdout);
    expect(revealed).toMatchObject({
      drawId: '2026-HLSJ-001',
      commitDigest: commit.commitDigest,
      inputDigest: commit.inputDigest,
      seed: `${V.rounds[2].randomnessDecimal}./3.9.14.22.27.31./7./`,
    });
    const rec = JSON.parse(count(db, "SELECT record FROM draws WHERE id = '2026-HLSJ-001'") as unknown as string);
    expect(rec.commitDigest).toBe(commit.commitDigest);
    expect(rec.assignDigest).toBe(commit.assignDigest);
    expect(rec.allocation).toEqual(commit.allocation);
  });

  it('a second reveal is refused', async () => {
    const r = await cli(['reveal', '2026-HLSJ-001', '--value', SIG, '--value', SSQ, '--db', db], { env: AFTER_ALL });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('已于');
  });

  it('bundle → verify passes and prints the lottery numbers; a tampered bundle is caught', async () => {
    const out = join(tmp(), 'bundle');
    expect((await cli(['export', 'bundle', '2026-HLSJ-001', '--out', out, '--db', db])).code).toBe(0);
    expect(fileSha(join(out, 'commitment.json'))).toBe(commit.commitDigest);
    const ok = await cli(['verify', out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('双色球 2023108 (2023-09-17): 03 09 14 22 27 31 + 07');
    expect(ok.stdout).toContain('全部一致');
    expect(ok.stderr).toContain('INSPECT_NOW');
    expect((await cli(['verify', '2026-HLSJ-001', '--db', db])).code).toBe(0);

    const tamper = async (file: string, from: string | RegExp, to: string, part: string) => {
      const dir = join(tmp(), 'tampered');
      cpSync(out, dir, { recursive: true });
      const text = readFileSync(join(dir, file), 'utf8');
      const next = text.replace(from, to);
      expect(next).not.toBe(text);
      writeFileSync(join(dir, file), next);
      const r = await cli(['verify', dir, '--json']);
      expect(r.code).toBe(65);
      const failed = JSON.parse(r.stdout)
        .checks.filter((c: { ok: boolean }) => !c.ok)
        .map((c: { name: string }) => c.name);
      expect(failed).toContain(part);
    };
    await tamper(
      'commitment.json',
      '"committedAt":"2023-09-15T18:40:00+08:00"',
      '"committedAt":"2023-09-15T19:10:00+08:00"',
      'commitment',
    );
    await tamper('beacons.json', SIG, `${SIG.slice(0, 95)}0`, 'beacons');
    await tamper('beacons.json', '"round":657413', '"round":657414', 'beacons');
    await tamper('beacons.json', '[3,9,14,22,27,31]', '[3,9,14,22,27,32]', 'key');
    await tamper(
      'record.json',
      /"seed":"[^"]*"/,
      '"seed":"114026040220575694705784806834581917585815502436045300615725709309186276013447./"',
      'key',
    );

    const missing = join(tmp(), 'missing');
    cpSync(out, missing, { recursive: true });
    rmSync(join(missing, 'beacons.json'));
    expect((await cli(['verify', missing])).code).toBe(66);
  });

  it('audit passes (noting the overridden clock), and catches a changed commitment', async () => {
    const a = await cli(['audit', '--db', db]);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('承诺抽取');
    expect(a.stdout).toContain('INSPECT_NOW');
    const copy = join(tmp(), 'copy.db');
    cpSync(db, copy);
    const d = new Database(copy);
    d.exec('DROP TRIGGER commitments_no_update');
    d.prepare("UPDATE commitments SET commitment = replace(commitment, '657413', '657414')").run();
    d.close();
    const bad = await cli(['audit', '--db', copy, '--lang', 'en']);
    expect(bad.code).toBe(65);
    expect(bad.stdout).toMatch(/FAIL\s+commitments/);
  });

  it('a pending commitment can be voided by a new commitment with --supersede and --reason; the voided one cannot be revealed', async () => {
    const c2 = await cli(
      [
        'draw',
        '--items',
        'SC07',
        '--year',
        '2026',
        '--window',
        '2026-01-01..2026-12-31',
        '--commit',
        '--beacon',
        'drand:700000',
        '--yes',
        '--json',
        '--db',
        db,
      ],
      { env: AT_COMMIT },
    );
    expect(c2.code).toBe(0);
    const id = JSON.parse(c2.stdout).drawId;
    const s = await cli(
      [
        'draw',
        '--items',
        'SC07',
        '--year',
        '2026',
        '--window',
        '2026-01-01..2026-12-31',
        '--commit',
        '--beacon',
        'drand:700001',
        '--supersede',
        id,
        '--reason',
        '随机源选错',
        '--yes',
        '--json',
        '--db',
        db,
      ],
      { env: AT_COMMIT },
    );
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout).supersedes).toBe(id);
    const r = await cli(['reveal', id, '--value', SIG, '--db', db], { env: AFTER_ALL });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('作废');
    const listed = JSON.parse((await cli(['draws', '--json', '--db', db])).stdout).draws.find(
      (x: { drawId: string }) => x.drawId === id,
    );
    expect(listed).toMatchObject({ status: 'superseded', supersededReason: '随机源选错' });
    expect((await cli(['audit', '--db', db])).code).toBe(0);
  });

  it('refuses to commit when some frame object could not get a full team even alone, naming it', async () => {
    const policy = join(tmp(), 'policy.json');
    const p = JSON.parse(readFileSync(join(DATA, 'policy.json'), 'utf8'));
    writeFileSync(policy, JSON.stringify({ ...p, teamSize: 10 }));
    const before = fileSha(db);
    const r = await cli(
      [
        'draw',
        '--items',
        'SC08',
        '--year',
        '2026',
        '--window',
        '2026-01-01..2026-12-31',
        '--commit',
        '--beacon',
        'drand:700000',
        '--policy',
        policy,
        '--yes',
        '--db',
        db,
      ],
      { env: AT_COMMIT },
    );
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('即使单独抽中也无法组成完整检查组');
    expect(r.stderr).toMatch(/对象 [0-9A-Z]{18}/);
    expect(fileSha(db)).toBe(before);
  });

  it('policy.commit.required refuses a plain seeded draw (exit 65)', async () => {
    const policy = join(tmp(), 'policy.json');
    const p = JSON.parse(readFileSync(join(DATA, 'policy.json'), 'utf8'));
    writeFileSync(policy, JSON.stringify({ ...p, commit: { required: true, minLeadMinutes: 10 } }));
    const before = fileSha(db);
    const r = await cli(
      [
        'draw',
        '--items',
        'SC02',
        '--year',
        '2026',
        '--window',
        '2026-01-01..2026-12-31',
        '--seed',
        'x',
        '--policy',
        policy,
        '--yes',
        '--db',
        db,
      ],
      { env: AT_COMMIT },
    );
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('commit.required');
    expect(fileSha(db)).toBe(before);
  });

  it('report names a commitment whose sources are public but that is not revealed', async () => {
    const c = await cli(
      [
        'draw',
        '--items',
        'SC08',
        '--year',
        '2026',
        '--window',
        '2026-01-01..2026-12-31',
        '--commit',
        '--beacon',
        'drand:657413',
        '--yes',
        '--json',
        '--db',
        db,
      ],
      { env: AT_COMMIT },
    );
    expect(c.code).toBe(0);
    const rep = JSON.parse(
      (await cli(['report', '--year', '2026', '--as-of', '2026-11-01', '--json', '--db', db], { env: AFTER_ALL }))
        .stdout,
    );
    expect(rep.commitments).toContainEqual(
      expect.objectContaining({ drawId: JSON.parse(c.stdout).drawId, awaitingReveal: true }),
    );
    expect(
      (await cli(['report', '--year', '2026', '--as-of', '2026-11-01', '--db', db], { env: AFTER_ALL })).stdout,
    ).toContain('随机源均已公开');
  });
});
