// The watcher's end: a check that keeps failing once its watch is past its end stops and hands over to
// onGiveUp, rather than being asked again at once, for ever (a one-shot watch, like the second look
// after "no such order", is past its end at its first check).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { createWatcher } from '../../../electron/core/payments/watcher.ts';

describe('watcher', () => {
  it('ends a watch whose check fails past its end, and gives up once', async () => {
    const clock = new ManualClock();
    const errors: string[] = [];
    const watcher = createWatcher(clock, (key) => errors.push(key));
    let checks = 0;
    let gaveUp = 0;
    watcher.watch({
      key: 'one-shot',
      fastMs: 1_000,
      fastUntil: clock.now() + 1_000,
      giveUpAt: clock.now() + 1_000,
      maxDelayMs: 1_000,
      check: async () => {
        checks += 1;
        // Without an end, stop the test's loop here: the count below is what fails.
        if (checks > 5) watcher.stop('one-shot');
        throw new Error('journal busy');
      },
      onGiveUp: () => {
        gaveUp += 1;
      },
    });
    await clock.advanceAsync(999);
    assert.equal(checks, 0);
    await clock.advanceAsync(5_000);
    assert.equal(checks, 1);
    assert.equal(gaveUp, 1);
    assert.deepEqual(errors, ['one-shot']);
    assert.equal(watcher.has('one-shot'), false);
  });

  it('still asks again after a failed check before its end', async () => {
    const clock = new ManualClock();
    const watcher = createWatcher(clock, () => {});
    let checks = 0;
    watcher.watch({
      key: 'k',
      fastMs: 100,
      fastUntil: clock.now() + 1_000,
      giveUpAt: clock.now() + 2_000,
      maxDelayMs: 500,
      check: async () => {
        checks += 1;
        if (checks === 1) throw new Error('once');
        return true;
      },
      onGiveUp: () => assert.fail('not given up'),
    });
    await clock.advanceAsync(250);
    assert.equal(checks, 2);
    assert.equal(watcher.has('k'), false);
  });
});
