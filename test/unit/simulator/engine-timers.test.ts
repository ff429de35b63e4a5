// The simulator engine's per-order timers: an order whose timers have all fired or been cleared leaves
// no entry behind. A soak of tens of thousands of orders otherwise kept one empty set per order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { CallbackSender } from '../../../electron/core/simulator/callbacks.ts';
import { DEFAULT_TIMINGS, SimEngine } from '../../../electron/core/simulator/engine.ts';
import { SimBook, type SimOrder } from '../../../electron/core/simulator/ledger.ts';
import { simOrder } from '../../support/sim-order.ts';

function engineOn(clock: ManualClock): SimEngine {
  return new SimEngine({
    book: new SimBook(),
    clock,
    signKeys: new Map([['M1', '0123456789ABCDEF']]),
    callbacks: new CallbackSender({
      clock,
      retryDelaysMs: [],
      timeoutMs: 1_000,
      numericFields: true,
      exchangeRate: 5.2,
      onDelivery: () => {},
    }),
    timings: DEFAULT_TIMINGS,
    publicBaseUrl: () => 'http://127.0.0.1:1',
    log: () => {},
  });
}

function addOrder(engine: SimEngine, n: number): SimOrder {
  return engine.book.add(simOrder(`T${n}`, { mode: 'passive', status: 'notpay' }));
}

describe('simulator engine: order timers', () => {
  it('drops an order once its last timer has fired, even when the timer did not end the order', () => {
    const clock = new ManualClock();
    const engine = engineOn(clock);
    let fired = 0;
    for (let n = 0; n < 50; n++) {
      const order = addOrder(engine, n);
      engine.schedule(order, 1_000, () => fired++);
      engine.schedule(order, 2_000, () => fired++);
    }
    assert.equal(engine.ordersWithTimers, 50);
    clock.advance(1_000);
    assert.equal(fired, 50);
    assert.equal(engine.ordersWithTimers, 50, 'each order still has its second timer');
    clock.advance(1_000);
    assert.equal(fired, 100);
    assert.equal(engine.ordersWithTimers, 0);
    engine.close();
  });

  it('drops an order whose timer ended it, and one paid before its timer fired', () => {
    const clock = new ManualClock();
    const engine = engineOn(clock);
    const closing = addOrder(engine, 1);
    engine.schedule(closing, 500, () => engine.unpay(closing, 'orderclosed'));
    const paid = addOrder(engine, 2);
    engine.schedule(paid, 500, () => engine.unpay(paid, 'orderclosed'));
    assert.equal(engine.pay(paid), true);
    assert.equal(engine.ordersWithTimers, 1);
    clock.advance(500);
    assert.equal(closing.status, 'orderclosed');
    assert.equal(paid.status, 'success', 'a cleared timer never runs');
    assert.equal(engine.ordersWithTimers, 0);
    engine.close();
  });

  it('a timer set from inside a firing one is kept for the same order', () => {
    const clock = new ManualClock();
    const engine = engineOn(clock);
    const order = addOrder(engine, 1);
    engine.schedule(order, 100, () => engine.schedule(order, 100, () => engine.pay(order)));
    clock.advance(100);
    assert.equal(engine.ordersWithTimers, 1);
    clock.advance(100);
    assert.equal(order.status, 'success');
    assert.equal(engine.ordersWithTimers, 0);
    engine.close();
  });
});
