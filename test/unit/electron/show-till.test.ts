// The till window shows on ready-to-show, on a failed load, or at the latest after 3 s (manual timers).
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { test } from 'node:test';
import { showTillWhenReady, TILL_SHOW_FALLBACK_MS } from '../../../electron/main/show-till.ts';

function hiddenWindow() {
  const win = Object.assign(new EventEmitter(), {
    webContents: new EventEmitter(),
    shown: 0,
    visible: false,
    destroyed: false,
    isDestroyed: () => win.destroyed,
    isVisible: () => win.visible,
    show() {
      win.shown++;
      win.visible = true;
    },
  });
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const fallbacks: string[] = [];
  showTillWhenReady(win, {
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => {
      (t as { cleared: boolean }).cleared = true;
    },
    onFallback: (why) => fallbacks.push(why),
  });
  return { win, timers, fallbacks };
}

test('a page that never paints: the till window shows after 3 s, once', () => {
  const { win, timers, fallbacks } = hiddenWindow();
  assert.equal(win.shown, 0);
  assert.equal(timers[0]?.ms, TILL_SHOW_FALLBACK_MS);
  assert.equal(TILL_SHOW_FALLBACK_MS, 3_000);
  timers[0]?.fn();
  assert.equal(win.shown, 1);
  assert.deepEqual(fallbacks, ['timeout']);
  win.emit('ready-to-show'); // a late paint does not show it twice
  assert.equal(win.shown, 1);
});

test('ready-to-show or a failed load shows it at once and clears the timer', () => {
  const ready = hiddenWindow();
  ready.win.emit('ready-to-show');
  assert.equal(ready.win.shown, 1);
  assert.equal(ready.timers[0]?.cleared, true);
  assert.deepEqual(ready.fallbacks, []);

  const failed = hiddenWindow();
  failed.win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND');
  assert.equal(failed.win.shown, 1);
  assert.deepEqual(failed.fallbacks, ['load-failed']);

  const closed = hiddenWindow();
  closed.win.emit('closed');
  assert.equal(closed.timers[0]?.cleared, true, 'a closed window leaves no timer');
});
