// The sync agent's retries after the central database went away are spread out: each wait is drawn
// from the upper half of its backoff step, so a chain's tills that lost the server together do not all
// reconnect in the same instant. Real TCP to a port nobody listens on; the clock records each wait.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { type Clock, systemClock } from '../../../electron/core/clock.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { silentLogger } from '../../../electron/core/logging/index.ts';
import { startSyncAgent } from '../../../electron/core/sync/agent.ts';
import { syncRetryDelayMs } from '../../../electron/core/sync/retry-delay.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-jitter-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A loopback port that refuses connections: bound once, then closed. */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** The agent's first `count` retry waits, with its jitter drawn by `random`. */
async function firstWaits(name: string, random: () => number, count: number): Promise<number[]> {
  const handle = openJournal({ path: path.join(dir, `${name}.db`) });
  const waits: number[] = [];
  let enough: () => void = () => {};
  const got = new Promise<void>((resolve) => {
    enough = resolve;
  });
  // Records each wait and lets it pass at once: the waits' lengths are what is tested, not time.
  const clock: Clock = {
    now: () => systemClock.now(),
    setTimeout(fn, ms) {
      waits.push(ms);
      if (waits.length >= count) enough();
      return systemClock.setTimeout(fn, 0);
    },
    clearTimeout: (h) => systemClock.clearTimeout(h),
  };
  const agent = startSyncAgent({
    db: handle.db,
    url: `postgres://till@127.0.0.1:${await closedPort()}/store`,
    storeId: 'jitter-store',
    secrets: { password: 'unused' },
    terminalNo: 'T1',
    timeZone: 'UTC',
    appVersion: 'test',
    clock,
    log: silentLogger,
    pollMs: 600_000,
    random,
  });
  await got;
  await agent.stop();
  handle.close();
  return waits.slice(0, count);
}

describe('sync retries after an outage', () => {
  it('waits the lower edge of each step when the draw is 0, its top when the draw is near 1', async () => {
    assert.deepEqual(await firstWaits('low', () => 0, 4), [250, 500, 1000, 2000]);
    assert.deepEqual(await firstWaits('high', () => 0.999_999, 4), [500, 1000, 2000, 4000]);
  });

  it('spreads two hundred tills failing together over half of each step, never past the cap', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const firstRetry = Array.from({ length: 200 }, () => syncRetryDelayMs(1, 30_000, random));
    assert.ok(firstRetry.every((ms) => ms >= 250 && ms <= 500));
    // Not one instant: the draws fill the interval.
    assert.ok(new Set(firstRetry).size > 100, `only ${new Set(firstRetry).size} distinct waits`);
    const late = Array.from({ length: 200 }, () => syncRetryDelayMs(30, 30_000, random));
    assert.ok(late.every((ms) => ms >= 15_000 && ms <= 30_000));
  });
});
