// Kiosk mode locks the till (the real composition root on the stand-in electron, boot-main.ts):
// Alt+F4, the menu's Exit (quit role, also Ctrl+Q) and app.quit() are held back and the till page is
// asked for the supervisor PIN; only the right PIN, checked by the core, lets the till close.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DEFAULT_PIN } from '../../../electron/core/config/defaults.ts';
import { AUTOSTART_FILE } from '../../../electron/main/autostart.ts';
import { type BootedMain, bootMain } from './boot-main.ts';

let booted: BootedMain;
const TILL_URL = 'app://till/till/index.html';

before(async () => {
  booted = await bootMain({ argv: (dir) => ['--kiosk', '--data-dir', join(dir, 'till-data')] });
});

after(() => booted.dispose());

const till = () => {
  const win = booted.fake.windows[0];
  assert.ok(win);
  return win;
};
const pinRequests = () =>
  till().webContents.sent.filter(([channel]) => channel === 'event:shell.quitRequested').length;

test('kiosk: the till window opens in kiosk mode', () => {
  assert.equal((till().options as { kiosk?: boolean }).kiosk, true);
});

test('--data-dir: the single-instance lock, profile and logs move with the data folder', () => {
  const dataDir = join(booted.dir, 'till-data');
  assert.equal(booted.fake.module.app.lockedUserData, join(dataDir, 'shell'), 'a till per data folder');
  assert.equal(existsSync(join(dataDir, 'logs', 'till.log')), true);
  assert.equal(existsSync(join(dataDir, 'till.lock')), true, 'the core holds this data folder');
});

test('kiosk: starts with the computer by default (autostart entry / login item); switched off, it is removed', async () => {
  const entry = join(booted.dir, 'xdg-config', 'autostart', AUTOSTART_FILE);
  const started = () =>
    process.platform === 'win32'
      ? booted.fake.module.app.getLoginItemSettings().openAtLogin
      : existsSync(entry);
  assert.equal(started(), true, 'on by default in kiosk mode');
  if (process.platform === 'linux') {
    const text = readFileSync(entry, 'utf8');
    assert.match(
      text,
      /^Exec=.* --autostarted --kiosk --data-dir .*till-data$/m,
      'starts this till as it runs now',
    );
  }
  // A locked till takes no settings: the owner signs in first.
  const signedIn = await booted.invoke(till().webContents, TILL_URL, 'staff.signIn', { pin: DEFAULT_PIN });
  assert.equal(signedIn.ok, true);
  const off = await booted.invoke(till().webContents, TILL_URL, 'settings.update', {
    patch: { startWithComputer: 'off' },
    pin: DEFAULT_PIN,
  });
  assert.equal(off.ok, true);
  assert.equal(started(), false, 'the entry is gone');
  const on = await booted.invoke(till().webContents, TILL_URL, 'settings.update', {
    patch: { startWithComputer: 'kiosk' },
    pin: DEFAULT_PIN,
  });
  assert.equal(on.ok, true);
  assert.equal(started(), true, 'and back');
});

test('kiosk: Alt+F4, the menu Exit / Ctrl+Q and app.quit() do not quit; each asks the page for the PIN', () => {
  let quits = 0;
  booted.fake.events.on('quit', () => quits++);
  till().close(); // Alt+F4
  assert.equal(till().isDestroyed(), false, 'the till window stays');
  assert.equal(pinRequests(), 1);
  booted.fake.chooseRole('quit'); // File → Exit, and its Ctrl+Q accelerator
  assert.equal(pinRequests(), 2);
  booted.fake.module.app.quit();
  assert.equal(pinRequests(), 3);
  assert.equal(quits, 0);
});

test('kiosk: a wrong PIN is refused by the core and nothing quits; the right one closes the till', async () => {
  let quits = 0;
  booted.fake.events.on('quit', () => quits++);
  const wrong = await booted.invoke(till().webContents, TILL_URL, 'shell.quit', { pin: '0000' });
  assert.equal(!wrong.ok && wrong.error.code, 'NOT_ALLOWED');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(quits, 0);
  const invalid = await booted.invoke(till().webContents, TILL_URL, 'shell.quit', { pin: 'x' });
  assert.equal(!invalid.ok && invalid.error.code, 'VALIDATION');
  const quit = once(booted.fake.events, 'quit');
  const right = await booted.invoke(till().webContents, TILL_URL, 'shell.quit', { pin: DEFAULT_PIN });
  assert.equal(right.ok, true);
  await quit; // the core closes first (quit guard), then the app quits
  assert.equal(quits, 1);
});
