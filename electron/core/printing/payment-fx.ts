// The CNY side of a paid attempt, as the gateway reported it with the payment (STATUS_QUERY's
// exchange_rate, receive_amount, pay_amount): kept in the detail of the attempt's paid event.
import type { CnyFacts } from '../../../shared/printing/receipt.ts';
import type { EventRow } from '../journal/rows.ts';

/** A rate as OTTPay may send it: "5.2", or ×10^8 as EX_RATE_QUERY does ("520000000"). */
export function parseRate(raw: string): number | null {
  const n = Number(raw.trim());
  if (!Number.isFinite(n) || n <= 0) return null;
  return n > 1000 ? n / 1e8 : n;
}

export function cnyFromEvents(events: readonly EventRow[]): CnyFacts | null {
  for (const e of [...events].reverse()) {
    // The paid transition, or a later "facts" event of a paid answer (both carry the gateway's fields).
    if (e.detail.event !== 'GATEWAY_PAID') continue;
    const raw = e.detail.exchangeRate;
    const rate = typeof raw === 'string' ? parseRate(raw) : null;
    if (rate === null) continue;
    const pay = e.detail.payAmountFen;
    return { rate, payFen: typeof pay === 'number' && Number.isSafeInteger(pay) ? pay : null };
  }
  return null;
}
