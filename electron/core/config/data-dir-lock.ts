// One till per data folder: two processes on one journal would both poll, recover and settle the
// same attempts. The desktop app's single-instance lock does not cover a browser shell, or a second
// app started with --data-dir, on the same folder; this lock file does. A lock left by a process that
// is gone (a crash, a power cut) is taken over.

import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/result.ts';

export const LOCK_FILE = 'till.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: number;
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string, now: () => number = Date.now): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: now() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return { release: () => releaseIfMine(path, me) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(path);
      if (owner && isRunning(owner)) {
        throw new AppError(
          'STORAGE',
          `Another till (process ${owner.pid}) is already running on this data folder. Close it first.`,
        );
      }
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
      ? { pid: o.pid, host: o.host, since: Number(o.since) }
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
