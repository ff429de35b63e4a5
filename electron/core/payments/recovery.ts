// Start-up recovery (rule 6): every attempt and refund left in flight is asked about (a few at a time,
// with backoff); an active QR is no longer on screen after a restart, so its attempt is cancelled
// (still resolved); whatever stays unresolved is flagged "needs attention" and keeps being resolved in
// the background.

import type { AttemptView, RefundView } from '../../../shared/domain.ts';
import { isLiveAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { reasonText } from '../../../shared/payments/attempt-reasons.ts';
import { isTerminalRefundState } from '../../../shared/payments/refund-machine.ts';
import { sleep } from '../clock.ts';
import { pool } from './bounded-pool.ts';
import type { EngineState } from './engine-state.ts';
import { applyAttempt, flagAttempt, flagRefund } from './journaled-changes.ts';
import { queryAttempt, queryRefund } from './status-queries.ts';
import { attemptView, refundView } from './views.ts';
import { watchAttempt, watchRefund } from './watches.ts';

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
  const live = core.journal.attempts.live();
  for (const row of live) {
    if (row.mode === 'active' && row.state === 'awaiting_customer') {
      applyAttempt(core, row.attemptId, {
        event: 'CANCEL',
        cause: 'recovery',
        reason: reasonText('restartedWithQr'),
        patch: { cancelCause: 'qr_expired' },
      });
    }
  }
  let first = true;
  const point = () => {
    if (!first) return undefined;
    first = false;
    return 'recovery.answered' as const;
  };
  const s = core.s;
  let resolved = 0;
  await pool(live, s.recoveryConcurrency, async (row) => {
    for (let attempt = 0; attempt < s.recoveryTries; attempt++) {
      if (attempt > 0) await sleep(core.clock, s.recoveryBackoffMs * 2 ** (attempt - 1));
      const p = point();
      const fresh = await core.track(
        queryAttempt(core, row.attemptId, {
          cause: 'query',
          detail: { recovery: true },
          ...(p ? { point: p } : {}),
        }),
      );
      if (!fresh || !isLiveAttemptState(fresh.state)) {
        resolved += 1;
        return;
      }
    }
  });

  const unresolved: AttemptView[] = [];
  for (const row of live) {
    const fresh = core.journal.attempts.get(row.attemptId);
    if (!fresh || !isLiveAttemptState(fresh.state)) continue;
    const flagged = flagAttempt(
      core,
      row.attemptId,
      true,
      'recovery',
      'Not resolved after the restart: the gateway is still being asked. Do not take this payment again.',
    );
    unresolved.push(attemptView(flagged, core.clock.now()));
    watchAttempt(core, row.attemptId, 'background');
  }

  const liveRefunds = core.journal.refunds.live();
  await pool(liveRefunds, s.recoveryConcurrency, async (row) => {
    for (let attempt = 0; attempt < s.recoveryTries; attempt++) {
      if (attempt > 0) await sleep(core.clock, s.recoveryBackoffMs * 2 ** (attempt - 1));
      const fresh = await core.track(queryRefund(core, row.refundId));
      if (!fresh || isTerminalRefundState(fresh.state)) return;
    }
  });
  const refundsUnresolved: RefundView[] = [];
  for (const row of liveRefunds) {
    const fresh = core.journal.refunds.get(row.refundId);
    if (!fresh || isTerminalRefundState(fresh.state)) continue;
    flagRefund(
      core,
      row.refundId,
      'Refund not resolved after the restart: the gateway is still being asked.',
    );
    refundsUnresolved.push(refundView(core.journal.refunds.get(row.refundId) ?? fresh));
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
