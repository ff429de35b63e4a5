// What a gateway answer means for an attempt or a refund, in machine events and plain words.
// Only a STATUS_QUERY (or the pay answer itself) moves money states; see PAYMENT-SAFETY.md rule 3.

import { centsToPlain } from '../../../shared/money.ts';
import { REASON_TEMPLATES, reasonText } from '../../../shared/payments/attempt-reasons.ts';
import type { RefundEventType } from '../../../shared/payments/refund-machine.ts';
import { UnusableCodeUrlError } from '../gateway/code-url.ts';
import { GatewayError, type OrderState } from '../gateway/types.ts';
import type { AttemptRow, EventCause } from '../journal/rows.ts';
import type { AttemptChange } from './transitions.ts';

const PAID = new Set(['success', 'partial_refunded', 'fully_refunded']);
/** The fixed reasons (their words, and their translations, live in shared/payments/attempt-reasons.ts). */
export const REASONS = {
  unknown: REASON_TEMPLATES.unknown,
  notSent: REASON_TEMPLATES.notSent,
  failed: REASON_TEMPLATES.failed,
  closed: REASON_TEMPLATES.closed,
  notFound: REASON_TEMPLATES.notFound,
  cancelled: REASON_TEMPLATES.cancelled,
  qrExpired: REASON_TEMPLATES.qrExpired,
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
    // Kept with the paid event: the receipt and the history show the CNY side of the payment.
    ...(st.exchangeRateRaw ? { exchangeRate: st.exchangeRateRaw } : {}),
    ...(st.receiveAmountCents != null ? { receiveAmountCents: st.receiveAmountCents } : {}),
    ...(st.payAmountFen != null ? { payAmountFen: st.payAmountFen } : {}),
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
        ? reasonText('paidOtherAmount', { charged: centsToPlain(charged), expected: centsToPlain(total) })
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
      return reasonText('pwdIncorrect');
    case 'AUTH_CODE_INVALID':
      return reasonText('authCodeInvalid');
    case 'FAIL':
      return reasonText('declinedByWallet');
    default:
      return err.rspCode
        ? reasonText('declinedByGatewayCode', { code: err.rspCode })
        : reasonText('declinedByGateway');
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
        reason: e.rspCode
          ? reasonText('invalidRequestCode', { code: e.rspCode })
          : reasonText('invalidRequest'),
        detail,
      };
    case 'network':
      return { event: 'NOT_SENT', cause, reason: REASONS.notSent, detail };
    case 'unknown_outcome':
      if (e instanceof UnusableCodeUrlError)
        return { event: 'OUTCOME_UNKNOWN', cause, reason: reasonText('qrUnusable'), detail };
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
