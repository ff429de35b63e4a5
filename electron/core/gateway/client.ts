// The OTTPay client the payments engine talks to. Layers: validate our own request → seal → one HTTP
// POST → open and verify the answer → read rsp_code → validate `data` with a schema → a typed domain
// result, or a GatewayError with a kind. Pay actions are sent once; queries retry with backoff.
import { z } from 'zod';
import { ABSOLUTE_MAX_CENTS } from '../../../shared/money.ts';
import { MAX_CNY_PER_UNIT, MIN_CNY_PER_UNIT, plausibleRate } from '../../../shared/payments/rate-bounds.ts';
import { type Clock, sleep, systemClock } from '../clock.ts';
import { codeUrlProblem, UnusableCodeUrlError } from './code-url.ts';
import { openData, sealData, type WireData } from './envelope.ts';
import {
  type ActionClass,
  DEFAULT_NOT_FOUND_RULES,
  isNotFound,
  type NotFoundRule,
  readRspCode,
} from './response-codes.ts';
import { DEFAULT_QUERY_RETRY, type RetryPolicy, withRetries } from './retry-policy.ts';
import { activePayData, exchangeRateData, firstIssue, orderStateData, refundData } from './schemas.ts';
import { parseTradeTime } from './trade-time.ts';
import { createHttpTransport, type Transport, TransportError } from './transport.ts';
import {
  type ActivePayRequest,
  type ActivePayResult,
  type ExchangeRate,
  type GatewayClient,
  type GatewayConfig,
  GatewayError,
  type OrderState,
  type PassivePayRequest,
  type RefundRequest,
  type RefundResult,
} from './types.ts';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;
/** Our own order ids: OTTPay's limit is not published; the till makes 20 alphanumerics. */
const ORDER_ID = /^[A-Za-z0-9]{1,32}$/;

/** One line per gateway call, for the till's log. Never holds the key, the data or the body. */
export interface GatewayLogEntry {
  action: string;
  orderId: string | null;
  attempt: number;
  outcome: 'ok' | GatewayError['kind'];
  rspCode: string | null;
  httpStatus: number | null;
  ms: number;
}

export interface GatewayClientDeps {
  /** Default: node:http(s) with the config's timeout and size limit. */
  transport?: Transport;
  clock?: Clock;
  /** For retry jitter; default Math.random. */
  random?: () => number;
  log?: (entry: GatewayLogEntry) => void;
}

export interface ClosableGatewayClient extends GatewayClient {
  /** Ends pooled connections of the default transport. */
  close(): void;
}

const configSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/, error: 'gateway URL must be an http:// or https:// URL' }),
  merchantId: z.string().trim().min(1, 'merchant id is missing'),
  operatorId: z.string().trim().min(1, 'operator id is missing'),
  terminalNo: z.string().optional(),
  signKey: z.string().min(1, 'sign key is missing'),
  timeoutMs: z.number().int().min(1).max(600_000).optional(),
  maxResponseBytes: z.number().int().min(1024).optional(),
});

/** One call's request; its sealed body is made on the first attempt and re-sent as is by retries. */
interface Outgoing {
  action: string;
  data: WireData;
  /** The cashier's operator id for the envelope (default: the till's). */
  operatorId?: string;
  body?: string;
}

interface RawAnswer {
  rspCode: string;
  rspMsg: string;
  data: Record<string, unknown> | null;
  httpStatus: number;
}

