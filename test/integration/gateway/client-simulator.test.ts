// The real client against the real simulator over HTTP, through every scenario of OTTPAY.md and the
// issue: the domain result, or the error kind, and what the simulator's ledger says really happened.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SAMPLE_CODES } from '../../../electron/core/simulator/wallet-codes.ts';
import { gatewayError, type Harness, orderId, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.close();
});

const charged = (id: string) =>
  h.sim.control.ledger().entries.some((e) => e.type === 'charge' && e.orderId === id);
const passive = (id: string, amountCents: number, extra: { authCode?: string; tipCents?: number } = {}) =>
  h.client.passivePay({
    orderId: id,
    amountCents,
    tipCents: extra.tipCents ?? 0,
    wallet: 'WECHATPAY',
    authCode: extra.authCode ?? SAMPLE_CODES.WECHATPAY,
  });
const active = (id: string, amountCents: number, wallet: 'WECHATPAY' | 'ALIPAY' | 'UNIONPAY' = 'WECHATPAY') =>
  h.client.activePay({ orderId: id, amountCents, tipCents: 0, wallet, callbackUrl: 'http://127.0.0.1:9/cb' });

describe('passive pay scenarios', () => {
  test('00–89: paid at once; numeric fields verify; query agrees', async () => {
    const id = orderId();
    const state = await passive(id, 1234, { tipCents: 100 });
    assert.equal(state.status, 'success');
    assert.equal(state.rspCode, 'SUCCESS');
    assert.equal(state.totalAmountCents, 1334);
    assert.equal(state.tipCents, 100);
    assert.equal(state.refundedCents, 0);
    assert.ok(state.walletTxnId);
    assert.ok(state.buyerLoginId);
    assert.equal(state.tradeTime !== null && Math.abs(state.tradeTime - h.clock.now()) < 1000, true);
    assert.equal((await h.client.query(id)).status, 'success');
    assert.ok(charged(id));
  });

  test('91: PROCESSING, then paid after ~3 s', async () => {
    const id = orderId();
    const state = await passive(id, 1291);
    assert.equal(state.status, 'notpay');
    assert.equal(state.rspCode, 'PROCESSING');
    assert.equal((await h.client.query(id)).status, 'notpay');
    h.clock.advance(2_900);
    assert.equal((await h.client.query(id)).status, 'notpay');
    h.clock.advance(200);
    assert.equal((await h.client.query(id)).status, 'success');
    assert.ok(charged(id));
  });

  test('92: PROCESSING, then failure', async () => {
    const id = orderId();
    assert.equal((await passive(id, 1292)).status, 'notpay');
    h.clock.advance(3_000);
    assert.equal((await h.client.query(id)).status, 'failure');
    assert.equal(charged(id), false);
  });

  test('93: PWD_INCORRECT is declined; the order failed', async () => {
    const id = orderId();
    const err = await gatewayError(passive(id, 1293));
    assert.equal(err.kind, 'declined');
    assert.equal(err.rspCode, 'PWD_INCORRECT');
    assert.equal((await h.client.query(id)).status, 'failure');
  });

  test('94: SYSTEM_ERROR is an unknown outcome, and the order is paid', async () => {
    const id = orderId();
    const err = await gatewayError(passive(id, 1294));
    assert.equal(err.kind, 'unknown_outcome');
    assert.equal(err.rspCode, 'SYSTEM_ERROR');
    assert.equal((await h.client.query(id)).status, 'success');
    assert.ok(charged(id));
  });

  test('95: no answer until the client times out; the order is paid', async () => {
    const id = orderId();
    const held = h.sim.control.waitFor((e) => e.type === 'held' && e.orderId === id);
    const err = await gatewayError(passive(id, 1295));
    await held;
    assert.equal(err.kind, 'unknown_outcome');
    assert.equal(err.rspCode, null);
    assert.match(err.message, /no answer/);
    assert.equal((await h.client.query(id)).status, 'success');
  });

  test('96: HTTP 500 garbage is an unknown outcome; there is no order', async () => {
    const id = orderId();
    const err = await gatewayError(passive(id, 1296));
    assert.equal(err.kind, 'unknown_outcome');
    const notFound = await gatewayError(h.client.query(id));
    assert.equal(notFound.kind, 'declined');
    assert.equal(notFound.notFound, true);
    assert.equal(h.sim.control.order(id), null);
  });

  test('97: an answer whose md5 does not verify is an unknown outcome; the order is paid', async () => {
    const id = orderId();
    const err = await gatewayError(passive(id, 1297));
    assert.equal(err.kind, 'unknown_outcome');
    assert.match(err.message, /md5 does not match/);
    assert.equal((await h.client.query(id)).status, 'success');
  });

  test('98: PROCESSING, then closed after ~10 s', async () => {
    const id = orderId();
    assert.equal((await passive(id, 1298)).status, 'notpay');
    h.clock.advance(9_000);
    assert.equal((await h.client.query(id)).status, 'notpay');
    h.clock.advance(1_000);
    assert.equal((await h.client.query(id)).status, 'orderclosed');
  });

  test('99: declined', async () => {
    const id = orderId();
    const err = await gatewayError(passive(id, 1299));
    assert.equal(err.kind, 'declined');
    assert.equal(err.rspCode, 'FAIL');
    assert.equal((await h.client.query(id)).status, 'failure');
    assert.equal(charged(id), false);
  });

  test('reusing an order id: ORDER_PAID / ORDER_USED, never a second charge', async () => {
    const paid = orderId();
    await passive(paid, 500);
    const again = await gatewayError(passive(paid, 500));
    assert.equal(again.kind, 'unknown_outcome');
    assert.equal(again.rspCode, 'ORDER_PAID');
    const failed = orderId();
    await gatewayError(passive(failed, 599));
    const reused = await gatewayError(passive(failed, 500));
    assert.equal(reused.rspCode, 'ORDER_USED');
    assert.equal(h.sim.control.ledger().entries.filter((e) => e.orderId === paid).length, 1);
  });

  test('AUTH_CODE_INVALID: a code of no wallet, or of another wallet; no order', async () => {
    for (const authCode of ['999999999999999999', SAMPLE_CODES.ALIPAY]) {
      const id = orderId();
      const err = await gatewayError(passive(id, 700, { authCode }));
      assert.equal(err.kind, 'declined');
      assert.equal(err.rspCode, 'AUTH_CODE_INVALID');
      assert.equal(h.sim.control.order(id), null);
    }
  });
});

