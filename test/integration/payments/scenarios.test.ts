// Every simulator scenario (last two cent digits), passive and active, on a real journal file against the
// real simulator over HTTP: final states, reasons and the journal's event trail.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSimulator, type Simulator } from '../../../electron/core/simulator/index.ts';
import { CODES, FAST_SIM, makeRig, type Rig } from './harness.ts';

let sim: Simulator;
let rig: Rig;
before(async () => {
  sim = await createSimulator({ timings: FAST_SIM, callbackRetryDelaysMs: [100, 200] });
  rig = await makeRig({ sim, callbacks: true });
});
after(async () => {
  await rig.close();
  await sim.close();
});

const trail = (id: string) => rig.engine.history(id).map((e) => `${e.type}:${e.cause}:${e.toState}`);
const final = ['paid', 'failed', 'expired'];

/** A failure guard, not a synchronisation: the wait itself ends on the event. */
function withGuard<T>(event: Promise<T>, what: string): Promise<T> {
  let guard: NodeJS.Timeout | undefined;
  const failed = new Promise<never>((_, reject) => {
    guard = setTimeout(() => reject(new Error(what)), 20_000);
  });
  return Promise.race([event, failed]).finally(() => clearTimeout(guard));
}

async function passive(amountCents: number) {
  rig.engine.newSale();
  await rig.engine.beginPassive({ amountCents, tipCents: 0 });
  return rig.engine.submitPassiveCode(CODES.WECHATPAY(), 'serial');
}

async function active(amountCents: number) {
  rig.engine.newSale();
  return rig.engine.payActive({ amountCents, tipCents: 25, wallet: 'ALIPAY' });
}

describe('passive pay through every scenario', () => {
  it('00–90 normal: paid at once', async () => {
    const a = await passive(1200);
    assert.equal(a.state, 'paid');
    assert.ok(a.walletTxnId);
    assert.match(a.maskedCode ?? '', /^\*{4}\d{4}$/);
    assert.deepEqual(trail(a.attemptId), [
      'attempt.created:command:created',
      'attempt.send:command:submitted',
      'attempt.gateway_paid:gateway:paid',
    ]);
    assert.equal(rig.engine.currentSale()?.phase, 'paid');
  });

  it('91 PROCESSING then paid: waits for the customer, then paid by polling', async () => {
    const a = await passive(1291);
    assert.equal(a.state, 'awaiting_customer');
    const done = await rig.until(a.attemptId, (x) => final.includes(x.state));
    assert.equal(done.state, 'paid');
    assert.ok(trail(a.attemptId).includes('attempt.gateway_paid:query:paid'));
  });

  it('92 PROCESSING then failure: failed', async () => {
    const a = await passive(1292);
    const done = await rig.until(a.attemptId, (x) => final.includes(x.state));
    assert.equal(done.state, 'failed');
    assert.equal(rig.engine.currentSale()?.phase, 'failed');
  });

  it('93 PWD_INCORRECT: failed, nothing charged', async () => {
    const a = await passive(1293);
    assert.equal(a.state, 'failed');
    assert.match(a.reason ?? '', /password/i);
  });

  it('94 SYSTEM_ERROR but paid: unknown, then paid by query (never charged again)', async () => {
    const a = await passive(1294);
    assert.equal(a.state, 'unknown');
    const done = await rig.until(a.attemptId, (x) => final.includes(x.state));
    assert.equal(done.state, 'paid');
    assert.equal(sim.control.orders().filter((o) => o.orderId === a.orderId).length, 1);
  });

  it('95 no answer until the client gives up, paid: unknown, then paid', async () => {
    const a = await passive(1295);
    assert.equal(a.state, 'unknown');
    assert.equal((await rig.until(a.attemptId, (x) => final.includes(x.state))).state, 'paid');
  });

  it('96 HTTP 500 garbage, no order: unknown, then failed once "not found" can be believed', async () => {
    const a = await passive(1296);
    assert.equal(a.state, 'unknown');
    const done = await rig.until(a.attemptId, (x) => final.includes(x.state));
    assert.equal(done.state, 'failed');
    assert.match(done.reason ?? '', /never received/);
    assert.ok(trail(a.attemptId).includes('attempt.not_found:query:failed'));
  });

  it('97 md5 does not verify (paid): unknown, then paid by query', async () => {
    const a = await passive(1297);
    assert.equal(a.state, 'unknown');
    assert.equal((await rig.until(a.attemptId, (x) => final.includes(x.state))).state, 'paid');
  });

  it('98 PROCESSING then orderclosed: expired', async () => {
    const a = await passive(1298);
    assert.equal(a.state, 'awaiting_customer');
    assert.equal((await rig.until(a.attemptId, (x) => final.includes(x.state))).state, 'expired');
  });

  it('99 declined: failed; the sale may try again with a new attempt and a new order id', async () => {
    const a = await passive(1299);
    assert.equal(a.state, 'failed');
    await rig.engine.beginPassive({ amountCents: 1200, tipCents: 0 });
    const b = await rig.engine.submitPassiveCode(CODES.ALIPAY());
    assert.equal(b.state, 'paid');
    assert.equal(b.saleId, a.saleId);
    assert.notEqual(b.orderId, a.orderId);
  });
});

