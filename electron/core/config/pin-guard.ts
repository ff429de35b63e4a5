// Supervisor PIN checks with throttling: after MAX_ATTEMPTS wrong PINs in a row the PIN is locked for
// LOCK_MS (even the right PIN is refused meanwhile). The clock is injected so tests need no sleeping.
import { AppError } from '../../../shared/result.ts';
import { DEFAULT_PIN } from './defaults.ts';
import { hashPin, verifyPin } from './pin-hash.ts';
import type { SecretStore } from './secret-store.ts';

export const MAX_PIN_ATTEMPTS = 5;
export const PIN_LOCK_MS = 60_000;

export interface PinGuard {
  /** Throws AppError NOT_ALLOWED on a wrong PIN or while locked. */
  check(pin: string): Promise<void>;
  change(oldPin: string, newPin: string): Promise<void>;
  /** True while the stored PIN is still the documented default. */
  isDefault(): Promise<boolean>;
}

export async function createPinGuard(opts: {
  secrets: SecretStore;
  now: () => number;
  maxAttempts?: number;
  lockMs?: number;
}): Promise<PinGuard> {
  const { secrets, now } = opts;
  const maxAttempts = opts.maxAttempts ?? MAX_PIN_ATTEMPTS;
  const lockMs = opts.lockMs ?? PIN_LOCK_MS;
  if (!(await secrets.has('pinHash'))) await secrets.set('pinHash', await hashPin(DEFAULT_PIN));
  let failures = 0;
  let lockedUntil = 0;

  async function check(pin: string): Promise<void> {
    const t = now();
    if (t < lockedUntil) {
      const secs = Math.ceil((lockedUntil - t) / 1000);
      throw new AppError('NOT_ALLOWED', `Too many wrong PINs — try again in ${secs} s`, true, 'pin-wait', {
        seconds: secs,
      });
    }
    const stored = await secrets.get('pinHash');
    if (stored !== null && (await verifyPin(pin, stored))) {
      failures = 0;
      return;
    }
    failures += 1;
    if (failures >= maxAttempts) {
      failures = 0;
      lockedUntil = now() + lockMs;
      const seconds = Math.round(lockMs / 1000);
      throw new AppError('NOT_ALLOWED', `Wrong PIN — locked for ${seconds} s`, true, 'pin-locked', {
        seconds,
      });
    }
    throw new AppError('NOT_ALLOWED', 'Wrong supervisor PIN', true, 'pin-wrong');
  }

  return {
    check,
    async change(oldPin, newPin) {
      await check(oldPin);
      await secrets.set('pinHash', await hashPin(newPin));
    },
    async isDefault() {
      const stored = await secrets.get('pinHash');
      return stored !== null && (await verifyPin(DEFAULT_PIN, stored));
    },
  };
}
