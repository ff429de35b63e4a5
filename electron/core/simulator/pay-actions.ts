// ACTIVEPAY and PASSIVEPAY as the simulator plays them: the order is booked, then the amount's last
// digits pick the scenario (scenarios.ts) — paid, pending then paid or failed, declined, closed, or
// paid while the till cannot tell.
import type { Wallet } from '../../../shared/domain.ts';
import type { SimEngine } from './engine.ts';
import { PAID_STATES, type SimOrder } from './ledger.ts';
import { cents, ORDER_ID, optionalText, Refusal, requiredText, type SimRequest } from './request-fields.ts';
import { type Scenario, scenarioOf } from './scenarios.ts';
import { corrupt, ok, orderData, type ProtocolSettings, type Reply } from './sealed-answers.ts';
import { walletOfCode } from './wallet-codes.ts';

const WALLETS: readonly Wallet[] = ['WECHATPAY', 'ALIPAY', 'UNIONPAY'];

interface PaymentFields {
  orderId: string;
  amountCents: number;
  tipCents: number;
  wallet: Wallet;
  scenario: Scenario;
}

/** Fields both pay actions share; an order id reused by anyone is refused here. */
function paymentFields(engine: SimEngine, request: SimRequest): PaymentFields {
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
  request: SimRequest,
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

export function passivePay(engine: SimEngine, settings: ProtocolSettings, request: SimRequest): Reply {
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

export function activePay(engine: SimEngine, settings: ProtocolSettings, request: SimRequest): Reply {
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

function walletStyleUrl(wallet: Wallet, token: string): string {
  if (wallet === 'WECHATPAY') return `weixin://wxpay/bizpayurl?pr=${token}`;
  if (wallet === 'ALIPAY') return `https://qr.alipay.com/bax0${token}`;
  return `https://qr.95516.com/00010000/62${token}`;
}
