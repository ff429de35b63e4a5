// The payment attempt state machine (PAYMENT-SAFETY.md rules 3, 5 and 9). Pure: it only says whether
// an event moves an attempt, and where. The engine journals every move in the same transaction as the
// projection update, before any network call that depends on it.
import type { AttemptState } from '../domain.ts';
import { TERMINAL_ATTEMPT_STATES } from '../domain.ts';

export type AttemptEventType =
  /** We are about to send the pay request (journaled first: "journal before network"). */
  | 'SEND'
  /** ACTIVEPAY answered with a code_url: the QR can be shown. */
  | 'QR_ISSUED'
  /** The gateway knows the order and waits for the customer (PROCESSING, notpay, init, canceling). */
  | 'CUSTOMER_CONFIRMING'
  /** Timeout, 5xx, garbage or unverifiable answer to a pay request: resolved only by STATUS_QUERY. */
  | 'OUTCOME_UNKNOWN'
  /** The gateway says the order is paid (pay answer, or a query — call-backs are confirmed by a query). */
  | 'GATEWAY_PAID'
  /** The gateway gave a final no (declined, failure, invalid request). */
  | 'GATEWAY_FAILED'
  /** The gateway closed the unpaid order (orderclosed). */
  | 'GATEWAY_CLOSED'
  /** A query says the gateway never saw the order, and the request can no longer be in flight. */
  | 'NOT_FOUND'
  /** The transport proved no byte of the pay request left the till. */
  | 'NOT_SENT'
  /** Cashier cancel or our own QR expiry: stop offering the QR, keep resolving with the gateway. */
  | 'CANCEL'
  /** Supervisor override with the wallet's transaction number. */
  | 'OVERRIDE_PAID'
  /** Supervisor override. */
  | 'OVERRIDE_FAILED';

export const ATTEMPT_EVENT_TYPES: readonly AttemptEventType[] = [
  'SEND',
  'QR_ISSUED',
  'CUSTOMER_CONFIRMING',
  'OUTCOME_UNKNOWN',
  'GATEWAY_PAID',
  'GATEWAY_FAILED',
  'GATEWAY_CLOSED',
  'NOT_FOUND',
  'NOT_SENT',
  'CANCEL',
  'OVERRIDE_PAID',
  'OVERRIDE_FAILED',
];

export interface AttemptMachineInput {
  state: AttemptState;
  /** The gateway has acknowledged the order at least once (code_url, PROCESSING, a found query). */
  gatewaySeen: boolean;
}

export interface AttemptEventContext {
  /** OVERRIDE_PAID only: a query made just now confirms the gateway holds the order as paid. */
  gatewayConfirmedPaid?: boolean;
}

export type AttemptDecision =
  /** Move to `to` (journal it). */
  | { kind: 'move'; to: AttemptState }
  /** Nothing new (a duplicate answer, a repeated poll result): nothing to journal. */
  | { kind: 'same' }
  /** Not allowed; `reason` says why in plain words. `conflict` marks gateway evidence against a terminal state. */
  | { kind: 'refuse'; reason: string; conflict: boolean };

export function isTerminalAttemptState(state: AttemptState): boolean {
  return TERMINAL_ATTEMPT_STATES.includes(state);
}

/** Live = not terminal: a sale with a live attempt may not start another (rule 4). */
export function isLiveAttemptState(state: AttemptState): boolean {
  return !isTerminalAttemptState(state);
}

const move = (to: AttemptState): AttemptDecision => ({ kind: 'move', to });
const same: AttemptDecision = { kind: 'same' };
const refuse = (reason: string, conflict = false): AttemptDecision => ({ kind: 'refuse', reason, conflict });

/** Where `event` takes an attempt in `input`. Forward-only: a terminal state never moves back. */
export function decideAttempt(
  input: AttemptMachineInput,
  event: AttemptEventType,
  context: AttemptEventContext = {},
): AttemptDecision {
  const { state } = input;
  if (isTerminalAttemptState(state)) return decideTerminal(state, event, context);

  switch (event) {
    case 'SEND':
      return state === 'created'
        ? move('submitted')
        : refuse('the pay request was already sent: it is never sent twice');
    case 'QR_ISSUED':
      if (state === 'submitted') return move('awaiting_customer');
      if (state === 'awaiting_customer') return same;
      return refuse(`a QR code cannot be issued for an attempt that is ${state}`);
    case 'CUSTOMER_CONFIRMING':
      if (state === 'submitted' || state === 'unknown') return move('awaiting_customer');
      if (state === 'awaiting_customer' || state === 'cancelling') return same;
      return refuse('the gateway cannot be waiting for a customer on a request that was never sent');
    case 'OUTCOME_UNKNOWN':
      if (state === 'submitted') return move('unknown');
      if (state === 'unknown') return same;
      return refuse(`only a request in flight can have an unknown outcome (attempt is ${state})`);
    case 'GATEWAY_PAID':
      return move('paid');
    case 'GATEWAY_FAILED':
      return move('failed');
    case 'GATEWAY_CLOSED':
      return move('expired');
    case 'NOT_FOUND':
      if (input.gatewaySeen)
        return refuse('the gateway acknowledged this order earlier: "not found" is not believed');
      return move('failed');
    case 'NOT_SENT':
      if (state === 'submitted') return move('failed');
      return refuse(`"not sent" only applies to a request in flight (attempt is ${state})`);
    case 'CANCEL':
      if (state === 'created') return move('failed');
      if (state === 'cancelling') return same;
      return move('cancelling');
    case 'OVERRIDE_PAID':
      return move('paid');
    case 'OVERRIDE_FAILED':
      return move('failed');
    default:
      return assertEvent(event);
  }
}

function decideTerminal(
  state: AttemptState,
  event: AttemptEventType,
  context: AttemptEventContext,
): AttemptDecision {
  switch (event) {
    case 'GATEWAY_PAID':
      return state === 'paid'
        ? same
        : refuse(`the gateway reports this order paid but it is ${state} here`, true);
    case 'GATEWAY_FAILED':
    case 'GATEWAY_CLOSED':
    case 'NOT_FOUND':
      // Not paid, and not paid here either (failed or expired): nothing new.
      if (state !== 'paid') return same;
      return refuse('the gateway reports this order not paid but it is paid here', true);
    case 'CUSTOMER_CONFIRMING':
    case 'OUTCOME_UNKNOWN':
    case 'QR_ISSUED':
    case 'NOT_SENT':
    case 'SEND':
    case 'CANCEL':
      return refuse(`the attempt is already ${state}`);
    case 'OVERRIDE_PAID':
      // The one way out of failed/expired: a supervisor, with the gateway confirming the charge just now,
      // so the money taken is on the books and can be refunded.
      if (state !== 'paid' && context.gatewayConfirmedPaid === true) return { kind: 'move', to: 'paid' };
      return refuse(`the attempt is already ${state}`);
    case 'OVERRIDE_FAILED':
      return refuse(`the attempt is already ${state}`);
    default:
      return assertEvent(event);
  }
}

function assertEvent(event: never): never {
  throw new Error(`unexpected attempt event: ${String(event)}`);
}
