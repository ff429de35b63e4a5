// Supervisor overrides (rule 9): mark paid with the wallet's transaction number, or mark failed, with a
// reason; journaled with cause "override" and shown as manual. The gateway is asked first: when it can
// answer, its answer wins over a person's. The supervisor PIN is checked by the caller.
import type { AttemptView } from '../../../shared/domain.ts';
import { isTerminalAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { reasonText } from '../../../shared/payments/attempt-reasons.ts';
import { AppError } from '../../../shared/result.ts';
import { GatewayError, type OrderState } from '../gateway/types.ts';
import { type EngineState, getAttempt } from './engine-state.ts';
import { applyAttempt } from './journaled-changes.ts';
import { changeFromOrderState } from './outcomes.ts';
import { attemptView } from './views.ts';

const PAID = new Set(['success', 'partial_refunded', 'fully_refunded']);

async function askGateway(core: EngineState, orderId: string): Promise<OrderState | 'not_found' | null> {
  try {
    const st = await core.gateway.query(orderId);
    core.health.up();
    return st;
  } catch (err) {
    core.health.observe(err);
    if (err instanceof GatewayError && err.notFound) return 'not_found';
    return null;
  }
}

function text(value: string, what: string, max: number): string {
  const t = value.trim();
  if (t.length === 0) throw new AppError('VALIDATION', `${what} is required`);
  if (t.length > max) throw new AppError('VALIDATION', `${what} is at most ${max} characters`);
  return t;
}

export async function markPaid(
  core: EngineState,
  req: { attemptId: string; walletTxnId: string; reason: string },
): Promise<AttemptView> {
  const walletTxnId = text(req.walletTxnId, 'The wallet transaction number', 64);
  const reason = text(req.reason, 'A reason', 200);
  const before = getAttempt(core, req.attemptId);
  if (before.state === 'paid') throw new AppError('CONFLICT', 'This payment is already paid');
  const answer = await core.track(askGateway(core, before.orderId));
  const row = getAttempt(core, req.attemptId);
  const detail = {
    supervisorReason: reason,
    walletTxnId,
    gateway: answer === null ? 'no answer' : answer === 'not_found' ? 'no such order' : answer.status,
  };

  if (answer !== null && answer !== 'not_found' && PAID.has(answer.status)) {
    if (isTerminalAttemptState(row.state)) {
      // Failed or expired here, paid at the gateway: the supervisor puts the money taken on the books.
      applyAttempt(core, row.attemptId, {
        event: 'OVERRIDE_PAID',
        cause: 'override',
        reason: reasonText('markedPaidConfirmed', { note: reason }),
        detail,
        context: { gatewayConfirmedPaid: true },
        patch: {
          manual: true,
          walletTxnId: answer.walletTxnId ?? walletTxnId,
          needsAttention: false,
          gatewaySeen: true,
        },
      });
    } else {
      applyAttempt(core, row.attemptId, changeFromOrderState(row, answer, 'query'));
    }
    return attemptView(getAttempt(core, row.attemptId), core.clock.now());
  }
  if (isTerminalAttemptState(row.state)) {
    throw new AppError(
      'CONFLICT',
      `This payment is already ${row.state}, and the gateway does not confirm a charge`,
    );
  }
  if (
    answer !== null &&
    answer !== 'not_found' &&
    (answer.status === 'failure' || answer.status === 'orderclosed')
  ) {
    applyAttempt(core, row.attemptId, changeFromOrderState(row, answer, 'query'));
    throw new AppError(
      'CONFLICT',
      'The gateway reports this order was not paid, so it cannot be marked paid. Check the transaction number with the customer.',
    );
  }
  const applied = applyAttempt(core, row.attemptId, {
    event: 'OVERRIDE_PAID',
    cause: 'override',
    reason: reasonText('markedPaid', { note: reason }),
    detail,
    patch: { manual: true, walletTxnId, needsAttention: false },
  });
  if (applied.decision.kind === 'refuse') throw new AppError('CONFLICT', applied.decision.reason);
  return attemptView(applied.row, core.clock.now());
}

export async function markFailed(
  core: EngineState,
  req: { attemptId: string; reason: string },
): Promise<AttemptView> {
  const reason = text(req.reason, 'A reason', 200);
  const before = getAttempt(core, req.attemptId);
  if (isTerminalAttemptState(before.state))
    throw new AppError('CONFLICT', `This payment is already ${before.state}`);
  const answer = await core.track(askGateway(core, before.orderId));
  const row = getAttempt(core, req.attemptId);
  if (answer !== null && answer !== 'not_found') {
    if (PAID.has(answer.status)) {
      applyAttempt(core, row.attemptId, changeFromOrderState(row, answer, 'query'));
      throw new AppError(
        'CONFLICT',
        'The gateway reports this order PAID, so it cannot be marked failed. Refund it instead.',
      );
    }
    if (answer.status === 'failure' || answer.status === 'orderclosed') {
      applyAttempt(core, row.attemptId, changeFromOrderState(row, answer, 'query'));
      return attemptView(getAttempt(core, row.attemptId), core.clock.now());
    }
  }
  if (isTerminalAttemptState(row.state)) return attemptView(row, core.clock.now());
  const applied = applyAttempt(core, row.attemptId, {
    event: 'OVERRIDE_FAILED',
    cause: 'override',
    reason: reasonText('markedFailed', { note: reason }),
    detail: {
      supervisorReason: reason,
      gateway: answer === null ? 'no answer' : answer === 'not_found' ? 'no such order' : answer.status,
    },
    patch: { manual: true, needsAttention: false },
  });
  if (applied.decision.kind === 'refuse') throw new AppError('CONFLICT', applied.decision.reason);
  return attemptView(applied.row, core.clock.now());
}
