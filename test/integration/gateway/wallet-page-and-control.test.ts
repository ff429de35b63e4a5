// The wallet page as a phone would use it (plain HTTP form posts), the /_sim control endpoints, and a
// clean close() with a request still held open.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { createGatewayClient } from '../../../electron/core/gateway/client.ts';
import {
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../../electron/core/simulator/sandbox.ts';
import { createSimulator } from '../../../electron/core/simulator/server.ts';
import { SAMPLE_CODES } from '../../../electron/core/simulator/wallet-codes.ts';
import { gatewayError, type Harness, orderId, startHarness } from './harness.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.close();
});

async function activeOrder(amountCents: number, tipCents = 0) {
  const id = orderId('W');
  const { codeUrl } = await h.client.activePay({
    orderId: id,
    amountCents,
    tipCents,
    wallet: 'ALIPAY',
    callbackUrl: 'http://127.0.0.1:9/cb',
  });
  return { id, codeUrl };
}

const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);

test('the wallet page shows amount, wallet and Pay/Cancel; pressing Pay pays', async () => {
  const { id, codeUrl } = await activeOrder(1234, 100);
  const page = await fetch(codeUrl);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  const html = await page.text();
  assert.match(html, /Alipay/);
  assert.match(html, />13\.34</);
  assert.match(html, /including tip 1\.00/);
  assert.deepEqual(buttons(html), ['Pay', 'Cancel']);
  const form = /<form method="post" action="([^"]+\/pay)">/.exec(html);
  assert.ok(form?.[1]);
  const paid = await fetch(new URL(form[1], codeUrl), { method: 'POST' });
  const after = await paid.text();
  assert.match(after, /Payment successful/);
  assert.deepEqual(buttons(after), [], 'no buttons once paid');
  assert.equal((await h.client.query(id)).status, 'success');
  const again = await (await fetch(`${codeUrl}/pay`, { method: 'POST' })).text();
  assert.match(again, /Cannot pay: the order is success/);
  assert.equal(h.sim.control.ledger().entries.filter((e) => e.orderId === id).length, 1);
});

test('pressing Cancel fails the order', async () => {
  const { id, codeUrl } = await activeOrder(500);
  const html = await (await fetch(`${codeUrl}/cancel`, { method: 'POST' })).text();
  assert.match(html, /Payment cancelled/);
  assert.equal((await h.client.query(id)).status, 'failure');
});

test('unknown wallet page: 404 page; GET on an action: 405', async () => {
  const missing = await fetch(`${h.sim.url}/wallet/00ff00ff`);
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /Order not found/);
  const { codeUrl } = await activeOrder(500);
  const wrongMethod = await fetch(`${codeUrl}/pay`);
  assert.equal(wrongMethod.status, 405);
  await wrongMethod.text();
});

