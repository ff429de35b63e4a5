// OTTPay rsp_code → what the till may conclude (OTTPAY.md §5). Pay actions (ACTIVEPAY, PASSIVEPAY,
// REFUND) and queries read the same codes differently: an unrecognised code on a pay action means the
// charge may have happened; on a query it only means this query failed.
import type { GatewayErrorKind } from './types.ts';

export type ActionClass = 'pay' | 'query';

export type CodeReading =
  /** SUCCESS (pending false) or PROCESSING (pending true): read `data`. */
  | { type: 'ok'; pending: boolean }
  /** retryable: a query may be tried again (never a pay action). */
  | { type: 'error'; kind: GatewayErrorKind; retryable: boolean };

const DECLINED = new Set(['FAIL', 'PWD_INCORRECT', 'ORDER_TYPE_ERROR', 'AUTH_CODE_INVALID']);
const INVALID = new Set(['PARAM_INVALID', 'PARAM_ERROR']);
const TRANSIENT = new Set(['TIMEOUT', 'SYSTEM_ERROR', 'DB_ERROR']);

export function readRspCode(code: string, actionClass: ActionClass): CodeReading {
  if (code === 'SUCCESS') return { type: 'ok', pending: false };
  if (code === 'PROCESSING') return { type: 'ok', pending: true };
  if (INVALID.has(code)) return { type: 'error', kind: 'invalid_request', retryable: false };
  if (TRANSIENT.has(code)) {
    return { type: 'error', kind: 'unknown_outcome', retryable: actionClass === 'query' };
  }
  if (DECLINED.has(code)) return { type: 'error', kind: 'declined', retryable: false };
  // Anything else — ORDER_PAID and ORDER_USED included (the id was seen before: only a query can say
  // what became of it) — may hide a charge on a pay action, and is a plain failure on a query.
  return { type: 'error', kind: actionClass === 'pay' ? 'unknown_outcome' : 'declined', retryable: false };
}

/** How OTTPay says "no such order" to a query. [guess] — kept configurable in GatewayConfig. */
export interface NotFoundRule {
  rspCode: string;
  /** Case-insensitive text the rsp_msg must contain; absent = the code alone means not found. */
  messageIncludes?: string;
}

export const DEFAULT_NOT_FOUND_RULES: readonly NotFoundRule[] = [
  { rspCode: 'FAIL', messageIncludes: 'not exist' },
  { rspCode: 'FAIL', messageIncludes: 'not found' },
  { rspCode: 'ORDER_NOT_EXIST' },
];

export function isNotFound(code: string, message: string, rules: readonly NotFoundRule[]): boolean {
  const text = message.toLowerCase();
  return rules.some(
    (rule) =>
      rule.rspCode === code &&
      (rule.messageIncludes === undefined || text.includes(rule.messageIncludes.toLowerCase())),
  );
}
