// One till per data folder: a second till on the same folder is refused with a plain reason, a lock
// left by a process that is gone is taken over, and closing the core frees the folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createTillCore } from '../../../electron/core/app/till-core.ts';
import { bootTimeMs } from '../../../electron/core/config/boot-time.ts';
import { LOCK_FILE, lockDataDir } from '../../../electron/core/config/data-dir-lock.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { AppError } from '../../../shared/result.ts';

const root = mkdtempSync(join(tmpdir(), 'till-lock-'));
after(() => rmSync(root, { recursive: true, force: true }));
const fresh = (name: string) => mkdtempSync(join(root, `${name}-`));
const refused = (err: unknown) =>
  err instanceof AppError &&
  err.code === 'STORAGE' &&
  /already running on this data folder/.test(err.message);

describe('data folder lock', () => {
  it('refuses a second holder while the first holds it, and frees it on release', () => {
    const dir = fresh('held');
    const first = lockDataDir(dir);
    assert.throws(() => lockDataDir(dir), refused);
    first.release();
    assert.equal(existsSync(join(dir, LOCK_FILE)), false);
    lockDataDir(dir).release();
  });

  it('takes over a lock whose process is gone, or that cannot be read', () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid; // has exited by now
    const dir = fresh('stale');
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: gone, host: hostname(), since: 1 }));
    lockDataDir(dir).release();
    writeFileSync(join(dir, LOCK_FILE), '{"pid":');
    lockDataDir(dir).release();
  });

  it('takes over a lock taken before this computer last started, even when its PID runs now, and says so', () => {
    const dir = fresh('rebooted');
    const boot = Date.now() - 60_000;
    // After a reboot the old PID may be any process: here, this test's own (certainly running).
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), since: boot - 3_600_000, wall: boot - 3_600_000 }),
    );
    const said: string[] = [];
    lockDataDir(dir, Date.now, { bootTime: () => boot, onTakeOver: (line) => said.push(line) }).release();
    assert.equal(said.length, 1);
    assert.match(said[0] ?? '', /taken before this computer last started: stale/);
    // Taken since the boot and its process runs: still refused.
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), since: 1, wall: boot + 1_000 }),
    );
    assert.throws(() => lockDataDir(dir, Date.now, { bootTime: () => boot }), refused);
  });

  it('the boot time: /proc/stat btime on Linux, else now − uptime', () => {
    assert.equal(
      bootTimeMs(
        () => 0,
        () => 'cpu 1 2 3\nbtime 1765000000\nprocesses 9\n',
        'linux',
      ),
      1_765_000_000_000,
    );
    const now = Date.now();
    const other = bootTimeMs(
      () => now,
      () => '',
      'win32',
    );
    assert.ok(other < now && other > 0);
    if (process.platform === 'linux')
      assert.ok(
        Math.abs(
          bootTimeMs() -
            bootTimeMs(
              () => Date.now(),
              () => '',
              'win32',
            ),
        ) < 5_000,
      );
  });

  it("never takes over another computer's lock (a shared folder)", () => {
    const dir = fresh('remote');
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: 'other-till', since: 1 }));
    assert.throws(() => lockDataDir(dir), refused);
  });

  it('a second till core on one data folder does not start; after close one does', {
    timeout: 20_000,
  }, async () => {
    const dir = fresh('core');
    const first = await createTillCore({ dataDir: dir, secrets: createMemorySecretStore() });
    await assert.rejects(createTillCore({ dataDir: dir, secrets: createMemorySecretStore() }), refused);
    await first.close();
    const again = await createTillCore({ dataDir: dir, secrets: createMemorySecretStore() });
    // The session ends now (Windows session-end): the lock is gone before closeNow returns.
    again.closeNow();
    assert.equal(existsSync(join(dir, LOCK_FILE)), false);
    await again.close(); // nothing left to close
    const third = await createTillCore({ dataDir: dir, secrets: createMemorySecretStore() });
    await third.close();
  });
});
