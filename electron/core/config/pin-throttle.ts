// Throttles PIN guesses per lockout key ('till', or a staff account id). Checks of one key run one at a
// time; a guess takes its place on arrival, and no more guesses are let in than wrong ones remain
// before the lockout, so however many arrive at once, at most `maxAttempts` wrong PINs are verified per
// lockout window. Each guess is counted (and persisted) before it is verified, lockouts double each
// time up to a ceiling, and the store keeps them across restarts.
// A right PIN forgives earlier wrong ones only when the caller says the key is that PIN's own (an
// account's own key): on a shared key ('till': sign-in and approvals) the right PIN of one person says
// nothing about who typed the wrong ones, so there wrong PINs and lockouts only wear off with time.
import { AppError } from '../../../shared/result.ts';
import { type LockoutState, type LockoutStore, NO_LOCKOUT } from './pin-lockout-store.ts';
import { wearOff } from './pin-wear-off.ts';

export const MAX_PIN_ATTEMPTS = 5;
export const PIN_LOCK_MS = 60_000;
export const PIN_MAX_LOCK_MS = 24 * 60 * 60_000;
/** One wrong PIN is forgotten per quarter hour: a guesser keeps at most 4 an hour without a lockout. */
export const PIN_FAILURE_DECAY_MS = 15 * 60_000;
/** One lockout level is forgotten per day without a lockout. */
export const PIN_LOCKOUT_DECAY_MS = 24 * 60 * 60_000;

/** What the owner should be able to see afterwards (journaled by the caller). */
export interface PinAttemptRecord {
  key: string;
  at: number;
  /** wrong: verified and wrong; locked: wrong and now locked; refused: not verified (locked or too
   *  many at once), reported once per lockout window; accepted: right after earlier failures. */
  outcome: 'wrong' | 'locked' | 'refused' | 'accepted';
  failures: number;
  lockouts: number;
  lockedUntil: number;
  /** Guesses refused unverified since the previous record of this key. */
  refused: number;
}

export interface PinThrottleOptions {
  store: LockoutStore;
  now: () => number;
  maxAttempts?: number;
  lockMs?: number;
  maxLockMs?: number;
  failureDecayMs?: number;
  lockoutDecayMs?: number;
  onAttempt?: (record: PinAttemptRecord) => void;
}

export interface PinThrottle {
  /**
   * Runs `verify` for one guess under the key's throttle; throws NOT_ALLOWED when refused or wrong.
   * `forgives`: the key belongs to the one PIN `verify` accepts (an account's own key), so its right PIN
   * wipes the key's earlier failures. Never on a shared key.
   */
  attempt(key: string, verify: () => Promise<boolean>, opts?: AttemptOptions): Promise<void>;
  state(key: string): LockoutState;
}

export interface AttemptOptions {
  /** The key is the accepted PIN's own: its right PIN wipes the key's earlier failures. */
  forgives?: boolean;
  /** Every answer tells something (is this PIN free?): the attempt stays counted even when `verify`
   *  says yes, and the one that uses up the key's attempts locks it (after being answered). */
  spends?: boolean;
}

interface KeyQueue {
  tail: Promise<void>;
  /** Guesses admitted and waiting for their turn. */
  waiting: number;
  /** Refused unverified since the last record. */
  refused: number;
  /** The lockout window whose first refusal was already reported. */
  reportedWindow: number;
}

