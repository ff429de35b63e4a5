// One-shot STATUS_QUERY and refund query, applied: how the engine learns what OTTPay knows about an
// attempt or a refund, never throwing for gateway trouble.

import { isTerminalAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { isTerminalRefundState } from '../../../shared/payments/refund-machine.ts';
import { GatewayError } from '../gateway/types.ts';
import type { AttemptRow, EventCause, RefundRow } from '../journal/rows.ts';
import type { EngineState } from './engine-state.ts';
import type { FaultPoint } from './fault-points.ts';
import { applyAttempt, applyRefund } from './journaled-changes.ts';
import { changeFromOrderState, REASONS, refundEventFromOrderState } from './outcomes.ts';

/** May "no such order" be believed? Only once the request can no longer be on its way. */
function notFoundIsFinal(
  core: EngineState,
  state: string,
  submittedAt: number | null,
  createdAt: number,
): boolean {
  if (state === 'created') return true;
  return core.clock.now() - (submittedAt ?? createdAt) >= core.s.notFoundGraceMs;
}

/** One STATUS_QUERY for an attempt, applied. Never throws for gateway trouble. */
export async function queryAttempt(
  core: EngineState,
  attemptId: string,
  opts: { cause: EventCause; point?: FaultPoint; detail?: Record<string, unknown>; evenIfFinal?: boolean } = {
    cause: 'query',
  },
): Promise<AttemptRow | null> {
  const row = core.journal.attempts.get(attemptId);
  // A final attempt is asked about only to check evidence against it (a late call-back, reconciliation).
  if (!row || (isTerminalAttemptState(row.state) && !opts.evenIfFinal)) return row;
  try {
    const st = await core.gateway.query(row.orderId);
    core.health.up();
    core.fault(opts.point ?? 'poll.answered');
    const change = changeFromOrderState(row, st, opts.cause);
    applyAttempt(core, attemptId, { ...change, detail: { ...change.detail, ...(opts.detail ?? {}) } });
    core.fault('poll.journaled');
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    core.health.observe(err);
    if (err.notFound) {
      core.fault(opts.point ?? 'poll.answered');
      const fresh = core.journal.attempts.get(attemptId);
      if (fresh && notFoundIsFinal(core, fresh.state, fresh.submittedAt, fresh.createdAt)) {
        applyAttempt(core, attemptId, {
          event: 'NOT_FOUND',
          cause: opts.cause,
          reason: REASONS.notFound,
          detail: { rspCode: err.rspCode, ...(opts.detail ?? {}) },
        });
      }
    }
  }
  return core.journal.attempts.get(attemptId);
}

/** One refund query, applied. Never throws for gateway trouble. */
export async function queryRefund(
  core: EngineState,
  refundId: string,
  point?: FaultPoint,
): Promise<RefundRow | null> {
  const row = core.journal.refunds.get(refundId);
  if (!row || isTerminalRefundState(row.state)) return row;
  try {
    const st = await core.gateway.refundQuery(row.orderId);
    core.health.up();
    if (point) core.fault(point);
    applyRefund(core, refundId, {
      event: refundEventFromOrderState(st),
      cause: 'query',
      gatewaySeen: true,
      reason:
        refundEventFromOrderState(st) === 'GATEWAY_FAILED' ? 'The gateway reports the refund failed.' : null,
      detail: { status: st.status, rspCode: st.rspCode },
    });
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    core.health.observe(err);
    if (err.notFound) {
      const fresh = core.journal.refunds.get(refundId);
      if (fresh && notFoundIsFinal(core, fresh.state, fresh.submittedAt, fresh.createdAt)) {
        applyRefund(core, refundId, {
          event: 'NOT_FOUND',
          cause: 'query',
          reason: 'The gateway never received this refund: no money was returned.',
          detail: { rspCode: err.rspCode },
        });
      }
    }
  }
  return core.journal.refunds.get(refundId);
}
