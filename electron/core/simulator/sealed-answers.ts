// What the simulator answers with: the Reply server.ts sends, sealed answers in OTTPay's envelope, the
// order's state as PASSIVEPAY and STATUS_QUERY report it, and the answers made wrong on purpose
// (bad md5, an oversized code_url) that a client must refuse.
import { canonicalString } from '../gateway/canonical.ts';
import { md5Upper, openData, sealData, sealDataWithMd5, type WireValue } from '../gateway/envelope.ts';
import { formatJavaDateTime } from '../gateway/trade-time.ts';
import { flipHex } from './callbacks.ts';
import type { SimOrder } from './ledger.ts';
import type { Data } from './request-fields.ts';

export type Reply =
  | { kind: 'json'; status: number; body: Record<string, unknown> }
  /** 96, or an injected fault: HTTP 500 with a body that is not JSON. */
  | { kind: 'garbage500' }
  /** 95, or an injected fault: no answer; the socket is dropped later (or on close). */
  | { kind: 'hang'; orderId: string | null }
  /** An injected fault: the connection is cut without an answer. */
  | { kind: 'drop' };

export interface ProtocolSettings {
  /** Answer some amounts and rates as JSON numbers, as the real gateway does. */
  numericFields: boolean;
  /** code_url as weixin:// or https://qr.alipay.com/… rather than the simulator's wallet page. */
  realisticUrls: boolean;
  /** CNY per unit. */
  rates: Record<'CAD' | 'USD', number>;
  /** The merchant account's currency: which rate an order's answers carry. */
  currency: 'CAD' | 'USD';
}

/** The order's state as PASSIVEPAY and STATUS_QUERY report it. */
export function orderData(settings: ProtocolSettings, order: SimOrder, action: string): Data {
  const total = order.amountCents + order.tipCents;
  const data: Record<string, WireValue | undefined> = {
    order_id: order.orderId,
    order_status: order.status,
    total_amount: num(settings, total),
    receive_amount: String(total),
    // What the payer was charged in RMB (fen) at the merchant currency's rate [guess: OTTPay's unit].
    pay_amount: String(Math.round(total * settings.rates[settings.currency])),
    tip: String(order.tipCents),
    refund_fee: num(settings, order.refundedCents),
    trade_time: order.paidAt !== null ? formatJavaDateTime(order.paidAt) : undefined,
    bizpay_order_id: order.walletTxnId ?? undefined,
    exchange_rate: order.wallet ? String(settings.rates[settings.currency]) : undefined,
    ori_order_id: order.originalOrderId ?? undefined,
  };
  if (action === 'PASSIVEPAY' && order.buyerLoginId) data.buyer_login_id = order.buyerLoginId;
  return data;
}

export function ok(signKey: string, code: string, data: Data, message = 'success'): Reply {
  const sealed = sealData(data as Record<string, WireValue | undefined>, signKey);
  return { kind: 'json', status: 200, body: { rsp_code: code, rsp_msg: message, ...sealed } };
}

/** The 'long_code_url' fault: the same answer (the order exists) with a code_url of 2,600 characters. */
export function lengthenCodeUrl(reply: Reply, signKey: string): Reply {
  if (reply.kind !== 'json' || typeof reply.body.md5 !== 'string') return reply;
  const opened = openData(reply.body, signKey);
  if (!opened.ok || typeof opened.data.code_url !== 'string') return reply;
  const url = opened.data.code_url;
  const data = {
    ...opened.data,
    code_url: `${url}${url.includes('?') ? '&' : '?'}pad=${'x'.repeat(2600 - url.length)}`,
  };
  return {
    kind: 'json',
    status: reply.status,
    body: { ...reply.body, ...sealData(data as Record<string, WireValue>, signKey) },
  };
}

/** Re-seals the answer's data (or, on a refusal, the order id) under a wrong md5: it decrypts, but does not verify. */
export function corrupt(reply: Reply, requestData: Data, signKey: string): Reply {
  if (reply.kind !== 'json') return reply;
  const opened = typeof reply.body.md5 === 'string' ? openData(reply.body, signKey) : null;
  const data = (opened?.ok ? opened.data : { order_id: String(requestData.order_id ?? '') }) as Record<
    string,
    WireValue
  >;
  const sealed = sealDataWithMd5(data, flipHex(md5Upper(canonicalString(data))), signKey);
  return { kind: 'json', status: reply.status, body: { ...reply.body, ...sealed } };
}

export function refuse(status: number, code: string, message: string): Reply {
  return { kind: 'json', status, body: { rsp_code: code, rsp_msg: message } };
}

export function num(settings: ProtocolSettings, value: number): WireValue {
  return settings.numericFields ? value : String(value);
}