test('control endpoints: pay, cancel, order, orders, ledger, callbacks, faults, health', async () => {
  const json = async <T = Record<string, unknown>>(path: string, init?: RequestInit) => {
    const res = await fetch(`${h.sim.url}${path}`, init);
    return { status: res.status, body: (await res.json()) as T };
  };
  const { id } = await activeOrder(700);
  const other = await activeOrder(800);
  assert.equal((await json(`/_sim/orders/${id}`)).body.status, 'init');
  const paid = await json(`/_sim/orders/${id}/pay`, { method: 'POST' });
  assert.equal(paid.status, 200);
  assert.equal(paid.body.status, 'success');
  assert.match(String(paid.body.walletPageUrl), /\/wallet\//);
  assert.equal((await json(`/_sim/orders/${other.id}/cancel`, { method: 'POST' })).body.status, 'failure');
  const orders = (await json<Array<{ orderId: string }>>('/_sim/orders')).body;
  assert.ok(orders.some((o) => o.orderId === id) && orders.some((o) => o.orderId === other.id));
  const ledger = (
    await json<{
      entries: Array<{ orderId: string }>;
      chargedCents: number;
      refundedCents: number;
      netCents: number;
    }>('/_sim/ledger')
  ).body;
  assert.ok(ledger.entries.some((e) => e.orderId === id));
  assert.equal(ledger.netCents, ledger.chargedCents - ledger.refundedCents);
  assert.ok(Array.isArray((await json<unknown>('/_sim/callbacks')).body));
  const set = await json('/_sim/faults', {
    method: 'POST',
    body: JSON.stringify({ duplicateCallbacks: true, add: { mode: 'http500', action: 'STATUS_QUERY' } }),
  });
  assert.equal(set.status, 200);
  assert.equal(set.body.duplicateCallbacks, true);
  assert.equal((await json<{ next: unknown[] }>('/_sim/faults')).body.next.length, 1);
  await json('/_sim/faults', {
    method: 'POST',
    body: JSON.stringify({ duplicateCallbacks: false, next: [] }),
  });
  assert.deepEqual((await json('/_sim/health')).body, { ok: true });
});

test('close() ends a held request and every timer, promptly', async () => {
  const clock = new ManualClock();
  const sim = await createSimulator({ clock });
  const client = createGatewayClient({
    baseUrl: sim.url,
    merchantId: SANDBOX_MERCHANT_ID,
    operatorId: SANDBOX_OPERATOR_ID,
    signKey: SANDBOX_SIGN_KEY,
    timeoutMs: 60_000,
  });
  const id = orderId('H');
  const held = sim.control.waitFor((e) => e.type === 'held');
  const pending = gatewayError(
    client.passivePay({
      orderId: id,
      amountCents: 195,
      tipCents: 0,
      wallet: 'WECHATPAY',
      authCode: SAMPLE_CODES.WECHATPAY,
    }),
  );
  await client.activePay({
    orderId: orderId('H'),
    amountCents: 198,
    tipCents: 0,
    wallet: 'WECHATPAY',
    callbackUrl: 'http://127.0.0.1:9/',
  });
  await held;
  assert.ok(clock.pendingTimers > 0);
  const started = Date.now();
  await sim.close();
  const err = await pending;
  assert.ok(Date.now() - started < 2_000);
  assert.equal(err.kind, 'unknown_outcome', 'the socket closed after the request was sent');
  assert.equal(clock.pendingTimers, 0, 'no timer left behind');
  await sim.close();
  client.close();
});

test('the held request is dropped after holdMs on the simulator clock', async () => {
  const clock = new ManualClock();
  const sim = await createSimulator({ clock, timings: { holdMs: 30_000 } });
  const client = createGatewayClient({
    baseUrl: sim.url,
    merchantId: SANDBOX_MERCHANT_ID,
    operatorId: SANDBOX_OPERATOR_ID,
    signKey: SANDBOX_SIGN_KEY,
    timeoutMs: 60_000,
  });
  try {
    const held = sim.control.waitFor((e) => e.type === 'held');
    const pending = gatewayError(
      client.passivePay({
        orderId: orderId('H'),
        amountCents: 295,
        tipCents: 0,
        wallet: 'WECHATPAY',
        authCode: SAMPLE_CODES.WECHATPAY,
      }),
    );
    await held;
    clock.advance(30_000);
    assert.equal((await pending).kind, 'unknown_outcome');
  } finally {
    client.close();
    await sim.close();
  }
});

test('wallet page URLs: a given public base URL, and loopback for clients when bound to all interfaces', async () => {
  const sim = await createSimulator({ host: '0.0.0.0', publicBaseUrl: 'http://192.0.2.10:8070/' });
  const client = createGatewayClient({
    baseUrl: sim.url,
    merchantId: SANDBOX_MERCHANT_ID,
    operatorId: SANDBOX_OPERATOR_ID,
    signKey: SANDBOX_SIGN_KEY,
  });
  try {
    assert.match(sim.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(sim.publicBaseUrl, 'http://192.0.2.10:8070');
    const { codeUrl } = await client.activePay({
      orderId: orderId('L'),
      amountCents: 100,
      tipCents: 0,
      wallet: 'WECHATPAY',
      callbackUrl: 'http://127.0.0.1:9/',
    });
    assert.match(codeUrl, /^http:\/\/192\.0\.2\.10:8070\/wallet\/[0-9a-f]+$/);
    const page = await fetch(`${sim.url}${new URL(codeUrl).pathname}`);
    assert.equal(page.status, 200);
    await page.text();
  } finally {
    client.close();
    await sim.close();
  }
});
