// The CNY side of the gateway against the real simulator: EX_RATE_QUERY answers a plausible, different
// rate for CAD and USD; STATUS_QUERY of a paid order carries exchange_rate, receive_amount and
// pay_amount at the merchant currency's rate, and the client keeps them on the order state.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SAMPLE_CODES } from '../../../electron/core/simulator/wallet-codes.ts';
import { type Harness, orderId, startHarness } from './harness.ts';

describe('exchange rates', () => {
  let cad: Harness;
  let usd: Harness;
  before(async () => {
    cad = await startHarness();
    usd = await startHarness({ currency: 'USD' });
  });
  after(async () => {
    await cad.close();
    await usd.close();
  });

  test('EX_RATE_QUERY: CNY per CAD and per USD differ and are plausible', async () => {
    const perCad = await cad.client.exchangeRate('CAD');
    const perUsd = await cad.client.exchangeRate('USD');
    assert.ok(perCad.cnyPerUnit > 4 && perCad.cnyPerUnit < 6.5, String(perCad.cnyPerUnit));
    assert.ok(perUsd.cnyPerUnit > 6 && perUsd.cnyPerUnit < 8, String(perUsd.cnyPerUnit));
    assert.notEqual(perCad.cnyPerUnit, perUsd.cnyPerUnit);
  });

  for (const [name, h, rate] of [
    ['CAD', () => cad, 5.2],
    ['USD', () => usd, 7.1],
  ] as const) {
    test(`STATUS_QUERY of a paid ${name} order reports the rate and the RMB charged`, async () => {
      const id = orderId();
      await h().client.passivePay({
        orderId: id,
        amountCents: 1234,
        tipCents: 100,
        wallet: 'WECHATPAY',
        authCode: SAMPLE_CODES.WECHATPAY,
      });
      const st = await h().client.query(id);
      assert.equal(st.status, 'success');
      assert.equal(Number(st.exchangeRateRaw), rate);
      assert.equal(st.receiveAmountCents, 1334);
      assert.equal(st.payAmountFen, Math.round(1334 * rate));
    });
  }
});
