// The core's start waits for the till page's load: the first of ready-to-show, did-finish-load,
// did-fail-load or 3 s; a window closed first starts nothing (manual timers, stand-in windows).
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import {
  TILL_PAGE_WAIT_MS,
  type TillPageLoaded,
  whenTillPageLoaded,
} from '../../../electron/main/till-page-loaded.ts';

function loadingWindow() {
  const win = Object.assign(new EventEmitter(), {
    webContents: new EventEmitter(),
    destroyed: false,
    isDestroyed: () => win.destroyed,
  });
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const answers: TillPageLoaded[] = [];
  const loaded = whenTillPageLoaded(win, {
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => {
      (t as { cleared: boolean }).cleared = true;
    },
  }).then((why) => {
    answers.push(why);
    return why;
  });
  const listening = () =>
    win.listenerCount('ready-to-show') +
    win.listenerCount('closed') +
    win.webContents.listenerCount('did-finish-load') +
    win.webContents.listenerCount('did-fail-load');
  return { win, timers, loaded, answers, listening };
}

test('nothing from the page yet: it waits, with a 3 s timer', async () => {
  const { timers, answers } = loadingWindow();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(answers, []);
  assert.equal(timers[0]?.ms, TILL_PAGE_WAIT_MS);
  assert.equal(TILL_PAGE_WAIT_MS, 3_000);
});

test('each sign of a finished load answers, once, and leaves no listener or timer behind', async () => {
  const cases: Array<[TillPageLoaded, (w: ReturnType<typeof loadingWindow>) => void]> = [
    ['ready-to-show', (w) => w.win.emit('ready-to-show')],
    ['loaded', (w) => w.win.webContents.emit('did-finish-load')],
    ['load-failed', (w) => w.win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND')],
    ['timeout', (w) => w.timers[0]?.fn()],
  ];
  for (const [expected, happen] of cases) {
    const w = loadingWindow();
    happen(w);
    // A second sign (Electron sends ready-to-show after did-finish-load) changes nothing.
    w.win.emit('ready-to-show');
    assert.equal(await w.loaded, expected);
    assert.deepEqual(w.answers, [expected]);
    assert.equal(w.timers[0]?.cleared, true, `${expected}: timer cleared`);
    assert.equal(w.listening(), 0, `${expected}: listeners removed`);
  }
});

test('the window closes before its page has loaded: "closed", and the page events are not touched', async () => {
  const w = loadingWindow();
  w.win.destroyed = true;
  w.win.emit('closed');
  assert.equal(await w.loaded, 'closed');
  assert.equal(w.timers[0]?.cleared, true);
  // Already closed when asked: answered at once, nothing set.
  const gone = Object.assign(new EventEmitter(), {
    webContents: new EventEmitter(),
    isDestroyed: () => true,
  });
  let timerSet = false;
  const why = await whenTillPageLoaded(gone, {
    setTimer: () => {
      timerSet = true;
    },
    clearTimer: () => {},
  });
  assert.equal(why, 'closed');
  assert.equal(timerSet, false);
});
