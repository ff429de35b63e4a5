import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  commands,
  EVENT_NAMES,
  isCommandName,
  parseCommandRequest,
  ROLE_CAN_INVOKE,
  ROLE_EVENTS,
} from '../../../shared/contract.ts';

describe('contract', () => {
  it('knows its own commands and nothing else', () => {
    assert.ok(isCommandName('sale.payActive'));
    assert.ok(!isCommandName('toString'));
    assert.ok(!isCommandName('__proto__'));
    assert.ok(!isCommandName(42));
  });

  it('accepts a well-formed request', () => {
    const r = parseCommandRequest('sale.payActive', { amountCents: 1250, tipCents: 0, wallet: 'ALIPAY' });
    assert.deepEqual(r, { ok: true, value: { amountCents: 1250, tipCents: 0, wallet: 'ALIPAY' } });
  });

  it('refuses bad payloads with a message naming the field', () => {
    const cases: Array<[Parameters<typeof parseCommandRequest>[0], unknown, RegExp]> = [
      ['sale.payActive', { amountCents: 12.5, tipCents: 0, wallet: 'ALIPAY' }, /amountCents/],
      ['sale.payActive', { amountCents: 0, tipCents: 0, wallet: 'ALIPAY' }, /amountCents/],
      ['sale.payActive', { amountCents: 100, tipCents: 0, wallet: 'PAYPAL' }, /wallet/],
      [
        'sale.payActive',
        { amountCents: 100, tipCents: 0, wallet: 'ALIPAY', extra: 1 },
        /extra|unrecognized/i,
      ],
      ['refund.create', { attemptId: 'a1', amountCents: 100, pin: '12' }, /pin/],
      ['settings.setSignKey', { signKey: 'abc', pin: '1234' }, /signKey/],
      ['report.daily', { date: '22/11/2026' }, /date/],
      ['till.snapshot', 'not an object', /till\.snapshot/],
    ];
    for (const [name, payload, pattern] of cases) {
      const r = parseCommandRequest(name, payload);
      assert.equal(r.ok, false, `${name} ${JSON.stringify(payload)} should be refused`);
      if (!r.ok) assert.match(r.message, pattern);
    }
  });

  it('never echoes a rejected sign key in the error', () => {
    const r = parseCommandRequest('settings.setSignKey', { signKey: '6698851a525c9433', pin: '1234' });
    assert.equal(r.ok, false);
    if (!r.ok) assert.ok(!r.message.includes('6698851a525c9433'));
  });

  it('gives the customer display no command and only its projection', () => {
    assert.equal(ROLE_CAN_INVOKE.customer, false);
    assert.deepEqual(ROLE_EVENTS.customer, ['customer.view']);
    assert.deepEqual([...ROLE_EVENTS.till].sort(), [...EVENT_NAMES].sort());
  });

  it('has a request schema for every command', () => {
    for (const [name, spec] of Object.entries(commands)) {
      assert.equal(typeof spec.request.safeParse, 'function', name);
    }
  });
});
