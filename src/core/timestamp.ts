// RFC 3161 time-stamp tokens (可信时间戳): a request over a 32-byte digest (a commitment's commitDigest or
// the log's chain head), and the offline check of a token a time-stamping authority (TSA) returned. Fed
// bytes and the trusted roots, never a clock or a network: `inspect timestamp`, `verify`, `audit` and the
// verifier page run exactly this. Parsing and signatures by pkijs/asn1js (WebCrypto underneath): RSA
// PKCS#1 v1.5 and PSS, ECDSA P-256/P-384, SHA-256/384/512. SM2 is refused by name: no well-kept library
// verifies it here.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { Msg, MessageKey } from './messages.js';

export const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentTypeAttr: '1.2.840.113549.1.9.3',
  messageDigestAttr: '1.2.840.113549.1.9.4',
  extKeyUsage: '2.5.29.37',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  commonName: '2.5.4.3',
  sm2Sign: '1.2.156.10197.1.501',
  sm2Curve: '1.2.156.10197.1.301',
} as const;

const hex = (b: ArrayBuffer | Uint8Array) =>
  Array.from(b instanceof Uint8Array ? b : new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
const fromHex = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));
// A copy into an ArrayBuffer of its own: a Node Buffer may be a view into a shared pool, and its
// .slice() is not a copy.
const view = (b: Uint8Array): ArrayBuffer => Uint8Array.prototype.slice.call(b).buffer as ArrayBuffer;

/** An INTEGER's value as unsigned hex without leading zero bytes (how nonces and serials compare). */
function intHex(i: asn1js.Integer): string {
  return hex(i.valueBlock.valueHexView).replace(/^(00)+(?=.)/, '');
}

/**
 * A DER TimeStampReq (RFC 3161 §2.4.1): version 1, SHA-256 imprint of exactly these 32 bytes, the nonce,
 * certReq true (the TSA's certificate comes with the token).
 */
export function timeStampRequest(imprintHex: string, nonceHex: string): Uint8Array {
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: view(fromHex(imprintHex)) }),
    }),
    nonce: new asn1js.Integer({ valueHex: view(fromHex(nonceHex)) }),
    certReq: true,
  });
  return new Uint8Array(req.toSchema().toBER(false));
}

/** A nonce from 8 random bytes: the top bit cleared and never zero, so it reads back as the same hex. */
export function nonceFrom(random: Uint8Array): string {
  const b = Uint8Array.from(random.slice(0, 8));
  b[0] = (b[0]! & 0x7f) | 0x01;
  return hex(b);
}

/** The imprint and nonce a request asks for (to match a response to its pending request). */
export function requestFacts(der: Uint8Array): { imprintHex: string; nonceHex: string | null } {
  const req = pkijs.TimeStampReq.fromBER(view(der));
  return {
    imprintHex: hex(req.messageImprint.hashedMessage.valueBlock.valueHexView),
    nonceHex: req.nonce ? intHex(req.nonce) : null,
  };
}

export interface TokenFacts {
  genTime: string; // ISO 8601, UTC
  /** The token's accuracy in milliseconds (0 when absent). */
  accuracyMs: number;
  imprintHex: string;
  nonceHex: string | null;
  serialHex: string;
  policy: string;
  /** The signer's subject, `CN=…` (or the whole name). */
  tsa: string;
  /** SHA-256 of the trusted root the chain ended at. */
  rootSha256: string;
}

export type TokenVerdict = { ok: true; facts: TokenFacts; token: Uint8Array } | { ok: false; error: Msg };

const fail = (key: MessageKey, params: Msg['params'] = {}): TokenVerdict => ({ ok: false, error: { key, params } });

/**
 * A TimeStampResp, or a bare token (the ContentInfo), as the token's DER; a response that did not grant
 * a token is refused with its status.
 */
