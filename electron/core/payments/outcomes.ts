// What a gateway answer means for an attempt or a refund, in machine events and plain words.
// Only a STATUS_QUERY (or the pay answer itself) moves money states; see PAYMENT-SAFETY.md rule 3.

import { centsToPlain } from '../../../shared/money.ts';
import type { RefundEventType } from '../../../shared/payments/refund-machine.ts';
import { GatewayError, type OrderState } from '../gateway/types.ts';
import type { AttemptRow, EventCause } from '../journal/rows.ts';
import type { AttemptChange } from './transitions.ts';

const PAID = new Set(['success', 'partial_refunded', 'fully_refunded']);
export const REASONS = {
  unknown: 'No clear answer from the gateway: checking the order with the gateway. Do not charge again.',
  notSent: 'The payment gateway could not be reached: nothing was charged.',
  failed: 'The payment failed at the wallet (declined, or cancelled by the customer).',
  closed: 'The order closed unpaid.',
  notFound: 'The gateway never received this order: nothing was charged.',
  cancelled: 'Cancelled: checking with the gateway that the customer did not pay.',
  qrExpired: 'The QR code expired: checking with the gateway that the customer did not pay.',
} as const;

function orderFacts(st: OrderState): Record<string, unknown> {
  return {
    status: st.status,
    rspCode: st.rspCode,
    totalAmountCents: st.totalAmountCents,
    tipCents: st.tipCents,
    refundedCents: st.refundedCents,
    walletTxnId: st.walletTxnId,
    tradeTime: st.tradeTimeRaw,
  };
}

/** The gateway's view of an order → the attempt's next event. */
export function changeFromOrderState(row: AttemptRow, st: OrderState, cause: EventCause): AttemptChange {
  const detail = orderFacts(st);
  if (PAID.has(st.status)) {
    const total = row.amountCents + row.tipCents;
    const charged = st.totalAmountCents;
    // The gateway may report the amount with or without the tip.
    const mismatch = charged !== null && charged !== total && charged !== row.amountCents;
    return {
      event: 'GATEWAY_PAID',
      cause,
      reason: mismatch
        ? `Paid, but the gateway reports ${centsToPlain(charged)} charged, not ${centsToPlain(total)}`
        : null,
      detail,
      patch: {
        gatewaySeen: true,
        walletTxnId: st.walletTxnId,
        ...(mismatch ? { needsAttention: true } : {}),
      },
    };
  }
  if (st.status === 'failure')
    return { event: 'GATEWAY_FAILED', cause, reason: REASONS.failed, detail, patch: { gatewaySeen: true } };
  if (st.status === 'orderclosed')
    return { event: 'GATEWAY_CLOSED', cause, reason: REASONS.closed, detail, patch: { gatewaySeen: true } };
  // init, notpay, canceling, authfinish: the gateway has the order and it is not final.
  return { event: 'CUSTOMER_CONFIRMING', cause, detail, patch: { gatewaySeen: true } };
}

export function declineReason(err: GatewayError): string {
  switch (err.rspCode) {
    case 'PWD_INCORRECT':
      return 'Wrong payment password: nothing was charged. The customer may try again with a new code.';
    case 'AUTH_CODE_INVALID':
      return 'The wallet code is not valid: nothing was charged. Ask the customer for a fresh code.';
    case 'FAIL':
      return 'Declined by the wallet: nothing was charged.';
    default:
      return `Declined by the gateway${err.rspCode ? ` (${err.rspCode})` : ''}: nothing was charged.`;
  }
}

/** A pay request's failure → the attempt's next event. */
export function changeFromPayError(err: unknown, cause: EventCause): AttemptChange {
  const e = err instanceof GatewayError ? err : new GatewayError('unknown_outcome', 'unexpected failure');
  const detail = { kind: e.kind, rspCode: e.rspCode, message: e.message };
  switch (e.kind) {
    case 'declined':
      return { event: 'GATEWAY_FAILED', cause, reason: declineReason(e), detail };
    case 'invalid_request':
      return {
        event: 'GATEWAY_FAILED',
        cause,
        reason: `The gateway refused the request as invalid${e.rspCode ? ` (${e.rspCode})` : ''}: nothing was charged. Check the till's settings.`,
        detail,
      };
    case 'network':
      return { event: 'NOT_SENT', cause, reason: REASONS.notSent, detail };
    case 'unknown_outcome':
      return { event: 'OUTCOME_UNKNOWN', cause, reason: REASONS.unknown, detail };
    default:
      return { event: 'OUTCOME_UNKNOWN', cause, reason: REASONS.unknown, detail };
  }
}

/** The refund's own order, as a query sees it → the refund's next event. */
export function refundEventFromOrderState(st: OrderState): RefundEventType {
  if (PAID.has(st.status)) return 'GATEWAY_REFUNDED';
  if (st.status === 'failure' || st.status === 'orderclosed') return 'GATEWAY_FAILED';
  return 'PENDING';
}

/** The REFUND answer's order_status → the refund's next event (null: not stated ⇒ ask by query). */
export function refundEventFromAnswer(status: string | null): RefundEventType {
  if (status === null) return 'OUTCOME_UNKNOWN';
  if (PAID.has(status)) return 'GATEWAY_REFUNDED';
  if (status === 'failure' || status === 'orderclosed') return 'GATEWAY_FAILED';
  return 'OUTCOME_UNKNOWN';
}
