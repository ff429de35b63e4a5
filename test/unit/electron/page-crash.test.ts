// A crashed page is reloaded after growing pauses, at most a few times in a while, then the error
// page that says what to do is shown instead. Timers and clock are driven by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crashPageHtml, crashPageUrl } from '../../../electron/main/crash-page.ts';
import {
  CRASH_WINDOW_MS,
  createPageCrashRecovery,
  RELOAD_DELAYS_MS,
} from '../../../electron/main/page-crash.ts';

function harness() {
  const calls: string[] = [];
  let now = 1_000_000;
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const recovery = createPageCrashRecovery({
    reload: () => calls.push('reload'),
    showErrorPage: () => calls.push('error page'),
    now: () => now,
    setTimer: (fn, ms) => timers.push({ fn, ms }) - 1,
    clearTimer: () => {},
  });
  return {
    calls,
    recovery,
    advance: (ms: number) => {
      now += ms;
    },
    fireLast: () => timers.at(-1)?.fn(),
    lastDelay: () => timers.at(-1)?.ms,
  };
}

test('each crash waits longer before the reload; past the cap the error page shows and reloads stop', () => {
  const h = harness();
  for (const [i, delay] of RELOAD_DELAYS_MS.entries()) {
    assert.deepEqual(h.recovery.onGone('crashed'), { reloadInMs: delay });
    assert.equal(h.calls.length, i, 'no reload before the pause');
    assert.equal(h.lastDelay(), delay);
    h.fireLast();
    assert.equal(h.calls.at(-1), 'reload', 'reloaded only once the pause is over');
    h.advance(delay + 1000);
  }
  assert.equal(h.recovery.onGone('oom'), 'error-page');
  assert.equal(h.calls.filter((c) => c === 'reload').length, RELOAD_DELAYS_MS.length);
  assert.equal(h.calls.at(-1), 'error page');
  assert.equal(h.recovery.onGone('crashed'), 'ignored', 'the error page stays');
});

test('a clean exit is not a crash; crashes far apart start the count again', () => {
  const h = harness();
  assert.equal(h.recovery.onGone('clean-exit'), 'ignored');
  for (let i = 0; i < RELOAD_DELAYS_MS.length + 2; i++) {
    assert.deepEqual(h.recovery.onGone('crashed'), { reloadInMs: RELOAD_DELAYS_MS[0] });
    h.advance(CRASH_WINDOW_MS + 1);
  }
});

test('the error page says what to do in the operator language, escapes the folder, runs no script', () => {
  const html = crashPageHtml('en', '/home/shop/.config/OTTPay Till/logs<x>');
  assert.match(html, /The till screen stopped working/);
  assert.match(html, /Payments are safe/);
  assert.match(html, /restart the computer/);
  assert.match(html, /logs&#60;x&#62;/);
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /default-src 'none'/);
  assert.match(crashPageHtml('fr', '/x'), /Fermez Caisse OTTPay/);
  assert.match(crashPageHtml('zh', '/x'), /收银台画面已停止工作/);
  assert.ok(crashPageUrl('en', '/x').startsWith('data:text/html;charset=utf-8,'));
});
