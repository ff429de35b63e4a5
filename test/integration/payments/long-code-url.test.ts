// Issue 22, finding 5, money side: OTTPay answered ACTIVEPAY (so the order may well exist) with a
// code_url no QR code can hold. The attempt is never shown as a QR, is cancelled at once like an
// expired QR, and is still resolved with the gateway until it closes — not lost, never charged twice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseReason } from '../../../shared/payments/attempt-reasons.ts';
import { makeRig, type Rig } from './harness.ts';

describe('an ACTIVEPAY answer with an unusable code_url', () => {
  let rig: Rig;
  before(async () => {
    rig = await makeRig();
  });
  after(() => rig?.close());

  it('is cancelled without a QR and resolved with the gateway until the order closes', async () => {
    rig.sim.control.injectFault({ mode: 'long_code_url', action: 'ACTIVEPAY' });
    rig.engine.newSale();
    const a = await rig.engine.payActive({ amountCents: 1200, tipCents: 0, wallet: 'WECHATPAY' });
    assert.equal(a.state, 'cancelling');
    assert.equal(a.qr, null);
    assert.equal(parseReason(a.reason ?? '')?.key, 'qrUnusable');
    const row = rig.journal.attempts.get(a.attemptId);
    assert.equal(row?.qrPayload, null, 'the long code_url is never kept as a QR');
    // The order exists at the gateway: the till keeps asking, and the gateway's close ends it.
    const order = rig.sim.control.orders().find((o) => o.orderId === a.orderId);
    assert.ok(order, 'the gateway created the order');
    const done = await rig.until(a.attemptId, (x) => x.state === 'expired', 'closed by the gateway');
    assert.equal(done.qr, null);
    const sends = rig.journal.events.forEntity(a.attemptId).filter((e) => e.type === 'attempt.send');
    assert.equal(sends.length, 1, 'the charge is sent once');
  });
});