export function tokenOf(bytes: Uint8Array): { ok: true; token: Uint8Array } | { ok: false; error: Msg } {
  const asn = asn1js.fromBER(view(bytes));
  if (asn.offset === -1) return { ok: false, error: { key: 'R_TS_NOT_DER' } };
  try {
    const resp = new pkijs.TimeStampResp({ schema: asn.result });
    const status = resp.status.status;
    if (status !== 0 && status !== 1)
      return {
        ok: false,
        error: {
          key: 'R_TS_STATUS',
          params: { status, text: (resp.status.statusStrings ?? []).map((s) => s.valueBlock.value).join('; ') },
        },
      };
    if (!resp.timeStampToken) return { ok: false, error: { key: 'R_TS_NOT_TOKEN' } };
    return { ok: true, token: new Uint8Array(resp.timeStampToken.toSchema().toBER(false)) };
  } catch {
    // Not a response: a bare token is a ContentInfo of signed data.
    try {
      const ci = new pkijs.ContentInfo({ schema: asn.result });
      if (ci.contentType !== OID.signedData) return { ok: false, error: { key: 'R_TS_NOT_TOKEN' } };
      return { ok: true, token: new Uint8Array(bytes) };
    } catch {
      return { ok: false, error: { key: 'R_TS_NOT_TOKEN' } };
    }
  }
}

function nameOf(n: pkijs.RelativeDistinguishedNames): string {
  const cn = n.typesAndValues.find((t) => t.type === OID.commonName);
  if (cn) return `CN=${String(cn.value.valueBlock.value)}`;
  return n.typesAndValues.map((t) => `${t.type}=${String(t.value.valueBlock.value)}`).join(', ');
}

function signerOf(sd: pkijs.SignedData, si: pkijs.SignerInfo): pkijs.Certificate | null {
  const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (si.sid instanceof pkijs.IssuerAndSerialNumber) {
    const sid = si.sid;
    return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null;
  }
  // SubjectKeyIdentifier: [0] IMPLICIT OCTET STRING, its content the key id.
  const der = new Uint8Array((si.sid as asn1js.BaseBlock).toBER(false));
  const ski = hex(der.subarray(2));
  return (
    certs.find((c) => {
      const ext = c.extensions?.find((e) => e.extnID === '2.5.29.14');
      const id = (ext?.parsedValue as asn1js.OctetString | undefined)?.valueBlock.valueHexView;
      return id !== undefined && ski !== '' && hex(id) === ski;
    }) ?? null
  );
}

/** WebCrypto's digest, in Node 20 and in the browser alike. */
const subtleDigest = (alg: string, data: ArrayBuffer | Uint8Array): Promise<ArrayBuffer> =>
  globalThis.crypto.subtle.digest(alg, data instanceof Uint8Array ? view(data) : data);

const accuracyMs = (a: pkijs.Accuracy | undefined) =>
  a ? (a.seconds ?? 0) * 1000 + (a.millis ?? 0) + Math.ceil((a.micros ?? 0) / 1000) : 0;

/**
 * Every check of RFC 3161 §2.4.2 and of our use: a CMS SignedData of a TSTInfo; the signed attributes'
 * content type and message digest; the signature; the signer's certificate in the token with the
 * critical id-kp-timeStamping extended key usage, valid at genTime, chaining to one of the trusted roots
 * (as valid at genTime); the imprint (SHA-256 of exactly the expected 32 bytes) and, when asked, the nonce.
 */
