import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { ensureDefaultPin } from '../../../electron/core/config/default-pin.ts';
import { DEFAULT_PIN } from '../../../electron/core/config/defaults.ts';
import { hashPin, verifyPin } from '../../../electron/core/config/pin-hash.ts';
import {
  createFileLockoutStore,
  createMemoryLockoutStore,
  PIN_LOCKOUTS_FILE,
} from '../../../electron/core/config/pin-lockout-store.ts';
import {
  createPinThrottle,
  MAX_PIN_ATTEMPTS,
  PIN_LOCK_MS,
  type PinAttemptRecord,
} from '../../../electron/core/config/pin-throttle.ts';
import { createMemorySecretStore, type SecretStore } from '../../../electron/core/config/secret-store.ts';
import { AppError } from '../../../shared/result.ts';

const notAllowed = (re: RegExp) => (err: unknown) =>
  err instanceof AppError && err.code === 'NOT_ALLOWED' && re.test(err.message);

/** A secret store that counts how often the PIN hash is read: once per verified guess. */
function countingSecrets(): SecretStore & { pinReads: () => number } {
  const inner = createMemorySecretStore();
  let reads = 0;
  return {
    ...inner,
    get: async (name) => {
      if (name === 'pinHash') reads += 1;
      return inner.get(name);
    },
    pinReads: () => reads,
  };
}

const reasonOf = (p: Promise<void>) =>
  p.then(
    () => 'accepted',
    (err: AppError) => err.toData().reason ?? err.message,
  );

describe('PIN hashing', () => {
  it('verifies the right PIN, refuses others, and salts every hash', async () => {
    const a = await hashPin('4321');
    const b = await hashPin('4321');
    assert.notEqual(a, b);
    assert.ok(!a.includes('4321'));
    assert.equal(await verifyPin('4321', a), true);
    assert.equal(await verifyPin('4322', a), false);
    assert.equal(await verifyPin('4321', 'garbage'), false);
    assert.equal(await verifyPin('4321', 'scrypt$16384$8$1$AAAA$AAAA'), false);
  });
});

/** The till's one shared PIN key, checked against a stored hash as the till checks a supervisor's PIN. */
async function tillPin(pin: string, opts: { now?: () => number; secrets?: SecretStore } = {}) {
  const secrets = opts.secrets ?? createMemorySecretStore();
  await ensureDefaultPin(secrets);
  await secrets.set('pinHash', await hashPin(pin));
  const throttle = createPinThrottle({ store: createMemoryLockoutStore(), now: opts.now ?? (() => 0) });
  const check = (guess: string) =>
    throttle.attempt(
      'till',
      async () => {
        const stored = await secrets.get('pinHash');
        return stored !== null && (await verifyPin(guess, stored));
      },
      { forgives: true },
    );
  return { check, secrets };
}

describe('the default PIN', () => {
  it('a till with no PIN gets the documented default, hashed, and keeps a PIN it has', async () => {
    const secrets = createMemorySecretStore();
    await ensureDefaultPin(secrets);
    const stored = (await secrets.get('pinHash')) ?? '';
    assert.equal(await verifyPin(DEFAULT_PIN, stored), true);
    assert.ok(!stored.includes(DEFAULT_PIN));
    await secrets.set('pinHash', await hashPin('908172'));
    await ensureDefaultPin(secrets);
    assert.equal(await verifyPin('908172', (await secrets.get('pinHash')) ?? ''), true);
  });
});

describe("PIN throttle on one holder's key", () => {
  it(`locks for a minute after ${MAX_PIN_ATTEMPTS} wrong PINs, even for the right one`, async () => {
    const clock = new ManualClock();
    const { check } = await tillPin('908172', { now: () => clock.now() });
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++)
      await assert.rejects(check('9999'), notAllowed(/Wrong supervisor PIN/));
    await assert.rejects(check('9999'), notAllowed(/locked for 60 s/));
    await assert.rejects(check('908172'), notAllowed(/try again in 60 s/));
    // The same refusals as keys with values, for the operator's language.
    const refusal = await check('908172').then(
      () => null,
      (err: AppError) => err.toData(),
    );
    assert.deepEqual([refusal?.reason, refusal?.params], ['pin-wait', { seconds: 60 }]);
    clock.advance(PIN_LOCK_MS - 1000);
    await assert.rejects(check('908172'), notAllowed(/try again in 1 s/));
    clock.advance(1000);
    await check('908172');
  });

  it("the holder's own right PIN resets the count of wrong ones", async () => {
    const { check } = await tillPin('908172');
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i < MAX_PIN_ATTEMPTS; i++) await assert.rejects(check('9999'));
      await check('908172');
    }
  });
});

