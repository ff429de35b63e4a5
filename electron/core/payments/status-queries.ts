// One-shot STATUS_QUERY and refund query, applied: how the engine learns what OTTPay knows about an
// attempt or a refund, never throwing for gateway trouble.

import { isTerminalAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { isTerminalRefundState } from '../../../shared/payments/refund-machine.ts';
import { GatewayError } from '../gateway/types.ts';
import type { AttemptRow, EventCause, RefundRow } from '../journal/rows.ts';
import type { EngineState } from './engine-state.ts';
import type { FaultPoint } from './fault-points.ts';
import type { GroupCommit } from './group-commit.ts';
import { announceAttempt, announceRefund, journalAttempt, journalRefund } from './journaled-changes.ts';
import { changeFromOrderState, REASONS, refundEventFromOrderState } from './outcomes.ts';
import type { RequestLimit } from './request-limit.ts';
import type { AttemptApplied, RefundApplied } from './transitions.ts';

/**
 * May "no such order" be believed? Only once the request can no longer be on its way. The answer
 * speaks for the moment the question was asked, not the moment it came back: a query sent inside the
 * grace and answered after it may have reached OTTPay before the pay request did.
 */
function notFoundIsFinal(
  core: EngineState,
  askedAt: number,
  state: string,
  submittedAt: number | null,
  createdAt: number,
): boolean {
  if (state === 'created') return true;
  return askedAt - (submittedAt ?? createdAt) >= core.s.notFoundGraceMs;
}

/**
 * Journals `write` now, or in the group commit when given one (start-up recovery); either way the
 * change is announced only once it is durable.
 */
async function journalThenAnnounce<T extends AttemptApplied | RefundApplied>(
  write: () => T | null,
  announce: (applied: T) => void,
  commit: GroupCommit | undefined,
): Promise<T | null> {
  const applied = commit ? await commit.add(write) : write();
  if (applied) announce(applied);
  return applied;
}

export interface QueryOptions {
  cause: EventCause;
  point?: FaultPoint;
  detail?: Record<string, unknown>;
  evenIfFinal?: boolean;
  /** Journal the answer with others that arrive together (one fsync for the lot). */
  commit?: GroupCommit;
  /** Bounds the gateway request alone (not the journal write that follows it). */
  limit?: RequestLimit;
}

/** One STATUS_QUERY for an attempt, applied. Never throws for gateway trouble. */
export async function queryAttempt(
  core: EngineState,
  attemptId: string,
  opts: QueryOptions = { cause: 'query' },
): Promise<AttemptRow | null> {
  const row = core.journal.attempts.get(attemptId);
  // A final attempt is asked about only to check evidence against it (a late call-back, reconciliation).
  if (!row || (isTerminalAttemptState(row.state) && !opts.evenIfFinal)) return row;
  const announce = (applied: AttemptApplied) => announceAttempt(core, attemptId, applied);
  let askedAt = core.clock.now();
  try {
    const ask = () => {
      askedAt = core.clock.now();
      return core.gateway.query(row.orderId);
    };
    const st = await (opts.limit ? opts.limit.run(ask) : ask());
    core.health.up();
    core.fault(opts.point ?? 'poll.answered');
    const change = changeFromOrderState(row, st, opts.cause);
    const detail = { ...change.detail, ...(opts.detail ?? {}) };
    await journalThenAnnounce(
      () => journalAttempt(core, attemptId, { ...change, detail }),
      announce,
      opts.commit,
    );
    core.fault('poll.journaled');
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    core.health.observe(err);
    if (err.notFound) {
      core.fault(opts.point ?? 'poll.answered');
      const notFound = () => {
        const fresh = core.journal.attempts.get(attemptId);
        if (!fresh || !notFoundIsFinal(core, askedAt, fresh.state, fresh.submittedAt, fresh.createdAt))
          return null;
        return journalAttempt(core, attemptId, {
          event: 'NOT_FOUND',
          cause: opts.cause,
          reason: REASONS.notFound,
          detail: { rspCode: err.rspCode, ...(opts.detail ?? {}) },
        });
      };
      const applied = await journalThenAnnounce(notFound, announce, opts.commit);
      if (applied?.changed && applied.row.state === 'failed') lookAgainAtAttempt(core, applied.row);
    }
  }
  return core.journal.attempts.get(attemptId);
}

const REFUND_NOT_FOUND = 'The gateway never received this refund: no money was returned.';

/** One refund query, applied. Never throws for gateway trouble. */
export async function queryRefund(
  core: EngineState,
  refundId: string,
  point?: FaultPoint,
  batch: { commit?: GroupCommit; limit?: RequestLimit; evenIfFinal?: boolean } = {},
): Promise<RefundRow | null> {
  const row = core.journal.refunds.get(refundId);
  if (!row || (isTerminalRefundState(row.state) && !batch.evenIfFinal)) return row;
  const announce = (applied: RefundApplied) => announceRefund(core, refundId, applied);
  let askedAt = core.clock.now();
  try {
    const ask = () => {
      askedAt = core.clock.now();
      return core.gateway.refundQuery(row.orderId);
    };
    const st = await (batch.limit ? batch.limit.run(ask) : ask());
    core.health.up();
    if (point) core.fault(point);
    const event = refundEventFromOrderState(st);
    await journalThenAnnounce(
      () =>
        journalRefund(core, refundId, {
          event,
          cause: 'query',
          gatewaySeen: true,
          reason: event === 'GATEWAY_FAILED' ? 'The gateway reports the refund failed.' : null,
          detail: { status: st.status, rspCode: st.rspCode },
        }),
      announce,
      batch.commit,
    );
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    core.health.observe(err);
    if (err.notFound) {
      const notFound = () => {
        const fresh = core.journal.refunds.get(refundId);
        if (!fresh || !notFoundIsFinal(core, askedAt, fresh.state, fresh.submittedAt, fresh.createdAt))
          return null;
        return journalRefund(core, refundId, {
          event: 'NOT_FOUND',
          cause: 'query',
          reason: REFUND_NOT_FOUND,
          detail: { rspCode: err.rspCode },
        });
      };
      const applied = await journalThenAnnounce(notFound, announce, batch.commit);
      if (applied?.changed && applied.row.state === 'failed') lookAgainAtRefund(core, applied.row);
    }
  }
  return core.journal.refunds.get(refundId);
}

/**
 * "No such order" failed an attempt or a refund; one grace later the till asks once more. A request that
 * reached OTTPay later than the grace allows (held in a queue somewhere) would have acted after all: if
 * the order is there and paid (or the refund done), the gateway's answer against the failed row is a
 * conflict, and it needs a person at once (the money can be confirmed, and refunded or kept), instead
 * of only at the shift's reconciliation. Best effort: one question; an error is reported, not retried.
 */
function lookAgainLater(core: EngineState, key: string, failedAt: number, ask: () => Promise<unknown>): void {
  const when = failedAt + core.s.notFoundGraceMs;
  core.watcher.watch({
    key,
    fastMs: core.s.notFoundGraceMs,
    fastUntil: when,
    giveUpAt: when,
    maxDelayMs: core.s.notFoundGraceMs,
    check: async () => {
      await core.track(ask());
      return true;
    },
    onGiveUp: () => {},
  });
}

function lookAgainAtAttempt(core: EngineState, failed: AttemptRow): void {
  lookAgainLater(core, `second-look:${failed.attemptId}`, failed.updatedAt, () =>
    queryAttempt(core, failed.attemptId, { cause: 'query', evenIfFinal: true, detail: { secondLook: true } }),
  );
}

function lookAgainAtRefund(core: EngineState, failed: RefundRow): void {
  lookAgainLater(core, `second-look:refund:${failed.refundId}`, failed.updatedAt, () =>
    queryRefund(core, failed.refundId, undefined, { evenIfFinal: true }),
  );
}

/**
 * After a restart: what "no such order" failed within the last grace still gets its second look (an
 * attempt is asked about for at most its QR, its windows and two graces before it can fail so).
 */
export function lookAgainAfterRestart(core: EngineState): void {
  const s = core.s;
  const now = core.clock.now();
  const lived = s.qrExpiryMs + s.passiveWindowMs + s.backgroundWindowMs + 2 * s.notFoundGraceMs;
  for (const row of core.journal.attempts.failedSince(now - lived, now - s.notFoundGraceMs)) {
    if (row.reason === REASONS.notFound && !row.needsAttention) lookAgainAtAttempt(core, row);
  }
  for (const row of core.journal.refunds.failedSince(now - s.notFoundGraceMs)) {
    if (row.reason === REFUND_NOT_FOUND && !row.needsAttention) lookAgainAtRefund(core, row);
  }
}
