// The launcher's pieces around Electron: its installer's environment and failure reasons, the reason
// a binary that dies at start gives, and the X11 switch in a Wayland session.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { desktopArgs } from '../../../electron/launcher/desktop-args.ts';
import {
  DEFAULT_FETCH_TIMEOUT_S,
  fetchTimeoutSeconds,
  installerEnv,
  installFailureReason,
} from '../../../electron/launcher/electron-fetch.ts';
import { earlyDeathReason } from '../../../electron/launcher/electron-run.ts';

test("ELECTRON_CACHE names the installer's cache unless electron_config_cache does; no progress bar", () => {
  assert.equal(installerEnv({ ELECTRON_CACHE: '/c' }).electron_config_cache, '/c');
  assert.equal(
    installerEnv({ ELECTRON_CACHE: '/c', electron_config_cache: '/d' }).electron_config_cache,
    '/d',
  );
  assert.equal(installerEnv({}).electron_config_cache, undefined);
  const env = installerEnv({ ELECTRON_MIRROR: 'http://m/', ELECTRON_CUSTOM_DIR: '{{ version }}' });
  assert.equal(env.ELECTRON_MIRROR, 'http://m/');
  assert.equal(env.ELECTRON_CUSTOM_DIR, '{{ version }}');
  assert.equal(env.ELECTRON_GET_NO_PROGRESS, '1');
});

test('the fetch is bounded: 5 minutes unless TILL_ELECTRON_FETCH_TIMEOUT_S says otherwise', () => {
  assert.equal(fetchTimeoutSeconds({}), DEFAULT_FETCH_TIMEOUT_S);
  assert.equal(fetchTimeoutSeconds({ TILL_ELECTRON_FETCH_TIMEOUT_S: '30' }), 30);
  assert.equal(fetchTimeoutSeconds({ TILL_ELECTRON_FETCH_TIMEOUT_S: 'soon' }), DEFAULT_FETCH_TIMEOUT_S);
  assert.equal(fetchTimeoutSeconds({ TILL_ELECTRON_FETCH_TIMEOUT_S: '-1' }), DEFAULT_FETCH_TIMEOUT_S);
});

test("the installer's stack trace becomes one reason; offline gets a hint", () => {
  const offline = 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:15270:13\n';
  assert.equal(
    installFailureReason(offline, '45.4.1'),
    'the Electron 45.4.1 binary could not be fetched (fetch failed: offline, or the download server ' +
      'cannot be reached (ELECTRON_MIRROR names a mirror))',
  );
  assert.equal(
    installFailureReason('', '45.4.1'),
    'the Electron 45.4.1 binary could not be fetched (the installer failed)',
  );
});

test('a binary that dies at start is described by its FATAL line, with the sandbox remedy', () => {
  const stderr =
    'Gtk-Message: 10:00:00.000: Failed to load module "canberra-gtk-module"\n' +
    "[1:2:FATAL:setuid_sandbox_host.cc(163)] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now.\n";
  assert.match(
    earlyDeathReason(stderr, null, 'SIGTRAP'),
    /^Electron stopped on signal SIGTRAP as it started: The SUID sandbox helper binary was found, .*aborting now; on Ubuntu 23\.10 and later install the deb/,
  );
  assert.equal(
    earlyDeathReason(
      './electron: error while loading shared libraries: libnss3.so: cannot open shared object file\n',
      127,
      null,
    ),
    'Electron stopped with exit code 127 as it started: ./electron: error while loading shared libraries: libnss3.so: cannot open shared object file',
  );
  assert.equal(earlyDeathReason('', 1, null), 'Electron stopped with exit code 1 as it started');
});

test('npm start passes --ozone-platform=x11 in a Wayland session with XWayland, so the till stays its child', () => {
  const wayland = { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0', XDG_SESSION_TYPE: 'wayland' };
  assert.deepEqual(desktopArgs('/app', ['--kiosk'], wayland, 'linux'), [
    '/app',
    '--kiosk',
    '--ozone-platform=x11',
  ]);
  assert.deepEqual(desktopArgs('/app', [], { DISPLAY: ':0' }, 'linux'), ['/app'], 'X11 already');
  assert.deepEqual(
    desktopArgs('/app', [], { WAYLAND_DISPLAY: 'wayland-0' }, 'linux'),
    ['/app'],
    'no XWayland',
  );
  assert.deepEqual(
    desktopArgs('/app', ['--ozone-platform=wayland'], wayland, 'linux'),
    ['/app', '--ozone-platform=wayland'],
    "the user's choice stands",
  );
  assert.deepEqual(desktopArgs('C:\\app', [], wayland, 'win32'), ['C:\\app']);
});
