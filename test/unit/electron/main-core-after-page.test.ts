// The core starts only once the till page has loaded: its start holds main's thread, which serves the
// page's app:// files, so the two must not overlap (till-page-loaded.ts). The window shows first, a
// call the page makes before the core is up waits and is answered (not dropped), and the first screen
// is still the lock screen. The real composition root on the stand-in electron (boot-main.ts), whose
// page says nothing by itself: the test sends did-finish-load and ready-to-show as Electron would.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LOCK_FILE } from '../../../electron/core/config/data-dir-lock.ts';
import type { TillSnapshot } from '../../../shared/domain.ts';
import { type BootedMain, bootMain } from './boot-main.ts';

let booted: BootedMain;
const TILL_URL = 'app://till/till/index.html';

before(async () => {
  booted = await bootMain({ fake: { pageEvents: 'by-test' }, waitFor: 'till' });
});

after(() => booted.dispose());

test('the core waits for the till page, then starts; the early call is answered with the lock screen', async () => {
  const { fake, dir } = booted;
  const till = fake.windows[0];
  assert.ok(till);
  assert.equal(till.url, TILL_URL, 'the till page is loading');
  const data = join(dir, 'data');
  // The core's start takes the data folder's lock first thing: not taken while the page loads.
  assert.equal(existsSync(join(data, LOCK_FILE)), false, 'no core while the page loads');
  assert.equal(fake.windows.length, 1, 'no customer display before the core');

  // The page's first call, made before the core is up.
  let answered = false;
  const early = booted.invoke(till.webContents, TILL_URL, 'till.snapshot', {}).then((r) => {
    answered = true;
    return r;
  });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(answered, false, 'the call waits for the core');
  assert.equal(existsSync(join(data, LOCK_FILE)), false);

  // As Electron: the page's load, then ready-to-show (the first paint was not "visually non-empty").
  till.webContents.emit('did-finish-load');
  till.emit('ready-to-show');
  assert.equal(till.visible, true, 'the window is shown');
  assert.equal(existsSync(join(data, LOCK_FILE)), false, 'the shown window gets its frame before the core');

  const result = await early;
  assert.equal(result.ok, true, 'the early call is answered once the core is up');
  const snapshot = (result as { ok: true; value: TillSnapshot }).value;
  assert.equal(snapshot.staff.cashier, null, 'nobody signed in: the page shows the lock screen');
  assert.equal(existsSync(join(data, LOCK_FILE)), true, 'the core holds the data folder');
  const log = readFileSync(join(dir, 'logs', 'till.log'), 'utf8');
  assert.match(log, /"till started".*"pageLoaded":"loaded"/);
});
