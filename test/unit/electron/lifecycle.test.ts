import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShellArgs } from '../../../electron/main/shell-args.ts';
import { createShutdown, QUIT_TIMEOUT_MS } from '../../../electron/main/shutdown.ts';
import { claimSingleInstance } from '../../../electron/main/single-instance.ts';

test('single instance: a second start quits before doing anything; the first hears about it', () => {
  const calls: string[] = [];
  let onSecond: (() => void) | null = null;
  const app = (locked: boolean) => ({
    requestSingleInstanceLock: () => locked,
    quit: () => calls.push('quit'),
    on: (_e: 'second-instance', l: () => void) => {
      onSecond = l;
    },
  });
  assert.equal(
    claimSingleInstance(app(false), () => calls.push('focus')),
    false,
  );
  assert.deepEqual(calls, ['quit']);
  assert.equal(onSecond, null);
  assert.equal(
    claimSingleInstance(app(true), () => calls.push('focus')),
    true,
  );
  (onSecond as (() => void) | null)?.();
  assert.deepEqual(calls, ['quit', 'focus']);
});

test('kiosk mode by flag or environment', () => {
  assert.equal(parseShellArgs(['electron', '.'], {}).kiosk, false);
  assert.equal(parseShellArgs(['electron', '.', '--kiosk'], {}).kiosk, true);
  assert.equal(parseShellArgs([], { OTTPAY_KIOSK: '1' }).kiosk, true);
});

test('the central store database from --store-pg and --store-id, either as --flag value or --flag=value', () => {
  const args = parseShellArgs(
    ['electron', '.', '--store-pg=postgresql://till@db/chain', '--store-id', 's1'],
    {},
  );
  assert.equal(args.storePg, 'postgresql://till@db/chain');
  assert.equal(args.storeId, 's1');
  assert.equal(parseShellArgs(['electron', '.', '--store-id', '--kiosk'], {}).storeId, null);
});

test('the data folder: the OS default unless --data-dir or TILL_DATA_DIR names one', () => {
  const cwd = '/shop';
  assert.equal(parseShellArgs(['electron', '.'], {}, cwd).dataDir, null);
  assert.equal(
    parseShellArgs(['electron', '.', '--data-dir', 'till-data'], {}, cwd).dataDir,
    '/shop/till-data',
  );
  assert.equal(parseShellArgs(['electron', '.', '--data-dir=/mnt/till'], {}, cwd).dataDir, '/mnt/till');
  assert.equal(parseShellArgs(['electron', '.'], { TILL_DATA_DIR: '/srv/till' }, cwd).dataDir, '/srv/till');
  assert.equal(
    parseShellArgs(['x', '--data-dir', '/a'], { TILL_DATA_DIR: '/b' }, cwd).dataDir,
    '/a',
    'the flag wins over the environment',
  );
  assert.equal(
    parseShellArgs(['x', '--data-dir', '--kiosk'], {}, cwd).dataDir,
    null,
    'a missing value is no path',
  );
});

/** Timers the test fires by hand: no sleeping, no real clock. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimer: (handle: unknown) => {
      pending.delete(handle as number);
    },
    fireAll() {
      const due = [...pending.values()];
      pending.clear();
      for (const t of due) t.fn();
    },
  };
}

function shutdownWith(close: () => Promise<void> | null, closeNow: () => void = () => {}) {
  const calls: string[] = [];
  const timers = manualTimers();
  const shutdown = createShutdown({
    close,
    closeNow: () => {
      closeNow();
      calls.push('closed now');
    },
    onEndNow: (why) => calls.push(`end now: ${why}`),
    quit: () => calls.push('quit'),
    exit: (code) => calls.push(`exit ${code}`),
    onError: (err) => calls.push(`error: ${(err as Error).message}`),
    onTimeout: (ms) => calls.push(`timeout ${ms}`),
    onDone: () => calls.push('done'),
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  });
  const quitEvent = () => {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    shutdown.beforeQuit(event);
    return event.prevented;
  };
  return { calls, timers, shutdown, quitEvent };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('quit waits for the core to close once, then quits; a quit without a core goes straight through', async () => {
  let finishClose: () => void = () => {};
  const { calls, timers, quitEvent } = shutdownWith(
    () =>
      new Promise<void>((resolve) => {
        finishClose = resolve;
      }),
  );
  assert.equal(quitEvent(), true, 'the first quit is held');
  assert.equal(quitEvent(), true, 'a second quit while closing waits too');
  assert.deepEqual(calls, []);
  assert.deepEqual(
    [...timers.pending.values()].map((t) => t.ms),
    [QUIT_TIMEOUT_MS],
  );
  finishClose();
  await settle();
  assert.deepEqual(calls, ['done', 'quit']);
  assert.equal(timers.pending.size, 0, 'the timeout is cleared');
  assert.equal(quitEvent(), false, 'the quit that follows goes through');

  const noCore = shutdownWith(() => null);
  assert.equal(noCore.quitEvent(), false);
});

test('a core that fails to close is logged and the app still quits', async () => {
  const { calls, quitEvent } = shutdownWith(() => Promise.reject(new Error('disk gone')));
  quitEvent();
  await settle();
  assert.deepEqual(calls, ['error: disk gone', 'done', 'quit']);
});

test('a close that hangs: after the timeout the process exits (it does not sit windowless on the lock)', async () => {
  const { calls, timers, quitEvent } = shutdownWith(() => new Promise<void>(() => {}));
  assert.equal(quitEvent(), true);
  await settle();
  assert.deepEqual(calls, [], 'still waiting before the timeout');
  timers.fireAll();
  assert.deepEqual(calls, [`timeout ${QUIT_TIMEOUT_MS}`, 'done', 'exit 0']);
  assert.equal(quitEvent(), false, 'nothing holds a later quit');
});

test('session end / system shutdown: journal and lock closed synchronously, then exit, even mid-quit', async () => {
  // Electron terminates the process right after 'session-end' returns: nothing may wait for a promise.
  const ending = shutdownWith(() => new Promise<void>(() => {}));
  ending.shutdown.endNow('Windows session end');
  assert.deepEqual(ending.calls, ['closed now', 'end now: Windows session end', 'done', 'exit 0']);
  assert.equal(ending.timers.pending.size, 0, 'no timer left');

  const midQuit = shutdownWith(() => new Promise<void>(() => {}));
  midQuit.quitEvent(); // a quit was already waiting for the core when the session ended
  midQuit.shutdown.endNow('system shutdown');
  assert.deepEqual(midQuit.calls, ['closed now', 'end now: system shutdown', 'done', 'exit 0']);
  assert.equal(midQuit.timers.pending.size, 0, 'the quit timeout is cleared');
  assert.equal(midQuit.quitEvent(), false, 'nothing holds a later quit');

  const failing = shutdownWith(
    () => null,
    () => {
      throw new Error('disk gone');
    },
  );
  failing.shutdown.endNow('Windows session end');
  assert.deepEqual(failing.calls, ['error: disk gone', 'end now: Windows session end', 'done', 'exit 0']);
});
