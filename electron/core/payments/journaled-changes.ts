// Journaled changes with their change events: one attempt or refund event applied through its state
// machine (or a flag for a person), then told to the screens.

import { isTerminalAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { reasonText } from '../../../shared/payments/attempt-reasons.ts';
import { isTerminalRefundState } from '../../../shared/payments/refund-machine.ts';
import type { AttemptRow, EventCause } from '../journal/rows.ts';
import { currentSaleView, type EngineState, refundKey, watchKey } from './engine-state.ts';
import {
  type AttemptApplied,
  type AttemptChange,
  applyAttemptChange,
  applyRefundChange,
  type RefundApplied,
  type RefundChange,
  setAttemptAttention,
} from './transitions.ts';
import { attemptView, refundView } from './views.ts';

function emitAttempt(core: EngineState, row: AttemptRow): void {
  core.emit({ kind: 'attempt', attempt: attemptView(row, core.clock.now()), sale: currentSaleView(core) });
}

/** Journals one attempt event (when the machine allows it) and tells the listeners. */
export function applyAttempt(core: EngineState, attemptId: string, change: AttemptChange): AttemptApplied {
  const now = core.clock.now();
  let adjusted = change;
  if (change.event === 'GATEWAY_PAID') adjusted = withLatePaymentNotice(core, attemptId, change);
  const applied = applyAttemptChange(core.journal, now, attemptId, adjusted);
  if (applied.changed) {
    if (isTerminalAttemptState(applied.row.state)) core.watcher.stop(watchKey(attemptId));
    if (applied.decision.kind === 'move' && applied.row.state === 'paid')
      flagDoublePayment(core, applied.row);
    emitAttempt(core, core.journal.attempts.get(attemptId) ?? applied.row);
  }
  return applied;
}

/**
 * A payment that lands after the cashier cancelled (or the QR expired) and moved on to another sale
 * is still money taken: the sale is paid, and a person must hand over the goods or refund.
 */
function withLatePaymentNotice(core: EngineState, attemptId: string, change: AttemptChange): AttemptChange {
  const row = core.journal.attempts.get(attemptId);
  if (!row || row.cancelCause === null || core.current?.saleId === row.saleId) return change;
  return {
    ...change,
    reason: reasonText('paidAfterCancel'),
    patch: { ...(change.patch ?? {}), needsAttention: true },
  };
}

function flagDoublePayment(core: EngineState, row: AttemptRow): void {
  const paid = core.journal.attempts.forSale(row.saleId).filter((a) => a.state === 'paid');
  if (paid.length < 2) return;
  for (const a of paid) {
    flagAttempt(core, a.attemptId, true, 'query', reasonText('paidTwice'));
  }
}

export function flagAttempt(
  core: EngineState,
  attemptId: string,
  on: boolean,
  cause: EventCause,
  reason: string | null,
) {
  const before = core.journal.attempts.get(attemptId);
  const row = setAttemptAttention(core.journal, core.clock.now(), attemptId, on, cause, reason);
  if (before && (before.needsAttention !== row.needsAttention || before.reason !== row.reason))
    emitAttempt(core, row);
  return row;
}

export function applyRefund(core: EngineState, refundId: string, change: RefundChange): RefundApplied {
  const applied = applyRefundChange(core.journal, core.clock.now(), refundId, change);
  if (applied.changed) {
    if (isTerminalRefundState(applied.row.state)) core.watcher.stop(refundKey(refundId));
    const attempt = core.journal.attempts.get(applied.row.attemptId);
    core.emit({
      kind: 'refund',
      refund: refundView(applied.row),
      attempt: attempt ? attemptView(attempt, core.clock.now()) : null,
    });
  }
  return applied;
}

export function flagRefund(core: EngineState, refundId: string, reason: string): void {
  const row = core.journal.refunds.get(refundId);
  if (!row || row.needsAttention || isTerminalRefundState(row.state)) return;
  const now = core.clock.now();
  core.journal.write(() => {
    core.journal.events.append({
      at: now,
      entity: 'refund',
      entityId: refundId,
      type: 'refund.needs_attention',
      cause: 'timeout',
      fromState: row.state,
      toState: row.state,
      detail: { reason },
    });
    core.journal.refunds.update({ ...row, needsAttention: true, reason, updatedAt: now });
  });
  const fresh = core.journal.refunds.get(refundId);
  if (fresh) core.emit({ kind: 'refund', refund: refundView(fresh), attempt: null });
}
