// Issue 22, finding 10: a gateway rate of 1e308 showed "≈ ¥ 1600000000000000.00" to the customer and
// printed "1 CAD = 1e+300 CNY". Rates outside 1–20 CNY per unit, and a pay_amount far from amount ×
// rate, give no ¥ line at all (customer display, history, receipt), and EX_RATE_QUERY's answer is not
// kept. A real simulator answering the hostile rate over HTTP, the real client, engine and journal.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { projectCustomerView } from '../../../electron/core/app/customer-projection.ts';
import { createGatewayClient } from '../../../electron/core/gateway/client.ts';
import { cnyFromEvents } from '../../../electron/core/printing/payment-fx.ts';
import { saleReceipt } from '../../../electron/core/printing/receipt-source.ts';
import {
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../../electron/core/simulator/sandbox.ts';
import { createSimulator, type Simulator } from '../../../electron/core/simulator/server.ts';
import type { AttemptView } from '../../../shared/domain.ts';
import { cnyFen } from '../../../shared/payments/cny.ts';
import { MAX_CNY_PER_UNIT, MIN_CNY_PER_UNIT, plausiblePayFen } from '../../../shared/payments/rate-bounds.ts';
import { layoutReceipt, receiptText } from '../../../shared/printing/receipt-layout.ts';
import { CODES, FAST_SIM, makeRig, type Rig } from './harness.ts';

const CTX = {
  shop: { name: 'Shop', address: '', phone: '' },
  sandbox: true,
  languages: { customer: 'zh' as const, operator: 'en' as const },
};

function receiptLines(rig: Rig, attemptId: string): string[] {
  const r = saleReceipt(rig.journal, attemptId, CTX, { copy: 'merchant', reprint: false });
  return receiptText(layoutReceipt(r, 48));
}

async function paidOnce(rig: Rig, amountCents: number): Promise<AttemptView> {
  rig.engine.newSale();
  await rig.engine.beginPassive({ amountCents, tipCents: 0 });
  const a = await rig.engine.submitPassiveCode(CODES.WECHATPAY(), 'serial');
  assert.equal(a.state, 'paid');
  return a;
}

describe('a gateway answering an absurd CNY rate (1e308 ×10^-8)', () => {
  let sim: Simulator;
  let rig: Rig;
  before(async () => {
    // EX_RATE_QUERY then answers a rate of 1e308 (it is ×10^8), as in the issue.
    sim = await createSimulator({ timings: FAST_SIM, rates: { CAD: 1e300 } });
    rig = await makeRig({ sim });
  });
  after(async () => {
    await rig?.close();
    await sim?.close();
  });

  it('EX_RATE_QUERY: the rate is refused, so the customer display never gets it', async () => {
    const gateway = createGatewayClient(
      {
        baseUrl: sim.url,
        merchantId: SANDBOX_MERCHANT_ID,
        operatorId: SANDBOX_OPERATOR_ID,
        signKey: SANDBOX_SIGN_KEY,
        queryRetry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      },
      {},
    );
    try {
      await assert.rejects(gateway.exchangeRate('CAD'), /outside 1–20: not used/);
    } finally {
      gateway.close();
    }
  });

  it('the paid payment keeps the gateway’s words in the journal, but no ¥ line on the receipt or in history', async () => {
    const a = await paidOnce(rig, 1234);
    const paidEvent = rig.journal.events
      .forEntity(a.attemptId)
      .find((e) => e.detail.event === 'GATEWAY_PAID' && e.detail.exchangeRate !== undefined);
    assert.ok(paidEvent, 'the gateway’s exchange_rate is kept as evidence');
    const lines = receiptLines(rig, a.attemptId);
    assert.ok(
      lines.some((l) => /CAD 12\.34/.test(l)),
      lines.join('\n'),
    );
    assert.equal(lines.filter((l) => /CNY|¥|e\+/.test(l)).length, 0, lines.join('\n'));
    assert.equal(cnyFromEvents(rig.journal.events.forEntity(a.attemptId), a), null);
  });

  it('a rate of 1e300 already in the journal shows no ¥ on the customer display', () => {
    const now = Date.now();
    const view = projectCustomerView(
      {
        saleId: 's',
        phase: 'waiting_for_scan',
        amountCents: 1000,
        tipCents: 0,
        currency: 'CAD',
        attempt: null,
      } as never,
      { currency: 'CAD', language: 'zh', sandbox: false, now, rate: { cnyPerUnit: 1e300, fetchedAt: now } },
    );
    assert.equal(view.amountCents, 1000);
    assert.equal('cnyFen' in view ? view.cnyFen : undefined, undefined);
  });
});

describe('the plausibility band', () => {
  it('takes today’s rates and refuses scaling slips and absurd values', () => {
    const now = 1_800_000_000_000;
    const fen = (rate: number) => cnyFen(1000, { cnyPerUnit: rate, fetchedAt: now }, now);
    assert.equal(fen(5.2), 5200);
    assert.equal(fen(7.1), 7100);
    for (const bad of [
      1e308,
      1e300,
      520_000_000,
      520,
      52 * 10,
      0.052,
      0.5,
      MAX_CNY_PER_UNIT + 0.01,
      MIN_CNY_PER_UNIT - 0.01,
    ])
      assert.equal(fen(bad), null, String(bad));
  });

  it('a pay_amount far from amount × rate gives no ¥ line; with or without the tip is fine', () => {
    assert.ok(plausiblePayFen(6417, 5.2, [1234]));
    assert.ok(plausiblePayFen(5200, 5.2, [1100, 1000])); // the gateway left the tip out
    assert.equal(plausiblePayFen(64_170, 5.2, [1234]), false);
    assert.equal(plausiblePayFen(1, 5.2, [1234]), false);
    const event = (payAmountFen: number) => ({
      eventId: 1,
      seq: 1,
      at: 0,
      entity: 'attempt',
      entityId: 'a',
      type: 'GATEWAY_PAID',
      cause: 'gateway',
      fromState: 'submitted',
      toState: 'paid',
      detail: { event: 'GATEWAY_PAID', exchangeRate: '5.2', payAmountFen },
    });
    const paid = { amountCents: 1234, tipCents: 0 };
    assert.deepEqual(cnyFromEvents([event(6417)] as never, paid), { rate: 5.2, payFen: 6417 });
    assert.equal(cnyFromEvents([event(9_999_999)] as never, paid), null);
  });

  it('a receipt laid out from stored facts with an absurd rate prints no ¥ lines', () => {
    const lines = receiptText(
      layoutReceipt(
        {
          body: {
            kind: 'sale',
            orderId: 'O1',
            wallet: 'WECHATPAY',
            walletTxnId: null,
            currency: 'CAD',
            amountCents: 1000,
            tipCents: 0,
            at: 0,
            cny: { rate: 1e300, payFen: null },
            refundedCents: 0,
          },
          copy: 'merchant',
          language: 'en',
          shop: CTX.shop,
          operatorId: '1',
          terminalNo: 'T1',
          sandbox: false,
          reprint: false,
        },
        48,
      ),
    );
    assert.equal(lines.filter((l) => /CNY|e\+/.test(l)).length, 0, lines.join('\n'));
  });
});
