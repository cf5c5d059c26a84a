// A time-stamping authority made in the tests with the PKI library: a root, an intermediate and a TSA
// certificate (RSA or EC), answering real DER TimeStampReqs with a chosen genTime — and, on request, the
// faults a real TSA might have (no extended key usage, an expired certificate, an error status).
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const subtle = globalThis.crypto.subtle;
// A copy into an ArrayBuffer of its own: a Node Buffer may be a view into a shared pool, and its
// .slice() is not a copy.
const view = (b: Uint8Array): ArrayBuffer => Uint8Array.prototype.slice.call(b).buffer as ArrayBuffer;

type Alg = 'RSA' | 'PSS' | 'EC' | 'P384';
const keyParams = (alg: Alg): RsaHashedKeyGenParams | EcKeyGenParams =>
  alg === 'RSA' || alg === 'PSS'
    ? {
        name: alg === 'RSA' ? 'RSASSA-PKCS1-v1_5' : 'RSA-PSS',
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      }
    : { name: 'ECDSA', namedCurve: alg === 'EC' ? 'P-256' : 'P-384' };

function name(cn: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: cn }) })],
  });
}

let serial = 1;
async function certificate(a: {
  cn: string;
  issuer: pkijs.RelativeDistinguishedNames | null;
  signKey: CryptoKey | null;
  alg: Alg;
  ca: boolean;
  eku?: 'critical' | 'plain' | 'none';
  from: Date;
  to: Date;
}): Promise<{ cert: pkijs.Certificate; keys: CryptoKeyPair }> {
  const keys = (await subtle.generateKey(keyParams(a.alg), true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ value: serial++ });
  cert.subject = name(a.cn);
  cert.issuer = a.issuer ?? name(a.cn);
  cert.notBefore.value = a.from;
  cert.notAfter.value = a.to;
  cert.extensions = [];
  const bc = new pkijs.BasicConstraints({ cA: a.ca });
  cert.extensions.push(
    new pkijs.Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: bc.toSchema().toBER(false),
      parsedValue: bc,
    }),
  );
  if (a.eku && a.eku !== 'none') {
    const eku = new pkijs.ExtKeyUsage({ keyPurposes: ['1.3.6.1.5.5.7.3.8'] });
    cert.extensions.push(
      new pkijs.Extension({
        extnID: '2.5.29.37',
        critical: a.eku === 'critical',
        extnValue: eku.toSchema().toBER(false),
        parsedValue: eku,
      }),
    );
  }
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(a.signKey ?? keys.privateKey, 'SHA-256');
  return { cert, keys };
}

const der = (c: pkijs.Certificate) => new Uint8Array(c.toSchema().toBER(false));
const pem = (d: Uint8Array) =>
  `-----BEGIN CERTIFICATE-----\n${Buffer.from(d)
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`;

export interface TestTsa {
  rootDer: Uint8Array;
  rootPem: string;
  /** A TimeStampResp (DER) for this request, signed at genTime. */
  respond(
    request: Uint8Array,
    genTime: Date,
    opts?: { status?: number; accuracySeconds?: number; nonceHex?: string; sm2?: boolean },
  ): Promise<Uint8Array>;
}

export async function makeTsa(
  opts: {
    alg?: Alg;
    eku?: 'critical' | 'plain' | 'none';
    /** The TSA certificate's validity (default 2020–2040). */
    tsaFrom?: Date;
    tsaTo?: Date;
    name?: string;
  } = {},
): Promise<TestTsa> {
  const alg = opts.alg ?? 'RSA';
  const from = new Date('2020-01-01T00:00:00Z');
  const to = new Date('2040-01-01T00:00:00Z');
  const root = await certificate({
    cn: `${opts.name ?? 'Test'} Root`,
    issuer: null,
    signKey: null,
    alg,
    ca: true,
    from,
    to,
  });
  const int = await certificate({
    cn: `${opts.name ?? 'Test'} Intermediate`,
    issuer: root.cert.subject,
    signKey: root.keys.privateKey,
    alg,
    ca: true,
    from,
    to,
  });
  const tsa = await certificate({
    cn: `${opts.name ?? 'Test'} TSA`,
    issuer: int.cert.subject,
    signKey: int.keys.privateKey,
    alg,
    ca: false,
    eku: opts.eku ?? 'critical',
    from: opts.tsaFrom ?? from,
    to: opts.tsaTo ?? to,
  });
  const rootDer = der(root.cert);
  return {
    rootDer,
    rootPem: pem(rootDer),
    async respond(request, genTime, o = {}) {
      if (o.status !== undefined && o.status > 1) {
        const refused = new pkijs.TimeStampResp({
          status: new pkijs.PKIStatusInfo({
            status: o.status,
            statusStrings: [new asn1js.Utf8String({ value: 'test TSA refuses' })],
          }),
        });
        return new Uint8Array(refused.toSchema().toBER(false));
      }
      const req = pkijs.TimeStampReq.fromBER(view(request));
      const tst = new pkijs.TSTInfo({
        version: 1,
        policy: '1.3.6.1.4.1.99999.1',
        messageImprint: req.messageImprint,
        serialNumber: new asn1js.Integer({ value: serial++ }),
        genTime,
        ...(o.accuracySeconds ? { accuracy: new pkijs.Accuracy({ seconds: o.accuracySeconds }) } : {}),
        ...(o.nonceHex
          ? { nonce: new asn1js.Integer({ valueHex: view(Uint8Array.from(Buffer.from(o.nonceHex, 'hex'))) }) }
          : req.nonce
            ? { nonce: req.nonce }
            : {}),
      });
      const tstDer = tst.toSchema().toBER(false);
      const hash = alg === 'P384' ? 'SHA-384' : 'SHA-256';
      const digest = await subtle.digest(hash, tstDer);
      const sd = new pkijs.SignedData({
        version: 3,
        encapContentInfo: new pkijs.EncapsulatedContentInfo({
          eContentType: '1.2.840.113549.1.9.16.1.4',
          eContent: new asn1js.OctetString({ valueHex: tstDer }),
        }),
        signerInfos: [
          new pkijs.SignerInfo({
            version: 1,
            sid: new pkijs.IssuerAndSerialNumber({ issuer: tsa.cert.issuer, serialNumber: tsa.cert.serialNumber }),
            signedAttrs: new pkijs.SignedAndUnsignedAttributes({
              type: 0,
              attributes: [
                new pkijs.Attribute({
                  type: '1.2.840.113549.1.9.3',
                  values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.9.16.1.4' })],
                }),
                new pkijs.Attribute({
                  type: '1.2.840.113549.1.9.4',
                  values: [new asn1js.OctetString({ valueHex: digest })],
                }),
              ],
            }),
          }),
        ],
        certificates: [tsa.cert, int.cert],
      });
      await sd.sign(tsa.keys.privateKey, 0, hash);
      // A token that says it is signed with SM2 (sm2sign-with-sm3): what a Chinese TSA may return.
      if (o.sm2)
        sd.signerInfos[0]!.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.156.10197.1.501' });
      const resp = new pkijs.TimeStampResp({
        status: new pkijs.PKIStatusInfo({ status: 0 }),
        timeStampToken: new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: sd.toSchema(true) }),
      });
      return new Uint8Array(resp.toSchema().toBER(false));
    },
  };
}
