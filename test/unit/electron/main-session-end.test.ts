// Windows shutdown or log-off emits no before-quit: the till window's 'session-end' closes the core
// and exits, even in kiosk mode (the OS is ending the session; no PIN is asked). The real
// composition root on the stand-in electron (boot-main.ts).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type BootedMain, bootMain } from './boot-main.ts';

let booted: BootedMain;

before(async () => {
  booted = await bootMain({ argv: () => ['--kiosk'] });
});

after(() => booted.dispose());

test('session-end in kiosk mode: the core closes, the process exits 0, no PIN is asked', async () => {
  const till = booted.fake.windows[0];
  assert.ok(till);
  const exited = once(booted.fake.events, 'exit');
  till.emit('session-end', { reasons: ['shutdown'] });
  const [code] = await exited;
  assert.equal(code, 0);
  assert.equal(till.webContents.sent.filter(([c]) => c === 'event:shell.quitRequested').length, 0);
  assert.match(readFileSync(join(booted.dir, 'logs', 'till.log'), 'utf8'), /till stopped/);
});
