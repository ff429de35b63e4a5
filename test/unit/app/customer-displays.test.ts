// Issue 21: can a customer display answer the tip ask? The Electron customer window counts while open;
// a LAN display counts while its stream is connected and it is the paired one. The decision, and the
// core's register of displays with the real pairing (a display paired before another stops counting).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCustomerDisplays } from '../../../electron/core/app/customer-displays.ts';
import { createCustomerPairing } from '../../../electron/core/app/customer-pairing.ts';
import { canAnswerTipAsk } from '../../../shared/customer-display-presence.ts';

test('the decision: a customer window, or a paired LAN display; nothing else', () => {
  assert.equal(canAnswerTipAsk([]), false);
  assert.equal(canAnswerTipAsk([{ kind: 'lan', paired: false }]), false);
  assert.equal(
    canAnswerTipAsk([
      { kind: 'lan', paired: false },
      { kind: 'lan', paired: false },
    ]),
    false,
  );
  assert.equal(canAnswerTipAsk([{ kind: 'lan', paired: true }]), true);
  assert.equal(canAnswerTipAsk([{ kind: 'window' }]), true);
  assert.equal(canAnswerTipAsk([{ kind: 'lan', paired: false }, { kind: 'window' }]), true);
});

function rig() {
  let code = 100_000;
  let token = 0;
  const pairing = createCustomerPairing({
    now: () => 0,
    code: () => String(++code),
    token: () => `token-${++token}`,
  });
  let changes = 0;
  const displays = createCustomerDisplays({
    isPaired: (t) => pairing.isPaired(t),
    changed: () => {
      changes++;
    },
  });
  const pairNow = (): string => {
    const offer = pairing.offer();
    const paired = pairing.pair({ code: offer.code });
    assert.ok(paired.ok);
    return paired.value.token;
  };
  return { displays, pairNow, changes: () => changes };
}

test('the Electron customer window counts while it is open', () => {
  const { displays, changes } = rig();
  assert.equal(displays.canAnswerTipAsk(), false);
  const leave = displays.joined({ kind: 'window' });
  assert.equal(displays.canAnswerTipAsk(), true);
  leave();
  assert.equal(displays.canAnswerTipAsk(), false);
  leave(); // a second leave changes nothing
  assert.equal(changes(), 2, 'one push when it came, one when it went');
});

test('a LAN display counts only while paired and connected', () => {
  const { displays, pairNow } = rig();
  const unpaired = displays.joined({ kind: 'lan', token: null });
  const forged = displays.joined({ kind: 'lan', token: 'not-a-pairing' });
  assert.equal(displays.canAnswerTipAsk(), false, 'an unpaired display is never sent the ask');
  const first = pairNow();
  const firstStream = displays.joined({ kind: 'lan', token: first });
  assert.equal(displays.canAnswerTipAsk(), true);
  firstStream();
  assert.equal(displays.canAnswerTipAsk(), false, 'its stream closed: it cannot answer');
  const again = displays.joined({ kind: 'lan', token: first });
  assert.equal(displays.canAnswerTipAsk(), true);
  // Another display pairs (and has not connected yet): the first one's pairing is void.
  const second = pairNow();
  assert.equal(displays.canAnswerTipAsk(), false, 'a display paired before another stops counting');
  const secondStream = displays.joined({ kind: 'lan', token: second });
  assert.equal(displays.canAnswerTipAsk(), true);
  for (const leave of [unpaired, forged, again, secondStream]) leave();
  assert.equal(displays.canAnswerTipAsk(), false);
});