export function createGatewayClient(
  config: GatewayConfig,
  deps: GatewayClientDeps = {},
): ClosableGatewayClient {
  const clock = deps.clock ?? systemClock;
  const transport = deps.transport ?? createHttpTransport({ clock });
  const random = deps.random ?? Math.random;
  const retry: RetryPolicy = { ...DEFAULT_QUERY_RETRY, ...config.queryRetry };
  const notFoundRules = config.notFoundRules ?? DEFAULT_NOT_FOUND_RULES;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxResponseBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const checked = configSchema.safeParse(config);
  // A bad config refuses every call with the same plain reason; nothing is sent.
  const configProblem = checked.success ? null : `gateway settings: ${firstIssue(checked.error)}`;
  const endpoint = checked.success ? processUrl(config.baseUrl) : '';

  /** One request and its reading: the answer and whether it is pending, or a GatewayError (logged either way). */
  async function exchange(
    outgoing: Outgoing,
    actionClass: ActionClass,
    attempt: number,
  ): Promise<{ answer: RawAnswer; pending: boolean }> {
    const { action, data } = outgoing;
    const orderId = typeof data.order_id === 'string' ? data.order_id : null;
    const started = clock.now();
    let httpStatus: number | null = null;
    try {
      if (configProblem) throw new GatewayError('invalid_request', configProblem);
      outgoing.body ??= envelopeBody(outgoing);
      const response = await transport
        .post({
          url: endpoint,
          body: outgoing.body,
          timeoutMs,
          maxResponseBytes,
          freshConnection: actionClass === 'pay',
        })
        .catch((err: unknown) => {
          if (err instanceof TransportError) {
            throw err.sent
              ? new GatewayError('unknown_outcome', `${action}: ${err.message} — outcome unknown`)
              : new GatewayError('network', `${action}: ${err.message} — nothing was sent`);
          }
          throw err;
        });
      httpStatus = response.status;
      const answer = readAnswer(action, response.status, response.body, config.signKey);
      const pending = judge(action, answer, actionClass, notFoundRules);
      deps.log?.({
        action,
        orderId,
        attempt,
        outcome: 'ok',
        rspCode: answer.rspCode,
        httpStatus,
        ms: clock.now() - started,
      });
      return { answer, pending };
    } catch (err) {
      const gatewayError =
        err instanceof GatewayError
          ? err
          : new GatewayError('unknown_outcome', `${action}: unexpected failure`);
      deps.log?.({
        action,
        orderId,
        attempt,
        outcome: gatewayError.kind,
        rspCode: gatewayError.rspCode,
        httpStatus,
        ms: clock.now() - started,
      });
      throw gatewayError;
    }
  }

  /** The request envelope as sent: sealed data and md5 beside the plain fields. */
  function envelopeBody({ action, data, operatorId }: Outgoing): string {
    const sealed = sealData(data, config.signKey);
    return JSON.stringify({
      action,
      version: config.versions?.[action] ?? '1.0',
      merchant_id: config.merchantId,
      ...(config.terminalNo ? { terminal_no: config.terminalNo } : {}),
      operator_id: operatorId || config.operatorId,
      data: sealed.data,
      md5: sealed.md5,
    });
  }

  /** One pay request: sent exactly once. */
  function pay(
    action: string,
    data: WireData,
    operatorId?: string,
  ): Promise<{ answer: RawAnswer; pending: boolean }> {
    return exchange({ action, data, operatorId }, 'pay', 1);
  }

  /** A query: retried on network trouble, unknown outcomes and transient codes. */
  function query<T>(action: string, data: WireData, read: (answer: RawAnswer, pending: boolean) => T) {
    const outgoing: Outgoing = { action, data };
    return withRetries(
      async (attempt) => {
        const { answer, pending } = await exchange(outgoing, 'query', attempt);
        return read(answer, pending);
      },
      (err) => err instanceof GatewayError && (err.kind === 'network' || err.kind === 'unknown_outcome'),
      retry,
      { random, sleep: (ms) => sleep(clock, ms) },
    );
  }

  return {
    async activePay(req: ActivePayRequest): Promise<ActivePayResult> {
      checkOrderId(req.orderId);
      checkAmount(req.amountCents, req.tipCents);
      if (!isHttpUrl(req.callbackUrl))
        throw new GatewayError('invalid_request', 'call-back URL must be http(s)');
      const { answer } = await pay(
        'ACTIVEPAY',
        {
          order_id: req.orderId,
          operator_id: req.operatorId || config.operatorId,
          amount: String(req.amountCents),
          tip: req.tipCents > 0 ? String(req.tipCents) : undefined,
          biz_type: req.wallet,
          call_back_url: req.callbackUrl,
        },
        req.operatorId,
      );
      const data = needData('ACTIVEPAY', answer);
      const unusable = codeUrlProblem(data.code_url);
      if (unusable) throw new UnusableCodeUrlError(unusable);
      const d = parseData('ACTIVEPAY', activePayData, data);
      checkSameOrder('ACTIVEPAY', d.order_id, req.orderId);
      return { orderId: req.orderId, codeUrl: d.code_url };
    },

    async passivePay(req: PassivePayRequest): Promise<OrderState> {
      checkOrderId(req.orderId);
      checkAmount(req.amountCents, req.tipCents);
      const authCode = req.authCode.trim();
      if (!/^[\x21-\x7e]{1,128}$/.test(authCode)) {
        throw new GatewayError('invalid_request', 'wallet code must be 1 to 128 visible ASCII characters');
      }
      const { answer, pending } = await pay(
        'PASSIVEPAY',
        {
          order_id: req.orderId,
          operator_id: req.operatorId || config.operatorId,
          amount: String(req.amountCents),
          tip: req.tipCents > 0 ? String(req.tipCents) : undefined,
          sale_num: req.saleNum || undefined,
          auth_code: authCode,
          biz_type: req.wallet,
        },
        req.operatorId,
      );
      return toOrderState('PASSIVEPAY', answer, pending, req.orderId);
    },

    async query(orderId: string): Promise<OrderState> {
      checkOrderId(orderId);
      return query('STATUS_QUERY', { order_id: orderId }, (answer, pending) =>
        toOrderState('STATUS_QUERY', answer, pending, orderId),
      );
    },

    async refund(req: RefundRequest): Promise<RefundResult> {
      checkOrderId(req.refundOrderId);
      checkOrderId(req.originalOrderId);
      checkAmount(req.amountCents, 0);
      const { answer } = await pay(
        'REFUND',
        {
          order_id: req.refundOrderId,
          ori_order_id: req.originalOrderId,
          refund_amt: String(req.amountCents),
        },
        req.operatorId,
      );
      const d = parseData('REFUND', refundData, needData('REFUND', answer));
      checkSameOrder('REFUND', d.order_id, req.refundOrderId);
      checkSameOrder('REFUND', d.ori_order_id, req.originalOrderId);
      if (d.refund_amt !== null && d.refund_amt !== req.amountCents) {
        throw new GatewayError('unknown_outcome', 'REFUND: the answer names another amount', answer.rspCode);
      }
      return {
        refundOrderId: req.refundOrderId,
        originalOrderId: req.originalOrderId,
        amountCents: req.amountCents,
        status: d.order_status ?? null,
      };
    },

    async refundQuery(refundOrderId: string): Promise<OrderState> {
      checkOrderId(refundOrderId);
      const action = config.refundQueryAction ?? 'STATUS_QUERY';
      return query(action, { order_id: refundOrderId }, (answer, pending) =>
        toOrderState(action, answer, pending, refundOrderId),
      );
    },

    async exchangeRate(currency: 'CAD' | 'USD'): Promise<ExchangeRate> {
      if (currency !== 'CAD' && currency !== 'USD') {
        throw new GatewayError('invalid_request', 'currency must be CAD or USD');
      }
      return query('EX_RATE_QUERY', { fee_type: currency }, (answer) => {
        const d = parseData('EX_RATE_QUERY', exchangeRateData, needData('EX_RATE_QUERY', answer));
        const named = d.feeType ?? d.fee_type;
        if (named !== null && named.toUpperCase() !== currency) {
          throw new GatewayError(
            'unknown_outcome',
            `EX_RATE_QUERY: the answer is for ${named}`,
            answer.rspCode,
          );
        }
        const cnyPerUnit = d.rate.value / 1e8;
        if (!plausibleRate(cnyPerUnit)) {
          throw new GatewayError(
            'unknown_outcome',
            `EX_RATE_QUERY: a rate of ${cnyPerUnit} CNY per ${currency} is outside ${MIN_CNY_PER_UNIT}–${MAX_CNY_PER_UNIT}: not used`,
            answer.rspCode,
          );
        }
        return { currency, cnyPerUnit, raw: d.rate.raw };
      });
    },

    close() {
      transport.close();
    },
  };
}

