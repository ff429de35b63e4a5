// POST /processV2 as the simulator answers it: the same envelope and crypto as OTTPay, per-merchant
// sign keys, orders keyed by order_id, and the amount-digit scenarios (scenarios.ts). Returns what to
// send; server.ts does the HTTP.
import type { Wallet } from '../../../shared/domain.ts';
import { canonicalString } from '../gateway/canonical.ts';
import { md5Upper, openData, sealData, sealDataWithMd5, type WireValue } from '../gateway/envelope.ts';
import { formatJavaDateTime } from '../gateway/trade-time.ts';
import { flipHex } from './callbacks.ts';
import type { SimEngine } from './engine.ts';
import type { SimOrder } from './ledger.ts';
import { type Scenario, scenarioOf } from './scenarios.ts';
import { walletOfCode } from './wallet-codes.ts';

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

const WALLETS: readonly Wallet[] = ['WECHATPAY', 'ALIPAY', 'UNIONPAY'];
const ORDER_ID = /^[A-Za-z0-9_-]{1,32}$/;
const CENTS = /^(0|[1-9]\d{0,9})$/;
/** The 'oversized' fault's answer: far over any sane client limit. */
const OVERSIZED_BYTES = 1024 * 1024;
const PAID_STATES = new Set(['success', 'partial_refunded', 'fully_refunded']);

type Data = Record<string, unknown>;

/** A business answer that ends the request early. */
class Refusal {
  readonly code: string;
  readonly message: string;
  constructor(code: string, message: string) {
    this.code = code;
    this.message = message;
  }
}

/** What a request was about, as far as it could be read: for the event and the log line. */
interface About {
  action: string;
  merchantId: string | null;
  orderId: string | null;
}

interface Request {
  action: string;
  merchantId: string;
  signKey: string;
  data: Data;
  about: About;
}

export function handleProcess(engine: SimEngine, settings: ProtocolSettings, rawBody: string): Reply {
  const about: About = { action: '', merchantId: null, orderId: null };
  const reply = answer(engine, settings, rawBody, about);
  const rspCode = reply.kind === 'json' ? String(reply.body.rsp_code ?? '') : reply.kind;
  engine.emit({ type: 'request', ...about, rspCode, http: reply.kind === 'json' ? reply.status : 0 });
  return reply;
}

function answer(engine: SimEngine, settings: ProtocolSettings, rawBody: string, about: About): Reply {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return refuse(400, 'PARAM_ERROR', 'request body is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return refuse(400, 'PARAM_ERROR', 'request body is not a JSON object');
  }
  const envelope = json as Record<string, unknown>;
  for (const field of ['action', 'version', 'merchant_id', 'data', 'md5']) {
    const value = envelope[field];
    if (typeof value !== 'string' || value === '') return refuse(200, 'PARAM_ERROR', `${field} is missing`);
  }
  const action = envelope.action as string;
  const merchantId = envelope.merchant_id as string;
  about.action = action;
  about.merchantId = merchantId;
  const signKey = engine.signKeys.get(merchantId);
  if (!signKey) return refuse(200, 'PARAM_ERROR', 'merchant_id does not exist');
  const opened = openData(envelope, signKey);
  if (!opened.ok) return refuse(200, 'PARAM_ERROR', `md5 check failed: ${opened.reason}`);
  const data = opened.data;
  about.orderId = typeof data.order_id === 'string' ? data.order_id : null;

  const fault = engine.takeFault(action);
  if (fault && fault.mode !== 'bad_md5' && fault.mode !== 'long_code_url') {
    engine.log(`${action} ${merchantId}: injected fault ${fault.mode}`);
    if (fault.mode === 'http500') return { kind: 'garbage500' };
    if (fault.mode === 'drop') return { kind: 'drop' };
    if (fault.mode === 'hang') return { kind: 'hang', orderId: null };
    if (fault.mode === 'oversized') {
      return {
        kind: 'json',
        status: 200,
        body: { rsp_code: 'SYSTEM_ERROR', rsp_msg: 'x'.repeat(OVERSIZED_BYTES) },
      };
    }
    return refuse(200, fault.rspCode ?? 'SYSTEM_ERROR', 'injected fault');
  }

  const request: Request = { action, merchantId, signKey, data, about };
  let reply: Reply;
  try {
    reply = dispatch(engine, settings, request);
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    reply = refuse(200, err.code, err.message);
  }
  if (fault?.mode === 'bad_md5' && reply.kind === 'json') reply = corrupt(reply, data, signKey);
  if (fault?.mode === 'long_code_url') reply = lengthenCodeUrl(reply, signKey);
  const code = reply.kind === 'json' ? String(reply.body.rsp_code) : reply.kind;
  engine.log(`${action} ${merchantId} order=${about.orderId ?? '-'} v${String(envelope.version)} → ${code}`);
  return reply;
}

