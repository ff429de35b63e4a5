// What a /processV2 request carries once opened, and how its fields are read: a field that is missing or
// malformed ends the request with a Refusal, which protocol.ts turns into OTTPay's answer for it.

/** Order ids the simulator accepts (OTTPay's own limit is not published). */
export const ORDER_ID = /^[A-Za-z0-9_-]{1,32}$/;
const CENTS = /^(0|[1-9]\d{0,9})$/;

export type Data = Record<string, unknown>;

/** A business answer that ends the request early. */
export class Refusal {
  readonly code: string;
  readonly message: string;
  constructor(code: string, message: string) {
    this.code = code;
    this.message = message;
  }
}

/** What a request was about, as far as it could be read: for the event and the log line. */
export interface About {
  action: string;
  merchantId: string | null;
  orderId: string | null;
}

export interface SimRequest {
  action: string;
  merchantId: string;
  signKey: string;
  data: Data;
  about: About;
}

export function optionalText(data: Data, key: string): string | null {
  const value = data[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new Refusal('PARAM_INVALID', `${key} must be a string`);
  return value;
}

export function requiredText(data: Data, key: string): string {
  const value = optionalText(data, key);
  if (value === null) throw new Refusal('PARAM_INVALID', `${key} is required`);
  return value;
}

export function cents(data: Data, key: string, required: boolean): number {
  const value = required ? requiredText(data, key) : (optionalText(data, key) ?? '0');
  if (!CENTS.test(value)) throw new Refusal('PARAM_INVALID', `${key} must be a string of integer cents`);
  return Number(value);
}
