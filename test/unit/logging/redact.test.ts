import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskDigits, REDACTED, redact, redactText } from '../../../electron/core/logging/redact.ts';

test('a 16 upper-hex sign key in free text is redacted', () => {
  const out = redactText('loaded key 0123456789ABCDEF for QC00005496');
  assert.equal(out, `loaded key ${REDACTED} for QC00005496`);
});

test('wallet payment codes (long digit runs) keep only first and last 4 digits', () => {
  assert.equal(redactText('scan 134567890123456789 ok'), 'scan 1345**********6789 ok');
  assert.equal(maskDigits('2812345678901234'), '2812********1234');
});

test('timestamps, amounts and order ids stay readable', () => {
  const line = 'order QC0000549617635 at 1763600000000 for 1250 cents, key 0123456789abcdef';
  assert.equal(redactText(line), line);
});

test('pin and sign-key pairs in text are redacted whatever the value looks like', () => {
  assert.equal(redactText('pin=1234 oldPin: 5678'), `pin=${REDACTED} oldPin: ${REDACTED}`);
  assert.equal(redactText('{"pin":"4321","amountCents":5}'), `{"pin":"${REDACTED}","amountCents":5}`);
  assert.equal(redactText('sign_key=abc'), `sign_key=${REDACTED}`);
  // Words that merely end in a secret's name are left alone.
  assert.equal(redactText('spin=3 pinned: yes'), 'spin=3 pinned: yes');
});

test('structured fields: secret names are blanked at any depth, other strings scrubbed', () => {
  const input = {
    request: { signKey: '0123456789ABCDEF', pin: '1234', amountCents: 100, wallet: 'ALIPAY' },
    list: [{ newPin: '9999' }, 'code 281234567890123456'],
    pinHash: 'scrypt$abc',
    note: null,
  };
  assert.deepEqual(redact(input), {
    request: { signKey: REDACTED, pin: REDACTED, amountCents: 100, wallet: 'ALIPAY' },
    list: [{ newPin: REDACTED }, 'code 2812**********3456'],
    pinHash: REDACTED,
    note: null,
  });
});

test('errors keep name and scrubbed message; cycles do not loop', () => {
  const err = new Error('bad sign 0123456789ABCDEF');
  const out = redact(err) as { name: string; message: string; stack: string };
  assert.equal(out.message, `bad sign ${REDACTED}`);
  assert.doesNotMatch(out.stack, /0123456789ABCDEF/);
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  assert.deepEqual(redact(cyclic), { a: 1, self: '[…]' });
});
