// The simulator's read-only actions: STATUS_QUERY (also asked as REFUND_QUERY) reports an order of this
// merchant; EX_RATE_QUERY the configured rate, × 10^8 as OTTPay sends it.
import type { SimEngine } from './engine.ts';
import { Refusal, requiredText, type SimRequest } from './request-fields.ts';
import { num, ok, orderData, type ProtocolSettings, type Reply } from './sealed-answers.ts';

export function statusQuery(engine: SimEngine, settings: ProtocolSettings, request: SimRequest): Reply {
  const orderId = requiredText(request.data, 'order_id');
  request.about.orderId = orderId;
  const order = engine.book.getFor(request.merchantId, orderId);
  // [guess] OTTPay's answer for an order it never saw.
  if (!order) throw new Refusal('FAIL', 'order not exist');
  return ok(request.signKey, 'SUCCESS', orderData(settings, order, request.action));
}

export function exchangeRate(settings: ProtocolSettings, request: SimRequest): Reply {
  const feeType = requiredText(request.data, 'fee_type');
  if (feeType !== 'CAD' && feeType !== 'USD')
    throw new Refusal('PARAM_INVALID', 'fee_type must be CAD or USD');
  const rate = Math.round(settings.rates[feeType] * 1e8);
  return ok(request.signKey, 'SUCCESS', { feeType, rate: num(settings, rate) });
}
