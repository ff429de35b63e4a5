import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock, sleep, systemClock } from '../../../electron/core/clock.ts';

test('ManualClock runs due timers in order, with now() at each due time', () => {
  const clock = new ManualClock(1000);
  const seen: string[] = [];
  clock.setTimeout(() => seen.push(`b@${clock.now()}`), 20);
  clock.setTimeout(() => seen.push(`a@${clock.now()}`), 10);
  clock.setTimeout(() => seen.push(`c@${clock.now()}`), 20);
  const cleared = clock.setTimeout(() => seen.push('never'), 5);
  clock.clearTimeout(cleared);
  clock.advance(15);
  assert.deepEqual(seen, ['a@1010']);
  assert.equal(clock.now(), 1015);
  clock.advance(100);
  assert.deepEqual(seen, ['a@1010', 'b@1020', 'c@1020']);
  assert.equal(clock.now(), 1115);
  assert.equal(clock.pendingTimers, 0);
});

test('timers set by a timer run in the same advance when they fall inside it', () => {
  const clock = new ManualClock(0);
  const seen: number[] = [];
  clock.setTimeout(() => {
    seen.push(clock.now());
    clock.setTimeout(() => seen.push(clock.now()), 5);
    clock.setTimeout(() => seen.push(clock.now()), 50);
  }, 10);
  clock.advance(20);
  assert.deepEqual(seen, [10, 15]);
  assert.equal(clock.pendingTimers, 1);
});

test('advanceAsync lets awaiting code schedule its next step', async () => {
  const clock = new ManualClock(0);
  const steps: number[] = [];
  const loop = (async () => {
    for (let i = 0; i < 3; i++) {
      await sleep(clock, 100);
      steps.push(clock.now());
    }
  })();
  await clock.advanceAsync(300);
  await loop;
  assert.deepEqual(steps, [100, 200, 300]);
  assert.throws(() => clock.advance(-1), RangeError);
});

test('systemClock is real time', async () => {
  const before = systemClock.now();
  assert.ok(Math.abs(before - Date.now()) < 1000);
  const fired = await new Promise<boolean>((resolve) => {
    systemClock.setTimeout(() => resolve(true), 1);
  });
  assert.equal(fired, true);
  const handle = systemClock.setTimeout(() => assert.fail('cleared timer ran'), 1);
  systemClock.clearTimeout(handle);
});