function dispatch(engine: SimEngine, settings: ProtocolSettings, request: Request): Reply {
  switch (request.action) {
    case 'PASSIVEPAY':
      return passivePay(engine, settings, request);
    case 'ACTIVEPAY':
      return activePay(engine, settings, request);
    case 'STATUS_QUERY':
    case 'REFUND_QUERY':
      return statusQuery(engine, settings, request);
    case 'REFUND':
      return refund(engine, settings, request);
    case 'EX_RATE_QUERY':
      return exchangeRate(settings, request);
    default:
      throw new Refusal('PARAM_ERROR', `action ${request.action.slice(0, 40)} is not supported`);
  }
}

interface PaymentFields {
  orderId: string;
  amountCents: number;
  tipCents: number;
  wallet: Wallet;
  scenario: Scenario;
}

/** Fields both pay actions share; an order id reused by anyone is refused here. */
function paymentFields(engine: SimEngine, request: Request): PaymentFields {
  const { data } = request;
  const orderId = optionalText(data, 'order_id') ?? engine.newOrderId();
  if (!ORDER_ID.test(orderId))
    throw new Refusal('PARAM_INVALID', 'order_id must be 1 to 32 letters, digits, _ or -');
  requiredText(data, 'operator_id');
  const amountCents = cents(data, 'amount', true);
  if (amountCents < 1) throw new Refusal('PARAM_INVALID', 'amount must be at least 1 cent');
  const tipCents = data.tip === undefined || data.tip === '' ? 0 : cents(data, 'tip', false);
  const wallet = requiredText(data, 'biz_type') as Wallet;
  if (!WALLETS.includes(wallet))
    throw new Refusal('PARAM_INVALID', 'biz_type must be WECHATPAY, ALIPAY or UNIONPAY');
  request.about.orderId = orderId;
  return { orderId, amountCents, tipCents, wallet, scenario: scenarioOf(amountCents) };
}

function refuseReuse(engine: SimEngine, orderId: string): void {
  const existing = engine.book.get(orderId);
  if (!existing) return;
  if (PAID_STATES.has(existing.status)) throw new Refusal('ORDER_PAID', 'order has been paid');
  throw new Refusal('ORDER_USED', 'order_id has been used');
}

function newPayment(
  engine: SimEngine,
  request: Request,
  fields: PaymentFields,
  mode: 'active' | 'passive',
  walletToken: string | null = null,
): SimOrder {
  return engine.book.add({
    orderId: fields.orderId,
    merchantId: request.merchantId,
    kind: 'payment',
    mode,
    wallet: fields.wallet,
    amountCents: fields.amountCents,
    tipCents: fields.tipCents,
    status: 'init',
    scenario: fields.scenario,
    createdAt: engine.clock.now(),
    paidAt: null,
    refundedCents: 0,
    originalOrderId: null,
    callbackUrl: null,
    walletToken,
    codeUrl: null,
    walletTxnId: null,
    buyerLoginId: null,
    saleNum: null,
  });
}

