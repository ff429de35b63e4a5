// Issue 21: a refund OTTPay confirms only later (its answer was lost; the till checked it afterwards)
// is told to the till page once and said once; a refund that ends refused is told but never said;
// nothing is told while the till is locked. Real engine, real journal, real simulator over HTTP; the
// core's own refund teller and event hub; the page's rule (refundToSay) applied to what it hears.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createEventHub, type EventHub } from '../../../electron/core/app/event-hub.ts';
import { refundTeller } from '../../../electron/core/app/refund-teller.ts';
import { type Clock, systemClock } from '../../../electron/core/clock.ts';
import type { EventPayloads } from '../../../shared/events.ts';
import {
  LATE_REFUND_SAID_WITHIN_MS,
  type RefundToSay,
  refundToSay,
} from '../../../shared/speech/refund-to-say.ts';
import { makeRig, type Rig } from './harness.ts';

// The till's clock: real time, moved forward by `offsetMs` to stand for a till that was off a while.
let offsetMs = 0;
const clock: Clock = { ...systemClock, now: () => Date.now() + offsetMs };
let rig: Rig;
let signedIn = true;
const heard: EventPayloads['refund.changed'][] = [];
const saidIds = new Set<string>();
const said: RefundToSay[] = [];
let offTeller = () => {};
let hub: EventHub;

before(async () => {
  rig = await makeRig({ clock });
  hub = createEventHub((err) => {
    throw err;
  });
  // The till page: hears refund.changed and says what the rule lets it say, remembering each id.
  hub.subscribe('till', (name, payload) => {
    if (name !== 'refund.changed') return;
    const event = payload as EventPayloads['refund.changed'];
    heard.push(event);
    const say = refundToSay(event, saidIds);
    if (!say) return;
    saidIds.add(say.refundId);
    said.push(say);
  });
  offTeller = rig.engine.onChange(refundTeller({ hub, signedIn: () => signedIn }));
});
after(async () => {
  offTeller();
  await rig.close();
});

async function paid(amountCents: number) {
  rig.engine.newSale();
  const a = await rig.engine.payActive({ amountCents, tipCents: 0, wallet: 'ALIPAY' });
  rig.sim.control.pay(a.orderId);
  return rig.until(a.attemptId, (x) => x.state === 'paid');
}

/** Resolves once the refund reaches a final state, checking after each change the engine reports. */
function settled(attemptId: string, refundId: string) {
  return new Promise<string>((resolve) => {
    const check = () => {
      const r = rig.engine.refunds(attemptId).find((x) => x.refundId === refundId);
      if (r && (r.state === 'refunded' || r.state === 'failed')) {
        stop();
        resolve(r.state);
      }
    };
    const stop = rig.engine.onChange(check);
    check();
  });
}

describe('a refund confirmed later is said once', () => {
  it('lost answer: "checking", then confirmed by the till’s own check, said exactly once', async () => {
    const a = await paid(4000);
    rig.sim.control.injectFault({ mode: 'lost_answer', action: 'REFUND' });
    const r = await rig.engine.refund({ attemptId: a.attemptId, amountCents: 1500 });
    assert.equal(r.state, 'unknown', 'the answer was lost: the till checks the refund');
    assert.equal(said.length, 0, 'nothing said while it is being checked');
    assert.equal(await settled(a.attemptId, r.refundId), 'refunded');
    assert.deepEqual(said, [{ refundId: r.refundId, wallet: 'ALIPAY', cents: 1500, currency: 'CAD' }]);
    const confirmed = heard.filter((e) => e.refund.refundId === r.refundId && e.refund.state === 'refunded');
    assert.equal(confirmed.length, 1, 'the confirmation is told once');
    // Heard again (a second tab, a repeated event): the page's memory keeps it to one.
    assert.equal(refundToSay(confirmed[0] as EventPayloads['refund.changed'], saidIds), null);
  });

  it('a refund OTTPay never got ends refused after its checks: told, never said', async () => {
    const a = await paid(3000);
    const before = said.length;
    rig.sim.control.injectFault({ mode: 'drop', action: 'REFUND' });
    const r = await rig.engine.refund({ attemptId: a.attemptId, amountCents: 1000 });
    assert.equal(r.state, 'unknown');
    assert.equal(await settled(a.attemptId, r.refundId), 'failed');
    assert.ok(heard.some((e) => e.refund.refundId === r.refundId && e.refund.state === 'failed'));
    assert.equal(said.length, before);
  });

  it('a refund confirmed at once is said once too', async () => {
    const a = await paid(2000);
    const r = await rig.engine.refund({ attemptId: a.attemptId, amountCents: 500 });
    assert.equal(r.state, 'refunded');
    assert.deepEqual(said.at(-1), { refundId: r.refundId, wallet: 'ALIPAY', cents: 500, currency: 'CAD' });
    assert.equal(said.filter((s) => s.refundId === r.refundId).length, 1);
  });

  it('a locked till hears no refund', async () => {
    const a = await paid(2000);
    signedIn = false;
    const before = heard.length;
    try {
      const r = await rig.engine.refund({ attemptId: a.attemptId, amountCents: 700 });
      assert.equal(r.state, 'refunded');
      assert.equal(heard.length, before);
    } finally {
      signedIn = true;
    }
  });

  /** A refund left "checking" when the till stops; the till restarts `awayMs` later and recovers it. */
  async function confirmedAfterRestart(awayMs: number) {
    const a = await paid(2500);
    // OTTPay books it, the answer is lost, and every check fails until the till stops.
    rig.sim.control.injectFault({ mode: 'lost_answer', action: 'REFUND' });
    for (const action of ['STATUS_QUERY', 'REFUND_QUERY'])
      rig.sim.control.injectFault({ mode: 'http500', action, count: 1000 });
    const r = await rig.engine.refund({ attemptId: a.attemptId, amountCents: 900 });
    assert.equal(r.state, 'unknown');
    offTeller();
    await rig.restart();
    rig.sim.control.setFaults({ next: [] });
    offsetMs += awayMs;
    offTeller = rig.engine.onChange(refundTeller({ hub, signedIn: () => signedIn }));
    await rig.engine.recover();
    assert.equal(await settled(a.attemptId, r.refundId), 'refunded');
    return r.refundId;
  }

  it('after a restart: a refund confirmed minutes after it was asked is said; one confirmed long after is not', async () => {
    const soon = await confirmedAfterRestart(2 * 60_000);
    assert.equal(said.at(-1)?.refundId, soon, 'back within minutes: the customer may still be there');
    const before = said.length;
    const late = await confirmedAfterRestart(LATE_REFUND_SAID_WITHIN_MS + 60_000);
    assert.ok(
      heard.some((e) => e.refund.refundId === late && e.refund.state === 'refunded'),
      'told',
    );
    assert.equal(said.length, before, 'confirmed long after it was asked: not said');
  });
});
