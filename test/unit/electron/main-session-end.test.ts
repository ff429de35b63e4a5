// Windows shutdown or log-off emits no before-quit, and after 'session-end' Electron terminates the
// process as soon as the handlers return unless a quit is under way (native_window_views_win.cc,
// WM_ENDSESSION); the stand-in does the same. So the journal must be closed and till.lock released
// inside the handler, even in kiosk mode (no PIN). The real composition root on the stand-in electron.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SANDBOX_JOURNAL_FILE } from '../../../electron/core/journal/journal-files.ts';
import { type BootedMain, bootMain } from './boot-main.ts';

let booted: BootedMain;

before(async () => {
  booted = await bootMain({ argv: () => ['--kiosk'] });
});

after(() => booted.dispose());

test('session-end in kiosk mode: journal closed and lock released before the process ends, no PIN', () => {
  const till = booted.fake.windows[0];
  assert.ok(till);
  const data = join(booted.dir, 'data');
  assert.equal(existsSync(join(data, 'till.lock')), true);
  assert.equal(existsSync(join(data, `${SANDBOX_JOURNAL_FILE}-wal`)), true, 'the journal is open (WAL)');
  let atEnd: { how: string; lock: boolean; wal: boolean } | null = null;
  const record = (how: string) => () => {
    atEnd ??= {
      how,
      lock: existsSync(join(data, 'till.lock')),
      wal: existsSync(join(data, `${SANDBOX_JOURNAL_FILE}-wal`)),
    };
  };
  booted.fake.events.once('terminated', record('terminated'));
  booted.fake.events.once('exit', record('exit'));
  booted.fake.endSession(['shutdown']);
  assert.ok(atEnd, 'the process ended');
  assert.deepEqual(atEnd, { how: 'exit', lock: false, wal: false }, 'closed and released, then app.exit');
  assert.equal(till.webContents.sent.filter(([c]) => c === 'event:shell.quitRequested').length, 0);
  const log = readFileSync(join(booted.dir, 'logs', 'till.log'), 'utf8');
  assert.match(log, /Windows session end: journal closed and data folder released at once/);
  assert.match(log, /till stopped/);
});
