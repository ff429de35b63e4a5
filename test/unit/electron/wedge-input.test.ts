import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { createWedgeInput, keyboardEventsFor } from '../../../electron/main/wedge-input.ts';
import type { WedgeKeyEvent } from '../../../shared/scanning/wedge-detector.ts';

const code = (key: string) =>
  /^\d$/.test(key) ? `Digit${key}` : key.length === 1 ? `Key${key.toUpperCase()}` : key;

/**
 * The wedge input with the real detector and a manual clock. Like Electron, a key main re-sends with
 * sendInputEvent comes back through before-input-event; what the page finally gets is in `page`.
 */
function setup(enabled = true) {
  const clock = new ManualClock();
  const fed: WedgeKeyEvent[] = [];
  const page: string[] = [];
  const resent: string[] = [];
  const wedge = createWedgeInput({
    feed: (events) => fed.push(...events),
    sink: {
      sendKey: (k) => {
        resent.push(k.key);
        if (!wedge.onInput({ type: 'keyDown', key: k.key, code: k.code })) page.push(k.key);
        wedge.onInput({ type: 'keyUp', key: k.key, code: k.code });
      },
    },
    enabled: () => enabled,
    now: () => clock.now(),
    setTimer: (fn, ms) => clock.setTimeout(fn, ms),
    clearTimer: (h) => clock.clearTimeout(h),
  });
  /** A physical key-down then key-up; returns whether the page was kept from the key-down. */
  const press = (key: string, extra: { control?: boolean } = {}) => {
    const blocked = wedge.onInput({ type: 'keyDown', key, code: code(key), ...extra });
    if (!blocked) page.push(key);
    const upBlocked = wedge.onInput({ type: 'keyUp', key, code: code(key) });
    assert.equal(upBlocked, blocked, `key-up of ${key} follows its key-down`);
    return blocked;
  };
  return { clock, fed, page, resent, wedge, press };
}

test('a scan (fast digits + Enter) never reaches the page and every key goes to the core', () => {
  const { clock, fed, page, press, resent } = setup();
  const scanned = '134567890123456789';
  for (const ch of scanned) {
    assert.equal(press(ch), true);
    clock.advance(6);
  }
  assert.equal(press('Enter'), true);
  clock.advance(1000);
  assert.equal(fed.map((e) => e.key).join(''), `${scanned}Enter`);
  assert.deepEqual(page, []);
  assert.deepEqual(resent, []);
  assert.equal(clock.pendingTimers, 0);
});

test('human typing is held only briefly, then reaches the page as real keys, in order', () => {
  const { clock, page, press } = setup();
  assert.equal(press('4'), true);
  assert.deepEqual(page, []);
  clock.advance(200); // past the detector's pause: a person
  assert.deepEqual(page, ['4']);
  press('2');
  clock.advance(90);
  press('5');
  clock.advance(300);
  assert.deepEqual(page, ['4', '2', '5']);
  assert.equal(clock.pendingTimers, 0);
});

test('a shortcut letter typed by a person still arrives as a key-down (the till listens for them)', () => {
  const { clock, page, press, resent } = setup();
  press('S');
  clock.advance(500);
  assert.deepEqual(resent, ['S']);
  assert.deepEqual(page, ['S']);
});

test('a non-text key after held digits: the digits are re-sent first, then the key passes', () => {
  const { clock, page, press } = setup();
  press('5');
  clock.advance(30);
  press('0');
  clock.advance(30);
  // Backspace is never part of a code: the held "50" is released ahead of it.
  assert.equal(press('Backspace'), false);
  assert.deepEqual(page, ['5', '0', 'Backspace']);
});

test('shortcuts, repeats and a disabled wedge pass untouched and are not fed', () => {
  const { wedge, fed, press } = setup();
  assert.equal(press('c', { control: true }), false);
  assert.equal(wedge.onInput({ type: 'keyDown', key: '7', code: 'Digit7', isAutoRepeat: true }), false);
  assert.equal(fed.length, 0);
  const off = setup(false);
  assert.equal(off.press('7'), false);
  assert.equal(off.fed.length, 0);
});

test('flush (window blur) releases what is held at once', () => {
  const { page, press, wedge, clock } = setup();
  press('9');
  wedge.flush();
  assert.deepEqual(page, ['9']);
  assert.equal(clock.pendingTimers, 0);
  wedge.dispose();
});

test('a re-sent key that never comes back does not let a later real key slip through', () => {
  const clock = new ManualClock();
  const wedge = createWedgeInput({
    feed: () => {},
    sink: { sendKey: () => {} }, // swallowed somewhere: never seen again
    enabled: () => true,
    now: () => clock.now(),
    setTimer: (fn, ms) => clock.setTimeout(fn, ms),
    clearTimer: (h) => clock.clearTimeout(h),
  });
  wedge.onInput({ type: 'keyDown', key: '3', code: 'Digit3' });
  clock.advance(5000);
  assert.equal(
    wedge.onInput({ type: 'keyDown', key: '3', code: 'Digit3' }),
    true,
    'held again, not waved through',
  );
});

test('sendInputEvent sequences: text keys get a char event, others use accelerator names', () => {
  assert.deepEqual(keyboardEventsFor({ t: 0, key: '7', code: 'Digit7' }), [
    { type: 'keyDown', keyCode: '7' },
    { type: 'char', keyCode: '7' },
    { type: 'keyUp', keyCode: '7' },
  ]);
  assert.deepEqual(keyboardEventsFor({ t: 0, key: ' ', code: 'Space' })[0], {
    type: 'keyDown',
    keyCode: 'Space',
  });
  assert.deepEqual(keyboardEventsFor({ t: 0, key: 'ArrowUp', code: 'ArrowUp' }), [
    { type: 'keyDown', keyCode: 'Up' },
    { type: 'keyUp', keyCode: 'Up' },
  ]);
});
