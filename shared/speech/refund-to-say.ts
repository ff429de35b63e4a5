// Which refund the till says aloud (issue 21). The core tells the till page each time a refund changes
// state ('refund.changed', only while someone is signed in); the page says one when it turns
// refunded — at once or after OTTPay was checked again — exactly once, and only while it is fresh.
//
// The rule, so a refund is never said twice, never when it ends refused, and never long after:
// - said only on a change the page hears live: the core sends a change once, when it is journaled, and
//   never replays it (a page that opens or reloads, or a till that restarts, says nothing of the past);
// - said only when its state is `refunded` (a refund OTTPay refused or never got is silent);
// - said only when it was confirmed within LATE_REFUND_SAID_WITHIN_MS of being asked for: a refund
//   confirmed later than that (a till that was off for a while, then checked it on restart) belongs to
//   a customer long gone, and hearing it would only puzzle the next one;
// - said once per refund id for the life of the page (`said` remembers them).
import type { RefundView, Wallet } from '../domain.ts';
import type { Currency } from '../money.ts';

/** The 'refund.changed' event: the refund as journaled, and the wallet of the payment it refunds. */
export interface RefundChangedEvent {
  refund: RefundView;
  wallet: Wallet;
}

/** Ten minutes: long enough for OTTPay to be checked a few times, short enough that the customer is still there. */
export const LATE_REFUND_SAID_WITHIN_MS = 10 * 60_000;

export interface RefundToSay {
  refundId: string;
  wallet: Wallet;
  cents: number;
  currency: Currency;
}

export function refundToSay(event: RefundChangedEvent, said: ReadonlySet<string>): RefundToSay | null {
  const { refund } = event;
  if (refund.state !== 'refunded') return null;
  if (said.has(refund.refundId)) return null;
  if (refund.updatedAt - refund.createdAt > LATE_REFUND_SAID_WITHIN_MS) return null;
  return {
    refundId: refund.refundId,
    wallet: event.wallet,
    cents: refund.amountCents,
    currency: refund.currency,
  };
}