describe('active pay scenarios', () => {
  test('normal: code_url opens the wallet page; the customer pays; query says success', async () => {
    const id = orderId('A');
    const created = await active(id, 2500);
    assert.equal(created.orderId, id);
    assert.match(created.codeUrl, new RegExp(`^${h.sim.url}/wallet/[0-9a-f]+$`));
    assert.equal((await h.client.query(id)).status, 'init');
    const page = await fetch(created.codeUrl);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /25\.00/);
    assert.equal((await h.client.query(id)).status, 'notpay', 'opening the page = customer confirming');
    h.sim.control.pay(id);
    const state = await h.client.query(id);
    assert.equal(state.status, 'success');
    assert.equal(state.totalAmountCents, 2500);
    assert.ok(charged(id));
  });

  test('an unpaid order expires (orderclosed) after 5 minutes', async () => {
    const id = orderId('A');
    await active(id, 2500);
    h.clock.advance(5 * 60_000);
    assert.equal((await h.client.query(id)).status, 'orderclosed');
    assert.throws(() => h.sim.control.pay(id), /not payable/);
  });

  test('the customer cancels: failure', async () => {
    const id = orderId('A');
    await active(id, 2500);
    h.sim.control.cancel(id);
    assert.equal((await h.client.query(id)).status, 'failure');
  });

  test('91: paid by the "customer" after ~3 s; 92: fails after ~3 s', async () => {
    const paid = orderId('A');
    const failed = orderId('A');
    await active(paid, 2591);
    await active(failed, 2592);
    h.clock.advance(3_000);
    assert.equal((await h.client.query(paid)).status, 'success');
    assert.equal((await h.client.query(failed)).status, 'failure');
  });

  test('93 and 99: declined at creation', async () => {
    for (const [amount, code] of [
      [2593, 'PWD_INCORRECT'],
      [2599, 'FAIL'],
    ] as const) {
      const id = orderId('A');
      const err = await gatewayError(active(id, amount));
      assert.equal(err.kind, 'declined');
      assert.equal(err.rspCode, code);
      assert.equal((await h.client.query(id)).status, 'failure');
    }
  });

  test('94 and 95: unknown outcome, and the order is paid', async () => {
    for (const amount of [2594, 2595]) {
      const id = orderId('A');
      const err = await gatewayError(active(id, amount));
      assert.equal(err.kind, 'unknown_outcome', String(amount));
      assert.equal((await h.client.query(id)).status, 'success');
    }
  });

  test('96: unknown outcome, no order', async () => {
    const id = orderId('A');
    assert.equal((await gatewayError(active(id, 2596))).kind, 'unknown_outcome');
    assert.equal((await gatewayError(h.client.query(id))).notFound, true);
  });

  test('97: unknown outcome; the order waits for the customer', async () => {
    const id = orderId('A');
    assert.equal((await gatewayError(active(id, 2597))).kind, 'unknown_outcome');
    assert.equal((await h.client.query(id)).status, 'init');
  });

  test('98: closes after ~10 s unless paid first', async () => {
    const closes = orderId('A');
    const paidFirst = orderId('A');
    await active(closes, 2598);
    await active(paidFirst, 2598);
    h.sim.control.pay(paidFirst);
    h.clock.advance(10_000);
    assert.equal((await h.client.query(closes)).status, 'orderclosed');
    assert.equal((await h.client.query(paidFirst)).status, 'success');
  });
});

