// What the customer display may see of the current sale: amount to pay, wallet, QR, a phase — never
// the sale itself, ids, the operator or any setting. Pure: `now` decides whether the QR has expired.

import type { CustomerView, Language, SaleView } from '../../../shared/domain.ts';
import type { Currency } from '../../../shared/money.ts';
import { cnyFen, type FreshRate } from '../../../shared/payments/cny.ts';

export interface ProjectionContext {
  currency: Currency;
  language: Language;
  sandbox: boolean;
  now: number;
  /** The gateway's latest CNY rate for the sale's currency, if any. */
  rate?: FreshRate | null;
}

export function projectCustomerView(sale: SaleView | null, ctx: ProjectionContext): CustomerView {
  const base = { currency: sale?.currency ?? ctx.currency, language: ctx.language, sandbox: ctx.sandbox };
  const idle: CustomerView = {
    ...base,
    phase: 'idle',
    amountCents: null,
    wallet: null,
    qrPayload: null,
    expiresAt: null,
  };
  if (sale === null) return idle;
  const total = sale.amountCents + sale.tipCents;
  const attempt = sale.attempt;
  const wallet = attempt?.wallet ?? null;
  const fen = cnyFen(total, ctx.rate ?? null, ctx.now);
  const cny = fen === null ? {} : { cnyFen: fen, cnyRateAt: ctx.rate?.fetchedAt ?? null };
  const plain = { ...base, amountCents: total, wallet, qrPayload: null, expiresAt: null, ...cny };
  switch (sale.phase) {
    case 'entering':
      return idle;
    case 'waiting_for_scan':
      return { ...plain, phase: 'waiting', wallet: null };
    case 'in_progress': {
      const qr = attempt?.qr ?? null;
      const showQr = qr !== null && attempt?.state === 'awaiting_customer' && ctx.now < qr.expiresAt;
      if (showQr) return { ...plain, phase: 'qr', qrPayload: qr.payload, expiresAt: qr.expiresAt };
      return { ...plain, phase: 'waiting' };
    }
    case 'paid':
      return { ...plain, phase: 'paid' };
    case 'failed':
      return { ...plain, phase: 'declined' };
    default: {
      const never: never = sale.phase;
      return never;
    }
  }
}

/** When the view will change by itself (the QR expiring), so the core can push it again then. */
export function nextProjectionChange(sale: SaleView | null, now: number): number | null {
  const qr = sale?.phase === 'in_progress' ? (sale.attempt?.qr ?? null) : null;
  return qr !== null && qr.expiresAt > now ? qr.expiresAt : null;
}

export function sameView(a: CustomerView, b: CustomerView): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof CustomerView>;
  return [...keys].every((k) => a[k] === b[k]);
}
