// The OTTPay client the payments engine talks to: one method per gateway action. Each checks our own
// request (request-checks.ts), sends it through one exchange (exchange.ts: seal, POST, open, verify,
// judge the rsp_code) and turns the answer's data into a typed result (answer-reading.ts). Pay actions
// are sent once; queries retry with backoff.
import { MAX_CNY_PER_UNIT, MIN_CNY_PER_UNIT, plausibleRate } from '../../../shared/payments/rate-bounds.ts';
import { type Clock, sleep, systemClock } from '../clock.ts';
import { checkSameOrder, needData, parseData, type RawAnswer, toOrderState } from './answer-reading.ts';
import { codeUrlProblem, UnusableCodeUrlError } from './code-url.ts';
import type { WireData } from './envelope.ts';
import { createExchange, type ExchangeResult, type GatewayLogEntry, type Outgoing } from './exchange.ts';
import { checkAmount, checkOrderId, isHttpUrl } from './request-checks.ts';
import { DEFAULT_QUERY_RETRY, type RetryPolicy, withRetries } from './retry-policy.ts';
import { activePayData, exchangeRateData, refundData } from './schemas.ts';
import { createHttpTransport, type Transport } from './transport.ts';
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

export interface GatewayClientDeps {
  /** Default: node:http(s) with the config's timeout and size limit. */
  transport?: Transport;
  clock?: Clock;
  /** For retry jitter; default Math.random. */
  random?: () => number;
  log?: (entry: GatewayLogEntry) => void;
}

export interface ClosableGatewayClient extends GatewayClient {
  /** Ends pooled connections of the default transport and forgets what was kept for the sign key. */
  close(): void;
}

export function createGatewayClient(
  config: GatewayConfig,
  deps: GatewayClientDeps = {},
): ClosableGatewayClient {
  const clock = deps.clock ?? systemClock;
  const transport = deps.transport ?? createHttpTransport({ clock });
  const random = deps.random ?? Math.random;
  const retry: RetryPolicy = { ...DEFAULT_QUERY_RETRY, ...config.queryRetry };
  const exchange = createExchange(config, { transport, clock, log: deps.log });
  // Made once, not per query (a till polls every second or two, recovery queries by the thousand).
  const retryDeps = { random, sleep: (ms: number) => sleep(clock, ms) };
  const retryable = (err: unknown) =>
    err instanceof GatewayError && (err.kind === 'network' || err.kind === 'unknown_outcome');

  /** One pay request: sent exactly once. */
  function pay(action: string, data: WireData, operatorId?: string): Promise<ExchangeResult> {
    return exchange({ action, data, operatorId }, 'pay', 1);
  }

  /** A query: retried on network trouble and unknown outcomes (its sealed body is made once). */
  function query<T>(action: string, data: WireData, read: (answer: RawAnswer, pending: boolean) => T) {
    const outgoing: Outgoing = { action, data };
    return withRetries(
      async (attempt) => {
        const { answer, pending } = await exchange(outgoing, 'query', attempt);
        return read(answer, pending);
      },
      retryable,
      retry,
      retryDeps,
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
      exchange.forget();
    },
  };
}
