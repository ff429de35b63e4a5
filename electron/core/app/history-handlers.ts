// History, needs-attention, refunds, supervisor overrides and reports. Refunds, overrides and
// acknowledgements need a supervisor's own PIN (PAYMENT-SAFETY.md rules 9 and 10), checked before
// anything is journaled; the cashier signed in and the approving supervisor are recorded on each.

import type { StaffView } from '../../../shared/staff.ts';
import { cnyFromEvents } from '../printing/payment-fx.ts';
import { withApprover } from '../staff/approval-context.ts';
import type { CoreContext } from './core-context.ts';
import type { HandlerGroup } from './handler-types.ts';

type HistoryCommands =
  | 'attempt.recheck'
  | 'attention.list'
  | 'history.search'
  | 'refund.create'
  | 'refund.list'
  | 'override.markPaid'
  | 'override.markFailed'
  | 'attention.acknowledge'
  | 'report.daily'
  | 'report.reconcile'
  | 'report.exportCsv';

/** The signed-in cashier and the supervisor whose PIN approves (they may be the same person). */
async function approved<T>(
  ctx: CoreContext,
  pin: string,
  run: (approver: StaffView) => Promise<T>,
): Promise<T> {
  ctx.staff.require();
  const approver = await ctx.staff.approve(pin);
  return withApprover(approver.staffId, () => run(approver));
}

export function historyHandlers(ctx: CoreContext): HandlerGroup<HistoryCommands> {
  return {
    'attempt.recheck': async ({ attemptId }) => ctx.payments().recheck(attemptId),
    'attention.list': async () => ctx.payments().needsAttention(),
    'history.search': async (query) => {
      const rows = await ctx.payments().search(query);
      const journal = ctx.journal();
      if (!journal) return rows;
      // The CNY facts live with the paid event; only paid rows can have them.
      return rows.map((r) =>
        r.state === 'paid' ? { ...r, cny: cnyFromEvents(journal.events.forEntity(r.attemptId), r) } : r,
      );
    },
    'refund.create': async ({ attemptId, amountCents, pin }) =>
      approved(ctx, pin, async (by) => {
        ctx.logger.info(`refund requested for attempt ${attemptId}, approved by staff ${by.staffId}`);
        const refund = await ctx.payments().refund({ attemptId, amountCents });
        // The refund's receipt: queued only, never waited for.
        if (refund.state === 'refunded')
          ctx.receipts.print('refund', refund.refundId, ctx.receipts.refundCopies(), false);
        return refund;
      }),
    'refund.list': async ({ attemptId }) => ctx.payments().refunds(attemptId),
    'override.markPaid': async ({ attemptId, walletTxnId, reason, pin }) =>
      approved(ctx, pin, async (by) => {
        ctx.logger.info(`staff ${by.staffId} marked attempt ${attemptId} paid`);
        return ctx.payments().markPaid({ attemptId, walletTxnId, reason });
      }),
    'override.markFailed': async ({ attemptId, reason, pin }) =>
      approved(ctx, pin, async (by) => {
        ctx.logger.info(`staff ${by.staffId} marked attempt ${attemptId} failed`);
        return ctx.payments().markFailed({ attemptId, reason });
      }),
    'attention.acknowledge': async ({ attemptId, reason, pin }) =>
      approved(ctx, pin, async (by) => {
        ctx.logger.info(`staff ${by.staffId} acknowledged attempt ${attemptId}`);
        return ctx.payments().clearAttention({ attemptId, reason });
      }),
    'report.daily': async ({ date }) => {
      const report = ctx.payments().dailyReport(date);
      const name = (id: string | null) => (id === null ? '' : (ctx.directory.get(id)?.name ?? `#${id}`));
      return { ...report, byCashier: report.byCashier.map((c) => ({ ...c, name: name(c.cashierId) })) };
    },
    'report.reconcile': async ({ date }) => ctx.payments().reconcile(date),
    'report.exportCsv': async ({ date }) => ctx.payments().exportCsv(date),
  };
}
