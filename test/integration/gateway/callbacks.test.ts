// Call-backs from the simulator to a real receiver that checks them with verifyCallback: delivery,
// retries on the simulator's clock, duplicates and forgeries.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, test } from 'node:test';
import {
  CALLBACK_ACK,
  type CallbackVerification,
  verifyCallback,
} from '../../../electron/core/gateway/callback.ts';
import type { CallbackDelivery } from '../../../electron/core/simulator/callbacks.ts';
import { SANDBOX_MERCHANT_ID, SANDBOX_SIGN_KEY } from '../../../electron/core/simulator/sandbox.ts';
import { gatewayError, type Harness, orderId, startHarness } from './harness.ts';

let h: Harness;
let receiver: http.Server;
let callbackUrl = '';
const received: CallbackVerification[] = [];
/** Answers to give, in order; then 200 + ack. */
let failWith: number[] = [];

before(async () => {
  h = await startHarness({ callbackRetryDelaysMs: [1_000, 2_000, 5_000] });
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const result = verifyCallback(Buffer.concat(chunks).toString('utf8'), {
        signKey: SANDBOX_SIGN_KEY,
        merchantId: SANDBOX_MERCHANT_ID,
      });
      received.push(result);
      const status = failWith.shift() ?? (result.ok ? 200 : 400);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? CALLBACK_ACK : { rsp_code: 'FAIL', rsp_msg: 'rejected' }));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ottpay/callback`;
});

after(async () => {
  await h.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

beforeEach(() => {
  received.length = 0;
  failWith = [];
  h.sim.control.setFaults({ duplicateCallbacks: false, forgedCallbacks: false, next: [] });
});

function delivery(match: (d: CallbackDelivery) => boolean): Promise<CallbackDelivery> {
  return h.sim.control
    .waitFor((e) => e.type === 'callback' && match(e.delivery))
    .then((e) => (e as { delivery: CallbackDelivery }).delivery);
}

async function paidActiveOrder(amountCents = 1500): Promise<string> {
  const id = orderId('C');
  await h.client.activePay({ orderId: id, amountCents, tipCents: 50, wallet: 'WECHATPAY', callbackUrl });
  return id;
}

test('after payment: one sealed call-back that verifies, with the order, amount and tip', async () => {
  const id = await paidActiveOrder();
  const delivered = delivery((d) => d.orderId === id);
  h.sim.control.pay(id);
  const d = await delivered;
  assert.equal(d.delivered, true);
  assert.equal(d.status, 200);
  assert.equal(received.length, 1);
  const [first] = received;
  assert.ok(first?.ok, first && !first.ok ? first.reason : '');
  assert.equal(first.callback.orderId, id);
  assert.equal(first.callback.amountCents, 1500);
  assert.equal(first.callback.tipCents, 50);
  assert.equal(first.callback.status, 'success');
  assert.equal(first.callback.walletTxnId, h.sim.control.order(id)?.walletTxnId);
  assert.equal(first.callback.exchangeRateRaw, '5.2', 'a numeric field, verified by the Java rendering rule');
  assert.ok(first.callback.finishTime !== null && Math.abs(first.callback.finishTime - h.clock.now()) < 1000);
});

test('retried on failure, on the simulator clock, until the receiver says yes', async () => {
  failWith = [500, 503];
  const id = await paidActiveOrder();
  const firstTry = delivery((d) => d.orderId === id && d.attempt === 1);
  h.sim.control.pay(id);
  assert.equal((await firstTry).delivered, false);
  const secondTry = delivery((d) => d.orderId === id && d.attempt === 2);
  h.clock.advance(1_000);
  assert.equal((await secondTry).status, 503);
  const thirdTry = delivery((d) => d.orderId === id && d.attempt === 3);
  h.clock.advance(1_999);
  assert.equal(received.length, 2, 'not before its time');
  h.clock.advance(1);
  assert.equal((await thirdTry).delivered, true);
  assert.equal(received.length, 3);
});

test('gives up after the last retry', async () => {
  failWith = [500, 500, 500, 500, 500];
  const id = await paidActiveOrder();
  const last = delivery((d) => d.orderId === id && d.attempt === 4);
  h.sim.control.pay(id);
  for (const wait of [1_000, 2_000, 5_000]) {
    await h.sim.control.waitFor((e) => e.type === 'callback' && e.delivery.orderId === id);
    h.clock.advance(wait);
  }
  assert.equal((await last).delivered, false);
  h.clock.advance(60_000);
  assert.equal(h.sim.control.callbacks().filter((d) => d.orderId === id).length, 4);
});

test('duplicate switch: the same call-back twice, both verify', async () => {
  h.sim.control.setFaults({ duplicateCallbacks: true });
  const id = await paidActiveOrder();
  const duplicate = delivery((d) => d.orderId === id && d.copy === 'duplicate');
  h.sim.control.pay(id);
  await duplicate;
  assert.equal(received.length, 2);
  assert.ok(received.every((r) => r.ok && r.callback.orderId === id));
});

test('forged switch: a forged copy first (rejected by verifyCallback), then the genuine one', async () => {
  h.sim.control.setFaults({ forgedCallbacks: true });
  const id = await paidActiveOrder();
  const genuine = delivery((d) => d.orderId === id && d.copy === 'genuine');
  h.sim.control.pay(id);
  await genuine;
  assert.equal(received.length, 2);
  const [forged, real] = received;
  assert.equal(forged?.ok, false);
  assert.match(forged && !forged.ok ? forged.reason : '', /md5 does not match/);
  assert.equal(real?.ok, true);
  const log = h.sim.control.callbacks().filter((d) => d.orderId === id);
  assert.deepEqual(
    log.map((d) => [d.copy, d.status]),
    [
      ['forged', 400],
      ['genuine', 200],
    ],
  );
});

test('94: the till heard SYSTEM_ERROR, yet the call-back says paid', async () => {
  const id = orderId('C');
  const delivered = delivery((d) => d.orderId === id);
  const err = await gatewayError(
    h.client.activePay({ orderId: id, amountCents: 1594, tipCents: 0, wallet: 'ALIPAY', callbackUrl }),
  );
  assert.equal(err.kind, 'unknown_outcome');
  assert.equal((await delivered).delivered, true);
  assert.equal(received[0]?.ok && received[0].callback.orderId, id);
});

test('no call-back for an order that is not paid', async () => {
  const id = await paidActiveOrder();
  h.sim.control.cancel(id);
  h.clock.advance(60_000);
  assert.equal(h.sim.control.callbacks().filter((d) => d.orderId === id).length, 0);
});
