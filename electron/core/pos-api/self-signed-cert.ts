// The till's own TLS certificate for the POS API on a network address: a self-signed X.509 v3
// certificate over a P-256 key, written in DER by hand. Node can read certificates (X509Certificate)
// but not make them; the openssl command the tests use is not on a Windows till, and a generator
// package would bring a whole ASN.1 stack for the dozen fields below. The POS pins its SHA-256
// fingerprint (shown in Settings), so no authority signs it.
import { createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

function der(tag: number, body: Buffer): Buffer {
  const n = body.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else if (n < 0x100) len = Buffer.from([0x81, n]);
  else if (n < 0x10000) len = Buffer.from([0x82, n >> 8, n & 0xff]);
  else throw new Error('DER value too long');
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

const seq = (...parts: Buffer[]) => der(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]) => der(0x31, Buffer.concat(parts));
const int = (bytes: Buffer) =>
  der(0x02, bytes[0] !== undefined && bytes[0] >= 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
const utf8 = (s: string) => der(0x0c, Buffer.from(s, 'utf8'));
const octets = (b: Buffer) => der(0x04, b);
const bits = (b: Buffer) => der(0x03, Buffer.concat([Buffer.from([0]), b]));
const bool = (v: boolean) => der(0x01, Buffer.from([v ? 0xff : 0]));

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
  const out = [a * 40 + b];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return der(0x06, Buffer.from(out));
}

/** GeneralizedTime, good for any year (UTCTime stops at 2049). */
function time(ms: number): Buffer {
  const s = new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return der(0x18, Buffer.from(`${s}Z`, 'ascii'));
}

function ipBytes(ip: string): Buffer {
  if (isIP(ip) === 4) return Buffer.from(ip.split('.').map(Number));
  // IPv6: expand "::" and write the eight 16-bit groups.
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return Buffer.concat(groups.map((g) => Buffer.from(g.padStart(4, '0'), 'hex')));
}

export interface TillCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the certificate, as colon-separated upper-case hex (what the POS pins). */
  fingerprint256: string;
}

/** Valid from yesterday (a POS clock a little behind) for ten years; names the hosts the POS dials. */
export function makeSelfSignedCert(hosts: readonly string[], now: number = Date.now()): TillCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const ecdsaSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const name = seq(set(seq(oid('2.5.4.3'), utf8('OTTPay Till POS API'))));
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const altNames = [...new Set(['localhost', '127.0.0.1', ...hosts])].map((h) =>
    isIP(h) ? der(0x87, ipBytes(h)) : der(0x82, Buffer.from(h, 'ascii')),
  );
  const extensions = der(
    0xa3,
    seq(
      seq(oid('2.5.29.17'), octets(seq(...altNames))),
      seq(oid('2.5.29.19'), bool(true), octets(seq())),
      seq(oid('2.5.29.37'), octets(seq(oid('1.3.6.1.5.5.7.3.1')))),
    ),
  );
  const tbs = seq(
    der(0xa0, int(Buffer.from([2]))),
    int(serial),
    ecdsaSha256,
    name,
    seq(time(now - 86_400_000), time(now + 10 * 365 * 86_400_000)),
    name,
    spki,
    extensions,
  );
  const signature = sign('sha256', tbs, { key: privateKey, dsaEncoding: 'der' });
  const cert = seq(tbs, ecdsaSha256, bits(signature));
  const certPem = `-----BEGIN CERTIFICATE-----\n${cert.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
  const parsed = new X509Certificate(certPem);
  if (!parsed.verify(publicKey)) throw new Error('the new certificate does not verify');
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  createPrivateKey(keyPem);
  return { certPem, keyPem, fingerprint256: parsed.fingerprint256 };
}
