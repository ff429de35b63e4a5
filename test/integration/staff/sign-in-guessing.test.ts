// Issue 22, finding 1, as it was attacked: a cashier types four wrong PINs at staff.signIn, then signs
// in with their own PIN to clear the till's lockout, and again. Before the fix that gave 121 wrong
// guesses without one lockout; now the cashier's own PIN forgives nothing: the fifth wrong guess locks
// the till, and wrong PINs only wear off with time (the injected clock).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { MAX_PIN_ATTEMPTS, PIN_LOCK_MS } from '../../../electron/core/config/pin-throttle.ts';
import { OWNER_PIN } from '../../support/sign-in.ts';
import { startTill, type TillUnderTest } from '../../support/till-calls.ts';

const CASHIER_PIN = '5150';
let till: TillUnderTest;
const clock = new ManualClock();

before(async () => {
  till = await startTill('sign-in-guessing-', { clock });
  await till.value('staff.signIn', { pin: OWNER_PIN });
  await till.value('staff.add', {
    name: 'Curious',
    role: 'cashier',
    pin: CASHIER_PIN,
    operatorId: '9',
    approverPin: OWNER_PIN,
  });
  await till.value('staff.signOut', {});
});
after(() => till.close());

it("four wrong sign-ins and the cashier's own PIN, repeated: the till locks", {
  timeout: 60_000,
}, async () => {
  const outcomes: string[] = [];
  let guess = 9000;
  for (let round = 0; round < 6; round++) {
    for (let i = 1; i < MAX_PIN_ATTEMPTS; i++)
      outcomes.push(await till.reasonOf('staff.signIn', { pin: String(guess++) }));
    outcomes.push(`own:${await till.reasonOf('staff.signIn', { pin: CASHIER_PIN })}`);
  }
  const verifiedWrong = outcomes.filter((o) => o === 'pin-wrong' || o === 'pin-locked').length;
  assert.ok(outcomes.includes('pin-locked'), `no lockout in ${outcomes.join(' ')}`);
  assert.ok(verifiedWrong <= MAX_PIN_ATTEMPTS, `${verifiedWrong} wrong PINs verified: ${outcomes.join(' ')}`);
  // The lockout is the till's: the cashier's own PIN waits too (and buys nothing back).
  assert.equal(outcomes.at(-1), 'own:pin-wait');
});

it('after the lockout the own PIN still forgives none of the wrong ones, nor the lockout', async () => {
  clock.advance(PIN_LOCK_MS);
  const outcomes: string[] = [];
  let guess = 8000;
  for (let round = 0; round < 2; round++) {
    for (let i = 0; i < 2; i++) outcomes.push(await till.reasonOf('staff.signIn', { pin: String(guess++) }));
    outcomes.push(`own:${await till.reasonOf('staff.signIn', { pin: CASHIER_PIN })}`);
  }
  assert.deepEqual(outcomes, ['pin-wrong', 'pin-wrong', 'own:ok', 'pin-wrong', 'pin-wrong', 'own:ok']);
  // The fifth wrong PIN since the lockout locks again, for twice as long as the first lockout.
  const fifth = await till.call('staff.signIn', { pin: String(guess++) });
  assert.ok(!fifth.ok);
  assert.deepEqual(
    [fifth.error.reason, fifth.error.params],
    ['pin-locked', { seconds: (2 * PIN_LOCK_MS) / 1000 }],
  );
});