describe('refunds', () => {
  test('partial, then the rest, then nothing left; refund query on the refund id', async () => {
    const id = orderId();
    await passive(id, 1000, { tipCents: 200 });
    const first = await h.client.refund({
      refundOrderId: orderId('R'),
      originalOrderId: id,
      amountCents: 700,
    });
    assert.equal(first.status, 'partial_refunded');
    assert.equal(first.amountCents, 700);
    const afterFirst = await h.client.query(id);
    assert.equal(afterFirst.status, 'partial_refunded');
    assert.equal(afterFirst.refundedCents, 700);
    const refundState = await h.client.refundQuery(first.refundOrderId);
    assert.equal(refundState.status, 'success');
    assert.equal(refundState.totalAmountCents, 700);

    const tooMuch = await gatewayError(
      h.client.refund({ refundOrderId: orderId('R'), originalOrderId: id, amountCents: 501 }),
    );
    assert.equal(tooMuch.kind, 'declined');
    assert.match(tooMuch.message, /exceeds/);

    const rest = await h.client.refund({
      refundOrderId: orderId('R'),
      originalOrderId: id,
      amountCents: 500,
    });
    assert.equal(rest.status, 'fully_refunded');
    assert.equal((await h.client.query(id)).status, 'fully_refunded');
    const none = await gatewayError(
      h.client.refund({ refundOrderId: orderId('R'), originalOrderId: id, amountCents: 1 }),
    );
    assert.equal(none.kind, 'declined');

    const refunds = h.sim.control
      .ledger()
      .entries.filter((e) => e.type === 'refund' && e.originalOrderId === id);
    assert.deepEqual(
      refunds.map((e) => e.amountCents),
      [700, 500],
    );
  });

  test('refusals: unpaid order, unknown order, reused refund id', async () => {
    const unpaid = orderId('A');
    await active(unpaid, 800);
    const notPaid = await gatewayError(
      h.client.refund({ refundOrderId: orderId('R'), originalOrderId: unpaid, amountCents: 1 }),
    );
    assert.equal(notPaid.kind, 'declined');
    assert.equal(notPaid.rspCode, 'ORDER_TYPE_ERROR');
    const unknown = await gatewayError(
      h.client.refund({ refundOrderId: orderId('R'), originalOrderId: 'NOPE1', amountCents: 1 }),
    );
    assert.equal(unknown.kind, 'declined');
    const paid = orderId();
    await passive(paid, 800);
    const refundId = orderId('R');
    await h.client.refund({ refundOrderId: refundId, originalOrderId: paid, amountCents: 100 });
    const reused = await gatewayError(
      h.client.refund({ refundOrderId: refundId, originalOrderId: paid, amountCents: 100 }),
    );
    assert.equal(reused.kind, 'unknown_outcome', 'the refund id was seen: query it, never refund again');
    assert.equal(reused.rspCode, 'ORDER_USED');
    assert.equal((await h.client.query(paid)).refundedCents, 100);
  });

  test('refund query through a REFUND_QUERY action', async () => {
    const paid = orderId();
    await passive(paid, 800);
    const refundId = orderId('R');
    await h.client.refund({ refundOrderId: refundId, originalOrderId: paid, amountCents: 800 });
    const viaAction = h.clientFor({ refundQueryAction: 'REFUND_QUERY' });
    assert.equal((await viaAction.refundQuery(refundId)).status, 'success');
  });
});

