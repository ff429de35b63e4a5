// Applies one machine decision to the journal: the event and the projection row commit in one
// transaction. Refusals write nothing, except gateway evidence against a terminal state (a "conflict"),
// which is journaled and flags the attempt for a person: forward-only never hides a disagreement.
import {
  type AttemptDecision,
  type AttemptEventContext,
  type AttemptEventType,
  decideAttempt,
  isTerminalAttemptState,
} from '../../../shared/payments/attempt-machine.ts';
import {
  decideRefund,
  isTerminalRefundState,
  type RefundDecision,
  type RefundEventType,
} from '../../../shared/payments/refund-machine.ts';
import type { Journal } from '../journal/journal.ts';
import type { AttemptRow, EventCause, RefundRow } from '../journal/rows.ts';

export type AttemptPatch = Partial<
  Pick<
    AttemptRow,
    | 'gatewaySeen'
    | 'qrPayload'
    | 'qrExpiresAt'
    | 'walletTxnId'
    | 'paidAt'
    | 'cancelCause'
    | 'manual'
    | 'needsAttention'
    | 'submittedAt'
  >
>;

export interface AttemptChange {
  event: AttemptEventType;
  cause: EventCause;
  /** Plain words for the cashier; kept on the row when the state moves. */
  reason?: string | null;
  /** Journaled with the event (never a secret). */
  detail?: Record<string, unknown>;
  patch?: AttemptPatch;
  context?: AttemptEventContext;
}

export interface AttemptApplied {
  row: AttemptRow;
  decision: AttemptDecision;
  /** Something was journaled. */
  changed: boolean;
}

export function applyAttemptChange(
  journal: Journal,
  now: number,
  attemptId: string,
  change: AttemptChange,
): AttemptApplied {
  return journal.write(() => {
    const row = journal.attempts.get(attemptId);
    if (!row) throw new Error(`attempt ${attemptId} is not in the journal`);
    const decision = decideAttempt(
      { state: row.state, gatewaySeen: row.gatewaySeen },
      change.event,
      change.context,
    );
    const detail = { event: change.event, ...(change.detail ?? {}) };

    if (decision.kind === 'refuse') {
      if (!decision.conflict) return { row, decision, changed: false };
      const reason = `Needs a person: ${decision.reason}`;
      if (row.needsAttention && row.reason === reason) return { row, decision, changed: false };
      const next: AttemptRow = { ...row, needsAttention: true, reason, updatedAt: now };
      journal.events.append({
        at: now,
        entity: 'attempt',
        entityId: attemptId,
        type: 'attempt.conflict',
        cause: change.cause,
        fromState: row.state,
        toState: row.state,
        detail: { ...detail, refused: decision.reason },
      });
      journal.attempts.update(next);
      return { row: next, decision, changed: true };
    }

    const patch = change.patch ?? {};
    if (decision.kind === 'same') {
      // Nothing new about the state; record only facts we did not have (the gateway now knows the order,
      // the wallet's transaction number).
      const facts: AttemptPatch = {};
      if (patch.gatewaySeen && !row.gatewaySeen) facts.gatewaySeen = true;
      if (patch.walletTxnId && !row.walletTxnId) facts.walletTxnId = patch.walletTxnId;
      if (Object.keys(facts).length === 0) return { row, decision, changed: false };
      const next: AttemptRow = { ...row, ...facts, updatedAt: now };
      journal.events.append({
        at: now,
        entity: 'attempt',
        entityId: attemptId,
        type: 'attempt.facts',
        cause: change.cause,
        fromState: row.state,
        toState: row.state,
        detail: { ...detail, ...facts },
      });
      journal.attempts.update(next);
      return { row: next, decision, changed: true };
    }

    const to = decision.to;
    const terminal = isTerminalAttemptState(to);
    const next: AttemptRow = {
      ...row,
      ...patch,
      state: to,
      reason: change.reason !== undefined ? change.reason : row.reason,
      updatedAt: now,
      needsAttention: patch.needsAttention ?? (terminal ? false : row.needsAttention),
      paidAt: to === 'paid' ? (patch.paidAt ?? row.paidAt ?? now) : row.paidAt,
      walletTxnId: patch.walletTxnId ?? row.walletTxnId,
    };
    journal.events.append({
      at: now,
      entity: 'attempt',
      entityId: attemptId,
      type: `attempt.${change.event.toLowerCase()}`,
      cause: change.cause,
      fromState: row.state,
      toState: to,
      detail: { ...detail, ...(change.reason ? { reason: change.reason } : {}) },
    });
    journal.attempts.update(next);
    return { row: next, decision, changed: true };
  });
}

