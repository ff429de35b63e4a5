// The cashier's ways out of a sale: cancel it (a live attempt goes to "cancelling" and is still
// resolved), start a new one (refused while a payment is in flight), or set it aside to take the next
// customer (its attempt keeps being resolved in the background).
import type { AttemptView, SaleView } from '../../../shared/domain.ts';
import { isLiveAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { AppError } from '../../../shared/result.ts';
import { currentSaleView, type EngineState, emitSale, watchKey } from './engine-state.ts';
import { applyAttempt } from './journaled-changes.ts';
import { REASONS } from './outcomes.ts';
import { attemptView } from './views.ts';
import { watchAttempt } from './watches.ts';

function closeCurrentSale(
  core: EngineState,
  cause: 'cancelled' | 'new sale' | 'set aside',
  paymentFollows = false,
): void {
  if (!core.current) return;
  const journal = core.journal;
  const sale = journal.sales.get(core.current.saleId);
  const now = core.clock.now();
  // Between sales: the WAL checkpoint runs here rather than inside a later charge's commit — unless
  // the caller starts a payment at once (it would be on that payment's path): a later close runs it.
  // It runs before the close's own commit, so that commit is the one that starts the WAL over, and
  // pays for the sync of the WAL's new header (a third sync, which otherwise fell in the next charge).
  if (!paymentFollows) journal.checkpointIfDue();
  if (sale && sale.closedAt === null) {
    journal.write(() => {
      journal.sales.update({ ...sale, closedAt: now, updatedAt: now });
      journal.events.append({
        at: now,
        entity: 'sale',
        entityId: sale.saleId,
        type: 'sale.closed',
        cause: 'command',
        detail: { why: cause },
      });
    });
  }
  core.current = null;
  emitSale(core);
}

/** Cashier cancel: a live attempt goes to "cancelling" and stays watched; an idle sale is dropped (null). */
export function cancelSale(core: EngineState): SaleView | null {
  if (!core.current) return null;
  const attempts = core.journal.attempts.forSale(core.current.saleId);
  const live = attempts.find((a) => isLiveAttemptState(a.state));
  if (live) {
    core.current.waitingForCode = false;
    if (live.state !== 'cancelling') {
      applyAttempt(core, live.attemptId, {
        event: 'CANCEL',
        cause: 'command',
        reason: REASONS.cancelled,
        patch: { cancelCause: 'cashier' },
      });
    }
    if (!core.watcher.has(watchKey(live.attemptId)) && live.state !== 'submitted') {
      watchAttempt(core, live.attemptId, 'passive');
    }
    return currentSaleView(core);
  }
  if (attempts.some((a) => a.state === 'paid')) {
    throw new AppError('CONFLICT', 'This sale is paid: refund it instead of cancelling.');
  }
  closeCurrentSale(core, 'cancelled');
  return null;
}

/**
 * Closes the current sale. Refused while a payment is in flight and not cancelled. `paymentFollows`:
 * the caller starts a payment right after (the POS API), so this close leaves the WAL checkpoint alone.
 */
export function newSale(core: EngineState, paymentFollows = false): void {
  if (!core.current) return;
  const busy = core.journal.attempts
    .forSale(core.current.saleId)
    .find((a) => isLiveAttemptState(a.state) && a.state !== 'cancelling');
  if (busy) throw new AppError('CONFLICT', 'A payment is in progress on this sale: cancel it first.');
  closeCurrentSale(core, 'new sale', paymentFollows);
}

/** Sets the current sale aside whatever its attempt is doing; true when a payment was set aside. */
export function setAside(core: EngineState): boolean {
  if (!core.current) return false;
  const live = core.journal.attempts.forSale(core.current.saleId).find((a) => isLiveAttemptState(a.state));
  if (live) cancelSale(core);
  closeCurrentSale(core, live ? 'set aside' : 'new sale');
  return live !== undefined;
}

/** Live attempts of sales set aside (or left by a restart): still being resolved, may still be paid. */
export function inBackground(core: EngineState): AttemptView[] {
  const now = core.clock.now();
  const current = core.current?.saleId ?? null;
  return core.journal.attempts
    .live()
    .filter((a) => a.saleId !== current)
    .map((a) => attemptView(a, now));
}
