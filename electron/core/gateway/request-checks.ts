// Our own request, checked before anything is sealed or sent: a till bug or bad input is refused as
// invalid_request here, with nothing on the wire.
import { ABSOLUTE_MAX_CENTS } from '../../../shared/money.ts';
import { GatewayError } from './types.ts';

/** Our own order ids: OTTPay's limit is not published; the till makes 20 alphanumerics. */
const ORDER_ID = /^[A-Za-z0-9]{1,32}$/;

export function checkOrderId(orderId: string): void {
  if (!ORDER_ID.test(orderId))
    throw new GatewayError('invalid_request', 'order id must be 1 to 32 letters or digits');
}

export function checkAmount(amountCents: number, tipCents: number): void {
  if (!Number.isSafeInteger(amountCents) || amountCents < 1 || amountCents > ABSOLUTE_MAX_CENTS) {
    throw new GatewayError(
      'invalid_request',
      `amount must be a whole number of cents from 1 to ${ABSOLUTE_MAX_CENTS}`,
    );
  }
  if (!Number.isSafeInteger(tipCents) || tipCents < 0 || tipCents > ABSOLUTE_MAX_CENTS) {
    throw new GatewayError(
      'invalid_request',
      `tip must be a whole number of cents from 0 to ${ABSOLUTE_MAX_CENTS}`,
    );
  }
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
