// An outside clock (issue 20): RFC 3161 tokens over a commitment's digest and over the log's head, from a
// test TSA made with the PKI library (genTime chosen) and from `openssl ts` (a real implementation).
// Refusals store nothing but the attempt; a rewrite before an anchored head fails the audit even with the
// whole chain recomputed; `fetch` talks to a local HTTP server only.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHash, GENESIS_HASH, type EventContent } from '../../src/core/chain.js';
import { cli, DATA, practiceDb, ROOT, tmp } from '../helpers.js';
import { makeTsa, type TestTsa } from '../tsa.js';

const V = JSON.parse(readFileSync(join(__dirname, '../vectors/beacon.json'), 'utf8'));
const SIG = V.rounds[2].signature as string; // round 657413, public 2023-09-15T19:00:03+08:00
const at = (iso: string) => ({ env: { INSPECT_NOW: iso } });
const AT_COMMIT = at('2023-09-15T18:40:00+08:00');
const BEFORE_ROUND = new Date('2023-09-15T18:45:00+08:00');
const AFTER_ROUND = new Date('2023-09-15T19:01:00+08:00');
const SAMPLE = ['departments', 'items', 'objects', 'inspectors', 'history'] as const;

let tsa: TestTsa;
let other: TestTsa;
let base: string;
let dir: string;
beforeAll(async () => {
  tsa = await makeTsa({ alg: 'EC' });
  other = await makeTsa({ name: 'Other' });
  dir = tmp();
  writeFileSync(join(dir, 'root.pem'), tsa.rootPem);
  writeFileSync(join(dir, 'other.pem'), other.rootPem);
  base = await practiceDb();
  for (const k of SAMPLE)
    expect((await cli(['import', k, join(DATA, `${k}.csv`), '--db', base, '-q'], AT_COMMIT)).code).toBe(0);
});

const fresh = () => {
  const db = join(tmp(), 'inspect.db');
  execFileSync('cp', [base, db]);
  return db;
};
const events = (db: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT count(*) FROM events').pluck().get() as number;
  } finally {
    d.close();
  }
};
const commit = async (db: string) => {
  const r = await cli(
    [
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
      '--yes',
      '--json',
      '--db',
      db,
    ],
    AT_COMMIT,
  );
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { drawId: string; commitDigest: string };
};
/** inspect timestamp request …, then the test TSA's answer written to a .tsr file. */
async function stamp(db: string, target: string[], by: TestTsa, genTime: Date, env = AT_COMMIT): Promise<string> {
  const tsq = join(tmp(), 'req.tsq');
  const r = await cli(['timestamp', 'request', ...target, '--out', tsq, '--json', '--db', db], env);
  expect(r.code, r.stderr).toBe(0);
  const tsr = join(tmp(), 'resp.tsr');
  writeFileSync(tsr, await by.respond(readFileSync(tsq), genTime, { accuracySeconds: 1 }));
  return tsr;
}

