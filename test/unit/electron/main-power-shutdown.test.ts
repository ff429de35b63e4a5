// Started with the computer (--autostarted): the till window opens full screen. And when Linux shuts
// down (powerMonitor 'shutdown', from logind), the journal is closed and till.lock released at once,
// before the SIGTERM that follows. The real composition root on the stand-in electron (boot-main.ts).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type BootedMain, bootMain } from './boot-main.ts';

let booted: BootedMain;

before(async () => {
  booted = await bootMain({ argv: () => ['--autostarted'] });
});

after(() => booted.dispose());

test('--autostarted: the till window is full screen', () => {
  const till = booted.fake.windows[0] as unknown as { fullScreen: boolean };
  assert.equal(till.fullScreen, true);
});

test('powerMonitor shutdown: journal closed and lock released synchronously, then exit 0', () => {
  const { fake } = booted;
  let exitCode: number | null = null;
  let lockAtExit: boolean | null = null;
  fake.events.once('exit', (code: number) => {
    exitCode = code;
    lockAtExit = existsSync(join(booted.dir, 'data', 'till.lock'));
  });
  fake.module.powerMonitor.emit('shutdown', { preventDefault() {} });
  assert.equal(exitCode, 0);
  assert.equal(lockAtExit, false);
  assert.match(readFileSync(join(booted.dir, 'logs', 'till.log'), 'utf8'), /system shutdown: journal closed/);
});
