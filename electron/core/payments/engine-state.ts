// The engine's shared machinery: journaled transitions with change events, one-shot queries that
// resolve attempts and refunds, and the watches that keep asking until the gateway gives a final answer.

import type { GatewayHealth, SaleView } from '../../../shared/domain.ts';
import { isLiveAttemptState, isTerminalAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { reasonText } from '../../../shared/payments/attempt-reasons.ts';
import type { OrderIdGenerator } from '../../../shared/payments/order-id.ts';
import { isTerminalRefundState } from '../../../shared/payments/refund-machine.ts';
import { AppError } from '../../../shared/result.ts';
import type { Clock } from '../clock.ts';
import { type GatewayClient, GatewayError } from '../gateway/types.ts';
import type { Journal } from '../journal/journal.ts';
import type { AttemptRow, EventCause, RefundRow } from '../journal/rows.ts';
import type { PaymentsChange } from './changes.ts';
import type { FaultHook, FaultPoint } from './fault-points.ts';
import { GATEWAY_DOWN_MESSAGE, type HealthTracker } from './gateway-health.ts';
import { changeFromOrderState, REASONS, refundEventFromOrderState } from './outcomes.ts';
import type { EngineSettings } from './settings.ts';
import {
  type AttemptApplied,
  type AttemptChange,
  applyAttemptChange,
  applyRefundChange,
  type RefundApplied,
  type RefundChange,
  setAttemptAttention,
} from './transitions.ts';
import { attemptView, refundView, saleView } from './views.ts';
import type { Watcher } from './watcher.ts';

export interface CurrentSale {
  saleId: string;
  waitingForCode: boolean;
}

export interface EngineCore {
  journal: Journal;
  codeHashKey: Buffer;
  gateway: GatewayClient;
  clock: Clock;
  s: EngineSettings;
  fault: FaultHook;
  ids: OrderIdGenerator;
  health: HealthTracker;
  watcher: Watcher;
  isGatewayUp: (() => boolean) | undefined;
  current: CurrentSale | null;
  /** The OTTPay operator id for a new request: the signed-in cashier's, else the till's. */
  operatorId(): string;
  emit(change: PaymentsChange): void;
  /** Keeps the promise so close() can wait for work in flight. */
  track<T>(p: Promise<T>): Promise<T>;
}

export function currentSaleView(core: EngineCore): SaleView | null {
  if (!core.current) return null;
  const sale = core.journal.sales.get(core.current.saleId);
  if (!sale) return null;
  return saleView(
    sale,
    core.journal.attempts.forSale(sale.saleId),
    core.current.waitingForCode,
    core.clock.now(),
  );
}

export function emitSale(core: EngineCore): void {
  core.emit({ kind: 'sale', sale: currentSaleView(core) });
}

function emitAttempt(core: EngineCore, row: AttemptRow): void {
  core.emit({ kind: 'attempt', attempt: attemptView(row, core.clock.now()), sale: currentSaleView(core) });
}

export function getAttempt(core: EngineCore, attemptId: string): AttemptRow {
  const row = core.journal.attempts.get(attemptId);
  if (!row) throw new AppError('NOT_FOUND', 'No such payment attempt');
  return row;
}

/** Journals one attempt event (when the machine allows it) and tells the listeners. */
export function applyAttempt(core: EngineCore, attemptId: string, change: AttemptChange): AttemptApplied {
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
function withLatePaymentNotice(core: EngineCore, attemptId: string, change: AttemptChange): AttemptChange {
  const row = core.journal.attempts.get(attemptId);
  if (!row || row.cancelCause === null || core.current?.saleId === row.saleId) return change;
  return {
    ...change,
    reason: reasonText('paidAfterCancel'),
    patch: { ...(change.patch ?? {}), needsAttention: true },
  };
}

function flagDoublePayment(core: EngineCore, row: AttemptRow): void {
  const paid = core.journal.attempts.forSale(row.saleId).filter((a) => a.state === 'paid');
  if (paid.length < 2) return;
  for (const a of paid) {
    flagAttempt(core, a.attemptId, true, 'query', reasonText('paidTwice'));
  }
}

export function flagAttempt(
  core: EngineCore,
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

export function applyRefund(core: EngineCore, refundId: string, change: RefundChange): RefundApplied {
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

/** May "no such order" be believed? Only once the request can no longer be on its way. */
function notFoundIsFinal(
  core: EngineCore,
  state: string,
  submittedAt: number | null,
  createdAt: number,
): boolean {
  if (state === 'created') return true;
  return core.clock.now() - (submittedAt ?? createdAt) >= core.s.notFoundGraceMs;
}

/** One STATUS_QUERY for an attempt, applied. Never throws for gateway trouble. */
export async function queryAttempt(
  core: EngineCore,
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
  core: EngineCore,
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

export const watchKey = (attemptId: string) => `attempt:${attemptId}`;
export const refundKey = (refundId: string) => `refund:${refundId}`;

export type WatchProfile = 'active' | 'passive' | 'background';

/** Keeps resolving a live attempt until the gateway gives a final answer, or flags it for a person. */
export function watchAttempt(core: EngineCore, attemptId: string, profile: WatchProfile): void {
  const row = core.journal.attempts.get(attemptId);
  if (!row || !isLiveAttemptState(row.state)) return;
  const now = core.clock.now();
  const s = core.s;
  const showingQr = profile === 'active' && row.state === 'awaiting_customer' && row.qrExpiresAt !== null;
  const fastUntil = showingQr
    ? (row.qrExpiresAt ?? now)
    : profile === 'background'
      ? now
      : now + s.passiveWindowMs;
  const fastMs = showingQr ? s.activePollMs : s.passivePollMs;
  core.watcher.watch({
    key: watchKey(attemptId),
    fastMs,
    fastUntil,
    giveUpAt: Math.max(fastUntil, now) + s.backgroundWindowMs,
    maxDelayMs: s.backgroundMaxDelayMs,
    check: async () => {
      const fresh = await core.track(queryAttempt(core, attemptId, { cause: 'query' }));
      return !fresh || isTerminalAttemptState(fresh.state);
    },
    onGiveUp: () => {
      const fresh = core.journal.attempts.get(attemptId);
      if (fresh && isLiveAttemptState(fresh.state)) {
        flagAttempt(
          core,
          attemptId,
          true,
          'timeout',
          'Still not resolved with the gateway: recheck it, or a supervisor may decide with evidence from the customer.',
        );
      }
    },
    ...(showingQr && row.qrExpiresAt !== null
      ? {
          at: {
            when: row.qrExpiresAt,
            run: () =>
              applyAttempt(core, attemptId, {
                event: 'CANCEL',
                cause: 'timeout',
                reason: REASONS.qrExpired,
                patch: { cancelCause: 'qr_expired' },
              }),
          },
        }
      : {}),
  });
}

export function watchRefund(core: EngineCore, refundId: string, background: boolean): void {
  const now = core.clock.now();
  const s = core.s;
  const fastUntil = background ? now : now + s.passiveWindowMs;
  core.watcher.watch({
    key: refundKey(refundId),
    fastMs: s.passivePollMs,
    fastUntil,
    giveUpAt: fastUntil + s.backgroundWindowMs,
    maxDelayMs: s.backgroundMaxDelayMs,
    check: async () => {
      const fresh = await core.track(queryRefund(core, refundId));
      return !fresh || isTerminalRefundState(fresh.state);
    },
    onGiveUp: () => flagRefund(core, refundId, 'Refund still not resolved with the gateway: recheck it.'),
  });
}

export function flagRefund(core: EngineCore, refundId: string, reason: string): void {
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

/** Refuses wallet payments up front when the gateway is known to be down (rule 11). */
export async function requireGatewayUp(core: EngineCore): Promise<void> {
  if (core.isGatewayUp && !core.isGatewayUp())
    throw new AppError('GATEWAY_UNREACHABLE', GATEWAY_DOWN_MESSAGE, true);
  if (core.health.get().state === 'up') return;
  // Unknown or down: ask once now rather than journal an attempt the gateway cannot take.
  await probeGateway(core);
  if (core.health.get().state === 'down')
    throw new AppError('GATEWAY_UNREACHABLE', GATEWAY_DOWN_MESSAGE, true);
}

/** A cheap question (EX_RATE_QUERY) that tells whether the gateway answers at all. */
export async function probeGateway(core: EngineCore): Promise<GatewayHealth> {
  try {
    await core.gateway.exchangeRate(core.s.currency);
    core.health.up();
  } catch (err) {
    // Any answer at all, even a refusal, means the gateway can be reached.
    if (err instanceof GatewayError && err.kind === 'network') core.health.down(err.message);
    else if (err instanceof GatewayError) core.health.up();
    else core.health.down('unexpected failure');
  }
  return core.health.get();
}
