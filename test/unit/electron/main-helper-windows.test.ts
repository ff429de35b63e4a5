// A hidden helper window (the receipt rasteriser's) must not keep a closed till alive: Electron counts
// hidden windows before 'window-all-closed' (browser.cc, OnWindowAllClosed), and so does the stand-in.
// The real composition root on the stand-in electron (boot-main.ts).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type BootedMain, bootMain } from './boot-main.ts';

let booted: BootedMain;

before(async () => {
  booted = await bootMain();
});

after(() => booted.dispose());

test('the stand-in: window-all-closed only once no window is left, hidden ones included', () => {
  const { fake } = booted;
  assert.equal(typeof fake.module.BrowserWindow.getAllWindows, 'function');
  assert.ok(fake.module.BrowserWindow.getAllWindows().length >= 2, 'till and customer display');
});

test('closing the till window closes every hidden helper window, and the till quits', async () => {
  const { fake } = booted;
  // What receipt-printing.ts keeps for Chinese lines on a printer without a Chinese font.
  const helper = new fake.module.BrowserWindow({ show: false, webPreferences: { sandbox: true } });
  let allClosed = 0;
  fake.module.app.on('window-all-closed', () => allClosed++);
  const quit = once(fake.events, 'quit');
  const till = fake.windows[0];
  assert.ok(till);
  till.close(); // the window manager's close button (not kiosk: not held)
  assert.equal(helper.isDestroyed(), true, 'the hidden helper went with the till window');
  assert.equal(allClosed, 1, 'window-all-closed: the app quits');
  await quit;
  assert.match(readFileSync(join(booted.dir, 'logs', 'till.log'), 'utf8'), /till stopped/);
  assert.equal(existsSync(join(booted.dir, 'data', 'till.lock')), false, 'the data folder is free again');
});
