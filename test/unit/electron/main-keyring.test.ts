// A locked keyring (an auto-login kiosk) must not freeze start-up: with the stand-in's keyring locked,
// the till window opens and shows before any secret is read, main never calls safeStorage's
// synchronous API (which blocks the main thread on the unlock prompt), and the core starts once the
// keyring opens. The real composition root on the stand-in electron (boot-main.ts).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { type BootedMain, bootMain } from './boot-main.ts';

let booted: BootedMain;
const TILL_URL = 'app://till/till/index.html';

before(async () => {
  booted = await bootMain({ fake: { keyring: 'locked' }, waitFor: 'till' });
});

after(() => booted.dispose());

test('locked keyring: the till window is on screen, nothing blocks, the page is answered once it opens', async () => {
  const { fake } = booted;
  const till = fake.windows[0];
  assert.ok(till);
  if (!till.visible) await once(till, 'ready-to-show');
  assert.equal(till.visible, true, 'the till window shows while the keyring waits for its password');
  let answered = false;
  const snapshot = booted.invoke(till.webContents, TILL_URL, 'till.snapshot', {}).then((r) => {
    answered = true;
    return r;
  });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(answered, false, 'the core waits for its secrets');
  fake.unlockKeyring();
  assert.equal((await snapshot).ok, true);
  assert.deepEqual(fake.syncSafeStorageCalls, [], 'only the asynchronous safeStorage API is used');
  // The secrets written while it was locked are readable as the core reads them.
  const again = await booted.invoke(till.webContents, TILL_URL, 'till.snapshot', {});
  assert.equal(again.ok, true);
});
