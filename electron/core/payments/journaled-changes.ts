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
  const applied = journalAttempt(core, attemptId, change);
  announceAttempt(core, attemptId, applied);
  return applied;
}

/** The journal half of applyAttempt: one transaction (a savepoint inside a caller's), nothing told yet. */
export function journalAttempt(core: EngineState, attemptId: string, change: AttemptChange): AttemptApplied {
  const now = core.clock.now();
  let adjusted = change;
  if (change.event === 'GATEWAY_PAID') adjusted = withLatePaymentNotice(core, attemptId, change);
  return applyAttemptChange(core.journal, now, attemptId, adjusted);
}

/** What follows a durable attempt change: a final one stops its watch, a second payment is flagged, screens hear. */
export function announceAttempt(core: EngineState, attemptId: string, applied: AttemptApplied): void {
  if (!applied.changed) return;
  if (isTerminalAttemptState(applied.row.state)) core.watcher.stop(watchKey(attemptId));
  if (applied.decision.kind === 'move' && applied.row.state === 'paid') flagDoublePayment(core, applied.row);
  emitAttempt(core, core.journal.attempts.get(attemptId) ?? applied.row);
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
  return flagAttempts(core, [attemptId], on, cause, reason)[0] as AttemptRow;
}

/** Flags (or clears) several attempts in one transaction, then tells the screens of each that changed. */
export function flagAttempts(
  core: EngineState,
  attemptIds: readonly string[],
  on: boolean,
  cause: EventCause,
  reason: string | null,
): AttemptRow[] {
  if (attemptIds.length === 0) return [];
  const now = core.clock.now();
  const flagged = core.journal.write(() =>
    attemptIds.map((attemptId) => {
      const before = core.journal.attempts.get(attemptId);
      const row = setAttemptAttention(core.journal, now, attemptId, on, cause, reason);
      const changed =
        before !== null && (before.needsAttention !== row.needsAttention || before.reason !== row.reason);
      return { row, changed };
    }),
  );
  for (const { row, changed } of flagged) if (changed) emitAttempt(core, row);
  return flagged.map((f) => f.row);
}

export function applyRefund(core: EngineState, refundId: string, change: RefundChange): RefundApplied {
  const applied = journalRefund(core, refundId, change);
  announceRefund(core, refundId, applied);
  return applied;
}

/** The journal half of applyRefund: one transaction (a savepoint inside a caller's), nothing told yet. */
export function journalRefund(core: EngineState, refundId: string, change: RefundChange): RefundApplied {
  return applyRefundChange(core.journal, core.clock.now(), refundId, change);
}

/** What follows a durable refund change: a final one stops its watch, screens hear. */
export function announceRefund(core: EngineState, refundId: string, applied: RefundApplied): void {
  if (!applied.changed) return;
  if (isTerminalRefundState(applied.row.state)) core.watcher.stop(refundKey(refundId));
  const attempt = core.journal.attempts.get(applied.row.attemptId);
  core.emit({
    kind: 'refund',
    refund: refundView(applied.row),
    attempt: attempt ? attemptView(attempt, core.clock.now()) : null,
  });
}

export function flagRefund(core: EngineState, refundId: string, reason: string): void {
  flagRefunds(core, [refundId], reason);
}

/** Flags several refunds for a person in one transaction, then tells the screens of each. */
export function flagRefunds(core: EngineState, refundIds: readonly string[], reason: string): void {
  if (refundIds.length === 0) return;
  const now = core.clock.now();
  const flagged = core.journal.write(() => {
    const done: string[] = [];
    for (const refundId of refundIds) {
      const row = core.journal.refunds.get(refundId);
      if (!row || row.needsAttention || isTerminalRefundState(row.state)) continue;
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
      done.push(refundId);
    }
    return done;
  });
  for (const refundId of flagged) {
    const fresh = core.journal.refunds.get(refundId);
    if (fresh) core.emit({ kind: 'refund', refund: refundView(fresh), attempt: null });
  }
}
