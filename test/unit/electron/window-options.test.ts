import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WebPreferences } from 'electron';
import {
  customerWindowOptions,
  hardenedWebPreferences,
  tillWindowOptions,
  windowOptionsFor,
} from '../../../electron/main/window-options.ts';

const HARDENING: Partial<WebPreferences> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  disableBlinkFeatures: 'Auxclick',
  navigateOnDragDrop: false,
  safeDialogs: true,
};

function assertHardened(prefs: WebPreferences | undefined, preload: string, devTools: boolean) {
  assert.ok(prefs, 'webPreferences present');
  for (const [flag, value] of Object.entries(HARDENING)) {
    assert.equal(prefs[flag as keyof WebPreferences], value, `${flag} must be ${String(value)}`);
  }
  assert.equal(prefs.preload, preload);
  assert.equal(prefs.devTools, devTools);
  // Nothing that loosens the baseline may sneak in.
  assert.equal(prefs.enableBlinkFeatures, undefined);
  assert.equal(prefs.additionalArguments, undefined);
}

const placement = {
  kind: 'window',
  displayId: 1,
  bounds: { x: 10, y: 20, width: 800, height: 600 },
} as const;

test('both windows carry every hardening flag; DevTools follow the packaged switch', () => {
  for (const devTools of [true, false]) {
    const till = tillWindowOptions({ preloadPath: '/p/till.cjs', devTools, kiosk: false, bounds: null });
    assertHardened(till.webPreferences, '/p/till.cjs', devTools);
    const customer = customerWindowOptions({ preloadPath: '/p/customer.cjs', devTools, placement });
    assertHardened(customer.webPreferences, '/p/customer.cjs', devTools);
  }
});

test('the till window: primary work area, hidden until ready, kiosk only when asked', () => {
  const bounds = { x: 0, y: 0, width: 1920, height: 1040 };
  const normal = tillWindowOptions({ preloadPath: 'p', devTools: false, kiosk: false, bounds });
  assert.equal(normal.kiosk, false);
  assert.equal(normal.show, false);
  assert.equal(normal.width, 1920);
  assert.equal(normal.height, 1040);
  assert.equal(tillWindowOptions({ preloadPath: 'p', devTools: false, kiosk: true, bounds }).kiosk, true);
  const fallback = tillWindowOptions({ preloadPath: 'p', devTools: false, kiosk: false, bounds: null });
  assert.equal(fallback.width, 1280);
});

test('the customer window: full screen and frameless on its display, else movable and resizable', () => {
  const full = customerWindowOptions({
    preloadPath: 'p',
    devTools: false,
    placement: { kind: 'fullscreen', displayId: 2, bounds: { x: 1920, y: 0, width: 1024, height: 768 } },
  });
  assert.equal(full.fullscreen, true);
  assert.equal(full.frame, false);
  assert.equal(full.x, 1920);
  assert.equal(full.focusable, false);
  const win = customerWindowOptions({ preloadPath: 'p', devTools: false, placement });
  assert.equal(win.fullscreen, false);
  assert.equal(win.resizable, true);
  assert.equal(win.movable, true);
  assert.equal(win.frame, true);
  assert.deepEqual([win.x, win.y, win.width, win.height], [10, 20, 800, 600]);
});

test('windowOptionsFor refuses a customer window without a placement', () => {
  assert.throws(() => windowOptionsFor('customer', { preloadPath: 'p', devTools: false }));
  assert.deepEqual(
    windowOptionsFor('till', { preloadPath: 'p', devTools: false }).webPreferences,
    hardenedWebPreferences({ preloadPath: 'p', devTools: false }),
  );
});
