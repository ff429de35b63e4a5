// A journaled payment or refund → the Receipt to print, with the shop's settings. Reads only.
import type { Language } from '../../../shared/domain.ts';
import type { Receipt, ReceiptCopy, ShopInfo } from '../../../shared/printing/receipt.ts';
import { createCustomerChoicesRepo } from '../journal/customer-choices-repo.ts';
import type { Journal } from '../journal/journal.ts';
import { cnyFromEvents } from './payment-fx.ts';

export interface ReceiptContext {
  shop: ShopInfo;
  sandbox: boolean;
  /** Customer copy in the customer's language, merchant copy in the operator's. */
  languages: { customer: Language; operator: Language };
  timeZone?: string;
}

export interface ReceiptRequest {
  copy: ReceiptCopy;
  reprint: boolean;
}

function frame(ctx: ReceiptContext, req: ReceiptRequest) {
  return {
    copy: req.copy,
    language: req.copy === 'customer' ? ctx.languages.customer : ctx.languages.operator,
    shop: ctx.shop,
    sandbox: ctx.sandbox,
    reprint: req.reprint,
    ...(ctx.timeZone ? { timeZone: ctx.timeZone } : {}),
  };
}

/** The receipt of a paid attempt; an error names why there is none (unknown order, not paid). */
export function saleReceipt(
  journal: Journal,
  attemptId: string,
  ctx: ReceiptContext,
  req: ReceiptRequest,
): Receipt {
  const a = journal.attempts.get(attemptId);
  if (!a) throw new Error(`no payment ${attemptId} in the journal`);
  if (a.state !== 'paid') throw new Error(`order ${a.orderId} is ${a.state}, not paid: there is no receipt`);
  const chose = createCustomerChoicesRepo(journal.db).forAttempt(a.attemptId);
  const framed = frame(ctx, req);
  return {
    ...framed,
    // The customer's copy in the language the customer chose for this sale.
    language: req.copy === 'customer' && chose?.language ? chose.language : framed.language,
    operatorId: a.operatorId,
    terminalNo: a.terminalNo,
    body: {
      kind: 'sale',
      orderId: a.orderId,
      wallet: a.wallet,
      walletTxnId: a.walletTxnId,
      currency: a.currency,
      amountCents: a.amountCents,
      tipCents: a.tipCents,
      at: a.paidAt ?? a.updatedAt,
      cny: cnyFromEvents(journal.events.forEntity(a.attemptId), a),
      refundedCents: a.refundedCents,
      customerChoice: chose
        ? { tipPercent: chose.tipPercent, tipChosen: chose.tipCents !== null, language: chose.language }
        : null,
    },
  };
}

export function refundReceipt(
  journal: Journal,
  refundId: string,
  ctx: ReceiptContext,
  req: ReceiptRequest,
): Receipt {
  const f = journal.refunds.get(refundId);
  if (!f) throw new Error(`no refund ${refundId} in the journal`);
  if (f.state !== 'refunded') throw new Error(`refund ${f.orderId} is ${f.state}: there is no receipt`);
  const a = journal.attempts.get(f.attemptId);
  if (!a) throw new Error(`refund ${f.orderId} names a payment not in the journal`);
  const total = a.amountCents + a.tipCents;
  // What was refunded up to and including this refund: later ones do not change this receipt.
  const upToThis = journal.refunds
    .forAttempt(a.attemptId)
    .filter((r) => r.state === 'refunded' && (r.createdAt < f.createdAt || r.refundId === f.refundId))
    .reduce((sum, r) => sum + r.amountCents, 0);
  return {
    ...frame(ctx, req),
    operatorId: f.operatorId,
    terminalNo: a.terminalNo,
    body: {
      kind: 'refund',
      orderId: f.orderId,
      originalOrderId: a.orderId,
      wallet: a.wallet,
      walletTxnId: a.walletTxnId,
      currency: f.currency,
      originalTotalCents: total,
      refundedCents: f.amountCents,
      remainingCents: Math.max(0, total - upToThis),
      at: f.updatedAt,
    },
  };
}

export function testReceipt(
  ctx: ReceiptContext,
  operatorId: string,
  terminalNo: string,
  at: number,
): Receipt {
  return {
    ...frame(ctx, { copy: 'merchant', reprint: false }),
    operatorId,
    terminalNo,
    body: { kind: 'test', at },
  };
}
