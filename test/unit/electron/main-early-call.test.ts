// The till page's first call can reach main before the core is up (the window opens first, the core
// after: core-gate.ts): it waits and is answered, never dropped, and the first screen is the lock
// screen. The stand-in's page says nothing by itself here (pageEvents 'by-test', as the start-up
// benchmark runs it): the window is shown only when the test sends did-finish-load and ready-to-show.
// The real composition root on the stand-in electron (boot-main.ts).
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

test('a call made before the core is up waits and is answered with the lock screen; the window shows on ready-to-show', async () => {
  const { fake, dir } = booted;
  const till = fake.windows[0];
  assert.ok(till);
  assert.equal(till.url, TILL_URL, 'the till page is loading');
  assert.equal(till.visible, false, 'hidden until its page says it is ready');
  const log = join(dir, 'logs', 'till.log');
  const started = () => existsSync(log) && readFileSync(log, 'utf8').includes('"till started"');
  assert.equal(started(), false, 'the core is still starting');
  const early = booted.invoke(till.webContents, TILL_URL, 'till.snapshot', {});
  till.webContents.emit('did-finish-load');
  till.emit('ready-to-show');
  assert.equal(till.visible, true, 'shown on ready-to-show');
  const result = await early;
  assert.equal(result.ok, true, 'the early call is answered once the core is up');
  const snapshot = (result as { ok: true; value: TillSnapshot }).value;
  assert.equal(snapshot.staff.cashier, null, 'nobody signed in: the page shows the lock screen');
  assert.equal(existsSync(join(dir, 'data', LOCK_FILE)), true, 'the core holds the data folder');
  assert.equal(started(), true);
});
