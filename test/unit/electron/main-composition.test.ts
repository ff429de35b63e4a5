// The real composition root run against a stand-in 'electron' module and the real core on a temp
// data folder (boot-main.ts): the wiring between the pieces the other tests cover one by one.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp.ts';
import { type BootedMain, bootMain } from './boot-main.ts';
import type { FakeBrowserWindow, FakeWebContents } from './fake-electron.ts';

let booted: BootedMain;
let fake: BootedMain['fake'];
let dir = '';

before(async () => {
  booted = await bootMain();
  ({ fake, dir } = booted);
  // A locked till answers only its lock screen: the owner signs in (the sandbox's default PIN).
  const tillContents = fake.windows[0]?.webContents ?? { id: 0 };
  const signedIn = await booted.invoke(tillContents, 'app://till/till/index.html', 'staff.signIn', {
    pin: '1234',
  });
  assert.ok(signedIn.ok, JSON.stringify(signedIn));
});

after(() => booted.dispose());

const tillWindow = () => fake.windows[0];
const invoke = (contents: FakeWebContents | { id: number }, url: string, name: unknown, payload: unknown) =>
  booted.invoke(contents, url, name, payload);

test('app:// is registered privileged before ready; the protocol serves the page with the CSP', async () => {
  assert.deepEqual(fake.privileged, [{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  assert.equal(fake.module.app.sandboxEnabled, true, 'app.enableSandbox() for every renderer');
  if (process.platform === 'linux') {
    assert.deepEqual(
      fake.module.app.switches,
      [{ name: 'password-store', value: 'gnome-libsecret', beforeReady: true }],
      'safeStorage uses the keyring even in a desktop Chromium does not recognise',
    );
  }
  const serve = fake.protocolHandler();
  assert.ok(serve);
  const res = await serve(new Request('app://till/till/index.html'));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
});

test('the till window is hardened, loads its origin, and has the navigation guard', () => {
  const till = tillWindow();
  assert.ok(till);
  assert.equal(till.url, 'app://till/till/index.html');
  const prefs = till.options.webPreferences ?? {};
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.devTools, false, 'packaged build: no DevTools');
  assert.deepEqual(till.webContents.openHandler?.({ url: 'https://evil.example' }), { action: 'deny' });
});

test('the customer display opens on its own origin and gets the current view when its page loads', () => {
  const customer = fake.windows[1];
  assert.ok(customer, 'customer window opened (default mode: window)');
  assert.equal(customer.url, 'app://customer/customer/index.html');
  assert.equal(customer.options.webPreferences?.sandbox, true);
  customer.webContents.emit('did-finish-load');
  const [channel, view] = customer.webContents.sent.at(-1) ?? [];
  assert.equal(channel, 'event:customer.view');
  assert.equal((view as { phase: string }).phase, 'idle');
});

/** The newest customer window, once Electron has said it is ready to show (and main has acted on it). */
async function shownCustomer(): Promise<FakeBrowserWindow> {
  const win = fake.windows.at(-1);
  assert.ok(win && win !== tillWindow() && win.url?.startsWith('app://customer/'), 'a customer window');
  if (!win.visible) await once(win, 'ready-to-show');
  return win;
}

function assertTillKeepsFocus(customer: FakeBrowserWindow) {
  assert.equal(customer.visible, true, 'the customer display is shown');
  assert.equal(fake.focusLog.includes(customer), false, 'the customer display never had focus');
  assert.equal(tillWindow()?.isFocused(), true, 'the till has focus');
}

test('the customer display never takes focus: window mode, displays added and removed, a click', async () => {
  assertTillKeepsFocus(await shownCustomer());
  const setMode = (customerDisplay: string) =>
    invoke(tillWindow()?.webContents ?? { id: 0 }, 'app://till/till/index.html', 'settings.update', {
      patch: { customerDisplay },
      pin: '1234',
    });
  assert.equal((await setMode('second-screen')).ok, true);
  // second-screen with one display: a window, shown without focus.
  assertTillKeepsFocus(await shownCustomer());
  fake.setSecondDisplay(true);
  const fullscreen = await shownCustomer();
  assert.equal(fullscreen.options.fullscreen, true, 'full screen on the added display');
  assertTillKeepsFocus(fullscreen);
  // A sleeping DisplayPort monitor counts as unplugged on Windows: back to a window, still unfocused.
  fake.setSecondDisplay(false);
  const windowed = await shownCustomer();
  assert.notEqual(windowed, fullscreen);
  assertTillKeepsFocus(windowed);
  // Something focuses it anyway (a click): focus goes back to the till at once.
  windowed.focus();
  assert.equal(tillWindow()?.isFocused(), true);
  assert.equal((await setMode('window')).ok, true);
});

test('main leaves keys alone: the page gets every key-down and key-up (its own detector reads scans)', () => {
  const till = tillWindow();
  assert.ok(till);
  const contents = till.webContents;
  for (const [key, code] of [
    ['1', 'Digit1'],
    ['2', 'Digit2'],
    ['.', 'Period'],
    [' ', 'Space'],
    ['A', 'KeyA'],
  ] as const) {
    contents.pressKey({ type: 'keyDown', key, code });
    contents.pressKey({ type: 'keyUp', key, code });
  }
  assert.deepEqual(
    contents.pageKeys.map((k) => `${k.type}:${k.key}`),
    ['1', '2', '.', ' ', 'A'].flatMap((k) => [`keyDown:${k}`, `keyUp:${k}`]),
  );
});

test('the packaged menu has Copy diagnostics and no DevTools', () => {
  const text = JSON.stringify(fake.menu());
  assert.match(text, /Copy diagnostics/);
  assert.doesNotMatch(text, /toggleDevTools/);
});

test('IPC: the till window is answered by the real core; unknown senders are refused', async () => {
  const till = tillWindow();
  assert.ok(till);
  const snapshot = await invoke(till.webContents, 'app://till/till/index.html', 'till.snapshot', {});
  assert.equal(snapshot.ok, true);
  const impostor = await invoke({ id: 9999 }, 'app://till/till/index.html', 'till.snapshot', {});
  assert.equal(!impostor.ok && impostor.error.code, 'NOT_ALLOWED');
  const bad = await invoke(till.webContents, 'app://till/till/index.html', 'sale.payActive', {
    amountCents: 'ten',
  });
  assert.equal(!bad.ok && bad.error.code, 'VALIDATION');
});

test('diagnostics.get gains the shell part: versions and packaged state', async () => {
  const till = tillWindow();
  assert.ok(till);
  const diag = await invoke(till.webContents, 'app://till/till/index.html', 'diagnostics.get', {});
  assert.ok(diag.ok);
  const text = (diag.value as { text: string }).text;
  assert.match(text, /OTTPay Till 0\.0\.0-test — diagnostics/);
  assert.match(text, /packaged build/);
});

test('a page that keeps crashing: no reload storm; the window shows the page that says what to do', () => {
  const customer = fake.windows.at(-1);
  assert.ok(customer && customer !== tillWindow());
  const gone = (reason: string) => customer.webContents.emit('render-process-gone', {}, { reason });
  gone('clean-exit');
  for (let i = 0; i < 4; i++) gone('crashed');
  assert.equal(customer.webContents.reloads, 0, 'each reload waits; later crashes replace the wait');
  assert.ok(customer.url?.startsWith('data:text/html'), 'the error page');
  assert.match(decodeURIComponent(customer.url ?? ''), /Payments are safe/);
  gone('crashed');
  assert.equal(customer.webContents.reloads, 0, 'and it stays');
});

test('quit waits for the core to close, then quits; the log records start and stop', async () => {
  const quit = once(fake.events, 'quit');
  fake.module.app.quit();
  await quit;
  const log = readFileSync(join(dir, 'logs', 'till.log'), 'utf8');
  assert.match(log, /till started/);
  assert.match(log, /till stopped/);
});
