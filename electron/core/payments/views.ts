// Journal rows → the views the renderers see (shared/domain.ts). The QR is offered only while the
// attempt waits for the customer and our own expiry has not passed.
import type { AttemptView, RefundView, SalePhase, SaleView } from '../../../shared/domain.ts';
import { isLiveAttemptState } from '../../../shared/payments/attempt-machine.ts';
import type { AttemptRow, RefundRow, SaleRow } from '../journal/rows.ts';

export function attemptView(row: AttemptRow, now: number): AttemptView {
  const qrLive =
    row.mode === 'active' &&
    row.state === 'awaiting_customer' &&
    row.qrPayload !== null &&
    row.qrExpiresAt !== null &&
    now < row.qrExpiresAt;
  return {
    attemptId: row.attemptId,
    orderId: row.orderId,
    saleId: row.saleId,
    mode: row.mode,
    wallet: row.wallet,
    amountCents: row.amountCents,
    tipCents: row.tipCents,
    currency: row.currency,
    state: row.state,
    reason: row.reason,
    qr:
      qrLive && row.qrPayload !== null && row.qrExpiresAt !== null
        ? { payload: row.qrPayload, expiresAt: row.qrExpiresAt }
        : null,
    walletTxnId: row.walletTxnId,
    maskedCode: row.codeMasked,
    operatorId: row.operatorId,
    cashierId: row.cashierId ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    paidAt: row.paidAt,
    needsAttention: row.needsAttention,
    manual: row.manual,
    refundedCents: row.refundedCents,
    cancelled: row.cancelCause !== null,
  };
}

export function refundView(row: RefundRow): RefundView {
  return {
    refundId: row.refundId,
    orderId: row.orderId,
    attemptId: row.attemptId,
    amountCents: row.amountCents,
    currency: row.currency,
    state: row.state,
    reason: row.reason,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function salePhase(attempts: readonly AttemptRow[], waitingForCode: boolean): SalePhase {
  if (attempts.some((a) => a.state === 'paid')) return 'paid';
  if (attempts.some((a) => isLiveAttemptState(a.state))) return 'in_progress';
  if (waitingForCode) return 'waiting_for_scan';
  return attempts.length > 0 ? 'failed' : 'entering';
}

export function saleView(
  sale: SaleRow,
  attempts: readonly AttemptRow[],
  waitingForCode: boolean,
  now: number,
): SaleView {
  const views = attempts.map((a) => attemptView(a, now));
  return {
    saleId: sale.saleId,
    amountCents: sale.amountCents,
    tipCents: sale.tipCents,
    currency: sale.currency,
    phase: salePhase(attempts, waitingForCode),
    attempt: views.length > 0 ? (views[views.length - 1] ?? null) : null,
    attempts: views,
  };
}
