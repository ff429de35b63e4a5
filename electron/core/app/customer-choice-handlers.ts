// The till's side of the customer's tip (issue 21): ask the customer for the tip on the amount keyed,
// or skip asking. Only with the setting on, a cashier signed in and no payment under way. And the code
// that pairs the LAN customer display, the one display that may answer.
import { AppError, type Result } from '../../../shared/result.ts';
import type { CoreContext } from './core-context.ts';
import type { CustomerChoices } from './customer-choice.ts';
import type { CustomerPairing } from './customer-pairing.ts';
import type { HandlerGroup } from './handler-types.ts';
import { checkAmount } from './sale-handlers.ts';

export function customerChoiceHandlers(
  ctx: CoreContext,
  choices: CustomerChoices,
  pairing: CustomerPairing,
): HandlerGroup<'customer.askTip' | 'customer.skipTip' | 'customer.pairDisplay'> {
  return {
    'customer.askTip': async ({ amountCents }) => {
      const s = ctx.settings.get();
      if (!s.customerSide.customerPicksTip)
        throw new AppError('NOT_ALLOWED', 'Turn on “the customer picks the tip” in Settings first', false);
      const sale = ctx.payments().currentSale();
      if (sale !== null && sale.phase !== 'entering')
        throw new AppError('NOT_ALLOWED', 'A payment is under way: finish it first', false);
      checkAmount(ctx, amountCents, 0);
      choices.ask(amountCents, s.tipPresetsPercent, s.maxTipPercent);
      return null;
    },
    'customer.skipTip': async () => {
      choices.skip();
      return null;
    },
    'customer.pairDisplay': async () => pairing.offer(),
  };
}

/**
 * The customer display's choice (LAN or customer window) reaches the ask only while a cashier is signed
 * in: a locked till has nobody to take the tip, and its lock screen stays the only thing that answers.
 */
export function chooseWhileSignedIn(signedIn: boolean, choices: CustomerChoices, raw: unknown): Result<null> {
  if (!signedIn)
    return {
      ok: false,
      error: {
        code: 'NOT_ALLOWED',
        message: 'The till is locked: the cashier signs in first',
        retryable: false,
        reason: 'sign-in-needed',
      },
    };
  return choices.choose(raw);
}