/** The scenarios both pay modes answer alike: declines, and "paid, but the till cannot tell". */
function answerAlike(
  engine: SimEngine,
  order: SimOrder,
  scenario: 'wrong_password' | 'declined' | 'system_error_but_paid' | 'no_answer_but_paid',
): Reply {
  switch (scenario) {
    case 'wrong_password':
      engine.unpay(order, 'failure');
      throw new Refusal('PWD_INCORRECT', 'password incorrect');
    case 'declined':
      engine.unpay(order, 'failure');
      throw new Refusal('FAIL', 'payment declined by the wallet');
    case 'system_error_but_paid':
      engine.pay(order);
      throw new Refusal('SYSTEM_ERROR', 'system error');
    case 'no_answer_but_paid':
      engine.pay(order);
      return { kind: 'hang', orderId: order.orderId };
  }
}

function passivePay(engine: SimEngine, settings: ProtocolSettings, request: Request): Reply {
  const fields = paymentFields(engine, request);
  const authCode = requiredText(request.data, 'auth_code');
  if (fields.scenario === 'http_500_no_order') return { kind: 'garbage500' };
  refuseReuse(engine, fields.orderId);
  const codeWallet = walletOfCode(authCode);
  if (codeWallet === null) throw new Refusal('AUTH_CODE_INVALID', 'auth_code matches no wallet');
  if (codeWallet !== fields.wallet)
    throw new Refusal('AUTH_CODE_INVALID', `auth_code is not a ${fields.wallet} code`);
  const order = newPayment(engine, request, fields, 'passive');
  order.saleNum = optionalText(request.data, 'sale_num');
  const { timings } = engine;
  const state = () => ok(request.signKey, 'SUCCESS', orderData(settings, order, 'PASSIVEPAY'));
  switch (fields.scenario) {
    case 'normal':
      engine.pay(order);
      return state();
    case 'processing_then_paid':
    case 'processing_then_failed':
    case 'closes': {
      order.status = 'notpay';
      const [delay, end] =
        fields.scenario === 'closes'
          ? [timings.closeMs, () => engine.unpay(order, 'orderclosed')]
          : fields.scenario === 'processing_then_paid'
            ? [timings.processingMs, () => engine.pay(order)]
            : [timings.processingMs, () => engine.unpay(order, 'failure')];
      engine.schedule(order, delay, end);
      return ok(
        request.signKey,
        'PROCESSING',
        orderData(settings, order, 'PASSIVEPAY'),
        'customer confirming',
      );
    }
    case 'wrong_password':
    case 'declined':
    case 'system_error_but_paid':
    case 'no_answer_but_paid':
      return answerAlike(engine, order, fields.scenario);
    case 'bad_md5':
      engine.pay(order);
      return corrupt(state(), request.data, request.signKey);
  }
}

function activePay(engine: SimEngine, settings: ProtocolSettings, request: Request): Reply {
  const fields = paymentFields(engine, request);
  const callbackUrl = requiredText(request.data, 'call_back_url');
  if (!/^https?:\/\/[^\s]+$/i.test(callbackUrl))
    throw new Refusal('PARAM_INVALID', 'call_back_url must be an http(s) URL');
  if (fields.scenario === 'http_500_no_order') return { kind: 'garbage500' };
  refuseReuse(engine, fields.orderId);
  const token = engine.newToken();
  const order = newPayment(engine, request, fields, 'active', token);
  order.callbackUrl = callbackUrl;
  order.codeUrl = settings.realisticUrls ? walletStyleUrl(fields.wallet, token) : engine.walletPageUrl(token);
  const { timings } = engine;
  const created = () =>
    ok(request.signKey, 'SUCCESS', {
      order_id: order.orderId,
      code_url: order.codeUrl ?? '',
      amount: String(order.amountCents),
      biz_type: fields.wallet,
    });
  engine.schedule(order, timings.activeTtlMs, () => engine.unpay(order, 'orderclosed'));
  switch (fields.scenario) {
    case 'normal':
      return created();
    case 'processing_then_paid':
      engine.schedule(order, timings.processingMs, () => engine.pay(order));
      return created();
    case 'processing_then_failed':
      engine.schedule(order, timings.processingMs, () => engine.unpay(order, 'failure'));
      return created();
    case 'closes':
      engine.schedule(order, timings.closeMs, () => engine.unpay(order, 'orderclosed'));
      return created();
    case 'wrong_password':
    case 'declined':
    case 'system_error_but_paid':
    case 'no_answer_but_paid':
      return answerAlike(engine, order, fields.scenario);
    case 'bad_md5':
      return corrupt(created(), request.data, request.signKey);
  }
}

