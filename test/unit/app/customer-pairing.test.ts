// One paired LAN customer display at a time (issue 21): the code the till offers pairs one display,
// once, within five minutes and five tries; pairing another display unpairs the first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCustomerPairing } from '../../../electron/core/app/customer-pairing.ts';
import { PAIRING_CODE_MS, PAIRING_MAX_TRIES } from '../../../shared/customer-pairing.ts';

function setup() {
  let now = 1_000_000;
  const pairing = createCustomerPairing({ now: () => now });
  return { pairing, advance: (ms: number) => (now += ms) };
}

const tokenOf = (r: ReturnType<ReturnType<typeof createCustomerPairing>['pair']>) => {
  assert.ok(r.ok, JSON.stringify(r));
  return r.value.token;
};

test('the offered code pairs one display once; its token counts, nothing else does', () => {
  const { pairing } = setup();
  assert.equal(pairing.isPaired(null), false);
  const { code } = pairing.offer();
  assert.match(code, /^\d{6}$/);
  const token = tokenOf(pairing.pair({ code: `${code.slice(0, 3)} ${code.slice(3)}` })); // as shown, spaced
  assert.match(token, /^[0-9a-f]{32}$/);
  assert.equal(pairing.isPaired(token), true);
  for (const other of [undefined, '', `${token}0`, token.toUpperCase(), 'x'.repeat(500)])
    assert.equal(pairing.isPaired(other), false);
  const again = pairing.pair({ code });
  assert.equal(!again.ok && again.error.message, 'No pairing code is waiting: ask the cashier for a new one');
});

test('pairing a second display unpairs the first', () => {
  const { pairing } = setup();
  const first = tokenOf(pairing.pair({ code: pairing.offer().code }));
  const second = tokenOf(pairing.pair({ code: pairing.offer().code }));
  assert.equal(pairing.isPaired(first), false);
  assert.equal(pairing.isPaired(second), true);
});

test('a code expires after five minutes and is void after five wrong tries', () => {
  const { pairing, advance } = setup();
  const { code, expiresAt } = pairing.offer();
  advance(PAIRING_CODE_MS + 1);
  assert.ok(expiresAt < 1_000_000 + PAIRING_CODE_MS + 1);
  assert.equal(pairing.pair({ code }).ok, false, 'expired');

  const fresh = pairing.offer().code;
  const wrong = String((Number(fresh) + 1) % 1_000_000).padStart(6, '0');
  for (let i = 0; i < PAIRING_MAX_TRIES; i++) {
    const r = pairing.pair({ code: wrong });
    assert.equal(!r.ok && r.error.message, 'That pairing code is not the one on the till');
  }
  const late = pairing.pair({ code: fresh });
  assert.equal(!late.ok && late.error.code, 'NOT_ALLOWED', 'the right code after five wrong ones is void');
});

test('anything but six digits is a VALIDATION refusal that uses no try', () => {
  const { pairing } = setup();
  const { code } = pairing.offer();
  for (const bad of [null, {}, { code: 123456 }, { code: '12345' }, { code: 'abcdef' }, { code, extra: 1 }]) {
    const r = pairing.pair(bad);
    assert.equal(!r.ok && r.error.code, 'VALIDATION', JSON.stringify(bad));
  }
  assert.ok(pairing.pair({ code }).ok);
});
