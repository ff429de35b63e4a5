// Refunds against a paid attempt (rule 10): never beyond what remains (refunds in flight count), their
// own order id journaled before sending, sent once, unknown outcomes resolved by query only.
// The supervisor PIN is checked by the caller before this runs.
import type { RefundView } from '../../../shared/domain.ts';
import { centsToPlain, isCents } from '../../../shared/money.ts';
import { isTerminalRefundState } from '../../../shared/payments/refund-machine.ts';
import { AppError } from '../../../shared/result.ts';
import { GatewayError } from '../gateway/types.ts';
import type { RefundRow } from '../journal/rows.ts';
import { type EngineState, getAttempt } from './engine-state.ts';
import { requireGatewayUp } from './gateway-reach.ts';
import { applyRefund } from './journaled-changes.ts';
import { declineReason, refundEventFromAnswer } from './outcomes.ts';
import { refundView } from './views.ts';
import { watchRefund } from './watches.ts';

export async function createRefund(
  core: EngineState,
  req: { attemptId: string; amountCents: number; journalWith?: (refundId: string) => void },
): Promise<RefundView> {
  if (!isCents(req.amountCents) || req.amountCents < 1) {
    throw new AppError('VALIDATION', 'Refund amount must be a whole number of cents above zero');
  }
  getAttempt(core, req.attemptId);
  await requireGatewayUp(core);
  const now = core.clock.now();
  const refund = core.journal.write((): RefundRow => {
    const attempt = getAttempt(core, req.attemptId);
    if (attempt.state !== 'paid') throw new AppError('CONFLICT', 'Only a paid payment can be refunded');
    const remaining =
      attempt.amountCents + attempt.tipCents - core.journal.refunds.committedCents(attempt.attemptId);
    if (req.amountCents > remaining) {
      throw new AppError(
        'CONFLICT',
        remaining <= 0
          ? 'Nothing remains to refund on this payment (refunds in progress count).'
          : `Only ${centsToPlain(remaining)} remains to refund on this payment (refunds in progress count).`,
      );
    }
    const orderId = core.ids.next();
    const row: RefundRow = {
      refundId: orderId,
      orderId,
      attemptId: attempt.attemptId,
      amountCents: req.amountCents,
      currency: attempt.currency,
      state: 'created',
      gatewaySeen: false,
      reason: null,
      operatorId: core.operatorId(),
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      needsAttention: false,
    };
    core.journal.refunds.insert(row);
    core.journal.events.append({
      at: now,
      entity: 'refund',
      entityId: row.refundId,
      type: 'refund.created',
      cause: 'command',
      toState: 'created',
      detail: {
        orderId,
        attemptId: attempt.attemptId,
        originalOrderId: attempt.orderId,
        amountCents: row.amountCents,
        currency: row.currency,
        operatorId: row.operatorId,
      },
    });
    req.journalWith?.(row.refundId);
    return row;
  });
  core.fault('refund.journaled');
  applyRefund(core, refund.refundId, { event: 'SEND', cause: 'command' });
  core.fault('refund.submitted');
  const attempt = getAttempt(core, req.attemptId);

  return core.track(
    (async () => {
      try {
        const res = await core.gateway.refund({
          refundOrderId: refund.orderId,
          originalOrderId: attempt.orderId,
          amountCents: refund.amountCents,
          operatorId: refund.operatorId,
        });
        core.health.up();
        core.fault('refund.answered');
        const event = refundEventFromAnswer(res.status);
        applyRefund(core, refund.refundId, {
          event,
          cause: 'gateway',
          gatewaySeen: true,
          reason:
            event === 'OUTCOME_UNKNOWN' ? 'The gateway has the refund but has not confirmed it yet.' : null,
          detail: { status: res.status },
        });
      } catch (err) {
        core.health.observe(err);
        core.fault('refund.answered');
        const e =
          err instanceof GatewayError ? err : new GatewayError('unknown_outcome', 'unexpected failure');
        const detail = { kind: e.kind, rspCode: e.rspCode, message: e.message };
        if (e.kind === 'declined' || e.kind === 'invalid_request') {
          applyRefund(core, refund.refundId, {
            event: 'GATEWAY_FAILED',
            cause: 'gateway',
            reason: declineReason(e).replace('nothing was charged', 'no money was returned'),
            detail,
          });
        } else if (e.kind === 'network') {
          applyRefund(core, refund.refundId, {
            event: 'NOT_SENT',
            cause: 'gateway',
            reason: 'The payment gateway could not be reached: no money was returned.',
            detail,
          });
        } else {
          applyRefund(core, refund.refundId, {
            event: 'OUTCOME_UNKNOWN',
            cause: 'gateway',
            reason: 'No clear answer from the gateway: checking the refund. Do not refund again.',
            detail,
          });
        }
      }
      const fresh = core.journal.refunds.get(refund.refundId) ?? refund;
      if (!isTerminalRefundState(fresh.state)) watchRefund(core, fresh.refundId, false);
      return refundView(fresh);
    })(),
  );
}

export function listRefunds(core: EngineState, attemptId: string): RefundView[] {
  getAttempt(core, attemptId);
  return core.journal.refunds.forAttempt(attemptId).map(refundView);
}
