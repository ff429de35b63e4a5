// The day's figures from the journal (rule 12): totals by wallet and by operator, refunds, net, and
// the manual overrides. A payment counts on the local day it was started; a refund on the day it was
// started. Gross includes the tip (it is what the customer paid); tipCents shows the tip part.
import type { DailyReport } from '../../../shared/contract.ts';
import { AppError } from '../../../shared/result.ts';
import type { EngineState } from './engine-state.ts';
import { dayRange } from './local-day.ts';
import { attemptView } from './views.ts';

export function checkedDayRange(core: EngineState, date: string): { fromMs: number; toMs: number } {
  try {
    return dayRange(date, core.s.timeZone);
  } catch {
    throw new AppError('VALIDATION', 'date is YYYY-MM-DD');
  }
}

export function dailyReport(core: EngineState, date: string): DailyReport {
  const { fromMs, toMs } = checkedDayRange(core, date);
  const currency = core.s.currency;
  const r = core.journal.reports;
  const paid = r.paidByWallet(fromMs, toMs, currency);
  const refunded = r.refundedByWallet(fromMs, toMs, currency);
  const wallets = [...new Set([...paid.map((p) => p.wallet), ...refunded.map((x) => x.wallet)])].sort();
  const byWallet = wallets.map((wallet) => {
    const p = paid.find((x) => x.wallet === wallet);
    const refundedCents = refunded.find((x) => x.wallet === wallet)?.cents ?? 0;
    const grossCents = p?.grossCents ?? 0;
    return { wallet, count: p?.count ?? 0, grossCents, refundedCents, netCents: grossCents - refundedCents };
  });
  const grossCents = paid.reduce((sum, p) => sum + p.grossCents, 0);
  const tipCents = paid.reduce((sum, p) => sum + p.tipCents, 0);
  const refundCount = refunded.reduce((sum, x) => sum + x.count, 0);
  const refundCents = refunded.reduce((sum, x) => sum + x.cents, 0);
  const now = core.clock.now();
  const manualOverrides = r
    .manualAttemptIds(fromMs, toMs)
    .map((id) => core.journal.attempts.get(id))
    .filter((row) => row !== null)
    .map((row) => attemptView(row, now));
  return {
    date,
    currency,
    byWallet,
    byOperator: r.paidByOperator(fromMs, toMs, currency),
    // Names are the staff directory's: the app layer fills them in.
    byCashier: r.paidByCashier(fromMs, toMs, currency).map((c) => ({ ...c, name: '' })),
    refunds: { count: refundCount, totalCents: refundCents },
    manualOverrides,
    grossCents,
    tipCents,
    netCents: grossCents - refundCents,
  };
}
