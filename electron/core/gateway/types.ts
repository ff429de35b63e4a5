// What the rest of the core may know of OTTPay: typed, validated domain results and a closed set of
// error kinds. Raw JSON never leaves the gateway folder.
import type { Wallet } from '../../../shared/domain.ts';

/** OTTPay order_status values (lower case on the wire). */
export type OrderStatus =
  | 'init'
  | 'notpay'
  | 'success'
  | 'canceling'
  | 'failure'
  | 'orderclosed'
  | 'authfinish'
  | 'partial_refunded'
  | 'fully_refunded';

export type GatewayErrorKind =
  /** Final: the gateway said no (FAIL, PWD_INCORRECT, AUTH_CODE_INVALID, ORDER_TYPE_ERROR, …). */
  | 'declined'
  /** Final: our request is wrong — bad config or a bug (PARAM_INVALID, PARAM_ERROR, …). */
  | 'invalid_request'
  /** The request may have been acted on: timeout after send, 5xx, garbage, unverifiable, TIMEOUT/SYSTEM_ERROR/DB_ERROR/unrecognised code on a pay action. Resolve by query only. */
  | 'unknown_outcome'
  /** Nothing was sent (connection refused, DNS, bad URL): safe to say the payment did not happen. */
  | 'network';

export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  /** OTTPay rsp_code when there was a readable answer. */
  readonly rspCode: string | null;
  /** A query named an order the gateway has never seen: the pay request never reached it. */
  readonly notFound: boolean;
  constructor(kind: GatewayErrorKind, message: string, rspCode: string | null = null, notFound = false) {
    super(message);
    this.name = 'GatewayError';
    this.kind = kind;
    this.rspCode = rspCode;
    this.notFound = notFound;
  }
}

export interface ActivePayRequest {
  orderId: string;
  amountCents: number;
  tipCents: number;
  wallet: Wallet;
  callbackUrl: string;
  /** The signed-in cashier's OTTPay operator id (default: the till's). */
  operatorId?: string;
}
export interface ActivePayResult {
  orderId: string;
  codeUrl: string;
}

export interface PassivePayRequest {
  orderId: string;
  amountCents: number;
  tipCents: number;
  wallet: Wallet;
  authCode: string;
  saleNum?: string;
  operatorId?: string;
}

/** The state of one order as the gateway reports it (PASSIVEPAY answer or STATUS_QUERY). */
export interface OrderState {
  orderId: string;
  /** SUCCESS carries a status; PROCESSING is reported as 'notpay'. */
  status: OrderStatus;
  rspCode: string;
  totalAmountCents: number | null;
  tipCents: number | null;
  refundedCents: number | null;
  walletTxnId: string | null;
  buyerLoginId: string | null;
  /** Raw text as sent; parsing is lenient and may fail. */
  tradeTimeRaw: string | null;
  tradeTime: number | null;
  /** STATUS_QUERY: the CNY rate the wallet was charged at, as sent (CNY per unit; format varies). */
  exchangeRateRaw?: string | null;
  /** STATUS_QUERY: what the merchant receives (cents) and what the payer paid (fen) [guess: units]. */
  receiveAmountCents?: number | null;
  payAmountFen?: number | null;
}

export interface RefundRequest {
  refundOrderId: string;
  originalOrderId: string;
  amountCents: number;
  operatorId?: string;
}
export interface RefundResult {
  refundOrderId: string;
  originalOrderId: string;
  amountCents: number;
  status: OrderStatus | null;
}

export interface ExchangeRate {
  currency: 'CAD' | 'USD';
  /** CNY per one unit of currency (OTTPay sends it ×10^8). */
  cnyPerUnit: number;
  raw: string;
}

/**
 * The client the payments engine uses. Pay actions (activePay, passivePay, refund) are never
 * retried automatically; queries retry with capped, jittered backoff. Every failure is a
 * GatewayError with a kind.
 */
export interface GatewayClient {
  activePay(req: ActivePayRequest): Promise<ActivePayResult>;
  passivePay(req: PassivePayRequest): Promise<OrderState>;
  /** STATUS_QUERY. An order the gateway does not know ⇒ GatewayError 'declined' with notFound = true. */
  query(orderId: string): Promise<OrderState>;
  refund(req: RefundRequest): Promise<RefundResult>;
  /** Refund query: STATUS_QUERY on the refund id, or the configured REFUND_QUERY action. */
  refundQuery(refundOrderId: string): Promise<OrderState>;
  exchangeRate(currency: 'CAD' | 'USD'): Promise<ExchangeRate>;
}

/** Gateway settings the client needs; signKey stays inside the gateway folder and is never logged. */
export interface GatewayConfig {
  baseUrl: string;
  merchantId: string;
  operatorId: string;
  terminalNo?: string;
  signKey: string;
  /** Per request, connect to last byte (default 20 000). */
  timeoutMs?: number;
  /** Per action, e.g. { ACTIVEPAY: '1.1' }; default '1.0'. */
  versions?: Partial<Record<string, string>>;
  refundQueryAction?: 'STATUS_QUERY' | 'REFUND_QUERY';
  /** Answers larger than this are refused (default 256 KiB): unknown outcome on a pay action. */
  maxResponseBytes?: number;
  /** How a query's "no such order" answer looks [guess]; default: FAIL with "not exist"/"not found", or ORDER_NOT_EXIST. */
  notFoundRules?: ReadonlyArray<{ rspCode: string; messageIncludes?: string }>;
  /** Queries only (pay actions are never retried): default 4 tries, 250 ms base, 4 s cap, full jitter. */
  queryRetry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
}
