import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createKioskLock } from '../../../electron/main/kiosk-lock.ts';

const event = () => {
  const e = { prevented: false, preventDefault: () => (e.prevented = true) };
  return e;
};

test('locked: every quit is held and the PIN asked for, until released', () => {
  let asked = 0;
  const lock = createKioskLock({ locked: true, askForPin: () => ++asked > 0 });
  const first = event();
  assert.equal(lock.hold(first), true);
  assert.equal(first.prevented, true);
  assert.equal(asked, 1);
  lock.release();
  const later = event();
  assert.equal(lock.hold(later), false);
  assert.equal(later.prevented, false);
  assert.equal(asked, 1);
});

test('not in kiosk mode, or no till page to ask: quits go through', () => {
  const open = createKioskLock({ locked: false, askForPin: () => true });
  assert.equal(open.hold(event()), false);
  const starting = createKioskLock({ locked: true, askForPin: () => false });
  const e = event();
  assert.equal(starting.hold(e), false);
  assert.equal(e.prevented, false);
});
