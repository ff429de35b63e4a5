// The till's update rules against a real feed on loopback HTTP (the core's own agent stands in for
// electron-updater here; electron-updater itself is driven in test/unit/electron/main-updates.test.ts):
// a newer version is downloaded and verified, a tampered one thrown away, an older one refused, and
// an install asked for during a payment waits until the payment ends.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { createFeedAgent } from '../../../electron/core/updates/feed-agent.ts';
import { createUpdateService } from '../../../electron/core/updates/update-service.ts';
import { CHECK_INTERVAL_MS, FIRST_RETRY_MS } from '../../../shared/updates/check-schedule.ts';
import type { TillActivity } from '../../../shared/updates/install-gate.ts';
import { type ServedFeed, serveFeed, sha512Of, writeChannelFile } from '../../support/update-feed.ts';

let dir = '';
let feed: ServedFeed;
const DEB = 'ottpay-till_0.2.0_amd64.deb';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'update-service-'));
  for (const sub of ['good', 'tampered', 'older']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'good', DEB), randomBytes(200_000));
  writeChannelFile(join(dir, 'good'), 'latest-linux.yml', {
    version: '0.2.0',
    entries: [{ file: join(dir, 'good', DEB) }],
  });
  writeFileSync(join(dir, 'tampered', DEB), randomBytes(200_000));
  writeChannelFile(join(dir, 'tampered'), 'latest-linux.yml', {
    version: '0.2.0',
    entries: [{ file: join(dir, 'tampered', DEB), sha512: sha512Of(join(dir, 'good', DEB)) }],
  });
  writeFileSync(join(dir, 'older', 'ottpay-till_0.0.9_amd64.deb'), randomBytes(1000));
  writeChannelFile(join(dir, 'older'), 'latest-linux.yml', {
    version: '0.0.9',
    entries: [{ file: join(dir, 'older', 'ottpay-till_0.0.9_amd64.deb') }],
  });
  feed = await serveFeed(dir);
});
after(async () => {
  await feed.close();
  rmSync(dir, { recursive: true, force: true });
});

function setUp(sub: string) {
  const clock = new ManualClock(Date.UTC(2026, 11, 7, 9));
  const activity: TillActivity = { inFlight: 0, unresolved: 0, saleOpen: false };
  const installed: string[] = [];
  /** What the agent was told about installing on quit, in order. */
  const onQuit: boolean[] = [];
  const downloadDir = mkdtempSync(join(dir, 'dl-'));
  const feedAgent = createFeedAgent({
    currentVersion: '0.1.0',
    target: { platform: 'linux', arch: 'x64', installer: 'deb' },
    downloadDir,
    install: (file) => {
      installed.push(file);
      return true;
    },
  });
  const agent = { ...feedAgent, setInstallOnQuit: (allowed: boolean) => onQuit.push(allowed) };
  const logs: string[] = [];
  const service = createUpdateService({
    agent,
    clock,
    currentVersion: '0.1.0',
    feed: () => ({ feedUrl: `${feed.url}${sub}`, channel: 'stable' }),
    activity: () => activity,
    log: (level, m) => logs.push(`${level} ${m}`),
  });
  return { clock, activity, installed, onQuit, downloadDir, service, logs };
}

test('finds the newer version, downloads and verifies it; an install during a payment waits for it to end', async () => {
  const t = setUp('good');
  const s = await t.service.checkNow();
  assert.equal(s.phase, 'ready');
  assert.equal(s.offeredVersion, '0.2.0');
  assert.equal(s.lastResult, '0.2.0 downloaded and verified');
  assert.deepEqual(readdirSync(t.downloadDir), [DEB]);
  assert.deepEqual(t.onQuit, [true], 'ready on an idle till: quitting may install it');

  t.activity.inFlight = 1;
  t.activity.saleOpen = true;
  assert.deepEqual(t.service.requestInstall('shift-close'), { ok: false, reason: 'payment-in-flight' });
  t.service.activityChanged();
  assert.deepEqual(t.installed, [], 'nothing installs while the payment is in flight');
  assert.equal(t.onQuit.at(-1), false, 'nor does quitting now');
  t.activity.inFlight = 0;
  t.service.activityChanged();
  assert.deepEqual(t.installed, [], 'nor while the sale is still open');
  t.activity.saleOpen = false;
  t.service.activityChanged();
  assert.deepEqual(t.installed, [join(t.downloadDir, DEB)], 'installed once the till is idle');
  assert.equal(t.service.status().phase, 'installing');
});

test('a tampered download is thrown away and said so; nothing is left to install', async () => {
  const t = setUp('tampered');
  const s = await t.service.checkNow();
  assert.equal(s.phase, 'failed');
  assert.match(
    s.lastResult ?? '',
    /^download of 0\.2\.0 failed and was thrown away: sha512 mismatch for ottpay-till_0\.2\.0_amd64\.deb/,
  );
  assert.deepEqual(readdirSync(t.downloadDir), []);
  assert.deepEqual(t.service.requestInstall('supervisor'), { ok: false, reason: 'nothing-ready' });
  assert.ok(t.logs.some((l) => l.startsWith('error update download of 0.2.0 failed')));
});

test('an older version on the feed is refused: up to date, nothing downloaded', async () => {
  const t = setUp('older');
  const s = await t.service.checkNow();
  assert.equal(s.phase, 'up-to-date');
  assert.equal(s.lastResult, "up to date: the feed's 0.0.9 is older than 0.1.0 and is not installed");
  assert.deepEqual(readdirSync(t.downloadDir), []);
});

test('a feed that is down is retried sooner, backing off; a working one every few hours', async () => {
  const t = setUp('nowhere');
  const served = feed.requests.length;
  t.service.start();
  const checked = () => feed.requests.slice(served).filter((p) => p.endsWith('.yml')).length;
  const settle = async (n: number) => {
    while (checked() < n || t.service.status().phase === 'checking')
      await new Promise((r) => setImmediate(r));
  };
  t.clock.advance(0);
  await settle(1);
  assert.equal(t.service.status().phase, 'failed');
  assert.match(t.service.status().lastResult ?? '', /the feed answered 404/);
  t.clock.advance(FIRST_RETRY_MS - 1);
  assert.equal(checked(), 1);
  t.clock.advance(1);
  await settle(2);
  t.clock.advance(2 * FIRST_RETRY_MS);
  await settle(3);
  assert.equal(checked(), 3);
  t.service.stop();
  assert.ok(CHECK_INTERVAL_MS > 4 * FIRST_RETRY_MS);
  assert.equal(existsSync(t.downloadDir), true);
});
