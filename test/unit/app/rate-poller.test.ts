// The CNY rate poller on a manual clock: asks at start and every 30 minutes, backs off after failures
// (30 s, 1 min, 2 min…) and returns to every 30 minutes after an answer; each answer is recorded with
// the time it was asked.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  RATE_BACKOFF_MS,
  RATE_INTERVAL_MS,
  startRatePoller,
} from '../../../electron/core/app/rate-poller.ts';
import { ManualClock } from '../../../electron/core/clock.ts';

it('asks at start and every 30 minutes, backing off after failures', async () => {
  const clock = new ManualClock();
  const t0 = clock.now();
  const asked: number[] = [];
  const recorded: Array<{ rate: number; at: number }> = [];
  let failNext = 0;
  const stop = startRatePoller({
    clock,
    fetch: async () => {
      asked.push(clock.now() - t0);
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('gateway down');
      }
      return { cnyPerUnit: 5.2, raw: '520000000' };
    },
    record: (rate, at) => recorded.push({ rate: rate.cnyPerUnit, at: at - t0 }),
  });
  await clock.advanceAsync(0);
  assert.deepEqual(asked, [0]);
  assert.deepEqual(recorded, [{ rate: 5.2, at: 0 }]);

  failNext = 3;
  await clock.advanceAsync(RATE_INTERVAL_MS);
  await clock.advanceAsync(RATE_BACKOFF_MS[0] ?? 0);
  await clock.advanceAsync(RATE_BACKOFF_MS[1] ?? 0);
  await clock.advanceAsync(RATE_BACKOFF_MS[2] ?? 0);
  const b = RATE_BACKOFF_MS;
  const tFail = RATE_INTERVAL_MS;
  assert.deepEqual(asked, [
    0,
    tFail,
    tFail + (b[0] ?? 0),
    tFail + (b[0] ?? 0) + (b[1] ?? 0),
    tFail + (b[0] ?? 0) + (b[1] ?? 0) + (b[2] ?? 0),
  ]);
  assert.equal(recorded.length, 2, 'the fourth try answered');
  await clock.advanceAsync(RATE_INTERVAL_MS - 1);
  assert.equal(asked.length, 5, 'back to every 30 minutes');
  await clock.advanceAsync(1);
  assert.equal(asked.length, 6);
  stop();
  await clock.advanceAsync(RATE_INTERVAL_MS * 2);
  assert.equal(asked.length, 6, 'stopped');
});