/** Accepts the origin ("https://frontapi.ottpay.com:443") or the full endpoint. */
function processUrl(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return /\/processV2$/.test(trimmed) ? trimmed : `${trimmed}/processV2`;
}

/** Parses the HTTP answer and verifies its data. Whatever cannot be read is an unknown outcome. */
function readAnswer(action: string, status: number, body: string, signKey: string): RawAnswer {
  const unreadable = (why: string) =>
    new GatewayError('unknown_outcome', `${action}: ${why} (HTTP ${status}) — outcome unknown`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw unreadable('the answer is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw unreadable('the answer is not a JSON object');
  const envelope = json as Record<string, unknown>;
  const rspCode = envelope.rsp_code;
  if (typeof rspCode !== 'string' || rspCode.trim() === '') throw unreadable('the answer has no rsp_code');
  const rspMsg = typeof envelope.rsp_msg === 'string' ? envelope.rsp_msg.slice(0, 200) : '';
  const hasData = envelope.data !== undefined && envelope.data !== null && envelope.data !== '';
  if (!hasData) return { rspCode: rspCode.trim(), rspMsg, data: null, httpStatus: status };
  const opened = openData(envelope, signKey);
  if (!opened.ok) {
    throw new GatewayError(
      'unknown_outcome',
      `${action}: the answer could not be verified (${opened.reason}) — outcome unknown`,
      rspCode.trim(),
    );
  }
  return { rspCode: rspCode.trim(), rspMsg, data: opened.data, httpStatus: status };
}

/** Throws for every code that is not SUCCESS/PROCESSING; returns whether the answer is pending. */
function judge(
  action: string,
  answer: RawAnswer,
  actionClass: ActionClass,
  notFoundRules: readonly NotFoundRule[],
): boolean {
  const said = answer.rspMsg ? `: ${answer.rspMsg}` : '';
  // A 5xx is the gateway, or a proxy in front of it, failing mid-request: whatever its body says, the
  // order may or may not exist. Never final — a pay action is queried, a query is retried.
  if (answer.httpStatus >= 500) {
    throw new GatewayError(
      'unknown_outcome',
      `${action} answered HTTP ${answer.httpStatus} (${answer.rspCode}${said}) — outcome unknown, query the order`,
      answer.rspCode,
    );
  }
  const reading = readRspCode(answer.rspCode, actionClass);
  if (reading.type === 'ok') return reading.pending;
  const notFound = actionClass === 'query' && isNotFound(answer.rspCode, answer.rspMsg, notFoundRules);
  const text =
    reading.kind === 'invalid_request'
      ? `${action} refused as invalid (${answer.rspCode}${said}) — check the merchant id, sign key and settings`
      : reading.kind === 'unknown_outcome'
        ? `${action} answered ${answer.rspCode}${said} — outcome unknown, query the order`
        : notFound
          ? `${action}: the gateway has no such order (${answer.rspCode}${said})`
          : `${action} declined (${answer.rspCode}${said})`;
  throw new GatewayError(reading.kind, text, answer.rspCode, notFound);
}

function needData(action: string, answer: RawAnswer): Record<string, unknown> {
  if (answer.data) return answer.data;
  throw new GatewayError(
    'unknown_outcome',
    `${action}: ${answer.rspCode} without data — outcome unknown`,
    answer.rspCode,
  );
}

function parseData<S extends z.ZodType>(
  action: string,
  schema: S,
  data: Record<string, unknown>,
): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new GatewayError(
    'unknown_outcome',
    `${action}: unexpected answer data (${firstIssue(parsed.error)})`,
  );
}

function toOrderState(action: string, answer: RawAnswer, pending: boolean, orderId: string): OrderState {
  const d = parseData(action, orderStateData, needData(action, answer));
  checkSameOrder(action, d.order_id, orderId);
  // PROCESSING means the customer is still confirming, whatever data says.
  const status = pending ? 'notpay' : d.order_status;
  if (!status)
    throw new GatewayError('unknown_outcome', `${action}: SUCCESS without order_status`, answer.rspCode);
  return {
    orderId,
    status,
    rspCode: answer.rspCode,
    totalAmountCents: d.total_amount,
    tipCents: d.tip,
    refundedCents: d.refund_fee,
    walletTxnId: d.bizpay_order_id,
    buyerLoginId: d.buyer_login_id ?? d.buyer_logon_id,
    tradeTimeRaw: d.trade_time,
    tradeTime: parseTradeTime(d.trade_time),
    exchangeRateRaw: d.exchange_rate,
    receiveAmountCents: d.receive_amount,
    payAmountFen: d.pay_amount,
  };
}

function checkSameOrder(action: string, answered: string | null, ours: string): void {
  if (answered !== null && answered !== ours) {
    throw new GatewayError(
      'unknown_outcome',
      `${action}: the answer names another order (${answered.slice(0, 40)})`,
    );
  }
}

function checkOrderId(orderId: string): void {
  if (!ORDER_ID.test(orderId))
    throw new GatewayError('invalid_request', 'order id must be 1 to 32 letters or digits');
}

function checkAmount(amountCents: number, tipCents: number): void {
  if (!Number.isSafeInteger(amountCents) || amountCents < 1 || amountCents > ABSOLUTE_MAX_CENTS) {
    throw new GatewayError(
      'invalid_request',
      `amount must be a whole number of cents from 1 to ${ABSOLUTE_MAX_CENTS}`,
    );
  }
  if (!Number.isSafeInteger(tipCents) || tipCents < 0 || tipCents > ABSOLUTE_MAX_CENTS) {
    throw new GatewayError(
      'invalid_request',
      `tip must be a whole number of cents from 0 to ${ABSOLUTE_MAX_CENTS}`,
    );
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
