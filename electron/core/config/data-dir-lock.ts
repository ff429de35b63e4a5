// One till per data folder: two processes on one journal would both poll, recover and settle the
// same attempts. The desktop app's single-instance lock does not cover a browser shell, or a second
// app started with --data-dir, on the same folder; this lock file does. A lock left by a process that
// is gone (a crash, a power cut) is taken over, and so is one taken before this computer last started
// (Windows ends a till at shutdown without letting it remove its lock; after the reboot its PID may
// belong to another process).

import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/result.ts';
import { bootTimeMs } from './boot-time.ts';

export const LOCK_FILE = 'till.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: number;
  /** Wall-clock ms when taken (since is the core's clock, which tests replace); compared to the boot time. */
  wall: number;
}

export interface DataDirLock {
  release(): void;
}

/** os.uptime() is whole seconds and drifts a little: a lock within this of the boot is not called stale. */
const BOOT_MARGIN_MS = 5_000;

export interface LockOptions {
  /** When this computer last started (boot-time.ts). */
  bootTime?: () => number;
  /** Said when a lock is taken over, and why. */
  onTakeOver?: (line: string) => void;
}

export function lockDataDir(
  dataDir: string,
  now: () => number = Date.now,
  opts: LockOptions = {},
): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const bootTime = opts.bootTime ?? (() => bootTimeMs());
  const me: LockOwner = { pid: process.pid, host: hostname(), since: now(), wall: Date.now() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return { release: () => releaseIfMine(path, me) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(path);
      const beforeBoot =
        owner !== null && owner.host === hostname() && owner.wall < bootTime() - BOOT_MARGIN_MS;
      if (owner && !beforeBoot && isRunning(owner)) {
        throw new AppError(
          'STORAGE',
          `Another till (process ${owner.pid}) is already running on this data folder. Close it first.`,
        );
      }
      opts.onTakeOver?.(
        owner === null
          ? 'till.lock was unreadable: taken over'
          : beforeBoot
            ? `till.lock of process ${owner.pid} was taken before this computer last started: stale, taken over`
            : `till.lock of process ${owner.pid}, which is no longer running: taken over`,
      );
      // Stale: its process is gone. Remove it and try once more (another starter may win the race).
      try {
        unlinkSync(path);
      } catch {
        // Someone else removed it first.
      }
    }
  }
  throw new AppError('STORAGE', 'Another till is starting on this data folder. Try again.');
}

function readOwner(path: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return typeof o.pid === 'number' && typeof o.host === 'string'
      ? { pid: o.pid, host: o.host, since: Number(o.since), wall: Number(o.wall ?? o.since) }
      : null;
  } catch {
    return null; // unreadable or half written: treated as stale
  }
}

/** A lock from another computer (a shared folder) is never taken over; a local one only if its process is gone. */
function isRunning(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfMine(path: string, me: LockOwner): void {
  const owner = readOwner(path);
  if (owner && owner.pid === me.pid && owner.host === me.host && owner.since === me.since) {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
}
