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

test('each reason Electron cannot start is one plain sentence; only a missing binary is fetched', () => {
  const result = (input: Partial<DesktopCheckInput>) => {
    const r = checkDesktop({ ...base, ...input });
    return r.ok ? null : { reason: r.reason, fetch: r.fetch };
  };
  assert.deepEqual(result({ readFile: () => null }), {
    reason: 'the Electron binary is not installed',
    fetch: true,
  });
  assert.deepEqual(result({ exists: () => false }), {
    reason: 'the Electron binary is not installed',
    fetch: true,
  });
  assert.deepEqual(result({ electronDir: null }), {
    reason: 'the electron package is not installed',
    fetch: false,
  });
  // No display: nothing to fetch a desktop app for, whether the binary is there or not.
  assert.deepEqual(result({ env: {}, readFile: () => null }), {
    reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)',
    fetch: false,
  });
  // CI's variable against fetching Electron holds for `npm start` too.
  assert.deepEqual(
    result({ env: { DISPLAY: ':0', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, readFile: () => null }),
    {
      reason: 'the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set',
      fetch: false,
    },
  );
  assert.equal(
    fallbackLine('there is no display'),
    'The desktop app cannot start here: there is no display. Starting the till in the browser instead.',
  );
  assert.equal(
    fallbackLine('the zip did not match.'),
    'The desktop app cannot start here: the zip did not match. Starting the till in the browser instead.',
    'one full stop',
  );
});

test('ELECTRON_OVERRIDE_DIST_PATH is honoured as the electron package honours it', () => {
  const r = checkDesktop({
    ...base,
    env: { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: '/custom' },
    exists: (p) => p === join('/custom', 'electron'),
  });
  assert.deepEqual(r, { ok: true, electronPath: join('/custom', 'electron') });
  // An override without its binary is the user's setting: the installer would not fill it.
  const missing = checkDesktop({ ...base, env: { DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: '/custom' } });
  assert.deepEqual(missing, {
    ok: false,
    reason: `there is no Electron binary at ${join('/custom', 'electron')}`,
    fetch: false,
  });
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