describe('exchange rates', () => {
  test('CAD and USD, sent as JSON numbers ≥ 10^7 (Java scientific notation in the md5)', async () => {
    assert.deepEqual(await h.client.exchangeRate('CAD'), {
      currency: 'CAD',
      cnyPerUnit: 5.2,
      raw: '520000000',
    });
    assert.deepEqual(await h.client.exchangeRate('USD'), {
      currency: 'USD',
      cnyPerUnit: 7.1,
      raw: '710000000',
    });
  });
});

describe('faults and settings', () => {
  test('queries are retried through a 500, a dropped connection and a SYSTEM_ERROR', async () => {
    const id = orderId();
    await passive(id, 900);
    h.sim.control.setFaults({
      next: [
        { mode: 'http500', action: 'STATUS_QUERY' },
        { mode: 'drop', action: 'STATUS_QUERY' },
      ],
    });
    assert.equal((await h.client.query(id)).status, 'success');
    h.sim.control.injectFault({
      mode: 'rsp_code',
      rspCode: 'SYSTEM_ERROR',
      action: 'STATUS_QUERY',
      count: 2,
    });
    assert.equal((await h.client.query(id)).status, 'success');
    assert.deepEqual(h.sim.control.faults().next, []);
  });

  test('a query that keeps failing ends as unknown_outcome after its tries', async () => {
    h.sim.control.injectFault({ mode: 'http500', action: 'STATUS_QUERY', count: 3 });
    const err = await gatewayError(h.client.query('ANY1'));
    assert.equal(err.kind, 'unknown_outcome');
    assert.deepEqual(h.sim.control.faults().next, []);
  });

  test('an injected fault on a pay action is never retried', async () => {
    const id = orderId();
    h.sim.control.injectFault({ mode: 'drop', action: 'PASSIVEPAY' });
    assert.equal((await gatewayError(passive(id, 900))).kind, 'unknown_outcome');
    assert.equal(h.sim.control.order(id), null, 'the dropped request did nothing, and was not sent again');
    h.sim.control.injectFault({ mode: 'bad_md5', action: 'PASSIVEPAY' });
    assert.equal((await gatewayError(passive(id, 900))).kind, 'unknown_outcome');
    assert.equal((await h.client.query(id)).status, 'success');
  });

  test('wrong merchant or wrong key: invalid_request, said plainly', async () => {
    const wrongMerchant = await gatewayError(h.clientFor({ merchantId: 'QC99999999' }).query('X1'));
    assert.equal(wrongMerchant.kind, 'invalid_request');
    assert.match(wrongMerchant.message, /merchant/);
    const wrongKey = await gatewayError(
      h.clientFor({ signKey: 'FFFFFFFFFFFFFFFF' }).passivePay({
        orderId: orderId(),
        amountCents: 100,
        tipCents: 0,
        wallet: 'WECHATPAY',
        authCode: SAMPLE_CODES.WECHATPAY,
      }),
    );
    assert.equal(wrongKey.kind, 'invalid_request');
    assert.equal(wrongKey.rspCode, 'PARAM_ERROR');
    assert.ok(!wrongKey.message.includes('FFFFFFFFFFFFFFFF'));
  });

  test('nothing listening: network (nothing sent)', async () => {
    const err = await gatewayError(
      h.clientFor({ baseUrl: 'http://127.0.0.1:9' }).passivePay({
        orderId: orderId(),
        amountCents: 100,
        tipCents: 0,
        wallet: 'WECHATPAY',
        authCode: SAMPLE_CODES.WECHATPAY,
      }),
    );
    assert.equal(err.kind, 'network');
  });

  test('answers over the client limit: unknown outcome on a pay action, retried on a query', async () => {
    h.sim.control.injectFault({ mode: 'oversized', action: 'PASSIVEPAY' });
    const big = await gatewayError(passive(orderId(), 100));
    assert.equal(big.kind, 'unknown_outcome');
    assert.match(big.message, /larger than/);
    const id = orderId();
    await passive(id, 100);
    h.sim.control.injectFault({ mode: 'oversized', action: 'STATUS_QUERY' });
    assert.equal((await h.client.query(id)).status, 'success');
  });
});

