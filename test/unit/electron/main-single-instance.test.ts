// When Electron's single-instance lock is refused the till quits, but first says why: usually another
// till runs (and was asked to come forward); if none does, the profile folder cannot hold the lock
// (exFAT, a renamed computer). Also: --data-dir on a folder that does not exist yet is created before
// app.setPath, which throws for a missing folder (docs/api/app.md). The real composition root on the
// stand-in electron (boot-main.ts).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type BootedMain, bootMain } from './boot-main.ts';

let booted: BootedMain;

before(async () => {
  booted = await bootMain({
    argv: (dir) => ['--data-dir', join(dir, 'new', 'till-data')],
    fake: { singleInstanceLock: false },
    waitFor: 'ready',
  });
});

after(() => booted.dispose());

test('lock refused: no window, no core, and the log says why before quitting', () => {
  const dataDir = join(booted.dir, 'new', 'till-data');
  assert.equal(booted.fake.windows.length, 0);
  assert.equal(existsSync(join(dataDir, 'till.lock')), false, 'the core never started');
  assert.equal(existsSync(join(dataDir, 'shell')), true, 'the profile folder was created for setPath');
  const log = readFileSync(join(dataDir, 'logs', 'till.log'), 'utf8');
  assert.match(log, /another till already runs on this data folder and was asked to show its window/);
  assert.match(log, /exFAT, FAT32/);
  assert.match(
    log,
    new RegExp(`the lock in ${join(dataDir, 'shell').replaceAll('\\', '\\\\')} could not be taken`),
  );
});
