// The supervisor PIN: a scrypt hash in the secret store, every check through the PIN throttle under the
// lockout key 'till' (see pin-throttle.ts: serialised checks, at most 5 wrong guesses verified per
// lockout window, doubling lockouts kept across restarts). The clock is injected so tests need no
// sleeping.
import { DEFAULT_PIN } from './defaults.ts';
import { hashPin, verifyPin } from './pin-hash.ts';
import { createMemoryLockoutStore, type LockoutStore } from './pin-lockout-store.ts';
import { createPinThrottle, type PinAttemptRecord, type PinThrottle } from './pin-throttle.ts';
import type { SecretStore } from './secret-store.ts';

export { MAX_PIN_ATTEMPTS, PIN_LOCK_MS, PIN_MAX_LOCK_MS } from './pin-throttle.ts';

/** The lockout key of the till's one supervisor PIN. */
export const TILL_PIN_KEY = 'till';

export interface PinGuard {
  /** Throws AppError NOT_ALLOWED on a wrong PIN or while locked. */
  check(pin: string): Promise<void>;
  change(oldPin: string, newPin: string): Promise<void>;
  /** True while the stored PIN is still the documented default. */
  isDefault(): Promise<boolean>;
}

/** A till with no supervisor PIN yet gets the documented default (the first owner is made from it). */
export async function ensureDefaultPin(secrets: SecretStore): Promise<void> {
  if (!(await secrets.has('pinHash'))) await secrets.set('pinHash', await hashPin(DEFAULT_PIN));
}

export async function createPinGuard(opts: {
  secrets: SecretStore;
  now: () => number;
  /** Defaults to memory (tests); the till passes the settings folder's file store. */
  lockouts?: LockoutStore;
  /** A throttle shared with other PIN checks; built from the options below when absent. */
  throttle?: PinThrottle;
  maxAttempts?: number;
  lockMs?: number;
  onAttempt?: (record: PinAttemptRecord) => void;
}): Promise<PinGuard> {
  const { secrets } = opts;
  const throttle =
    opts.throttle ??
    createPinThrottle({
      store: opts.lockouts ?? createMemoryLockoutStore(),
      now: opts.now,
      maxAttempts: opts.maxAttempts,
      lockMs: opts.lockMs,
      onAttempt: opts.onAttempt,
    });
  await ensureDefaultPin(secrets);

  function check(pin: string): Promise<void> {
    // One PIN, one holder: its right PIN may forgive the wrong ones before it.
    return throttle.attempt(
      TILL_PIN_KEY,
      async () => {
        const stored = await secrets.get('pinHash');
        return stored !== null && (await verifyPin(pin, stored));
      },
      { forgives: true },
    );
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
