// A POS payment as the POS sees it, derived from the journal (never stored twice): the sale its key
// made and that sale's attempts. Pure. Any paid attempt makes it paid; a live one says where it is
// (unknown and cancelling are "checking": the customer may already have paid); otherwise the newest
// attempt's end, or — with no attempt — waiting for the customer's code, or cancelled once closed.
import type { AttemptRow, RefundRow, SaleRow } from '../journal/rows.ts';
import type { PosPaymentRecord } from './pos-records.ts';
import type { PosPayment, PosRefund } from './schemas.ts';

type State = PosPayment['state'];

export interface SaleSituation {
  /** The sale is the till's current one and waits for a wallet code (SCAN). */
  waitingForCode: boolean;
}

function attemptState(a: AttemptRow): State {
  switch (a.state) {
    case 'created':
    case 'submitted':
      return 'processing';
    case 'awaiting_customer':
      return 'waiting';
    case 'unknown':
    case 'cancelling':
      return 'checking';
    case 'paid':
      return 'paid';
    case 'failed':
    case 'expired':
      return a.cancelCause === 'cashier' ? 'cancelled' : 'failed';
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export function posPaymentView(
  record: PosPaymentRecord,
  sale: SaleRow,
  attempts: readonly AttemptRow[],
  situation: SaleSituation,
): PosPayment {
  const newest = attempts[attempts.length - 1] ?? null;
  const chosen =
    attempts.find((a) => a.state === 'paid') ??
    attempts.find((a) => attemptState(a) === 'waiting' || attemptState(a) === 'processing') ??
    attempts.find((a) => attemptState(a) === 'checking') ??
    newest;
  let state: State;
  if (chosen && (attemptState(chosen) !== 'failed' || !situation.waitingForCode))
    state = attemptState(chosen);
  else if (situation.waitingForCode) state = 'waiting';
  else state = sale.closedAt === null ? 'waiting' : 'cancelled';
  const a = chosen && state === attemptState(chosen) ? chosen : null;
  const updated = Math.max(sale.updatedAt, ...attempts.map((x) => x.updatedAt));
  return {
    id: sale.saleId,
    state,
    amountCents: sale.amountCents,
    tipCents: sale.tipCents,
    currency: sale.currency,
    method: record.method,
    wallet: a?.wallet ?? (record.method === 'SCAN' ? null : record.method),
    reference: record.reference,
    orderId: a?.orderId ?? null,
    codeUrl: a && state === 'waiting' && a.mode === 'active' ? a.qrPayload : null,
    walletTxnId: state === 'paid' ? (a?.walletTxnId ?? null) : null,
    failure:
      state === 'failed' && a
        ? { code: a.state === 'expired' ? 'expired' : 'declined', message: a.reason ?? '' }
        : null,
    createdAt: iso(record.createdAt),
    updatedAt: iso(updated),
  };
}

export function posRefundView(refund: RefundRow, saleId: string): PosRefund {
  const state: PosRefund['state'] =
    refund.state === 'refunded'
      ? 'refunded'
      : refund.state === 'failed'
        ? 'failed'
        : refund.state === 'unknown'
          ? 'checking'
          : 'processing';
  return {
    id: refund.refundId,
    paymentId: saleId,
    state,
    amountCents: refund.amountCents,
    currency: refund.currency,
    failure: state === 'failed' ? { code: 'declined', message: refund.reason ?? '' } : null,
    createdAt: iso(refund.createdAt),
    updatedAt: iso(refund.updatedAt),
  };
}
