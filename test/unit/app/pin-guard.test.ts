import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { DEFAULT_PIN } from '../../../electron/core/config/defaults.ts';
import { createPinGuard, MAX_PIN_ATTEMPTS, PIN_LOCK_MS } from '../../../electron/core/config/pin-guard.ts';
import { hashPin, verifyPin } from '../../../electron/core/config/pin-hash.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { AppError } from '../../../shared/result.ts';

const notAllowed = (re: RegExp) => (err: unknown) =>
  err instanceof AppError && err.code === 'NOT_ALLOWED' && re.test(err.message);

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

describe('PIN guard', () => {
  it('starts with the documented default PIN and lets it be changed', async () => {
    const secrets = createMemorySecretStore();
    const guard = await createPinGuard({ secrets, now: () => 0 });
    assert.equal(await guard.isDefault(), true);
    await guard.check(DEFAULT_PIN);
    await guard.change(DEFAULT_PIN, '908172');
    assert.equal(await guard.isDefault(), false);
    await assert.rejects(guard.check(DEFAULT_PIN), notAllowed(/Wrong supervisor PIN/));
    await guard.check('908172');
    assert.ok(!(await secrets.get('pinHash'))?.includes('908172'));
  });

  it('refuses to change the PIN without the old one', async () => {
    const guard = await createPinGuard({ secrets: createMemorySecretStore(), now: () => 0 });
    await assert.rejects(guard.change('0000', '5555'), notAllowed(/Wrong/));
    await guard.check(DEFAULT_PIN);
  });

  it(`locks for a minute after ${MAX_PIN_ATTEMPTS} wrong PINs, even for the right one`, async () => {
    const clock = new ManualClock();
    const guard = await createPinGuard({ secrets: createMemorySecretStore(), now: () => clock.now() });
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++)
      await assert.rejects(guard.check('9999'), notAllowed(/Wrong supervisor PIN/));
    await assert.rejects(guard.check('9999'), notAllowed(/locked for 60 s/));
    await assert.rejects(guard.check(DEFAULT_PIN), notAllowed(/try again in 60 s/));
    // The same refusals as keys with values, for the operator's language.
    const refusal = await guard.check(DEFAULT_PIN).then(
      () => null,
      (err: AppError) => err.toData(),
    );
    assert.deepEqual([refusal?.reason, refusal?.params], ['pin-wait', { seconds: 60 }]);
    clock.advance(PIN_LOCK_MS - 1000);
    await assert.rejects(guard.check(DEFAULT_PIN), notAllowed(/try again in 1 s/));
    clock.advance(1000);
    await guard.check(DEFAULT_PIN);
  });

  it('a right PIN resets the count of wrong ones', async () => {
    const guard = await createPinGuard({ secrets: createMemorySecretStore(), now: () => 0 });
    for (let round = 0; round < 3; round++) {
      for (let i = 1; i < MAX_PIN_ATTEMPTS; i++) await assert.rejects(guard.check('9999'));
      await guard.check(DEFAULT_PIN);
    }
  });
});
