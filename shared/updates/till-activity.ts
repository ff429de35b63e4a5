// The install gate's view of the till, read from the snapshot every screen already gets: attempts
// still talking to the gateway (in flight), attempts whose outcome is unknown (unresolved), and
// whether a sale is being taken.
import type { AttemptView, TillSnapshot } from '../domain.ts';
import type { TillActivity } from './install-gate.ts';

const IN_FLIGHT = new Set(['created', 'submitted', 'awaiting_customer', 'cancelling']);

export function tillActivity(s: Pick<TillSnapshot, 'sale' | 'attention' | 'background'>): TillActivity {
  const byId = new Map<string, AttemptView>();
  for (const a of [
    ...(s.sale?.attempts ?? []),
    ...(s.sale?.attempt ? [s.sale.attempt] : []),
    ...s.background,
    ...s.attention,
  ])
    byId.set(a.attemptId, a);
  let inFlight = 0;
  let unresolved = 0;
  for (const a of byId.values()) {
    if (IN_FLIGHT.has(a.state)) inFlight++;
    else if (a.state === 'unknown') unresolved++;
  }
  const phase = s.sale?.phase;
  return {
    inFlight,
    unresolved,
    saleOpen: phase === 'entering' || phase === 'waiting_for_scan' || phase === 'in_progress',
  };
}
