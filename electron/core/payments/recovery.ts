// Start-up recovery (rule 6): every attempt and refund left in flight is asked about (a few at a time,
// with backoff); an active QR is no longer on screen after a restart, so its attempt is cancelled
// (still resolved); whatever stays unresolved is flagged "needs attention" and keeps being resolved in
// the background. Answers that arrive together share one durable transaction (group-commit.ts), and so
// do the cancels and the flags: a restart with a thousand attempts in flight is not a thousand fsyncs.

import type { AttemptView, RefundView } from '../../../shared/domain.ts';
import { isLiveAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { reasonText } from '../../../shared/payments/attempt-reasons.ts';
import { isTerminalRefundState } from '../../../shared/payments/refund-machine.ts';
import { sleep } from '../clock.ts';
import type { EngineState } from './engine-state.ts';
import { createGroupCommit } from './group-commit.ts';
import { announceAttempt, flagAttempts, flagRefunds, journalAttempt } from './journaled-changes.ts';
import { createRequestLimit } from './request-limit.ts';
import { lookAgainAfterRestart, queryAttempt, queryRefund } from './status-queries.ts';
import { attemptView, refundView } from './views.ts';
import { watchAttempt, watchRefund } from './watches.ts';

/** Answers journaled together at most, and how long the first of them may wait for the others. */
const RECOVERY_BATCH = 64;
const RECOVERY_BATCH_WAIT_MS = 25;

export interface RecoveryReport {
  checked: number;
  resolved: number;
  /** Attempts still unresolved: flagged "needs attention", still resolved in the background. */
  unresolved: AttemptView[];
  refundsChecked: number;
  refundsUnresolved: RefundView[];
}

export async function recover(core: EngineState): Promise<RecoveryReport> {
  core.fault('recovery.started');
  // Those "no such order" failed just before the restart still get their second look.
  lookAgainAfterRestart(core);
  const live = core.journal.attempts.live();
  const showingQr = live.filter((row) => row.mode === 'active' && row.state === 'awaiting_customer');
  // One transaction for all of them: nobody acts on a cancel before it commits.
  const cancelled =
    showingQr.length === 0
      ? []
      : core.journal.write(() =>
          showingQr.map((row) => ({
            attemptId: row.attemptId,
            applied: journalAttempt(core, row.attemptId, {
              event: 'CANCEL',
              cause: 'recovery',
              reason: reasonText('restartedWithQr'),
              patch: { cancelCause: 'qr_expired' },
            }),
          })),
        );
  for (const { attemptId, applied } of cancelled) announceAttempt(core, attemptId, applied);
  // The first query asked carries the crash harness's 'recovery.answered' point.
  let pointGiven = false;
  const first = () => {
    if (pointGiven) return false;
    pointGiven = true;
    return true;
  };
  const s = core.s;
  let resolved = 0;
  // Every attempt is under way at once, but at most recoveryConcurrency queries are with the gateway:
  // a slot frees as soon as an answer is in, while that answer waits for its group commit.
  const limit = createRequestLimit(s.recoveryConcurrency);
  const commit = createGroupCommit(core.journal, {
    maxBatch: RECOVERY_BATCH,
    maxWaitMs: RECOVERY_BATCH_WAIT_MS,
    moreComing: limit.busy,
  });
  await Promise.all(
    live.map(async (row) => {
      for (let attempt = 0; attempt < s.recoveryTries; attempt++) {
        if (attempt > 0) await sleep(core.clock, s.recoveryBackoffMs * 2 ** (attempt - 1));
        const fresh = await core.track(
          queryAttempt(core, row.attemptId, {
            cause: 'query',
            detail: { recovery: true },
            commit,
            limit,
            ...(first() ? { point: 'recovery.answered' as const } : {}),
          }),
        );
        if (!fresh || !isLiveAttemptState(fresh.state)) {
          resolved += 1;
          return;
        }
      }
    }),
  );

  const stillLive = live.filter((row) => {
    const fresh = core.journal.attempts.get(row.attemptId);
    return fresh !== null && isLiveAttemptState(fresh.state);
  });
  const flagged = flagAttempts(
    core,
    stillLive.map((row) => row.attemptId),
    true,
    'recovery',
    'Not resolved after the restart: the gateway is still being asked. Do not take this payment again.',
  );
  const unresolved: AttemptView[] = flagged.map((row) => attemptView(row, core.clock.now()));
  for (const row of stillLive) watchAttempt(core, row.attemptId, 'background');

  const liveRefunds = core.journal.refunds.live();
  await Promise.all(
    liveRefunds.map(async (row) => {
      for (let attempt = 0; attempt < s.recoveryTries; attempt++) {
        if (attempt > 0) await sleep(core.clock, s.recoveryBackoffMs * 2 ** (attempt - 1));
        const fresh = await core.track(queryRefund(core, row.refundId, undefined, { commit, limit }));
        if (!fresh || isTerminalRefundState(fresh.state)) return;
      }
    }),
  );
  const stillOpen = liveRefunds.filter((row) => {
    const fresh = core.journal.refunds.get(row.refundId);
    return fresh !== null && !isTerminalRefundState(fresh.state);
  });
  flagRefunds(
    core,
    stillOpen.map((row) => row.refundId),
    'Refund not resolved after the restart: the gateway is still being asked.',
  );
  const refundsUnresolved: RefundView[] = [];
  for (const row of stillOpen) {
    const fresh = core.journal.refunds.get(row.refundId);
    if (fresh) refundsUnresolved.push(refundView(fresh));
    watchRefund(core, row.refundId, true);
  }
  return {
    checked: live.length,
    resolved,
    unresolved,
    refundsChecked: liveRefunds.length,
    refundsUnresolved,
  };
}