/** Flags (or clears) "needs attention" without a state change, with its own event. */
export function setAttemptAttention(
  journal: Journal,
  now: number,
  attemptId: string,
  on: boolean,
  cause: EventCause,
  reason: string | null,
): AttemptRow {
  return journal.write(() => {
    const row = journal.attempts.get(attemptId);
    if (!row) throw new Error(`attempt ${attemptId} is not in the journal`);
    if (row.needsAttention === on && (reason === null || row.reason === reason)) return row;
    const next: AttemptRow = { ...row, needsAttention: on, reason: reason ?? row.reason, updatedAt: now };
    journal.events.append({
      at: now,
      entity: 'attempt',
      entityId: attemptId,
      type: on ? 'attempt.needs_attention' : 'attempt.attention_cleared',
      cause,
      fromState: row.state,
      toState: row.state,
      detail: reason ? { reason } : {},
    });
    journal.attempts.update(next);
    return next;
  });
}

export interface RefundChange {
  event: RefundEventType;
  cause: EventCause;
  reason?: string | null;
  detail?: Record<string, unknown>;
  gatewaySeen?: boolean;
}

export interface RefundApplied {
  row: RefundRow;
  decision: RefundDecision;
  changed: boolean;
}

/** The refund's transition, plus the attempt's refunded total when it completes (same transaction). */
export function applyRefundChange(
  journal: Journal,
  now: number,
  refundId: string,
  change: RefundChange,
): RefundApplied {
  return journal.write(() => {
    const row = journal.refunds.get(refundId);
    if (!row) throw new Error(`refund ${refundId} is not in the journal`);
    const decision = decideRefund({ state: row.state, gatewaySeen: row.gatewaySeen }, change.event);
    const detail = { event: change.event, ...(change.detail ?? {}) };
    if (decision.kind === 'refuse') {
      if (!decision.conflict) return { row, decision, changed: false };
      const reason = `Needs a person: ${decision.reason}`;
      if (row.needsAttention && row.reason === reason) return { row, decision, changed: false };
      const next: RefundRow = { ...row, needsAttention: true, reason, updatedAt: now };
      journal.events.append({
        at: now,
        entity: 'refund',
        entityId: refundId,
        type: 'refund.conflict',
        cause: change.cause,
        fromState: row.state,
        toState: row.state,
        detail: { ...detail, refused: decision.reason },
      });
      journal.refunds.update(next);
      return { row: next, decision, changed: true };
    }
    if (decision.kind === 'same') {
      if (!change.gatewaySeen || row.gatewaySeen) return { row, decision, changed: false };
      const next: RefundRow = { ...row, gatewaySeen: true, updatedAt: now };
      journal.events.append({
        at: now,
        entity: 'refund',
        entityId: refundId,
        type: 'refund.facts',
        cause: change.cause,
        fromState: row.state,
        toState: row.state,
        detail: { ...detail, gatewaySeen: true },
      });
      journal.refunds.update(next);
      return { row: next, decision, changed: true };
    }
    const to = decision.to;
    const next: RefundRow = {
      ...row,
      state: to,
      gatewaySeen: row.gatewaySeen || change.gatewaySeen === true,
      reason: change.reason !== undefined ? change.reason : row.reason,
      updatedAt: now,
      submittedAt: to === 'submitted' ? now : row.submittedAt,
      needsAttention: isTerminalRefundState(to) ? false : row.needsAttention,
    };
    journal.events.append({
      at: now,
      entity: 'refund',
      entityId: refundId,
      type: `refund.${change.event.toLowerCase()}`,
      cause: change.cause,
      fromState: row.state,
      toState: to,
      detail: { ...detail, ...(change.reason ? { reason: change.reason } : {}) },
    });
    journal.refunds.update(next);
    if (to === 'refunded') {
      const attempt = journal.attempts.get(row.attemptId);
      if (attempt) {
        journal.attempts.update({
          ...attempt,
          refundedCents: journal.refunds.refundedCents(row.attemptId),
          updatedAt: now,
        });
      }
    }
    return { row: next, decision, changed: true };
  });
}
