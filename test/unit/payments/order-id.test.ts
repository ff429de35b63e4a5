import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOrderIdGenerator, isValidOrderId, parseOrderId } from '../../../shared/payments/order-id.ts';

function seq(start: number) {
  let x = start;
  return () => {
    x = (x * 9301 + 49297) % 233280;
    return x / 233280;
  };
}

describe('order ids', () => {
  it('are at most 20 of [A-Za-z0-9], carry the terminal and the time', () => {
    const now = Date.UTC(2026, 0, 15, 12);
    const gen = createOrderIdGenerator({ terminalNo: 'T01', now: () => now, random: seq(1) });
    const id = gen.next();
    assert.ok(isValidOrderId(id) && id.length <= 20, id);
    assert.ok(id.endsWith('T01'));
    assert.deepEqual(parseOrderId(id), { timeMs: now, seq: 0, terminalNo: 'T01' });
  });

  it('are unique and sort by time, even thousands within one millisecond', () => {
    let now = 1_700_000_000_000;
    const gen = createOrderIdGenerator({ terminalNo: 'A', now: () => now, random: () => 0 });
    const ids: string[] = [];
    for (let i = 0; i < 5000; i++) {
      if (i % 1000 === 999) now += 1;
      ids.push(gen.next());
    }
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), ids);
  });

  it('never go back when the clock steps backwards', () => {
    let now = 1_700_000_000_000;
    const gen = createOrderIdGenerator({ terminalNo: '9', now: () => now, random: seq(7) });
    const a = gen.next();
    now -= 60_000;
    const b = gen.next();
    assert.ok(b > a, `${b} > ${a}`);
  });

  it('are never reissued after a restart, even from an old backup with the clock set back', () => {
    const now = 1_700_000_000_000;
    const first = createOrderIdGenerator({ terminalNo: 'T1', now: () => now, random: () => 0.5 });
    const issued = [first.next(), first.next(), first.next()];
    // A new process seeded with the newest id in the journal, the clock one minute behind.
    const again = createOrderIdGenerator({
      terminalNo: 'T1',
      now: () => now - 60_000,
      random: () => 0.5,
      after: issued[2] ?? null,
    });
    const next = again.next();
    assert.ok(!issued.includes(next));
    assert.ok(next > (issued[2] ?? ''));
  });

  it('refuse a bad terminal number', () => {
    assert.throws(
      () => createOrderIdGenerator({ terminalNo: 'T-1', now: Date.now, random: Math.random }),
      RangeError,
    );
    assert.throws(
      () => createOrderIdGenerator({ terminalNo: 'TOOLONG', now: Date.now, random: Math.random }),
      RangeError,
    );
  });

  it('parse only ids of this shape', () => {
    assert.equal(parseOrderId('SIM17000000000000001'), null);
    assert.equal(parseOrderId('short'), null);
  });
});