describe('a commitment time-stamped before its round', () => {
  it('request → trust → add → reveal → bundle → verify says when, by whom, before which source', async () => {
    const db = fresh();
    const c = await commit(db);
    const tsq = join(tmp(), 'c.tsq');
    const req = await cli(['timestamp', 'request', c.drawId, '--out', tsq, '--db', db], AT_COMMIT);
    expect(req.code).toBe(0);
    expect(req.stdout).toContain('curl --data-binary @');
    expect(req.stdout).toContain('2023-09-15T19:00:03+08:00');
    expect((await cli(['timestamp', 'trust', 'add', join(dir, 'root.pem'), '--db', db], AT_COMMIT)).code).toBe(0);
    expect((await cli(['timestamp', 'trust', '--db', db], AT_COMMIT)).stdout).toContain('CN=Test Root');
    const tsr = join(tmp(), 'c.tsr');
    writeFileSync(tsr, await tsa.respond(readFileSync(tsq), BEFORE_ROUND, { accuracySeconds: 1 }));
    const add = await cli(['timestamp', 'add', tsr, '--db', db], AT_COMMIT);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('CN=Test TSA');
    expect((await cli(['reveal', c.drawId, '--value', SIG, '--db', db], at('2023-09-15T19:05:00+08:00'))).code).toBe(0);
    const out = join(tmp(), 'bundle');
    expect((await cli(['export', 'bundle', c.drawId, '--out', out, '--db', db])).code).toBe(0);
    expect(readFileSync(join(out, 'tsa-roots.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
    const v = await cli(['verify', out]);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toContain('承诺于 TSA 时间 2023-09-15T10:45:00.000Z 之前已存在（时间戳机构：CN=Test TSA）');
    // The auditor's own roots: another TSA's root does not vouch for this token.
    expect((await cli(['verify', out, '--trust', join(dir, 'other.pem')])).code).toBe(65);
    expect((await cli(['verify', out, '--trust', join(dir, 'root.pem')])).code).toBe(0);
    expect((await cli(['audit', '--db', db], at('2023-09-16T10:00:00+08:00'))).code).toBe(0);
  });

  it('a committed draw without a token verifies with a warning that its time rests on the operator’s clock', async () => {
    const db = fresh();
    const c = await commit(db);
    expect((await cli(['reveal', c.drawId, '--value', SIG, '--db', db], at('2023-09-15T19:05:00+08:00'))).code).toBe(0);
    const out = join(tmp(), 'bundle');
    expect((await cli(['export', 'bundle', c.drawId, '--out', out, '--db', db])).code).toBe(0);
    const v = await cli(['verify', out]);
    expect(v.code).toBe(0);
    expect(v.stderr).toContain('没有可信时间戳');
  });

  it.each<[string, (db: string, id: string) => Promise<string>, string]>([
    ['a root nobody trusts', (db, id) => stamp(db, [id], other, BEFORE_ROUND), '不能追溯到本单位信任'],
    ['genTime after the round', (db, id) => stamp(db, [id], tsa, AFTER_ROUND), '不能证明承诺在先'],
    [
      'a token edited by one byte',
      async (db, id) => {
        const f = await stamp(db, [id], tsa, BEFORE_ROUND);
        const b = readFileSync(f);
        const i = b.indexOf(Buffer.from('20230915'));
        b[i + 7] = b[i + 7]! ^ 1;
        writeFileSync(f, b);
        return f;
      },
      '签名不成立',
    ],
    [
      'a TSA error status',
      async (db, id) => {
        const tsq = join(tmp(), 'e.tsq');
        await cli(['timestamp', 'request', id, '--out', tsq, '--db', db], AT_COMMIT);
        const f = join(tmp(), 'e.tsr');
        writeFileSync(f, await tsa.respond(readFileSync(tsq), BEFORE_ROUND, { status: 2 }));
        return f;
      },
      '未授予',
    ],
  ])('%s is refused (65): only the attempt is logged', async (_, make, words) => {
    const db = fresh();
    const c = await commit(db);
    expect((await cli(['timestamp', 'trust', 'add', join(dir, 'root.pem'), '--db', db], AT_COMMIT)).code).toBe(0);
    const f = await make(db, c.drawId);
    const before = events(db);
    const r = await cli(['timestamp', 'add', f, '--db', db], AT_COMMIT);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(words);
    expect(events(db)).toBe(before + 1);
    const d = new Database(db, { readonly: true });
    expect(d.prepare('SELECT count(*) FROM timestamp_tokens').pluck().get()).toBe(0);
    d.close();
  });

  it('settings set commit.timestamp required: no reveal before a valid token; report lists the wait', async () => {
    const db = fresh();
    expect((await cli(['settings', 'set', 'commit.timestamp', 'required', '--db', db], AT_COMMIT)).code).toBe(0);
    const c = await commit(db);
    const rep = JSON.parse(
      (await cli(['report', '--year', '2026', '--as-of', '2026-11-01', '--json', '--db', db], AT_COMMIT)).stdout,
    );
    expect(rep.commitments[0]).toMatchObject({ drawId: c.drawId, awaitingTimestamp: true });
    const early = await cli(['reveal', c.drawId, '--value', SIG, '--db', db], at('2023-09-15T19:05:00+08:00'));
    expect(early.code).toBe(65);
    expect(early.stderr).toContain('commit.timestamp');
    expect((await cli(['timestamp', 'trust', 'add', join(dir, 'root.pem'), '--db', db], AT_COMMIT)).code).toBe(0);
    expect(
      (await cli(['timestamp', 'add', await stamp(db, [c.drawId], tsa, BEFORE_ROUND), '--db', db], AT_COMMIT)).code,
    ).toBe(0);
    expect((await cli(['reveal', c.drawId, '--value', SIG, '--db', db], at('2023-09-15T19:06:00+08:00'))).code).toBe(0);
  });
});

describe('the log head anchored by a token', () => {
  it('audit reports the anchored head; a rewrite before it fails even with the chain recomputed', async () => {
    const db = fresh();
    expect((await cli(['timestamp', 'trust', 'add', join(dir, 'root.pem'), '--db', db], AT_COMMIT)).code).toBe(0);
    const tsr = await stamp(db, ['--head'], tsa, new Date('2023-09-15T11:00:00Z'));
    expect((await cli(['timestamp', 'add', tsr, '--db', db], AT_COMMIT)).code).toBe(0);
    const a = JSON.parse((await cli(['audit', '--json', '--db', db], AT_COMMIT)).stdout);
    expect(a.ok).toBe(true);
    expect(a.anchoredHead).toMatchObject({
      seq: expect.any(Number),
      genTime: '2023-09-15T11:00:00.000Z',
      tsa: 'CN=Test TSA',
    });
    // The forger: an entry before the anchored head rewritten, every later hash recomputed.
    const d = new Database(db);
    d.exec('DROP TRIGGER events_no_update');
    const rows = d.prepare('SELECT * FROM events ORDER BY seq').all() as Record<string, string | number>[];
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const content: EventContent = {
        seq: r.seq as number,
        at: r.at as string,
        operator: r.seq === 3 ? 'someone else' : (r.operator as string),
        action: r.action as string,
        summary: r.summary as string,
        payloadSha256: r.payload_sha256 as string,
        ref: r.ref as string,
        prevHash: prev,
        ...(r.rows_sha256 ? { rowsSha256: r.rows_sha256 as string } : {}),
        ...(r.summary_msg ? { summaryMsg: r.summary_msg as string } : {}),
      };
      const hash = eventHash(content);
      d.prepare('UPDATE events SET operator = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(
        content.operator,
        prev,
        hash,
        r.seq,
      );
      prev = hash;
    }
    d.close();
    const broken = JSON.parse((await cli(['audit', '--json', '--db', db], AT_COMMIT)).stdout);
    expect(broken.ok).toBe(false);
    const chain = broken.sections.find((s: { name: string }) => s.name === 'chain');
    expect(chain.problems).toEqual([]); // the recomputed chain itself holds
    const ts = broken.sections.find((s: { name: string }) => s.name === 'timestamps');
    expect(ts.problems.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/A_ANCHOR_BROKEN|A_TS_INVALID/)]),
    );
  });

  it.each(['rsa:2048', 'EC'])('a token from openssl ts (%s) over the head is accepted', async (key) => {
    const db = fresh();
    const o = tmp();
    const newkey = key === 'EC' ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', key];
    const ossl = (args: string[]) => execFileSync('openssl', args, { cwd: o, stdio: ['ignore', 'pipe', 'ignore'] });
    writeFileSync(
      join(o, 'tsa.cnf'),
      '[ tsa ]\ndefault_tsa = t\n[ t ]\nserial = ./serial\ncrypto_device = builtin\nsigner_digest = sha256\n' +
        'default_policy = 1.2.3.4.1\ndigests = sha256\naccuracy = secs:1\ness_cert_id_alg = sha256\n',
    );
    writeFileSync(join(o, 'serial'), '01\n');
    writeFileSync(join(o, 'ext.cnf'), 'basicConstraints=critical,CA:FALSE\nextendedKeyUsage=critical,timeStamping\n');
    ossl([
      'req',
      '-x509',
      ...newkey,
      '-nodes',
      '-keyout',
      'root.key',
      '-out',
      'root.pem',
      '-subj',
      '/CN=OpenSSL Root',
      '-days',
      '30',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign',
    ]);
    ossl(['req', ...newkey, '-nodes', '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=OpenSSL TSA']);
    ossl([
      'x509',
      '-req',
      '-in',
      'tsa.csr',
      '-CA',
      'root.pem',
      '-CAkey',
      'root.key',
      '-CAcreateserial',
      '-out',
      'tsa.pem',
      '-days',
      '30',
      '-extfile',
      'ext.cnf',
    ]);
    expect((await cli(['timestamp', 'request', '--head', '--out', join(o, 'h.tsq'), '--db', db], AT_COMMIT)).code).toBe(
      0,
    );
    ossl([
      'ts',
      '-reply',
      '-queryfile',
      'h.tsq',
      '-signer',
      'tsa.pem',
      '-inkey',
      'tsa.key',
      '-config',
      'tsa.cnf',
      '-out',
      'h.tsr',
    ]);
    expect((await cli(['timestamp', 'trust', 'add', join(o, 'root.pem'), '--db', db], AT_COMMIT)).code).toBe(0);
    const r = await cli(['timestamp', 'add', join(o, 'h.tsr'), '--db', db], AT_COMMIT);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('CN=OpenSSL TSA');
  });
});

