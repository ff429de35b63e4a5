// REFUND as the simulator plays it: the original must be this merchant's paid order with enough left
// to refund; the refund is booked as its own order and moves the original to partial or fully refunded.
import type { SimEngine } from './engine.ts';
import { PAID_STATES } from './ledger.ts';
import { cents, ORDER_ID, optionalText, Refusal, requiredText, type SimRequest } from './request-fields.ts';
import { num, ok, type ProtocolSettings, type Reply } from './sealed-answers.ts';

export function refund(engine: SimEngine, settings: ProtocolSettings, request: SimRequest): Reply {
  const { data } = request;
  const refundId = optionalText(data, 'order_id') ?? engine.newOrderId();
  if (!ORDER_ID.test(refundId))
    throw new Refusal('PARAM_INVALID', 'order_id must be 1 to 32 letters, digits, _ or -');
  request.about.orderId = refundId;
  const originalId = requiredText(data, 'ori_order_id');
  const amountCents = cents(data, 'refund_amt', true);
  if (amountCents < 1) throw new Refusal('PARAM_INVALID', 'refund_amt must be at least 1 cent');
  if (engine.book.get(refundId)) throw new Refusal('ORDER_USED', 'order_id has been used');
  const original = engine.book.getFor(request.merchantId, originalId);
  if (original?.kind !== 'payment') throw new Refusal('FAIL', 'original order not exist');
  if (!PAID_STATES.has(original.status))
    throw new Refusal('ORDER_TYPE_ERROR', `order is ${original.status}, not paid`);
  const left = engine.book.refundable(original);
  if (amountCents > left)
    throw new Refusal('FAIL', `refund amount exceeds the refundable amount (${left} cents left)`);
  const now = engine.clock.now();
  engine.book.refund(
    original,
    {
      orderId: refundId,
      merchantId: request.merchantId,
      kind: 'refund',
      mode: null,
      wallet: original.wallet,
      amountCents,
      tipCents: 0,
      status: 'success',
      scenario: null,
      createdAt: now,
      paidAt: now,
      refundedCents: 0,
      originalOrderId: original.orderId,
      callbackUrl: null,
      walletToken: null,
      codeUrl: null,
      walletTxnId: null,
      buyerLoginId: null,
      saleNum: null,
    },
    now,
  );
  engine.log(`refund ${refundId} of ${original.orderId}: ${amountCents} cents`);
  engine.emit({ type: 'order', orderId: original.orderId, status: original.status });
  return ok(request.signKey, 'SUCCESS', {
    order_id: refundId,
    ori_order_id: original.orderId,
    refund_amt: String(amountCents),
    // [guess] the original order's status after this refund
    order_status: original.status,
    refund_fee: num(settings, original.refundedCents),
  });
}
