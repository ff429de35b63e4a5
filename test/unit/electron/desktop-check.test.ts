import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  browserShellArgs,
  checkDesktop,
  type DesktopCheckInput,
  fallbackLine,
} from '../../../electron/launcher/desktop-check.ts';

const dir = join('/opt', 'app', 'node_modules', 'electron');
const binary = join(dir, 'dist', 'electron');
const base: DesktopCheckInput = {
  electronDir: dir,
  platform: 'linux',
  env: { DISPLAY: ':0' },
  readFile: (path: string) => (path === join(dir, 'path.txt') ? 'electron' : null),
  exists: (path: string) => path === binary,
};

test('Electron can start: the binary named by path.txt exists and there is a display', () => {
  assert.deepEqual(checkDesktop(base), { ok: true, electronPath: binary });
  assert.deepEqual(checkDesktop({ ...base, env: { WAYLAND_DISPLAY: 'wayland-0' } }), {
    ok: true,
    electronPath: binary,
  });
  assert.equal(checkDesktop({ ...base, platform: 'win32', env: {} }).ok, true, 'Windows always has one');
});

test('each reason Electron cannot start is one plain sentence', () => {
  const reason = (input: Partial<DesktopCheckInput>) => {
    const r = checkDesktop({ ...base, ...input });
    return r.ok ? null : r.reason;
  };
  assert.match(reason({ readFile: () => null }) ?? '', /Electron binary is not installed/);
  assert.match(reason({ exists: () => false }) ?? '', /Electron binary is not installed/);
  assert.match(reason({ electronDir: null }) ?? '', /electron package is not installed/);
  assert.match(reason({ env: {} }) ?? '', /no display/);
  assert.equal(
    fallbackLine('there is no display'),
    'The desktop app cannot start here: there is no display. Starting the till in the browser instead.',
  );
});

test('ELECTRON_OVERRIDE_DIST_PATH is honoured as the electron package honours it', () => {
  const r = checkDesktop({
    ...base,
    env: { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: '/custom' },
    exists: (p) => p === join('/custom', 'electron'),
  });
  assert.deepEqual(r, { ok: true, electronPath: join('/custom', 'electron') });
});

test('the browser shell gets the flags it knows; desktop-only ones are left out', () => {
  assert.deepEqual(browserShellArgs(['--kiosk', '--data-dir=/srv/till', '--port', '0']), [
    '--data-dir',
    '/srv/till',
    '--port',
    '0',
  ]);
  assert.deepEqual(browserShellArgs(['--data-dir', 'd', '--kiosk']), ['--data-dir', 'd']);
});
