// OTTPay Appendix A: sealing and opening the `data` of an envelope. md5 = UPPER(hex(MD5(S))); the AES
// key is characters 8..24 of UPPER(hex(MD5(md5 + signKey))) used as ASCII; AES-128-ECB, PKCS7, Base64.
// Opening always verifies the md5 against the decrypted object. No message here ever holds the key.
import { createCipheriv, createDecipheriv, hash, timingSafeEqual } from 'node:crypto';
import { CanonicalDepthError, canonicalString } from './canonical.ts';

/** A value we may put on the wire. The till sends strings only; the simulator also sends numbers. */
export type WireValue = string | number;
export type WireData = Readonly<Record<string, WireValue | undefined>>;

export interface SealedData {
  md5: string;
  data: string;
}

export type OpenResult = { ok: true; data: Record<string, unknown> } | { ok: false; reason: string };

const MD5_SHAPE = /^[0-9A-F]{32}$/;
const BLOCK = 16;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function md5Upper(text: string): string {
  // One-shot hash (UTF-8 for strings): no Hash object per call.
  return hash('md5', text, 'hex').toUpperCase();
}

/** The 16 ASCII characters K[8..24) of K = UPPER(hex(MD5(md5 + signKey))), as key bytes. */
export function aesKeyFor(md5: string, signKey: string): Buffer {
  return Buffer.from(md5Upper(md5 + signKey).slice(8, 24), 'ascii');
}

/** Seals `data` (absent values dropped, never sent as null). JSON key order does not matter to OTTPay. */
export function sealData(data: WireData, signKey: string): SealedData {
  const present = withoutAbsent(data);
  return encrypt(present, md5Upper(canonicalString(present)), signKey);
}

/**
 * Encrypts `data` under the key derived from the given md5. sealData passes the honest one; the
 * simulator passes a wrong one to make an answer that decrypts but does not verify.
 */
export function sealDataWithMd5(data: WireData, md5: string, signKey: string): SealedData {
  return encrypt(withoutAbsent(data), md5, signKey);
}

function encrypt(present: Record<string, WireValue>, md5: string, signKey: string): SealedData {
  const cipher = createCipheriv('aes-128-ecb', aesKeyFor(md5, signKey), null);
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(present), 'utf8'), cipher.final()]);
  return { md5, data: encrypted.toString('base64') };
}

function withoutAbsent(data: WireData): Record<string, WireValue> {
  const present: Record<string, WireValue> = {};
  for (const [key, value] of Object.entries(data)) if (value !== undefined) present[key] = value;
  return present;
}

/** Constant-time equality of two ASCII strings (length is not secret). */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

/**
 * Decrypts and verifies one envelope's `data` against its `md5`. Whitespace in `data` is stripped first
 * (OTTPay wraps Base64 lines); anything else that is not canonical Base64 is refused, so a changed
 * character can never decode to the same bytes.
 */
export function openData(envelope: { md5?: unknown; data?: unknown }, signKey: string): OpenResult {
  const { md5, data } = envelope;
  if (md5 === undefined || md5 === null || md5 === '') return { ok: false, reason: 'md5 is missing' };
  if (typeof md5 !== 'string' || !MD5_SHAPE.test(md5)) {
    return { ok: false, reason: 'md5 is not 32 upper-case hexadecimal characters' };
  }
  if (data === undefined || data === null || data === '') return { ok: false, reason: 'data is missing' };
  if (typeof data !== 'string') return { ok: false, reason: 'data is not a string' };
  const base64 = data.replace(/\s+/g, '');
  // The round trip is the whole check: Buffer.from skips what is not Base64 and also reads the URL-safe
  // alphabet, but toString only writes canonical, padded, standard Base64 — so any stray character,
  // other alphabet, wrong padding or stray bit makes the two differ. (A pattern first cost more than it said.)
  const encrypted = Buffer.from(base64, 'base64');
  if (encrypted.toString('base64') !== base64) return { ok: false, reason: 'data is not valid Base64' };
  if (encrypted.length === 0 || encrypted.length % BLOCK !== 0) {
    return { ok: false, reason: 'data is not whole AES blocks' };
  }
  const plain = decrypt(encrypted, md5, signKey);
  if (!plain) {
    return {
      ok: false,
      reason: 'data does not decrypt with this sign key (wrong key, or data or md5 altered)',
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8.decode(plain));
  } catch {
    return { ok: false, reason: 'decrypted data is not UTF-8 JSON (wrong key, or data or md5 altered)' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, reason: 'decrypted data is not a JSON object' };
  }
  const object = parsed as Record<string, unknown>;
  let canonical: string;
  try {
    canonical = canonicalString(object);
  } catch (err) {
    if (err instanceof CanonicalDepthError) return { ok: false, reason: `decrypted ${err.message}` };
    throw err;
  }
  if (!sameText(md5Upper(canonical), md5)) {
    return { ok: false, reason: 'md5 does not match the decrypted data' };
  }
  return { ok: true, data: object };
}

/**
 * The plain bytes (padding stripped), or null when they do not decrypt (wrong key, altered data). Whole
 * blocks in, whole blocks out: OpenSSL's padding is off and PKCS7 is checked here (one call into the
 * context, no final() and no joining of two Buffers).
 */
function decrypt(encrypted: Buffer, md5: string, signKey: string): Buffer | null {
  const decipher = createDecipheriv('aes-128-ecb', aesKeyFor(md5, signKey), null);
  decipher.setAutoPadding(false);
  const plain = decipher.update(encrypted);
  return plain.length === encrypted.length ? withoutPadding(plain) : null;
}

/** The bytes without their PKCS7 padding, or null when the last block is not padded so (as final() refuses). */
function withoutPadding(plain: Buffer): Buffer | null {
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > BLOCK) return null;
  // Every padding byte is looked at, whatever the first mismatch: no early exit.
  let differ = 0;
  for (let i = plain.length - pad; i < plain.length; i++) differ |= (plain[i] ?? 0) ^ pad;
  return differ === 0 ? plain.subarray(0, plain.length - pad) : null;
}