describe('active pay through every scenario', () => {
  it('normal: QR, the customer pays, paid (call-back confirmed by a query)', async () => {
    const a = await active(2000);
    assert.equal(a.state, 'awaiting_customer');
    assert.ok(a.qr?.payload.startsWith(sim.url));
    // The poll may see the payment before the call-back arrives: wait for the till to have answered the
    // call-back (it answers only once the call-back is journaled), listening before the payment.
    const delivered = sim.control.waitFor(
      (e) => e.type === 'callback' && e.delivery.orderId === a.orderId && e.delivery.delivered,
    );
    sim.control.pay(a.orderId);
    const done = await rig.until(a.attemptId, (x) => x.state === 'paid');
    assert.ok(done.walletTxnId);
    await withGuard(delivered, 'the call-back was never answered 2xx by the till');
    const cb = rig.journal.callbacks.forOrder(a.orderId);
    assert.ok(cb.some((c) => c.verdict === 'accepted' || c.verdict === 'duplicate'));
  });

  it('normal, nobody pays: our QR expires, the attempt keeps resolving, then expired when the gateway closes it', async () => {
    const a = await active(2001);
    const cancelling = await rig.until(a.attemptId, (x) => x.state === 'cancelling');
    assert.equal(cancelling.qr, null, 'the display stops offering the QR');
    const done = await rig.until(a.attemptId, (x) => final.includes(x.state));
    assert.equal(done.state, 'expired');
    assert.ok(trail(a.attemptId).includes('attempt.cancel:timeout:cancelling'));
  });

  it('91: the customer pays after a while: paid', async () => {
    const a = await active(2091);
    assert.equal((await rig.until(a.attemptId, (x) => final.includes(x.state))).state, 'paid');
  });

  it('92: the order fails: failed', async () => {
    const a = await active(2092);
    assert.equal((await rig.until(a.attemptId, (x) => final.includes(x.state))).state, 'failed');
  });

  it('93 and 99: refused at creation: failed, no QR', async () => {
    for (const amount of [2093, 2099]) {
      const a = await active(amount);
      assert.equal(a.state, 'failed');
      assert.equal(a.qr, null);
    }
  });

  it('94 and 95: the answer is lost but the order is paid: resolved by call-back + query, never charged again', async () => {
    for (const amount of [2094, 2095]) {
      const a = await active(amount);
      // The call-back (confirmed by a query) may beat the failed pay answer; either way: no QR, then paid.
      assert.ok(a.state === 'unknown' || a.state === 'paid', a.state);
      assert.equal(a.qr, null);
      assert.equal((await rig.until(a.attemptId, (x) => final.includes(x.state))).state, 'paid');
      assert.equal(sim.control.ledger().entries.filter((e) => e.orderId === a.orderId).length, 1);
    }
  });

  it('96: unknown, then failed (the gateway never had it)', async () => {
    const a = await active(2096);
    assert.equal(a.state, 'unknown');
    assert.equal((await rig.until(a.attemptId, (x) => final.includes(x.state))).state, 'failed');
  });

  it('97: an unverifiable answer is unknown; the order exists and is resolved by query', async () => {
    const a = await active(2097);
    assert.equal(a.state, 'unknown');
    await rig.until(a.attemptId, (x) => x.state === 'awaiting_customer');
    assert.equal(rig.engine.attempt(a.attemptId).qr, null, 'no QR from an answer that did not verify');
    sim.control.pay(a.orderId);
    assert.equal((await rig.until(a.attemptId, (x) => final.includes(x.state))).state, 'paid');
  });

  it('98: the gateway closes the order: expired', async () => {
    const a = await active(2098);
    assert.equal((await rig.until(a.attemptId, (x) => final.includes(x.state))).state, 'expired');
  });
});
