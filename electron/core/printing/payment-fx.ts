// The CNY side of a paid attempt, as the gateway reported it with the payment (STATUS_QUERY's
// exchange_rate, receive_amount, pay_amount): kept in the detail of the attempt's paid event.

import { plausiblePayFen, plausibleRate } from '../../../shared/payments/rate-bounds.ts';
import type { CnyFacts } from '../../../shared/printing/receipt.ts';
import type { EventRow } from '../journal/rows.ts';

/** A rate as OTTPay may send it: "5.2", or ×10^8 as EX_RATE_QUERY does ("520000000"). */
export function parseRate(raw: string): number | null {
  const n = Number(raw.trim());
  if (!Number.isFinite(n) || n <= 0) return null;
  return n > 1000 ? n / 1e8 : n;
}

/**
 * The CNY facts to show for a paid attempt of `amount` (+ `tip`) cents, or null: none reported, or
 * a rate or pay_amount that cannot be believed (rate-bounds.ts) — no ¥ line rather than a wrong one.
 */
export function cnyFromEvents(
  events: readonly EventRow[],
  paid: { amountCents: number; tipCents: number },
): CnyFacts | null {
  for (const e of [...events].reverse()) {
    // The paid transition, or a later "facts" event of a paid answer (both carry the gateway's fields).
    if (e.detail.event !== 'GATEWAY_PAID') continue;
    const raw = e.detail.exchangeRate;
    const rate = typeof raw === 'string' ? parseRate(raw) : null;
    if (rate === null) continue;
    if (!plausibleRate(rate)) return null;
    const pay = e.detail.payAmountFen;
    if (typeof pay !== 'number') return { rate, payFen: null };
    const total = paid.amountCents + paid.tipCents;
    return plausiblePayFen(pay, rate, [total, paid.amountCents]) ? { rate, payFen: pay } : null;
  }
  return null;
}
