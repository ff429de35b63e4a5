// The sale screen's commands: pay (active / passive), a scanned or typed wallet code, cancel, new sale.
import type { Wallet } from '../../../shared/domain.ts';
import { centsToPlain } from '../../../shared/money.ts';
import { AppError } from '../../../shared/result.ts';
import type { CoreContext } from './core-context.ts';
import type { HandlerGroup } from './handler-types.ts';

type SaleCommands =
  | 'till.snapshot'
  | 'sale.payActive'
  | 'sale.payPassive'
  | 'sale.submitScan'
  | 'sale.cancel'
  | 'sale.new'
  | 'sale.setAside'
  | 'sale.draft'
  | 'sale.pickScanWallet';

/** Settings-level limits the contract schema cannot know: the till's maximum, the tip limit, the wallets. */
export function checkAmount(ctx: CoreContext, amountCents: number, tipCents: number, wallet?: Wallet): void {
  const s = ctx.settings.get();
  if (amountCents + tipCents > s.maxAmountCents) {
    const limit = centsToPlain(s.maxAmountCents);
    throw new AppError(
      'VALIDATION',
      `Amount is over the till's limit of ${limit}`,
      false,
      'amount-over-limit',
      {
        limit,
      },
    );
  }
  // A tip is a share of the amount, never a second payment hidden beside it (0.01 + 4,999.99 tip).
  const maxTipCents = Math.floor((amountCents * s.maxTipPercent) / 100);
  if (tipCents > maxTipCents) {
    const limit = centsToPlain(maxTipCents);
    throw new AppError(
      'VALIDATION',
      `The tip is over this till's limit of ${s.maxTipPercent}% of the amount (${limit})`,
      false,
      'tip-over-limit',
      { percent: s.maxTipPercent, limit },
    );
  }
  if (wallet !== undefined) checkWalletOffered(ctx, wallet);
}

function checkWalletOffered(ctx: CoreContext, wallet: Wallet): void {
  if (!ctx.settings.get().wallets.includes(wallet)) {
    throw new AppError('VALIDATION', `${wallet} is not enabled on this till`, false, 'wallet-not-enabled', {
      wallet,
    });
  }
}

/** The signed-in cashier; a payment after a shift's close opens the next shift. */
export async function cashierWithShift(ctx: CoreContext): Promise<void> {
  const cashier = ctx.staff.require();
  if (ctx.shifts.openId() === null) await ctx.openShiftFor(cashier.staffId);
}

/**
 * Passive pay, step 1, for the signed-in cashier: the sale waits for the customer's wallet code.
 * `stillWanted` (a scan started it) is asked once the shift is open: no, and nothing starts.
 */
export async function beginPassiveSale(
  ctx: CoreContext,
  amountCents: number,
  tipCents: number,
  stillWanted: () => boolean = () => true,
) {
  await cashierWithShift(ctx);
  if (!stillWanted())
    throw new AppError('CONFLICT', 'No payment is waiting for a wallet code', false, 'no-payment-waiting');
  checkAmount(ctx, amountCents, tipCents);
  const sale = await ctx.payments().beginPassive({ amountCents, tipCents });
  ctx.syncScanWait();
  return sale;
}

export function saleHandlers(ctx: CoreContext): HandlerGroup<SaleCommands> {
  return {
    'till.snapshot': async () => ctx.snapshot(),
    'sale.payActive': async ({ amountCents, tipCents, wallet }) => {
      await cashierWithShift(ctx);
      checkAmount(ctx, amountCents, tipCents, wallet);
      return ctx.payments().payActive({ amountCents, tipCents, wallet });
    },
    'sale.payPassive': async ({ amountCents, tipCents }) => beginPassiveSale(ctx, amountCents, tipCents),
    'sale.submitScan': async ({ code, source, timings }) => {
      ctx.staff.require();
      return ctx.submitCode(code, source, timings);
    },
    'sale.cancel': async () => {
      const sale = ctx.payments().cancel();
      ctx.syncScanWait();
      return sale;
    },
    'sale.pickScanWallet': async ({ wallet }) => {
      if (wallet !== null) checkWalletOffered(ctx, wallet);
      ctx.pickScanWallet(wallet);
      return null;
    },
    'sale.new': async () => {
      ctx.payments().newSale();
      ctx.syncScanWait();
      return null;
    },
    'sale.draft': async ({ amountCents, tipCents }) => {
      const over = amountCents + tipCents > ctx.settings.get().maxAmountCents;
      ctx.setDraft(amountCents + tipCents > 0 && !over ? { amountCents, tipCents } : null);
      return null;
    },
    'sale.setAside': async () => {
      if (ctx.payments().setAside()) ctx.announceSetAside();
      ctx.syncScanWait();
      return null;
    },
  };
}
