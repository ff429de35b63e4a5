import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShellArgs } from '../../../electron/main/shell-args.ts';
import { createQuitGuard } from '../../../electron/main/shutdown.ts';
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

test('quit waits for the core to close once, then quits; a quit without a core goes straight through', async () => {
  const calls: string[] = [];
  let finishClose: () => void = () => {};
  const guard = createQuitGuard({
    close: () =>
      new Promise<void>((resolve) => {
        calls.push('close');
        finishClose = resolve;
      }),
    quit: () => {
      calls.push('quit');
      const again = { prevented: false, preventDefault: () => (again.prevented = true) };
      guard(again);
      calls.push(again.prevented ? 'second quit held' : 'second quit through');
    },
    onError: () => calls.push('error'),
    onDone: () => calls.push('done'),
  });
  const first = { prevented: false, preventDefault: () => (first.prevented = true) };
  guard(first);
  const meanwhile = { prevented: false, preventDefault: () => (meanwhile.prevented = true) };
  guard(meanwhile);
  assert.equal(first.prevented, true);
  assert.equal(meanwhile.prevented, true, 'a second quit while closing waits too');
  assert.deepEqual(calls, ['close']);
  finishClose();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(calls, ['close', 'done', 'quit', 'second quit through']);

  const noCore = createQuitGuard({ close: () => null, quit: () => {}, onError: () => {}, onDone: () => {} });
  const event = { prevented: false, preventDefault: () => (event.prevented = true) };
  noCore(event);
  assert.equal(event.prevented, false);
});

test('a core that fails to close is logged and the app still quits', async () => {
  const calls: string[] = [];
  const guard = createQuitGuard({
    close: () => Promise.reject(new Error('disk gone')),
    quit: () => calls.push('quit'),
    onError: (err) => calls.push(`error: ${(err as Error).message}`),
    onDone: () => calls.push('done'),
  });
  guard({ preventDefault: () => {} });
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(calls, ['error: disk gone', 'done', 'quit']);
});