describe('timestamp fetch (online offices), against a local HTTP server only', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        void tsa.respond(Buffer.concat(chunks), new Date('2023-09-15T10:45:00Z')).then((body) => {
          res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' });
          res.end(Buffer.from(body));
        });
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  /** The binary in a child process that does not block this one (which serves the TSA). */
  const run = (args: string[], env: Record<string, string>) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const p = spawn(process.execPath, [join(ROOT, 'bin/inspect.js'), ...args], {
        env: { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', ...env },
      });
      let stdout = '';
      let stderr = '';
      p.stdout.on('data', (d) => (stdout += d));
      p.stderr.on('data', (d) => (stderr += d));
      p.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('request, POST and add in one step', async () => {
    const db = fresh();
    const c = await commit(db);
    expect((await cli(['timestamp', 'trust', 'add', join(dir, 'root.pem'), '--db', db], AT_COMMIT)).code).toBe(0);
    const r = await run(['timestamp', 'fetch', c.drawId, '--tsa', url, '--db', db], AT_COMMIT.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('CN=Test TSA');
  });

  it('no TSA answering: exit 69 with a clear message', async () => {
    const db = fresh();
    const r = await run(
      ['timestamp', 'fetch', '--head', '--tsa', 'http://127.0.0.1:9/', '--timeout', '2', '--db', db],
      AT_COMMIT.env,
    );
    expect(r.code).toBe(69);
    expect(r.stderr).toContain('无法从时间戳机构');
  });
});