export function createPinThrottle(opts: PinThrottleOptions): PinThrottle {
  const { store, now } = opts;
  const maxAttempts = opts.maxAttempts ?? MAX_PIN_ATTEMPTS;
  const lockMs = opts.lockMs ?? PIN_LOCK_MS;
  const maxLockMs = Math.max(lockMs, opts.maxLockMs ?? PIN_MAX_LOCK_MS);
  const decay = {
    failureMs: opts.failureDecayMs ?? PIN_FAILURE_DECAY_MS,
    lockoutMs: opts.lockoutDecayMs ?? PIN_LOCKOUT_DECAY_MS,
  };
  /** The key's state now, with what has worn off since it was stored. */
  const current = (key: string, t: number): LockoutState => wearOff(store.get(key), t, decay);
  const queues = new Map<string, KeyQueue>();

  function queueOf(key: string): KeyQueue {
    let q = queues.get(key);
    if (!q) {
      q = { tail: Promise.resolve(), waiting: 0, refused: 0, reportedWindow: 0 };
      queues.set(key, q);
    }
    return q;
  }

  function report(key: string, q: KeyQueue, outcome: PinAttemptRecord['outcome'], s: LockoutState): void {
    const refused = q.refused;
    q.refused = 0;
    const { failures, lockouts, lockedUntil } = s;
    opts.onAttempt?.({ key, at: now(), outcome, failures, lockouts, lockedUntil, refused });
  }

  /** Refuses a guess without verifying it; the first refusal of a lockout window is reported. */
  function refuse(key: string, q: KeyQueue, s: LockoutState, t: number): never {
    q.refused += 1;
    if (s.lockedUntil > t) {
      if (q.reportedWindow !== s.lockedUntil) {
        q.reportedWindow = s.lockedUntil;
        report(key, q, 'refused', s);
      }
      const seconds = Math.ceil((s.lockedUntil - t) / 1000);
      throw new AppError('NOT_ALLOWED', `Too many wrong PINs — try again in ${seconds} s`, true, 'pin-wait', {
        seconds,
      });
    }
    throw new AppError('NOT_ALLOWED', 'Too many PIN attempts at once — try again', true, 'pin-busy');
  }

  /** Locks the key for the next, doubled, period; returns its length in seconds. */
  function lockNow(key: string, q: KeyQueue, counted: LockoutState): number {
    const lockouts = counted.lockouts + 1;
    const ms = Math.min(maxLockMs, lockMs * 2 ** Math.min(lockouts - 1, 40));
    const lockedUntil = now() + ms;
    const locked: LockoutState = { failures: 0, lockouts, lockedUntil, calmFrom: lockedUntil };
    store.set(key, locked);
    report(key, q, 'locked', locked);
    return Math.round(ms / 1000);
  }

  async function turn(
    key: string,
    q: KeyQueue,
    verify: () => Promise<boolean>,
    { forgives = false, spends = false }: AttemptOptions,
  ): Promise<void> {
    q.waiting -= 1;
    const t = now();
    const before = current(key, t);
    if (before.lockedUntil > t) refuse(key, q, before, t);
    // Counted before the slow verification: a crash or restart mid-check does not give the guess back.
    const counted: LockoutState = {
      ...before,
      failures: before.failures + 1,
      failedAt: before.failures > 0 ? before.failedAt : t,
    };
    store.set(key, counted);
    if (await verify()) {
      if (spends) {
        if (counted.failures >= maxAttempts) lockNow(key, q, counted);
        return;
      }
      // Only this guess is given back on a shared key: the wrong ones before it were maybe not this person's.
      const after = forgives ? NO_LOCKOUT : before;
      store.set(key, after);
      // Worth the owner's eye: a right PIN after wrong ones (or, on an own key, after lockouts it wipes).
      if (before.failures > 0 || (forgives && before.lockouts > 0) || q.refused > 0)
        report(key, q, 'accepted', after);
      return;
    }
    if (counted.failures < maxAttempts) {
      report(key, q, 'wrong', counted);
      throw new AppError('NOT_ALLOWED', 'Wrong supervisor PIN', true, 'pin-wrong');
    }
    const seconds = lockNow(key, q, counted);
    throw new AppError('NOT_ALLOWED', `Wrong PIN — locked for ${seconds} s`, true, 'pin-locked', { seconds });
  }

  return {
    attempt(key, verify, attemptOpts) {
      const q = queueOf(key);
      const t = now();
      const s = current(key, t);
      // Counted on arrival: refused at once while locked, or when the guesses already admitted would
      // use up every wrong PIN left before the lockout.
      if (s.lockedUntil > t || s.failures + q.waiting >= maxAttempts) {
        try {
          refuse(key, q, s, t);
        } catch (err) {
          return Promise.reject(err);
        }
      }
      q.waiting += 1;
      const run = q.tail.then(() => turn(key, q, verify, attemptOpts ?? {}));
      q.tail = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    state: (key) => current(key, now()),
  };
}
