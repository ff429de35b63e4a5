// The pace at which a page tries its event stream again: soon and at most once a second while nothing
// answers (a restarting till is heard again within a second of answering), 1 s doubling to 15 s while
// the till answers and refuses, from the start again once the stream opens.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createReconnectSchedule,
  REFUSED_MAX_MS,
  UNREACHABLE_MAX_MS,
} from '../../../renderer/transport/reconnect-schedule.ts';

const waits = (kinds: ('unreachable' | 'refused')[]) => {
  const schedule = createReconnectSchedule();
  return kinds.map((k) => schedule.failed(k));
};

describe('reconnect schedule', () => {
  it('tries an unreachable till soon, then once a second, never slower', () => {
    const steps = waits(Array(20).fill('unreachable'));
    assert.deepEqual(steps.slice(0, 4), [250, 500, 1_000, 1_000]);
    assert.ok(
      steps.every((ms) => ms <= UNREACHABLE_MAX_MS),
      'a till that comes back is tried within a second',
    );
    // Bounded: a dead till gets no more than one attempt a second once the first two are spent.
    assert.ok(steps.slice(2).every((ms) => ms === UNREACHABLE_MAX_MS));
  });

  it('backs off from 1 s to 15 s while the till answers and refuses', () => {
    assert.deepEqual(waits(Array(7).fill('refused')), [
      1_000,
      2_000,
      4_000,
      8_000,
      REFUSED_MAX_MS,
      REFUSED_MAX_MS,
      REFUSED_MAX_MS,
    ]);
  });

  it('a till that refused while closing and then went away is tried at the unreachable pace', () => {
    // A closing shell answers 503, then its port is gone until the new one listens.
    const steps = waits(['refused', 'refused', 'refused', 'unreachable', 'unreachable', 'unreachable']);
    assert.deepEqual(steps, [1_000, 2_000, 4_000, 250, 500, 1_000]);
  });

  it('starts again from the first wait once the stream has opened', () => {
    const schedule = createReconnectSchedule();
    for (let i = 0; i < 5; i++) schedule.failed('unreachable');
    for (let i = 0; i < 5; i++) schedule.failed('refused');
    schedule.opened();
    assert.equal(schedule.failed('unreachable'), 250);
    assert.equal(schedule.failed('refused'), 1_000);
  });
});
