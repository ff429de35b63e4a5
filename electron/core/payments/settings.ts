// The engine's settings and timings, with the defaults of PAYMENT-SAFETY.md rule 8.
import type { Wallet } from '../../../shared/domain.ts';
import { WALLETS } from '../../../shared/domain.ts';
import type { Currency } from '../../../shared/money.ts';
import { isValidTerminalNo } from '../../../shared/payments/order-id.ts';
import { systemTimeZone } from './local-day.ts';

export interface PaymentsTiming {
  /** Our own QR expiry (the display stops offering it; the order is still resolved). */
  qrExpiryMs: number;
  /** Active pay: poll interval while the QR is shown. */
  activePollMs: number;
  /** Passive pay / unknown outcomes: poll interval during the first window. */
  passivePollMs: number;
  passiveWindowMs: number;
  /** Background resolution: the interval grows up to this. */
  backgroundMaxDelayMs: number;
  /** Background resolution lasts this long after the fast window, then "needs attention". */
  backgroundWindowMs: number;
  /**
   * A request may still reach the gateway this long after it was sent (the client's timeout plus a
   * margin): before then, "no such order" does not prove it never arrived.
   */
  notFoundGraceMs: number;
  recoveryConcurrency: number;
  recoveryTries: number;
  recoveryBackoffMs: number;
}

export const DEFAULT_TIMING: PaymentsTiming = {
  qrExpiryMs: 120_000,
  activePollMs: 2_000,
  passivePollMs: 2_500,
  passiveWindowMs: 60_000,
  backgroundMaxDelayMs: 30_000,
  backgroundWindowMs: 10 * 60_000,
  notFoundGraceMs: 60_000,
  recoveryConcurrency: 4,
  recoveryTries: 3,
  recoveryBackoffMs: 1_000,
};

export interface EngineSettings extends PaymentsTiming {
  terminalNo: string;
  operatorId: string;
  merchantId: string;
  currency: Currency;
  callbackUrl: string;
  wallets: readonly Wallet[];
  timeZone: string;
}

/** OTTPay requires call_back_url; a till that cannot be reached still sends one and relies on polling. */
export const UNREACHABLE_CALLBACK_URL = 'http://127.0.0.1/ottpay/callback';

export function resolveSettings(input: {
  terminalNo: string;
  operatorId: string;
  merchantId: string;
  currency: Currency;
  callbackUrl?: string | undefined;
  qrExpiryMs?: number | undefined;
  wallets?: readonly Wallet[] | undefined;
  timeZone?: string | undefined;
  timing?: Partial<PaymentsTiming> | undefined;
}): EngineSettings {
  if (!isValidTerminalNo(input.terminalNo))
    throw new RangeError('terminal number must be 1 to 4 letters or digits');
  const timing = { ...DEFAULT_TIMING, ...(input.timing ?? {}) };
  if (input.qrExpiryMs !== undefined) timing.qrExpiryMs = input.qrExpiryMs;
  return {
    ...timing,
    terminalNo: input.terminalNo,
    operatorId: input.operatorId,
    merchantId: input.merchantId,
    currency: input.currency,
    callbackUrl: input.callbackUrl || UNREACHABLE_CALLBACK_URL,
    wallets: input.wallets ?? WALLETS,
    timeZone: input.timeZone ?? systemTimeZone(),
  };
}
