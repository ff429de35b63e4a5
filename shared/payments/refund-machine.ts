// The refund state machine (PAYMENT-SAFETY.md rule 10): the same journal-first, unknown-is-a-state,
// forward-only rules as a payment attempt. Pure.
import type { RefundState } from '../domain.ts';

export type RefundEventType =
  /** About to send REFUND (journaled first). */
  | 'SEND'
  /** The gateway says the refund went through (answer or query). */
  | 'GATEWAY_REFUNDED'
  /** The gateway gave a final no. */
  | 'GATEWAY_FAILED'
  /** The gateway has the refund but it is not final yet. */
  | 'PENDING'
  /** Timeout, 5xx, garbage or unverifiable answer: resolved only by a query. */
  | 'OUTCOME_UNKNOWN'
  /** A query says the gateway never saw the refund, and it can no longer be in flight. */
  | 'NOT_FOUND'
  /** The transport proved nothing was sent. */
  | 'NOT_SENT';

export const REFUND_EVENT_TYPES: readonly RefundEventType[] = [
  'SEND',
  'GATEWAY_REFUNDED',
  'GATEWAY_FAILED',
  'PENDING',
  'OUTCOME_UNKNOWN',
  'NOT_FOUND',
  'NOT_SENT',
];

export const TERMINAL_REFUND_STATES: readonly RefundState[] = ['refunded', 'failed'];

export function isTerminalRefundState(state: RefundState): boolean {
  return TERMINAL_REFUND_STATES.includes(state);
}

export type RefundDecision =
  | { kind: 'move'; to: RefundState }
  | { kind: 'same' }
  | { kind: 'refuse'; reason: string; conflict: boolean };

const move = (to: RefundState): RefundDecision => ({ kind: 'move', to });
const same: RefundDecision = { kind: 'same' };
const refuse = (reason: string, conflict = false): RefundDecision => ({ kind: 'refuse', reason, conflict });

export function decideRefund(
  input: { state: RefundState; gatewaySeen: boolean },
  event: RefundEventType,
): RefundDecision {
  const { state } = input;
  if (state === 'refunded') {
    if (event === 'GATEWAY_REFUNDED') return same;
    if (event === 'GATEWAY_FAILED' || event === 'NOT_FOUND') {
      return refuse('the gateway reports this refund not done but it is refunded here', true);
    }
    return refuse('the refund is already done');
  }
  if (state === 'failed') {
    if (event === 'GATEWAY_FAILED' || event === 'NOT_FOUND') return same;
    if (event === 'GATEWAY_REFUNDED')
      return refuse('the gateway reports this refund done but it failed here', true);
    return refuse('the refund already failed');
  }
  switch (event) {
    case 'SEND':
      return state === 'created'
        ? move('submitted')
        : refuse('the refund request was already sent: it is never sent twice');
    case 'GATEWAY_REFUNDED':
      return move('refunded');
    case 'GATEWAY_FAILED':
      return move('failed');
    case 'PENDING':
      return state === 'created' ? refuse('the gateway cannot hold a refund that was never sent') : same;
    case 'OUTCOME_UNKNOWN':
      if (state === 'submitted') return move('unknown');
      if (state === 'unknown') return same;
      return refuse('only a refund in flight can have an unknown outcome');
    case 'NOT_FOUND':
      if (input.gatewaySeen)
        return refuse('the gateway acknowledged this refund earlier: "not found" is not believed');
      return move('failed');
    case 'NOT_SENT':
      return state === 'submitted' ? move('failed') : refuse('"not sent" only applies to a refund in flight');
    default:
      return assertEvent(event);
  }
}

function assertEvent(event: never): never {
  throw new Error(`unexpected refund event: ${String(event)}`);
}
