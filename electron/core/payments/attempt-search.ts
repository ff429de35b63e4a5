// The history search: attempts by text (order id, sale id, wallet transaction, POS reference), local
// days, wallet, amount, cashier or shift, newest first.
import type { AttemptView, Wallet } from '../../../shared/domain.ts';
import type { EngineState } from './engine-state.ts';
import { checkedDayRange } from './reports.ts';
import { attemptView } from './views.ts';

export interface SearchQuery {
  text?: string | undefined;
  /** Local days, YYYY-MM-DD, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  wallet?: Wallet | undefined;
  amountCents?: number | undefined;
  cashierId?: string | undefined;
  shiftId?: number | undefined;
  limit?: number | undefined;
}

export function searchAttempts(core: EngineState, q: SearchQuery): AttemptView[] {
  const fromMs = q.from ? checkedDayRange(core, q.from).fromMs : undefined;
  const toMs = q.to ? checkedDayRange(core, q.to).toMs : undefined;
  const now = core.clock.now();
  return core.journal.attempts
    .search({
      text: q.text,
      fromMs,
      toMs,
      wallet: q.wallet,
      amountCents: q.amountCents,
      cashierId: q.cashierId,
      shiftId: q.shiftId,
      limit: q.limit ?? 100,
    })
    .map((r) => attemptView(r, now));
}
