// The wait main makes before starting the core (core-after-page.ts): the till page's HTML answered, its
// first frame, its load, its failing or its process going end it at once; the fallback ends it when
// none comes; the window closing ends it as 'closed' (nothing starts then). Timers injected.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import {
  CORE_START_FALLBACK_MS,
  type TillPageOutcome,
  waitForTillPage,
} from '../../../electron/main/core-after-page.ts';

function rig() {
  const win = Object.assign(new EventEmitter(), { webContents: new EventEmitter() });
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const wait = waitForTillPage(win, {
    setTimer: (fn, ms) => {
      timers.set(next, { fn, ms });
      return next++;
    },
    clearTimer: (handle) => timers.delete(handle as number),
  });
  let settled: TillPageOutcome | null = null;
  void wait.outcome.then((o) => {
    settled = o;
  });
  return { win, timers, wait, settled: () => settled };
}

const triggers: Array<[string, (r: ReturnType<typeof rig>) => void, TillPageOutcome]> = [
  ['the page HTML answered', (r) => r.wait.served(), 'served'],
  ['ready-to-show', (r) => r.win.emit('ready-to-show'), 'ready'],
  ['did-finish-load', (r) => r.win.webContents.emit('did-finish-load'), 'loaded'],
  ['did-fail-load', (r) => r.win.webContents.emit('did-fail-load', {}, -6), 'failed'],
  ['render-process-gone', (r) => r.win.webContents.emit('render-process-gone', {}, {}), 'gone'],
  ['closed', (r) => r.win.emit('closed'), 'closed'],
];

for (const [what, fire, expected] of triggers) {
  test(`${what} ends the wait as '${expected}' and clears the fallback`, async () => {
    const r = rig();
    assert.equal(r.timers.size, 1, 'the fallback is set');
    fire(r);
    assert.equal(await r.wait.outcome, expected);
    assert.equal(r.timers.size, 0, 'the fallback is cleared');
  });
}

test('nothing from the page: the fallback ends the wait, and what comes later changes nothing', async () => {
  const r = rig();
  const [timer] = [...r.timers.values()];
  assert.equal(timer?.ms, CORE_START_FALLBACK_MS);
  await Promise.resolve();
  assert.equal(r.settled(), null, 'still waiting for the page');
  timer?.fn();
  r.wait.served();
  r.win.emit('closed');
  assert.equal(await r.wait.outcome, 'timeout');
});
