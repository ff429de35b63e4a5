// What the customer display may see of the current sale: amount to pay, wallet, QR, a phase — never
// the sale itself, ids, the operator or any setting. Pure: `now` decides whether the QR has expired.

import type { AttemptView, CustomerView, Language, SaleView } from '../../../shared/domain.ts';
import type { Currency } from '../../../shared/money.ts';
import { cnyFen, type FreshRate } from '../../../shared/payments/cny.ts';

export interface ProjectionContext {
  currency: Currency;
  language: Language;
  sandbox: boolean;
  now: number;
  /** The gateway's latest CNY rate for the sale's currency, if any. */
  rate?: FreshRate | null;
  /** The amount the cashier is keying, before any payment (shown live, as a customer display does). */
  draft?: { amountCents: number; tipCents: number } | null;
  /** A payment was just set aside: until the next amount, the customer is told it is cancelled. */
  setAside?: boolean;
}

export function projectCustomerView(sale: SaleView | null, ctx: ProjectionContext): CustomerView {
  const base = { currency: sale?.currency ?? ctx.currency, language: ctx.language, sandbox: ctx.sandbox };
  const none = { amountCents: null, wallet: null, qrPayload: null, expiresAt: null };
  const idle: CustomerView = { ...base, ...none, phase: 'idle' };
  if (sale === null || sale.phase === 'entering') {
    const draft = ctx.draft ?? null;
    const keyed = draft ? draft.amountCents + draft.tipCents : 0;
    if (keyed > 0) return { ...idle, phase: 'entering', amountCents: keyed };
    return ctx.setAside ? { ...idle, phase: 'cancelled' } : idle;
  }
  const total = sale.amountCents + sale.tipCents;
  const attempt = sale.attempt;
  const wallet = attempt?.wallet ?? null;
  const fen = cnyFen(total, ctx.rate ?? null, ctx.now);
  const cny = fen === null ? {} : { cnyFen: fen, cnyRateAt: ctx.rate?.fetchedAt ?? null };
  const plain = { ...base, amountCents: total, wallet, qrPayload: null, expiresAt: null, ...cny };
  switch (sale.phase) {
    case 'waiting_for_scan':
      return { ...plain, phase: 'waiting', wallet: null };
    case 'in_progress': {
      const qr = attempt?.qr ?? null;
      const showQr = qr !== null && attempt?.state === 'awaiting_customer' && ctx.now < qr.expiresAt;
      if (showQr) return { ...plain, phase: 'qr', qrPayload: qr.payload, expiresAt: qr.expiresAt };
      return { ...plain, phase: livePhase(attempt, ctx.now) };
    }
    case 'paid':
      return { ...plain, phase: 'paid' };
    case 'failed':
      return {
        ...plain,
        phase: attempt?.cancelled || attempt?.state === 'expired' ? 'cancelled' : 'declined',
      };
    default: {
      const never: never = sale.phase;
      return never;
    }
  }
}

/**
 * A live attempt without a QR on show: only a passive payment the wallet is holding asks the customer
 * for something (to confirm on the phone). Anything cancelled (or a QR past its expiry) is over for the
 * customer, even while the till keeps checking; everything else is the till checking.
 */
function livePhase(attempt: AttemptView | null, now: number): CustomerView['phase'] {
  if (!attempt) return 'checking';
  const qrRanOut = attempt.mode === 'active' && attempt.qr !== null && now >= attempt.qr.expiresAt;
  if (attempt.cancelled || attempt.state === 'cancelling' || qrRanOut) return 'cancelled';
  if (attempt.mode === 'passive' && attempt.state === 'awaiting_customer') return 'waiting';
  return 'checking';
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
