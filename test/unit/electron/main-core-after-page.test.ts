// The core starts once the till window's page is under way (core-after-page.ts): the core's start
// (journal, migrations, recovery, PIN hashes) runs on main's thread, which in Electron is the one that
// commits the page's navigation and answers its app:// files. Event order, not timing: with the page's
// events held (pageEvents 'by-test'), the data folder is untouched until main has answered the page's
// HTML; then the core starts and the page's early call is answered.
// The real composition root on the stand-in electron (boot-main.ts).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LOCK_FILE } from '../../../electron/core/config/data-dir-lock.ts';
import { type BootedMain, bootMain } from './boot-main.ts';

let booted: BootedMain;
const TILL_URL = 'app://till/till/index.html';

before(async () => {
  booted = await bootMain({ fake: { pageEvents: 'by-test' }, waitFor: 'till' });
});

after(() => booted.dispose());

test("the page's HTML is answered before the core starts; the core starts once it has been", async () => {
  const { fake, dir } = booted;
  const till = fake.windows[0];
  assert.ok(till);
  assert.equal(till.url, TILL_URL, 'the till page is loading');
  const serve = fake.protocolHandler();
  assert.ok(serve, 'app:// handler registered');
  const lock = join(dir, 'data', LOCK_FILE);
  const early = booted.invoke(till.webContents, TILL_URL, 'till.snapshot', {});
  let answered = false;
  void early.then(() => {
    answered = true;
  });
  // Anything already queued gets its turn: the core still waits for the page.
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(existsSync(lock), false, 'the core has not started before the page was served');
  assert.equal(answered, false, 'the early call waits for the core');
  // Another file of the page does not count: only the page itself.
  const style = await serve(new Request('app://till/till/missing.css'));
  assert.equal(style.status, 404);
  assert.equal(existsSync(lock), false, 'the core has not started before the page was served');
  const page = await serve(new Request(TILL_URL));
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<title>till<\/title>/);
  const result = await early;
  assert.equal(result.ok, true, 'the early call is answered once the core is up');
  assert.equal(existsSync(lock), true, 'the core holds the data folder');
  assert.equal(till.visible, false, 'the window still waits for its first frame to show');
});