function statusQuery(engine: SimEngine, settings: ProtocolSettings, request: Request): Reply {
  const orderId = requiredText(request.data, 'order_id');
  request.about.orderId = orderId;
  const order = engine.book.getFor(request.merchantId, orderId);
  // [guess] OTTPay's answer for an order it never saw.
  if (!order) throw new Refusal('FAIL', 'order not exist');
  return ok(request.signKey, 'SUCCESS', orderData(settings, order, request.action));
}

function refund(engine: SimEngine, settings: ProtocolSettings, request: Request): Reply {
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

function exchangeRate(settings: ProtocolSettings, request: Request): Reply {
  const feeType = requiredText(request.data, 'fee_type');
  if (feeType !== 'CAD' && feeType !== 'USD')
    throw new Refusal('PARAM_INVALID', 'fee_type must be CAD or USD');
  const rate = Math.round(settings.rates[feeType] * 1e8);
  return ok(request.signKey, 'SUCCESS', { feeType, rate: num(settings, rate) });
}

/** The order's state as PASSIVEPAY and STATUS_QUERY report it. */
function orderData(settings: ProtocolSettings, order: SimOrder, action: string): Data {
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

function ok(signKey: string, code: string, data: Data, message = 'success'): Reply {
  const sealed = sealData(data as Record<string, WireValue | undefined>, signKey);
  return { kind: 'json', status: 200, body: { rsp_code: code, rsp_msg: message, ...sealed } };
}

/** The 'long_code_url' fault: the same answer (the order exists) with a code_url of 2,600 characters. */
function lengthenCodeUrl(reply: Reply, signKey: string): Reply {
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
function corrupt(reply: Reply, requestData: Data, signKey: string): Reply {
  if (reply.kind !== 'json') return reply;
  const opened = typeof reply.body.md5 === 'string' ? openData(reply.body, signKey) : null;
  const data = (opened?.ok ? opened.data : { order_id: String(requestData.order_id ?? '') }) as Record<
    string,
    WireValue
  >;
  const sealed = sealDataWithMd5(data, flipHex(md5Upper(canonicalString(data))), signKey);
  return { kind: 'json', status: reply.status, body: { ...reply.body, ...sealed } };
}

function refuse(status: number, code: string, message: string): Reply {
  return { kind: 'json', status, body: { rsp_code: code, rsp_msg: message } };
}

function num(settings: ProtocolSettings, value: number): WireValue {
  return settings.numericFields ? value : String(value);
}

function optionalText(data: Data, key: string): string | null {
  const value = data[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new Refusal('PARAM_INVALID', `${key} must be a string`);
  return value;
}

function requiredText(data: Data, key: string): string {
  const value = optionalText(data, key);
  if (value === null) throw new Refusal('PARAM_INVALID', `${key} is required`);
  return value;
}

function cents(data: Data, key: string, required: boolean): number {
  const value = required ? requiredText(data, key) : (optionalText(data, key) ?? '0');
  if (!CENTS.test(value)) throw new Refusal('PARAM_INVALID', `${key} must be a string of integer cents`);
  return Number(value);
}

function walletStyleUrl(wallet: Wallet, token: string): string {
  if (wallet === 'WECHATPAY') return `weixin://wxpay/bizpayurl?pr=${token}`;
  if (wallet === 'ALIPAY') return `https://qr.alipay.com/bax0${token}`;
  return `https://qr.95516.com/00010000/62${token}`;
}
