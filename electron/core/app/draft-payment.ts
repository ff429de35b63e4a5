// A serial scanner's wallet code on the amount screen: the passive payment for exactly the amount (and
// tip) keyed there, as "Scan customer code" would start it — only while that draft is current (a sale
// that starts or ends clears it), no sale is on and a cashier is signed in. The scan wait asks for it.
import { AppError } from '../../../shared/result.ts';
import type { CoreContext } from './core-context.ts';
import type { KeyedDraft } from './keyed-draft.ts';
import { beginPassiveSale, checkAmount } from './sale-handlers.ts';

export function paymentFromDraft(ctx: CoreContext, draft: KeyedDraft): (() => Promise<unknown>) | null {
  const d = draft.current();
  const phase = ctx.payments().currentSale()?.phase;
  if (d === null || d.amountCents <= 0 || ctx.staff.cashier() === null) return null;
  if (phase !== undefined && phase !== 'entering' && phase !== 'failed') return null;
  try {
    checkAmount(ctx, d.amountCents, d.tipCents);
  } catch {
    return null;
  }
  return async () => {
    ctx.staff.touch(); // like a command: the idle lock starts again
    // The shift may open first (an await): the cashier may have keyed another amount meanwhile.
    const sale = await beginPassiveSale(ctx, d.amountCents, d.tipCents, () => draft.current() === d);
    if (sale.amountCents !== d.amountCents || sale.tipCents !== d.tipCents)
      throw new AppError('CONFLICT', 'The amount changed as the payment started: scan the code again');
    ctx.logger.info('a serial scanner code started the passive payment for the keyed amount');
  };
}
