// SIGTERM (systemd, a shutdown) ends a kiosk till without the PIN. Electron replaces signal listeners
// registered at top level with its own handlers (electron_browser_main_parts_posix.cc), which turn the
// signal into app.quit() and so into the kiosk's PIN prompt; the stand-in does the same. The real
// composition root on the stand-in electron (boot-main.ts).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type BootedMain, bootMain } from './boot-main.ts';

let booted: BootedMain;

before(async () => {
  booted = await bootMain({ argv: () => ['--kiosk'] });
});

after(() => booted.dispose());

test('SIGTERM in kiosk mode: no PIN asked, the core closes, the lock is released, the till quits', async () => {
  const { fake } = booted;
  const till = fake.windows[0];
  assert.ok(till);
  let electronHandled = 0;
  fake.events.on('electron-signal', () => electronHandled++);
  const quit = once(fake.events, 'quit');
  fake.sendSignal('SIGTERM');
  assert.equal(electronHandled, 0, "the till's own listener got the signal, not Electron's handler");
  assert.equal(till.webContents.sent.filter(([c]) => c === 'event:shell.quitRequested').length, 0, 'no PIN');
  await quit;
  assert.equal(existsSync(join(booted.dir, 'data', 'till.lock')), false);
  const log = readFileSync(join(booted.dir, 'logs', 'till.log'), 'utf8');
  assert.match(log, /SIGTERM: quitting/);
  assert.match(log, /till stopped/);
});
