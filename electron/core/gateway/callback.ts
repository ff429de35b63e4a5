// Call-back verification as a pure function (OTTPAY.md §6). Only what the md5 covers is trusted: the
// envelope's rsp_code and merchant_id are not encrypted, so neither decides anything here. A verified
// call-back is still only a hint: the caller checks it against the journal and confirms with a query.
import { openData } from './envelope.ts';
import { callbackData, firstIssue } from './schemas.ts';
import { parseTradeTime } from './trade-time.ts';
import type { OrderStatus } from './types.ts';

export interface VerifiedCallback {
  orderId: string;
  merchantId: string;
  amountCents: number | null;
  tipCents: number | null;
  /** The wallet's own transaction number (bizpay_order_id). */
  walletTxnId: string | null;
  /** Absent in older call-backs, which are only sent after a successful payment. */
  status: OrderStatus | null;
  finishTimeRaw: string | null;
  finishTime: number | null;
  exchangeRateRaw: string | null;
  saleNum: string | null;
}

export type CallbackVerification = { ok: true; callback: VerifiedCallback } | { ok: false; reason: string };

/** What OTTPay expects back for a call-back it may stop retrying [seen]. */
export const CALLBACK_ACK = { rsp_code: 'SUCCESS', rsp_msg: 'success' } as const;

/** `body` is the raw request body text or its parsed JSON. */
export function verifyCallback(
  body: unknown,
  expected: { signKey: string; merchantId: string },
): CallbackVerification {
  let envelope: unknown = body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      envelope = JSON.parse(String(body));
    } catch {
      return { ok: false, reason: 'call-back body is not JSON' };
    }
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
    return { ok: false, reason: 'call-back body is not a JSON object' };
  }
  const opened = openData(envelope as { md5?: unknown; data?: unknown }, expected.signKey);
  if (!opened.ok) return { ok: false, reason: `call-back rejected: ${opened.reason}` };
  const parsed = callbackData.safeParse(opened.data);
  if (!parsed.success) return { ok: false, reason: `call-back rejected: ${firstIssue(parsed.error)}` };
  const d = parsed.data;
  const outerMerchant = (envelope as { merchant_id?: unknown }).merchant_id;
  if (d.merchant_id !== null && d.merchant_id !== expected.merchantId) {
    return { ok: false, reason: 'call-back rejected: it is for another merchant' };
  }
  if (outerMerchant !== undefined && outerMerchant !== expected.merchantId) {
    return { ok: false, reason: 'call-back rejected: envelope names another merchant' };
  }
  return {
    ok: true,
    callback: {
      orderId: d.order_id,
      merchantId: expected.merchantId,
      amountCents: d.amount,
      tipCents: d.tip,
      walletTxnId: d.bizpay_order_id,
      status: d.order_status ?? null,
      finishTimeRaw: d.finish_time,
      finishTime: parseTradeTime(d.finish_time),
      exchangeRateRaw: d.exchange_rate,
      saleNum: d.sale_num,
    },
  };
}
