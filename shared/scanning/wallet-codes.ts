// Wallet payment codes (passive pay) versus product barcodes versus anything else (OTTPAY.md §7).
//   WeChat Pay: 18 digits starting 10–15.  Alipay: 16–24 digits starting 25–30.
//   UnionPay: 19 digits starting 62, or an EMV consumer-presented QR in Base64 starting `hQVDUFY`.
//   Products: GTIN-8/12/13/14 (EAN-8, UPC-A, EAN-13, ITF-14) with a valid check digit.
// The patterns label the wallet and sanity-check a scan; when the operator picked the wallet by
// hand, a plausible all-digit code with an unknown prefix is accepted for that wallet. A product
// barcode is never classified as a wallet code, so it can never reach the gateway.
import type { Wallet } from '../domain.ts';
import { orderIdFromReceiptCode } from './receipt-code.ts';

export type RejectReason =
  | 'empty'
  | 'too-long'
  | 'control-chars'
  | 'bad-check-digit'
  | 'not-a-payment-code'
  /** The QR printed on one of our receipts: it names an order, it never pays one. */
  | 'receipt';

export type CodeClass =
  | { kind: 'wallet'; wallet: Wallet; code: string; labelledBy: 'pattern' | 'operator' }
  | { kind: 'product'; code: string; symbology: 'EAN-8' | 'UPC-A' | 'EAN-13' | 'GTIN-14' }
  /** `code` is the normalised text when it is printable (for a masked log line), else null. */
  | { kind: 'rejected'; reason: string; reasonCode: RejectReason; code: string | null };

/** Longest text looked at: EMV codes are a few hundred characters; anything longer is not a code. */
export const MAX_CODE_LENGTH = 512;

const WECHAT = /^1[0-5]\d{16}$/;
const ALIPAY = /^(?:2[5-9]|30)\d{14,22}$/;
const UNIONPAY_NUMERIC = /^62\d{17}$/;
const UNIONPAY_EMV = /^hQVDUFY[A-Za-z0-9+/]{13,}={0,2}$/;
const AIM_SYMBOLOGY_ID = /^\][A-Za-z][0-9A-Za-z]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: STX/ETX framing some scanners add
const STX_ETX_EDGES = /^\u0002|\u0003$/g;

/**
 * The code as the gateway wants it: full-width digits made ASCII (an IME may be on), an AIM
 * symbology identifier (`]E0`, `]Q1`…) and STX/ETX framing removed, all whitespace (spaces, CR, LF,
 * Tab) removed, and, for codes typed by hand in groups, dashes between digits removed.
 */
export function normaliseCode(raw: string): string {
  let s = raw.normalize('NFKC').replace(STX_ETX_EDGES, '');
  s = s.replace(/\s+/g, '');
  s = s.replace(AIM_SYMBOLOGY_ID, '');
  if (/^[\d-]+$/.test(s) && /\d/.test(s)) s = s.replace(/-/g, '');
  return s;
}

/** First 4 and last 4 characters; the middle hidden (a wallet code is a bearer token for a minute). */
export function maskCode(code: string): string {
  if (code.length <= 8) return '*'.repeat(code.length);
  return `${code.slice(0, 4)}${'*'.repeat(Math.min(code.length - 8, 16))}${code.slice(-4)}`;
}

/** The wallet a code's pattern names, or null. */
export function walletOf(code: string): Wallet | null {
  if (WECHAT.test(code)) return 'WECHATPAY';
  if (ALIPAY.test(code)) return 'ALIPAY';
  if (UNIONPAY_NUMERIC.test(code) || UNIONPAY_EMV.test(code)) return 'UNIONPAY';
  return null;
}

export function gtinCheckDigitOk(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight)
    sum += Number(digits[i]) * weight;
  return (10 - (sum % 10)) % 10 === Number(digits.at(-1));
}

const GTIN_NAMES = { 8: 'EAN-8', 12: 'UPC-A', 13: 'EAN-13', 14: 'GTIN-14' } as const;

export interface ClassifyOptions {
  /** The wallet the operator chose by hand, if any: then an unknown prefix is not refused. */
  wallet?: Wallet | null;
}

/** Decides what a scan (or a code typed by hand) is. Pure; never throws. */
export function detectWallet(raw: string, options: ClassifyOptions = {}): CodeClass {
  if (raw.length > MAX_CODE_LENGTH * 2) {
    return reject('too-long', `${raw.length} characters is too long for a payment code or barcode`, null);
  }
  const code = normaliseCode(raw);
  if (code === '') return reject('empty', 'nothing was scanned (empty code)', null);
  if (CONTROL.test(code)) {
    return reject(
      'control-chars',
      'the scan contains control characters — check the scanner settings (prefix, suffix, baud rate)',
      null,
    );
  }
  if (code.length > MAX_CODE_LENGTH) {
    return reject('too-long', `${code.length} characters is too long for a payment code or barcode`, null);
  }
  const wallet = walletOf(code);
  if (wallet) return { kind: 'wallet', wallet, code, labelledBy: 'pattern' };
  if (/^\d+$/.test(code)) {
    const symbology = (GTIN_NAMES as Record<number, (typeof GTIN_NAMES)[keyof typeof GTIN_NAMES]>)[
      code.length
    ];
    if (symbology) {
      if (gtinCheckDigitOk(code)) return { kind: 'product', code, symbology };
      return reject('bad-check-digit', `${symbology} barcode with a wrong check digit — scan it again`, code);
    }
    if (options.wallet && code.length >= 16 && code.length <= 24) {
      return { kind: 'wallet', wallet: options.wallet, code, labelledBy: 'operator' };
    }
    return reject('not-a-payment-code', digitHint(code), code);
  }
  const receiptOf = orderIdFromReceiptCode(code);
  if (receiptOf) return reject('receipt', `the receipt of order ${receiptOf}, not a payment code`, code);
  return reject(
    'not-a-payment-code',
    'not a WeChat Pay, Alipay or UnionPay payment code, nor a product barcode',
    printable(code) ? code : null,
  );
}

/** Plain words on why an all-digit code is not a payment code. */
function digitHint(code: string): string {
  const head = `${code.length}-digit code starting ${code.slice(0, 2)} is not a payment code`;
  const p = Number(code.slice(0, 2));
  if (p >= 10 && p <= 15) return `${head} (WeChat Pay codes have 18 digits)`;
  if (p >= 25 && p <= 30) return `${head} (Alipay codes have 16 to 24 digits)`;
  if (p === 62) return `${head} (UnionPay codes have 19 digits)`;
  return `${head} (WeChat Pay starts 10–15, Alipay 25–30, UnionPay 62)`;
}

function printable(s: string): boolean {
  return /^[\x20-\x7e]+$/.test(s);
}

function reject(reasonCode: RejectReason, reason: string, code: string | null): CodeClass {
  return { kind: 'rejected', reason, reasonCode, code };
}
