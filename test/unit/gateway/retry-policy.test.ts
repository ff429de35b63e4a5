import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelayMs, withRetries } from '../../../electron/core/gateway/retry-policy.ts';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300 };

test('delay is full jitter under a doubling, capped ceiling', () => {
  assert.equal(
    backoffDelayMs(1, policy, () => 1),
    100,
  );
  assert.equal(
    backoffDelayMs(2, policy, () => 1),
    200,
  );
  assert.equal(
    backoffDelayMs(3, policy, () => 1),
    300,
  );
  assert.equal(
    backoffDelayMs(10, policy, () => 1),
    300,
  );
  assert.equal(
    backoffDelayMs(3, policy, () => 0),
    0,
  );
  assert.equal(
    backoffDelayMs(2, policy, () => 0.5),
    100,
  );
  assert.equal(
    backoffDelayMs(2, policy, () => 7),
    200,
    'a random() out of range is clamped',
  );
});

test('retries retryable failures up to maxAttempts, sleeping between', async () => {
  const slept: number[] = [];
  let calls = 0;
  await assert.rejects(
    withRetries(
      async () => {
        calls += 1;
        throw new Error('transient');
      },
      () => true,
      policy,
      { random: () => 1, sleep: async (ms) => void slept.push(ms) },
    ),
    /transient/,
  );
  assert.equal(calls, 4);
  assert.deepEqual(slept, [100, 200, 300]);
});

test('stops at the first non-retryable failure, and returns the first success', async () => {
  let calls = 0;
  await assert.rejects(
    withRetries(
      async () => {
        calls += 1;
        throw new Error('final');
      },
      () => false,
      policy,
      { random: () => 0, sleep: async () => {} },
    ),
    /final/,
  );
  assert.equal(calls, 1);
  const value = await withRetries(
    async (n) => {
      if (n < 3) throw new Error('again');
      return n;
    },
    () => true,
    policy,
    { random: () => 0, sleep: async () => {} },
  );
  assert.equal(value, 3);
});
