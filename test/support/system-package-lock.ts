// Test files that install the till's deb on this machine take turns: there is one system and one
// package name, and `--test-concurrency=2` may run two such files at once (one would install 0.2.0
// over the other's 0.1.0, or purge it mid-check). A directory is the lock (mkdir is atomic); a waiter
// wakes on the folder's change event, never on a timer; a lock whose holder died is taken over.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const LOCK = path.join(os.tmpdir(), 'ottpay-till-system-package.lock');
const OWNER = path.join(LOCK, 'pid');

function holderIsGone(): boolean {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(OWNER, 'utf8'));
  } catch {
    return false; // just made, its pid not written yet: a live holder
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Resolves once the lock folder is gone (or changed: the caller tries again either way). */
function lockChanged(): Promise<void> {
  return new Promise((resolve) => {
    const watcher = fs.watch(path.dirname(LOCK), (_event, name) => {
      if (name === path.basename(LOCK)) done();
    });
    const done = () => {
      watcher.close();
      resolve();
    };
    if (!fs.existsSync(LOCK) || holderIsGone()) done();
  });
}

/** Waits for the machine's deb slot; the returned function gives it back. */
export async function takeSystemPackage(): Promise<() => void> {
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(OWNER, String(process.pid));
      return () => fs.rmSync(LOCK, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (holderIsGone()) {
      fs.rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    await lockChanged();
  }
}
