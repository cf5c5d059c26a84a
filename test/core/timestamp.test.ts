// RFC 3161 tokens checked offline (issue 20): a test TSA (RSA and EC, root → intermediate → TSA) answers
// real requests; every check refuses its own fault by name.
import { describe, expect, it } from 'vitest';
import {
  beforeSources,
  nonceFrom,
  requestFacts,
  timeStampRequest,
  tokenOf,
  verifyToken,
} from '../../src/core/timestamp.js';
import { makeTsa } from '../tsa.js';

const IMPRINT = 'a3'.repeat(32);
const NONCE = nonceFrom(Uint8Array.from([0xff, 1, 2, 3, 4, 5, 6, 7]));
const AT = new Date('2023-09-15T10:41:00Z');

async function tokenFrom(resp: Uint8Array) {
  const t = tokenOf(resp);
  if (!t.ok) throw new Error(JSON.stringify(t.error));
  return t.token;
}

describe('timestamp requests', () => {
  it('carry SHA-256 of exactly the 32 bytes, the nonce and certReq', () => {
    const req = timeStampRequest(IMPRINT, NONCE);
    expect(requestFacts(req)).toEqual({ imprintHex: IMPRINT, nonceHex: NONCE });
    expect(NONCE).toMatch(/^[0-7][0-9a-f]{15}$/);
  });
});

describe.each(['RSA', 'PSS', 'EC', 'P384'] as const)('a %s time-stamping authority', (alg) => {
  it('a genuine token verifies, with genTime, TSA name and the root it chains to', async () => {
    const tsa = await makeTsa({ alg });
    const token = await tokenFrom(await tsa.respond(timeStampRequest(IMPRINT, NONCE), AT, { accuracySeconds: 1 }));
    const v = await verifyToken(token, { imprintHex: IMPRINT, nonceHex: NONCE, roots: [tsa.rootDer] });
    expect(v).toMatchObject({ ok: true, facts: { genTime: AT.toISOString(), accuracyMs: 1000, tsa: 'CN=Test TSA' } });
    if (v.ok) {
      expect(beforeSources(v.facts, [AT.getTime() / 1000 + 2])).toBe(true);
      expect(beforeSources(v.facts, [AT.getTime() / 1000 + 1])).toBe(false); // the accuracy counts
    }
  });
});

describe('each fault is refused by name', () => {
  const req = timeStampRequest(IMPRINT, NONCE);
  it.each<
    [string, () => Promise<{ token: Uint8Array; roots: Uint8Array[]; imprint?: string; nonce?: string }>, string]
  >([
    [
      'a wrong imprint',
      async () => {
        const t = await makeTsa();
        return { token: await tokenFrom(await t.respond(req, AT)), roots: [t.rootDer], imprint: 'b4'.repeat(32) };
      },
      'R_TS_IMPRINT',
    ],
    [
      'a wrong nonce',
      async () => {
        const t = await makeTsa();
        return {
          token: await tokenFrom(await t.respond(req, AT, { nonceHex: '0102030405060708' })),
          roots: [t.rootDer],
        };
      },
      'R_TS_NONCE',
    ],
    [
      'an untrusted root',
      async () => {
        const t = await makeTsa();
        const other = await makeTsa({ name: 'Other' });
        return { token: await tokenFrom(await t.respond(req, AT)), roots: [other.rootDer] };
      },
      'R_TS_UNTRUSTED',
    ],
    [
      'a signer without the extended key usage',
      async () => {
        const t = await makeTsa({ eku: 'none' });
        return { token: await tokenFrom(await t.respond(req, AT)), roots: [t.rootDer] };
      },
      'R_TS_EKU',
    ],
    [
      'a signer whose extended key usage is not critical',
      async () => {
        const t = await makeTsa({ eku: 'plain' });
        return { token: await tokenFrom(await t.respond(req, AT)), roots: [t.rootDer] };
      },
      'R_TS_EKU',
    ],
    [
      'an expired certificate',
      async () => {
        const t = await makeTsa({ tsaFrom: new Date('2020-01-01T00:00:00Z'), tsaTo: new Date('2022-01-01T00:00:00Z') });
        return { token: await tokenFrom(await t.respond(req, AT)), roots: [t.rootDer] };
      },
      'R_TS_CERT_TIME',
    ],
    [
      'a token edited by one byte',
      async () => {
        const t = await makeTsa();
        const token = await tokenFrom(await t.respond(req, AT));
        // The genTime's last digit inside the signed TSTInfo.
        const s = Buffer.from(token);
        const at = s.indexOf(Buffer.from('20230915104100Z'));
        s[at + 13] = '1'.charCodeAt(0);
        return { token: new Uint8Array(s), roots: [t.rootDer] };
      },
      'R_TS_SIGNATURE',
    ],
  ])('%s', async (_, make, key) => {
    const m = await make();
    const v = await verifyToken(m.token, {
      imprintHex: m.imprint ?? IMPRINT,
      nonceHex: m.nonce ?? NONCE,
      roots: m.roots,
    });
    expect(v).toMatchObject({ ok: false, error: { key } });
  });
  it('an SM2 token is refused by name, not accepted', async () => {
    const t = await makeTsa();
    const token = await tokenFrom(await t.respond(req, AT, { sm2: true }));
    expect(await verifyToken(token, { imprintHex: IMPRINT, nonceHex: NONCE, roots: [t.rootDer] })).toMatchObject({
      ok: false,
      error: { key: 'R_TS_SM2' },
    });
  });
  it('a TSA error status', async () => {
    const t = await makeTsa();
    expect(tokenOf(await t.respond(req, AT, { status: 2 }))).toMatchObject({
      ok: false,
      error: { key: 'R_TS_STATUS' },
    });
  });
  it('bytes that are no response at all', () => {
    expect(tokenOf(new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false });
  });
});
