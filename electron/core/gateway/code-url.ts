// How long a code_url the till will turn into a QR code. OTTPay's are short links
// (weixin://wxpay/bizpayurl?pr=…, https://qr.alipay.com/…, UnionPay's https://qr.95516.com/…: well
// under 100 characters); 512 is several times that and far inside what a QR code at level M holds
// (2,331 bytes), so every accepted code_url can be drawn. A longer one (issue 22: 2,400–3,000
// characters made the QR component throw and blanked both screens) is not an answer we can use —
// but the gateway may well have created the order, so it is an unknown outcome, resolved by query.
import { GatewayError } from './types.ts';

export const MAX_CODE_URL_LENGTH = 512;

/** Why a code_url cannot be shown as a QR code, or null. */
export function codeUrlProblem(value: unknown): string | null {
  if (typeof value !== 'string') return null; // absent or not text: the schema says so
  const v = value.trim();
  if (v.length > MAX_CODE_URL_LENGTH)
    return `code_url is ${v.length} characters, more than the ${MAX_CODE_URL_LENGTH} a QR code is drawn from`;
  if (v !== '' && !/^[\x21-\x7e]+$/.test(v)) return 'code_url is not a printable ASCII URL';
  return null;
}

/** An ACTIVEPAY answer whose code_url cannot be shown: the order may exist, so outcome unknown. */
export class UnusableCodeUrlError extends GatewayError {
  constructor(problem: string) {
    super('unknown_outcome', `ACTIVEPAY: ${problem}; the order may exist at the gateway — outcome unknown`);
    this.name = 'UnusableCodeUrlError';
  }
}
