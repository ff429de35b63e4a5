// Where PIN lockouts are kept between checks and across restarts, per lockout key ('till' for the
// supervisor PIN; an account id for a staff PIN). A restart must not hand an attacker fresh guesses,
// so the file is written (and fsynced) before a guess is verified.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export interface LockoutState {
  /** Guesses counted since the last lockout or right PIN (a guess counts before it is verified). */
  failures: number;
  /** Lockouts in a row without a right PIN in between: each one lasts twice as long as the last. */
  lockouts: number;
  /** Epoch ms the last lockout ends (0 or past: not locked). */
  lockedUntil: number;
  /** Epoch ms the next wrong PIN wears off from (absent: from now; files from before it). */
  failedAt?: number;
  /** Epoch ms the next lockout level wears off from (absent: from now). */
  calmFrom?: number;
}

export const NO_LOCKOUT: LockoutState = Object.freeze({ failures: 0, lockouts: 0, lockedUntil: 0 });

export interface LockoutStore {
  get(key: string): LockoutState;
  set(key: string, state: LockoutState): void;
}

export const PIN_LOCKOUTS_FILE = 'pin-lockouts.json';

const stateSchema = z.object({
  failures: z.number().int().min(0),
  lockouts: z.number().int().min(0),
  lockedUntil: z.number().int().min(0),
  failedAt: z.number().int().min(0).optional(),
  calmFrom: z.number().int().min(0).optional(),
});
// A plain record parsed into a Map: keys such as "__proto__" stay ordinary keys.
const fileSchema = z.record(z.string(), stateSchema);

export function createMemoryLockoutStore(): LockoutStore {
  const states = new Map<string, LockoutState>();
  return {
    get: (key) => states.get(key) ?? NO_LOCKOUT,
    set: (key, state) => {
      states.set(key, { ...state });
    },
  };
}

/**
 * A JSON file in the settings folder. One store per data folder (it writes the whole file): share it
 * through one PinThrottle (CoreContext.pinThrottle) rather than opening a second one. A file that cannot be read is treated as "one guess left, no
 * lockout yet" for every key rather than as a clean slate, so corrupting it buys no guesses.
 */
export function createFileLockoutStore(dataDir: string, opts: { maxAttempts: number }): LockoutStore {
  const path = join(dataDir, PIN_LOCKOUTS_FILE);
  const states = new Map<string, LockoutState>();
  let unreadable = false;
  if (existsSync(path)) {
    try {
      const parsed = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
      for (const [key, state] of Object.entries(parsed)) states.set(key, state);
    } catch {
      unreadable = true;
    }
  }
  const fallback: LockoutState = unreadable
    ? { failures: Math.max(0, opts.maxAttempts - 1), lockouts: 1, lockedUntil: 0 }
    : NO_LOCKOUT;

  function persist(): void {
    const tmp = `${path}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(Object.fromEntries(states)));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  }

  return {
    get: (key) => states.get(key) ?? fallback,
    set: (key, state) => {
      states.set(key, { ...state });
      persist();
    },
  };
}
