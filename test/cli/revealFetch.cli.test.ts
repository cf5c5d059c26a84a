// inspect reveal (issue 23 §2): on a terminal or with --fetch it first says which sources are not public
// yet, and when, without asking or going online; --fetch takes each drand round from the relays (a local
// server here, never the internet) and still checks it offline against the pinned key; no relay with a
// valid value is exit 69 and nothing is recorded.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, sampleDb } from '../helpers.js';

const ROUND = 657413;
const SIG = 'b713718a38ae728dfd477991af2822e08d2f305e47718cef9f7848ce4050e7be41076862b98fad56e91a6b85b89cd97b';
/** 96 hex digits that are not ROUND's signature (a relay lying, or a wrong file). */
const OTHER = 'a32e3f4d6bd5a1d4f5c4f0b45e0c77b3a0b8ab2c8a3d2b3b6d0bb25b14e2bd1a8b4b1c3b4e6f0d9a1c2b3d4e5f60718293';
const COMMIT_AT = '2023-09-15T18:40:00+08:00';
const AFTER = '2023-09-15T19:05:00+08:00';

const requests: string[] = [];
let good: Server;
let bad: Server;
let endless: Server;
const url = (s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`;

function relay(signature: string): Server {
  return createServer((req, res) => {
    requests.push(req.url ?? '');
    if (!req.url?.endsWith(`/public/${ROUND}`)) {
      res.writeHead(404).end();
      return;
    }
    const randomness = createHash('sha256').update(Buffer.from(signature, 'hex')).digest('hex');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ round: ROUND, randomness, signature }));
  });
}

/** A relay that answers 200 and never stops sending: read no further than a round's JSON could be. */
function endlessRelay(): Server {
  return createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const more = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', more);
    };
    res.on('close', () => res.destroy());
    more();
  });
}

beforeAll(async () => {
  good = relay(SIG);
  bad = relay(OTHER);
  endless = endlessRelay();
  await Promise.all([good, bad, endless].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()))));
});
afterAll(() => {
  good.close();
  bad.close();
  endless.closeAllConnections();
  endless.close();
});

async function committed(): Promise<string> {
  const db = await sampleDb();
  const c = await cli(
    [
      'draw',
      '--items',
      'SC04',
      '--year',
      '2026',
      '--window',
      '2026-09-01..2026-12-31',
      '--commit',
      '--beacon',
      `drand:${ROUND}`,
      '--yes',
      '--db',
      db,
      '-q',
    ],
    { env: { INSPECT_NOW: COMMIT_AT } },
  );
  expect(c.code).toBe(0);
  return db;
}

/** A port nothing listens on: a relay that is down. */
const DOWN = 'http://127.0.0.1:9';

/** inspect reveal --fetch of the first commitment from these relays, in order, after the round is public. */
const fetchFrom = (db: string, relays: string[], extra: string[] = []) =>
  cli(['reveal', '2026-HLSJ-001', '--fetch', ...relays.flatMap((r) => ['--relay', r]), '--db', db, ...extra], {
    env: { INSPECT_NOW: AFTER },
  });

const logLength = async (db: string) => JSON.parse((await cli(['log', '--json', '--db', db])).stdout).entries.length;

describe('inspect reveal --fetch', () => {
  it('before the round is public: says when, fetches nothing, records nothing (65)', async () => {
    const db = await committed();
    const before = await logLength(db);
    requests.length = 0;
    const r = await cli(['reveal', '2026-HLSJ-001', '--fetch', '--relay', url(good), '--db', db], {
      env: { INSPECT_NOW: '2023-09-15T18:50:00+08:00' },
    });
    expect(r.code).toBe(65);
    expect(r.stderr).toContain(
      '随机源 drand quicknet #657413 尚未公开：公开时间 2023-09-15T19:00:03+08:00（北京时间）。',
    );
    expect(requests).toEqual([]);
    expect(await logLength(db)).toBe(before);
    // Without --fetch and without --value (no terminal): the same, before any question.
    const plain = await cli(['reveal', '2026-HLSJ-001', '--db', db], {
      env: { INSPECT_NOW: '2023-09-15T18:50:00+08:00' },
    });
    expect(plain.code).toBe(65);
    expect(plain.stderr).toContain('尚未公开');
  });

  it('a relay that is down or gives another round’s signature is passed over; the next valid one reveals', async () => {
    const db = await committed();
    const r = await fetchFrom(db, [DOWN, url(bad), url(endless), url(good)], ['--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`已从 ${url(good)} 取得 drand 第 657413 轮，并已用固定公钥离线核验。`);
    expect(JSON.parse(r.stdout).drawId).toBe('2026-HLSJ-001');
    expect((await cli(['audit', '--db', db], { env: { INSPECT_NOW: AFTER } })).code).toBe(0);
  });

  it('no relay with a valid value: exit 69 naming each relay, nothing recorded', async () => {
    const db = await committed();
    const before = await logLength(db);
    const r = await fetchFrom(db, [DOWN, url(bad), url(endless)], ['--timeout', '2']);
    expect(r.code).toBe(69);
    expect(r.stderr).toContain('没有一个 drand 中继给出第 657413 轮的有效值（试了 3 个）');
    expect(r.stderr).toContain('http://127.0.0.1:9：');
    expect(r.stderr).toContain(`${url(bad)}：`);
    // Passed over at 4 KiB, long before the two-second timeout: the endless body is never read on.
    expect(r.stderr).toContain(`${url(endless)}：> 4096 bytes`);
    expect(await logLength(db)).toBe(before);
    expect(
      (
        await cli(['reveal', '2026-HLSJ-001', '--fetch', '--relay', 'ftp://x', '--db', db], {
          env: { INSPECT_NOW: AFTER },
        })
      ).code,
    ).toBe(2);
  });
});
