// Wrong PINs and lockout levels wear off with time, one at a time (a leaky bucket), instead of being
// wiped by the next right PIN: on a key shared by every person at the till that right PIN may be
// someone else's. A state stored without a starting time (written before this existed, or the
// unreadable-file fallback) starts wearing off now, never all at once.
import type { LockoutState } from './pin-lockout-store.ts';

export interface WearOffRates {
  /** One wrong PIN forgotten per this many ms. */
  failureMs: number;
  /** One lockout level forgotten per this many ms after the last lockout ended. */
  lockoutMs: number;
}

export function wearOff(s: LockoutState, t: number, rates: WearOffRates): LockoutState {
  let { failures, lockouts } = s;
  let failedAt = s.failedAt ?? t;
  let calmFrom = s.calmFrom ?? Math.max(t, s.lockedUntil);
  if (failures > 0 && t > failedAt) {
    const worn = Math.min(failures, Math.floor((t - failedAt) / rates.failureMs));
    failures -= worn;
    failedAt += worn * rates.failureMs;
  }
  if (lockouts > 0 && s.lockedUntil <= t && t > calmFrom) {
    const worn = Math.min(lockouts, Math.floor((t - calmFrom) / rates.lockoutMs));
    lockouts -= worn;
    calmFrom += worn * rates.lockoutMs;
  }
  return { failures, lockouts, lockedUntil: s.lockedUntil, failedAt, calmFrom };
}
