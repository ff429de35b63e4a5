// The watches that keep asking OTTPay about a live attempt or refund until it gives a final answer,
// or hand it to a person.

import { isLiveAttemptState, isTerminalAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { isTerminalRefundState } from '../../../shared/payments/refund-machine.ts';
import { type EngineState, refundKey, watchKey } from './engine-state.ts';
import { applyAttempt, flagAttempt, flagRefund } from './journaled-changes.ts';
import { REASONS } from './outcomes.ts';
import { queryAttempt, queryRefund } from './status-queries.ts';

export type WatchProfile = 'active' | 'passive' | 'background';

/** Keeps resolving a live attempt until the gateway gives a final answer, or flags it for a person. */
export function watchAttempt(core: EngineState, attemptId: string, profile: WatchProfile): void {
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

export function watchRefund(core: EngineState, refundId: string, background: boolean): void {
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
