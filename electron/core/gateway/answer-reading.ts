// Reading an OTTPay answer: the HTTP body opened and verified, its rsp_code judged, its `data` held to
// a schema and turned into the till's types. Whatever cannot be read is an unknown outcome, never a
// guess: a pay action is then queried, a query retried.
import type { z } from 'zod';
import { openData } from './envelope.ts';
import { type ActionClass, isNotFound, type NotFoundRule, readRspCode } from './response-codes.ts';
import { firstIssue, orderStateData } from './schemas.ts';
import { parseTradeTime } from './trade-time.ts';
import { GatewayError, type OrderState } from './types.ts';

/** The answer's envelope as read: `data` is opened and verified, or null when the answer had none. */
export interface RawAnswer {
  rspCode: string;
  rspMsg: string;
  data: Record<string, unknown> | null;
  httpStatus: number;
}

/**
 * Parses the HTTP answer and verifies its data.
 * Whatever cannot be read is an unknown outcome.
 */
export function readAnswer(action: string, status: number, body: string, signKey: string): RawAnswer {
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
export function judge(
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

export function needData(action: string, answer: RawAnswer): Record<string, unknown> {
  if (answer.data) return answer.data;
  throw new GatewayError(
    'unknown_outcome',
    `${action}: ${answer.rspCode} without data — outcome unknown`,
    answer.rspCode,
  );
}

export function parseData<S extends z.ZodType>(
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

type OrderStateData = z.output<typeof orderStateData>;

// The schema's reading of the last frozen data object read (a kept answer's, kept-readings.ts): the same
// object, unchangeable, reads the same poll after poll. One slot, by identity, as parseTradeTime keeps
// its last reading (a WeakMap entry per new answer cost more in garbage collection than the schema).
// Data that fails is never kept (it fails again).
let lastData: object | null = null;
let lastReading: OrderStateData | null = null;

/** Lets go of the kept data's reading (the kept answers are being let go: a closed client keeps none). */
export function forgetKeptReading(): void {
  lastData = null;
  lastReading = null;
}

function readOrderStateData(action: string, data: Record<string, unknown>): OrderStateData {
  if (data === lastData && lastReading) return lastReading;
  const read = parseData(action, orderStateData, data);
  if (!Object.isFrozen(data)) return read;
  lastData = data;
  lastReading = Object.freeze(read);
  return lastReading;
}

export function toOrderState(
  action: string,
  answer: RawAnswer,
  pending: boolean,
  orderId: string,
): OrderState {
  const d = readOrderStateData(action, needData(action, answer));
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

export function checkSameOrder(action: string, answered: string | null, ours: string): void {
  if (answered !== null && answered !== ours) {
    throw new GatewayError(
      'unknown_outcome',
      `${action}: the answer names another order (${answered.slice(0, 40)})`,
    );
  }
}