describe('PIN throttle under parallel guesses (the lockout bypass)', () => {
  it('200 guesses at once with the right PIN 151st: 5 are verified, none is accepted', async () => {
    const secrets = countingSecrets();
    const { check } = await tillPin('908172', { secrets });
    const before = secrets.pinReads();
    const guesses = Array.from({ length: 200 }, (_, i) => (i === 150 ? '908172' : String(100000 + i)));
    const reasons = await Promise.all(guesses.map((pin) => reasonOf(check(pin))));
    assert.equal(secrets.pinReads() - before, MAX_PIN_ATTEMPTS, 'PINs verified');
    assert.ok(!reasons.includes('accepted'));
    assert.notEqual(reasons[150], 'accepted');
    assert.equal(reasons.filter((r) => r === 'pin-wrong').length, MAX_PIN_ATTEMPTS - 1);
    assert.equal(reasons.filter((r) => r === 'pin-locked').length, 1);
    await assert.rejects(check('908172'), notAllowed(/try again in 60 s/));
  });

  it('800 guesses at once against one already wrong: still only the remaining 4 are verified', async () => {
    const secrets = countingSecrets();
    const { check } = await tillPin('908172', { secrets });
    await assert.rejects(check('1111'));
    const before = secrets.pinReads();
    const reasons = await Promise.all(
      Array.from({ length: 800 }, (_, i) => reasonOf(check(String(200000 + i)))),
    );
    assert.equal(secrets.pinReads() - before, MAX_PIN_ATTEMPTS - 1);
    assert.equal(reasons.filter((r) => r === 'pin-busy').length, 800 - (MAX_PIN_ATTEMPTS - 1));
  });

  it('one PIN check at a time: a second guess is verified only after the first finished', async () => {
    let running = 0;
    let most = 0;
    const throttle = createPinThrottle({ store: createMemoryLockoutStore(), now: () => 0 });
    const verify = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => setImmediate(resolve));
      running -= 1;
      return true;
    };
    await Promise.all([1, 2, 3].map(() => throttle.attempt('till', verify)));
    assert.equal(most, 1);
  });

  it('lockout keys are separate: locking one account leaves another alone', async () => {
    const throttle = createPinThrottle({ store: createMemoryLockoutStore(), now: () => 0 });
    for (let i = 0; i < MAX_PIN_ATTEMPTS; i++)
      await assert.rejects(throttle.attempt('account-1', async () => false));
    await assert.rejects(
      throttle.attempt('account-1', async () => true),
      notAllowed(/try again/),
    );
    await throttle.attempt('account-2', async () => true);
  });
});

describe('PIN lockouts grow and are journaled', () => {
  it('each lockout in a row lasts twice as long; a right PIN starts over', async () => {
    const clock = new ManualClock();
    const throttle = createPinThrottle({ store: createMemoryLockoutStore(), now: () => clock.now() });
    const lockFor = async () => {
      for (let i = 1; i < MAX_PIN_ATTEMPTS; i++)
        await assert.rejects(throttle.attempt('till', async () => false));
      const locked = await throttle
        .attempt('till', async () => false)
        .then(
          () => null,
          (err: AppError) => err.toData(),
        );
      assert.equal(locked?.reason, 'pin-locked');
      return (locked?.params as { seconds: number } | undefined)?.seconds;
    };
    assert.equal(await lockFor(), 60);
    clock.advance(60_000);
    assert.equal(await lockFor(), 120);
    clock.advance(120_000);
    assert.equal(await lockFor(), 240);
    clock.advance(240_000);
    // The key's own PIN starts over (on a shared key it does not: pin-shared-key.test.ts).
    await throttle.attempt('till', async () => true, { forgives: true });
    assert.equal(await lockFor(), 60);
  });

  it('reports wrong guesses, the lockout and one refusal per lockout window, with the count refused', async () => {
    const clock = new ManualClock();
    const records: PinAttemptRecord[] = [];
    const throttle = createPinThrottle({
      store: createMemoryLockoutStore(),
      now: () => clock.now(),
      onAttempt: (r) => records.push(r),
    });
    for (let i = 0; i < MAX_PIN_ATTEMPTS; i++)
      await assert.rejects(throttle.attempt('till', async () => false));
    for (let i = 0; i < 50; i++) await assert.rejects(throttle.attempt('till', async () => true));
    clock.advance(PIN_LOCK_MS);
    await throttle.attempt('till', async () => true);
    assert.deepEqual(
      records.map((r) => r.outcome),
      [...Array(MAX_PIN_ATTEMPTS - 1).fill('wrong'), 'locked', 'refused', 'accepted'],
    );
    assert.equal(records[MAX_PIN_ATTEMPTS]?.refused, 1);
    assert.equal(records[MAX_PIN_ATTEMPTS + 1]?.refused, 49);
  });
});

describe('PIN lockouts survive a restart', () => {
  it('a lockout and the count of wrong guesses are read back from the settings folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'till-pin-'));
    try {
      const clock = new ManualClock();
      const open = () =>
        createPinThrottle({
          store: createFileLockoutStore(dir, { maxAttempts: MAX_PIN_ATTEMPTS }),
          now: () => clock.now(),
        });
      const first = open();
      for (let i = 0; i < 3; i++) await assert.rejects(first.attempt('till', async () => false));
      const second = open();
      assert.equal(second.state('till').failures, 3);
      await assert.rejects(
        second.attempt('till', async () => false),
        notAllowed(/Wrong supervisor PIN/),
      );
      await assert.rejects(
        second.attempt('till', async () => false),
        notAllowed(/locked for 60 s/),
      );
      const third = open();
      await assert.rejects(
        third.attempt('till', async () => true),
        notAllowed(/try again in 60 s/),
      );
      clock.advance(PIN_LOCK_MS);
      for (let i = 1; i < MAX_PIN_ATTEMPTS; i++)
        await assert.rejects(third.attempt('till', async () => false));
      await assert.rejects(
        open().attempt('till', async () => false),
        notAllowed(/locked for 120 s/),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unreadable lockout file leaves one guess, not a clean slate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'till-pin-'));
    try {
      writeFileSync(join(dir, PIN_LOCKOUTS_FILE), '{not json');
      const throttle = createPinThrottle({
        store: createFileLockoutStore(dir, { maxAttempts: MAX_PIN_ATTEMPTS }),
        now: () => 0,
      });
      await assert.rejects(
        throttle.attempt('till', async () => false),
        notAllowed(/locked for 120 s/),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
