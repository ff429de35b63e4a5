import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHECK_INTERVAL_MS, FIRST_RETRY_MS, nextCheckDelay } from '../../../shared/updates/check-schedule.ts';

test('checks every few hours; a failing feed is retried sooner, backing off up to the interval', () => {
  assert.equal(nextCheckDelay(0), CHECK_INTERVAL_MS);
  assert.equal(nextCheckDelay(1), FIRST_RETRY_MS);
  assert.equal(nextCheckDelay(2), 2 * FIRST_RETRY_MS);
  assert.equal(nextCheckDelay(3), 4 * FIRST_RETRY_MS);
  assert.equal(nextCheckDelay(50), CHECK_INTERVAL_MS, 'never longer than the regular interval');
  for (let n = 1; n < 20; n++) assert.ok(nextCheckDelay(n + 1) >= nextCheckDelay(n));
});