describe('merchants are kept apart', () => {
  test("another merchant's order does not exist for you", async () => {
    const other = await startHarness({
      merchants: [
        { merchantId: 'QC00000001', signKey: '0123456789ABCDEF' },
        { merchantId: 'QC00000002', signKey: 'FEDCBA9876543210' },
      ],
    });
    try {
      const a = other.clientFor({ merchantId: 'QC00000001', signKey: '0123456789ABCDEF' });
      const b = other.clientFor({ merchantId: 'QC00000002', signKey: 'FEDCBA9876543210' });
      const id = orderId();
      await a.passivePay({
        orderId: id,
        amountCents: 100,
        tipCents: 0,
        wallet: 'ALIPAY',
        authCode: SAMPLE_CODES.ALIPAY,
      });
      assert.equal((await a.query(id)).status, 'success');
      assert.equal((await gatewayError(b.query(id))).notFound, true);
      const sandbox = await gatewayError(other.client.query(id));
      assert.equal(sandbox.kind, 'invalid_request', 'the sandbox merchant is not served here');
    } finally {
      await other.close();
    }
  });

  test('realistic URLs and string-only answers', async () => {
    const real = await startHarness({ realisticUrls: true, numericFields: false });
    try {
      const expectations = [
        ['WECHATPAY', /^weixin:\/\/wxpay\/bizpayurl\?pr=/],
        ['ALIPAY', /^https:\/\/qr\.alipay\.com\//],
        ['UNIONPAY', /^https:\/\/qr\.95516\.com\//],
      ] as const;
      for (const [wallet, shape] of expectations) {
        const id = orderId('A');
        const created = await real.client.activePay({
          orderId: id,
          amountCents: 100,
          tipCents: 0,
          wallet,
          callbackUrl: 'http://127.0.0.1:9/',
        });
        assert.match(created.codeUrl, shape);
        assert.match(real.sim.control.order(id)?.walletPageUrl ?? '', /\/wallet\//);
      }
      assert.equal((await real.client.exchangeRate('CAD')).raw, '520000000');
    } finally {
      await real.close();
    }
  });
});
