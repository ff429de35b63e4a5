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

test('the feed comes from --update-feed or TILL_UPDATE_FEED when given', async () => {
  const { parseShellArgs } = await import('../../../electron/main/shell-args.ts');
  assert.equal(parseShellArgs(['electron', '.'], {}).updateFeed, null);
  assert.equal(
    parseShellArgs(['electron', '.', '--update-feed', 'https://u.example/f/'], {}).updateFeed,
    'https://u.example/f/',
  );
  assert.equal(
    parseShellArgs(['electron', '.', '--update-feed=https://u.example/g/'], {}).updateFeed,
    'https://u.example/g/',
  );
  assert.equal(
    parseShellArgs(['electron', '.'], { TILL_UPDATE_FEED: 'http://10.0.0.2/till/' }).updateFeed,
    'http://10.0.0.2/till/',
  );
  assert.equal(
    parseShellArgs(['electron', '.', '--update-feed', '--kiosk'], { TILL_UPDATE_FEED: ' ' }).updateFeed,
    null,
  );
});
