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

  it('takes real calendar days only (the pattern alone let 2026-10-61 through)', () => {
    for (const date of ['2026-10-61', '2026-13-45', '0000-00-00', '2026-02-29', '2100-02-29', '2026-04-31'])
      assert.equal(parseCommandRequest('report.exportCsv', { date }).ok, false, date);
    for (const date of ['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])
      assert.equal(parseCommandRequest('report.daily', { date }).ok, true, date);
    assert.equal(parseCommandRequest('history.search', { from: '2026-11-31' }).ok, false);
  });

  it('refuses gatewayVersions keys that are not OTTPay actions, __proto__ included', () => {
    for (const body of ['{"__proto__":{"ACTIVEPAY":"9.9"}}', '{"constructor":"1.0"}', '{"FOO":"1.0"}']) {
      const r = parseCommandRequest('settings.update', {
        patch: { gatewayVersions: JSON.parse(body) },
        pin: '1234',
      });
      assert.equal(r.ok, false, body);
      assert.match(r.ok ? '' : r.message, /gatewayVersions: keys are OTTPay action names/);
    }
    const fine = parseCommandRequest('settings.update', {
      patch: { gatewayVersions: { ACTIVEPAY: '1.1' } },
      pin: '1234',
    });
    assert.deepEqual(fine.ok && fine.value.patch.gatewayVersions, { ACTIVEPAY: '1.1' });
  });

  it('takes a tip limit from 0 to 1000 % of the amount', () => {
    assert.equal(
      parseCommandRequest('settings.update', { patch: { maxTipPercent: 100 }, pin: '1234' }).ok,
      true,
    );
    for (const v of [-1, 1001, 12.5])
      assert.equal(
        parseCommandRequest('settings.update', { patch: { maxTipPercent: v }, pin: '1234' }).ok,
        false,
      );
  });
});