export async function verifyToken(
  token: Uint8Array,
  want: { imprintHex: string; nonceHex?: string | null; roots: Uint8Array[] },
): Promise<TokenVerdict> {
  let sd: pkijs.SignedData;
  let tst: pkijs.TSTInfo;
  try {
    const ci = pkijs.ContentInfo.fromBER(view(token));
    if (ci.contentType !== OID.signedData) return fail('R_TS_NOT_TOKEN');
    sd = new pkijs.SignedData({ schema: ci.content });
    if (sd.encapContentInfo.eContentType !== OID.tstInfo || !sd.encapContentInfo.eContent)
      return fail('R_TS_NOT_TSTINFO');
    tst = pkijs.TSTInfo.fromBER(sd.encapContentInfo.eContent.getValue());
  } catch (e) {
    return fail('R_TS_MALFORMED', { detail: (e as Error).message });
  }
  const facts0 = {
    genTime: tst.genTime.toISOString(),
    accuracyMs: accuracyMs(tst.accuracy),
    imprintHex: hex(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
    nonceHex: tst.nonce ? intHex(tst.nonce) : null,
    serialHex: intHex(tst.serialNumber),
    policy: tst.policy,
  };
  if (tst.messageImprint.hashAlgorithm.algorithmId !== OID.sha256)
    return fail('R_TS_IMPRINT_ALG', { alg: tst.messageImprint.hashAlgorithm.algorithmId });
  if (facts0.imprintHex !== want.imprintHex.toLowerCase())
    return fail('R_TS_IMPRINT', { found: facts0.imprintHex, expected: want.imprintHex });
  if (
    want.nonceHex !== undefined &&
    want.nonceHex !== null &&
    facts0.nonceHex !== want.nonceHex.replace(/^(00)+(?=.)/, '')
  )
    return fail('R_TS_NONCE', { found: String(facts0.nonceHex), expected: want.nonceHex });
  const si = sd.signerInfos[0];
  if (!si || sd.signerInfos.length !== 1) return fail('R_TS_SIGNERS', { count: sd.signerInfos.length });
  const signer = signerOf(sd, si);
  if (!signer) return fail('R_TS_NO_SIGNER');
  const tsa = nameOf(signer.subject);
  const sigAlg = si.signatureAlgorithm.algorithmId;
  const keyAlgParams = signer.subjectPublicKeyInfo.algorithm.algorithmParams as asn1js.ObjectIdentifier | undefined;
  if (sigAlg === OID.sm2Sign || keyAlgParams?.valueBlock?.toString?.() === OID.sm2Curve)
    return fail('R_TS_SM2', { tsa });
  const crypto = pkijs.getCrypto(true);
  const digestAlg = crypto.getAlgorithmByOID<{ name: string }>(
    si.digestAlgorithm.algorithmId,
    false,
    'digestAlgorithm',
  );
  if (!('name' in digestAlg)) return fail('R_TS_ALGORITHM', { alg: si.digestAlgorithm.algorithmId });
  // The signed attributes: content type TSTInfo, message digest of the TSTInfo.
  const attrs = si.signedAttrs?.attributes ?? [];
  const ct = attrs.find((a) => a.type === OID.contentTypeAttr);
  const md = attrs.find((a) => a.type === OID.messageDigestAttr);
  if (!ct || !md || String((ct.values[0] as asn1js.ObjectIdentifier).valueBlock.toString()) !== OID.tstInfo)
    return fail('R_TS_ATTRS');
  const digest = await subtleDigest(digestAlg.name, sd.encapContentInfo.eContent!.getValue());
  if (hex(digest) !== hex((md.values[0] as asn1js.OctetString).valueBlock.valueHexView))
    return fail('R_TS_SIGNATURE', { tsa });
  let good: boolean;
  try {
    good = await crypto.verifyWithPublicKey(
      si.signedAttrs!.encodedValue,
      si.signature,
      signer.subjectPublicKeyInfo,
      si.signatureAlgorithm,
      digestAlg.name,
    );
  } catch (e) {
    return fail('R_TS_ALGORITHM', { alg: `${sigAlg} (${(e as Error).message})` });
  }
  if (!good) return fail('R_TS_SIGNATURE', { tsa });
  // The signer must be a TSA: the extended key usage is critical and says time stamping (RFC 3161 §2.3).
  const eku = signer.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  const purposes = (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  if (!eku || !eku.critical || !purposes.includes(OID.timeStamping)) return fail('R_TS_EKU', { tsa });
  const at = tst.genTime;
  if (at < signer.notBefore.value || at > signer.notAfter.value)
    return fail('R_TS_CERT_TIME', {
      tsa,
      from: signer.notBefore.value.toISOString(),
      to: signer.notAfter.value.toISOString(),
      at: at.toISOString(),
    });
  let roots: pkijs.Certificate[];
  try {
    roots = want.roots.map((r) => pkijs.Certificate.fromBER(view(r)));
  } catch (e) {
    return fail('R_TS_ROOT_UNREADABLE', { detail: (e as Error).message });
  }
  if (roots.length === 0) return fail('R_TS_NO_ROOTS');
  const others = (sd.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate && c !== signer,
  );
  const chain = await new pkijs.CertificateChainValidationEngine({
    certs: [signer, ...others],
    trustedCerts: roots,
    checkDate: at,
  }).verify();
  if (!chain.result) return fail('R_TS_UNTRUSTED', { tsa, detail: chain.resultMessage });
  const path = (chain as { certificatePath?: pkijs.Certificate[] }).certificatePath ?? [];
  const top = path[path.length - 1];
  const rootDer = top ? new Uint8Array(top.toSchema().toBER(false)) : new Uint8Array();
  const rootSha256 = hex(await subtleDigest('SHA-256', rootDer));
  return { ok: true, token, facts: { ...facts0, tsa, rootSha256 } };
}

/** PEM text to the DER of each certificate in it. */
export function pemCertificates(pem: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const m of pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) {
    const b64 = m[1]!.replace(/\s+/g, '');
    const bin = atob(b64);
    out.push(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  }
  return out;
}

/** DER certificates as PEM text. */
export function certificatesPem(ders: Uint8Array[]): string {
  return ders
    .map((d) => {
      const b64 = btoa(String.fromCharCode(...d));
      return `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
    })
    .join('');
}

/** A certificate's subject, for listing trusted roots. */
export function certificateSubject(der: Uint8Array): string {
  return nameOf(pkijs.Certificate.fromBER(view(der)).subject);
}

/**
 * Whether a token proves the commitment came before its sources: genTime plus the token's accuracy is
 * strictly before every source's public time (Unix seconds).
 */
export function beforeSources(facts: TokenFacts, publicTimes: number[]): boolean {
  const latest = Date.parse(facts.genTime) + facts.accuracyMs;
  return publicTimes.every((t) => latest < t * 1000);
}

/** What a token claims to answer (imprint and nonce), read without checking it: to find its request. */
export function tokenClaims(token: Uint8Array): { imprintHex: string; nonceHex: string | null } | null {
  try {
    const ci = pkijs.ContentInfo.fromBER(view(token));
    const sd = new pkijs.SignedData({ schema: ci.content });
    const tst = pkijs.TSTInfo.fromBER(sd.encapContentInfo.eContent!.getValue());
    return {
      imprintHex: hex(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
      nonceHex: tst.nonce ? intHex(tst.nonce) : null,
    };
  } catch {
    return null;
  }
}

export interface TimestampCheck {
  ok: boolean;
  /** The one-line statement (or the reason it fails), in the reader's language. */
  detail: Msg;
  facts?: TokenFacts;
}

/**
 * A committed draw's token, as `verify` and the page check it: over exactly this commitment.json
 * (imprint = its SHA-256), by a TSA chaining to the given roots, and before every source's public time.
 */
export async function commitmentTimestamp(a: {
  tokenBytes: Uint8Array;
  roots: Uint8Array[];
  commitDigest: string;
  sourceTimes: { at: number; text: string }[];
}): Promise<TimestampCheck> {
  const t = tokenOf(a.tokenBytes);
  if (!t.ok) return { ok: false, detail: t.error };
  const v = await verifyToken(t.token, { imprintHex: a.commitDigest, roots: a.roots });
  if (!v.ok) return { ok: false, detail: v.error };
  const first = [...a.sourceTimes].sort((x, y) => x.at - y.at)[0];
  if (
    !beforeSources(
      v.facts,
      a.sourceTimes.map((s) => s.at),
    )
  )
    return {
      ok: false,
      facts: v.facts,
      detail: { key: 'R_TS_TOO_LATE', params: { genTime: v.facts.genTime, id: '' } },
    };
  return {
    ok: true,
    facts: v.facts,
    detail: {
      key: 'V_TIMESTAMP_OK',
      params: { genTime: v.facts.genTime, tsa: v.facts.tsa, first: first?.text ?? '—' },
    },
  };
}
