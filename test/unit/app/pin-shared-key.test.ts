// Issue 22, finding 1 (the throttle itself): on the till's shared key a right PIN no longer wipes the
// wrong ones before it (it may be someone else's); wrong PINs and lockout levels wear off with time
// instead, one at a time, on the injected clock. An account's own key still starts over on its PIN.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { createMemoryLockoutStore } from '../../../electron/core/config/pin-lockout-store.ts';
import {
  createPinThrottle,
  MAX_PIN_ATTEMPTS,
  PIN_FAILURE_DECAY_MS,
  PIN_LOCK_MS,
  PIN_LOCKOUT_DECAY_MS,
} from '../../../electron/core/config/pin-throttle.ts';
import { AppError } from '../../../shared/result.ts';

const reasonOf = (p: Promise<void>) =>
  p.then(
    () => 'accepted',
    (err: AppError) => (err instanceof AppError ? (err.toData().reason ?? err.message) : String(err)),
  );

function throttleOn(clock: ManualClock) {
  return createPinThrottle({ store: createMemoryLockoutStore(), now: () => clock.now() });
}
const wrong = async () => false;
const right = async () => true;

describe('the shared key: a right PIN forgives nothing', () => {
  it('four wrong guesses, then a right PIN, over and over: the fifth wrong one locks', async () => {
    const clock = new ManualClock();
    const throttle = throttleOn(clock);
    const seen: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i < MAX_PIN_ATTEMPTS; i++) seen.push(await reasonOf(throttle.attempt('till', wrong)));
      seen.push(await reasonOf(throttle.attempt('till', right)));
    }
    assert.deepEqual(seen.slice(0, MAX_PIN_ATTEMPTS), [
      ...Array(MAX_PIN_ATTEMPTS - 1).fill('pin-wrong'),
      'accepted',
    ]);
    assert.equal(seen[MAX_PIN_ATTEMPTS], 'pin-locked', 'the right PIN wiped the wrong ones');
    // Verified wrong guesses stay within one lockout window's worth.
    assert.equal(seen.filter((r) => r === 'pin-wrong' || r === 'pin-locked').length, MAX_PIN_ATTEMPTS);
    assert.equal(throttle.state('till').lockouts, 1);
  });

  it('a right PIN on the shared key keeps the lockout level: the next lockout is twice as long', async () => {
    const clock = new ManualClock();
    const throttle = throttleOn(clock);
    for (let i = 0; i < MAX_PIN_ATTEMPTS; i++) await reasonOf(throttle.attempt('till', wrong));
    clock.advance(PIN_LOCK_MS);
    assert.equal(await reasonOf(throttle.attempt('till', right)), 'accepted');
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++)
      assert.equal(await reasonOf(throttle.attempt('till', wrong)), 'pin-wrong');
    const locked = await throttle.attempt('till', wrong).catch((err: AppError) => err.toData());
    assert.deepEqual([locked?.reason, locked?.params], ['pin-locked', { seconds: 120 }]);
  });

  it("an account's own key starts over on its own PIN", async () => {
    const clock = new ManualClock();
    const throttle = throttleOn(clock);
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i < MAX_PIN_ATTEMPTS; i++)
        assert.equal(await reasonOf(throttle.attempt('staff:7', wrong)), 'pin-wrong');
      await throttle.attempt('staff:7', right, { forgives: true });
    }
    assert.equal(throttle.state('staff:7').failures, 0);
  });
});

describe('wrong PINs and lockout levels wear off with time', () => {
  it('one wrong PIN is forgotten per decay period, not all at once', async () => {
    const clock = new ManualClock();
    const throttle = throttleOn(clock);
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++) await reasonOf(throttle.attempt('till', wrong));
    assert.equal(throttle.state('till').failures, MAX_PIN_ATTEMPTS - 1);
    clock.advance(PIN_FAILURE_DECAY_MS - 1);
    assert.equal(throttle.state('till').failures, MAX_PIN_ATTEMPTS - 1);
    clock.advance(1);
    assert.equal(throttle.state('till').failures, MAX_PIN_ATTEMPTS - 2);
    // One more wrong now would not lock; two would.
    assert.equal(await reasonOf(throttle.attempt('till', wrong)), 'pin-wrong');
    assert.equal(await reasonOf(throttle.attempt('till', wrong)), 'pin-locked');
    clock.advance(PIN_LOCK_MS + 10 * PIN_FAILURE_DECAY_MS);
    assert.equal(throttle.state('till').failures, 0);
  });

  it('a guesser who paces the guesses gets at most one per decay period past the first four', async () => {
    const clock = new ManualClock();
    const throttle = throttleOn(clock);
    let verified = 0;
    const counting = async () => {
      verified += 1;
      return false;
    };
    // A guess a minute for ten hours, and a right PIN of someone else's after every guess.
    for (let minute = 0; minute < 600; minute++) {
      await reasonOf(throttle.attempt('till', counting));
      await reasonOf(throttle.attempt('till', right));
      clock.advance(60_000);
    }
    const hours = 10;
    const bound = MAX_PIN_ATTEMPTS + (hours * 60 * 60_000) / PIN_FAILURE_DECAY_MS + 2 * MAX_PIN_ATTEMPTS;
    assert.ok(verified <= bound, `${verified} wrong PINs verified in ${hours} h (bound ${bound})`);
  });

  it('a lockout level is forgotten after a quiet decay period', async () => {
    const clock = new ManualClock();
    const throttle = throttleOn(clock);
    const lockOnce = async () => {
      for (let i = 0; i < MAX_PIN_ATTEMPTS; i++) await reasonOf(throttle.attempt('till', wrong));
    };
    await lockOnce();
    clock.advance(PIN_LOCK_MS);
    await lockOnce();
    assert.equal(throttle.state('till').lockouts, 2);
    clock.advance(2 * PIN_LOCK_MS + PIN_LOCKOUT_DECAY_MS);
    assert.equal(throttle.state('till').lockouts, 1);
    clock.advance(PIN_LOCKOUT_DECAY_MS);
    assert.equal(throttle.state('till').lockouts, 0);
  });
});

describe('lockout files from before wrong PINs wore off', () => {
  it('a stored count without a starting time starts wearing off now, not all at once', async () => {
    const clock = new ManualClock();
    const store = createMemoryLockoutStore();
    store.set('till', { failures: MAX_PIN_ATTEMPTS - 1, lockouts: 2, lockedUntil: 0 });
    const throttle = createPinThrottle({ store, now: () => clock.now() });
    assert.deepEqual(
      [throttle.state('till').failures, throttle.state('till').lockouts],
      [MAX_PIN_ATTEMPTS - 1, 2],
    );
    const locked = await throttle.attempt('till', wrong).catch((err: AppError) => err.toData());
    assert.deepEqual([locked?.reason, locked?.params], ['pin-locked', { seconds: 240 }]);
  });
});
