// Daily reconciliation (rule 12): every attempt and refund of the day is asked about, the gateway's
// answer is applied where the journal was still waiting for one, and every remaining difference between
// the journal and the gateway is listed, with call-backs for orders the journal does not know.
import type { ReconcileReport } from '../../../shared/contract.ts';
import { centsToPlain } from '../../../shared/money.ts';
import { isLiveAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { reconcileNote } from '../../../shared/payments/reconcile-notes.ts';
import { GatewayError, type OrderState } from '../gateway/types.ts';
import type { AttemptRow, RefundRow } from '../journal/rows.ts';
import { pool } from './bounded-pool.ts';
import type { EngineState } from './engine-state.ts';
import { applyAttempt, applyRefund } from './journaled-changes.ts';
import { changeFromOrderState, refundEventFromOrderState } from './outcomes.ts';
import { checkedDayRange } from './reports.ts';

type Difference = ReconcileReport['differences'][number];
type Answer = { st: OrderState } | { notFound: true } | { error: string };

const PAID = new Set(['success', 'partial_refunded', 'fully_refunded']);

async function ask(core: EngineState, fn: () => Promise<OrderState>): Promise<Answer> {
  try {
    const st = await fn();
    core.health.up();
    return { st };
  } catch (err) {
    core.health.observe(err);
    if (err instanceof GatewayError && err.notFound) return { notFound: true };
    return { error: err instanceof GatewayError ? err.message : 'unexpected failure' };
  }
}

function describe(a: Answer): string {
  if ('st' in a) return a.st.status;
  if ('notFound' in a) return 'no such order';
  return 'no answer';
}

function checkAttempt(core: EngineState, before: AttemptRow, answer: Answer): Difference | null {
  const journalWas = before.state;
  let row = before;
  if ('st' in answer) {
    applyAttempt(core, row.attemptId, changeFromOrderState(row, answer.st, 'query'));
    row = core.journal.attempts.get(row.attemptId) ?? row;
  }
  const gateway = describe(answer);
  const diff = (note: string): Difference => ({ orderId: row.orderId, journal: row.state, gateway, note });
  if ('error' in answer) return diff(reconcileNote('couldNotCheck', { error: answer.error }));
  if ('notFound' in answer) {
    if (row.state === 'paid') return diff(reconcileNote('paidNoOrder'));
    if (isLiveAttemptState(row.state)) return diff(reconcileNote('unresolvedNoOrder'));
    return null;
  }
  const st = answer.st;
  const gatewayPaid = PAID.has(st.status);
  if (gatewayPaid && row.state !== 'paid') return diff(reconcileNote('paidAtGatewayOnly'));
  if (!gatewayPaid && row.state === 'paid') return diff(reconcileNote('paidInJournalOnly'));
  if (isLiveAttemptState(row.state)) return diff(reconcileNote('unresolved'));
  if (gatewayPaid) {
    const total = row.amountCents + row.tipCents;
    if (
      st.totalAmountCents !== null &&
      st.totalAmountCents !== total &&
      st.totalAmountCents !== row.amountCents
    ) {
      return diff(
        reconcileNote('amountDiffers', {
          gateway: centsToPlain(st.totalAmountCents),
          journal: centsToPlain(total),
        }),
      );
    }
    if (st.refundedCents !== null && st.refundedCents !== row.refundedCents) {
      return diff(
        reconcileNote('refundedDiffers', {
          gateway: centsToPlain(st.refundedCents),
          journal: centsToPlain(row.refundedCents),
        }),
      );
    }
  }
  if (journalWas !== row.state) {
    return {
      orderId: row.orderId,
      journal: `${journalWas} → ${row.state}`,
      gateway,
      note: reconcileNote('resolvedNow'),
    };
  }
  return null;
}

function checkRefund(core: EngineState, before: RefundRow, answer: Answer): Difference | null {
  let row = before;
  if ('st' in answer) {
    applyRefund(core, row.refundId, {
      event: refundEventFromOrderState(answer.st),
      cause: 'query',
      gatewaySeen: true,
      detail: { status: answer.st.status, reconcile: true },
    });
    row = core.journal.refunds.get(row.refundId) ?? row;
  }
  const gateway = describe(answer);
  const diff = (note: string): Difference => ({
    orderId: row.orderId,
    journal: `refund ${row.state}`,
    gateway,
    note,
  });
  if ('error' in answer) return diff(reconcileNote('refundCouldNotCheck', { error: answer.error }));
  if ('notFound' in answer) return row.state === 'refunded' ? diff(reconcileNote('refundedNoOrder')) : null;
  const done = PAID.has(answer.st.status);
  if (done && row.state !== 'refunded') return diff(reconcileNote('refundAtGatewayOnly'));
  if (!done && row.state === 'refunded') return diff(reconcileNote('refundInJournalOnly'));
  if (row.state !== 'refunded' && row.state !== 'failed') return diff(reconcileNote('refundUnresolved'));
  return null;
}

export async function reconcile(core: EngineState, date: string): Promise<ReconcileReport> {
  const { fromMs, toMs } = checkedDayRange(core, date);
  const attempts = core.journal.attempts.createdBetween(fromMs, toMs);
  const refunds = core.journal.refunds.createdBetween(fromMs, toMs);
  const differences = await reconcileOrders(core, attempts, refunds);
  callbackDifferences(core, fromMs, toMs, differences);
  differences.sort((a, b) => a.orderId.localeCompare(b.orderId));
  return { date, checked: attempts.length + refunds.length, differences };
}

/**
 * Asks the gateway about each attempt and refund (a bounded number at once), applies its answers
 * where the journal was still waiting, and lists every difference that remains. Used by the daily
 * reconciliation and by a shift's close.
 */
export async function reconcileOrders(
  core: EngineState,
  attempts: readonly AttemptRow[],
  refunds: readonly RefundRow[],
): Promise<Difference[]> {
  const differences: Difference[] = [];
  await pool(attempts, core.s.recoveryConcurrency, async (row) => {
    const answer = await core.track(ask(core, () => core.gateway.query(row.orderId)));
    const d = checkAttempt(core, core.journal.attempts.get(row.attemptId) ?? row, answer);
    if (d) differences.push(d);
  });
  await pool(refunds, core.s.recoveryConcurrency, async (row) => {
    const answer = await core.track(ask(core, () => core.gateway.refundQuery(row.orderId)));
    const d = checkRefund(core, core.journal.refunds.get(row.refundId) ?? row, answer);
    if (d) differences.push(d);
  });
  differences.sort((a, b) => a.orderId.localeCompare(b.orderId));
  return differences;
}

function callbackDifferences(
  core: EngineState,
  fromMs: number,
  toMs: number,
  differences: Difference[],
): void {
  for (const cb of core.journal.callbacks.receivedBetween(fromMs, toMs)) {
    if (cb.verdict === 'unknown_order' && cb.orderId) {
      differences.push({
        orderId: cb.orderId,
        journal: 'no such order',
        gateway: 'sent a call-back',
        note: reconcileNote('unknownCallback'),
      });
    }
  }
}
