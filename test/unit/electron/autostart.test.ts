// "Start with the computer": the XDG autostart entry (Linux) the till writes and removes itself, checked
// with desktop-file-validate (Debian's desktop-file-utils), and the login item (Windows).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  AUTOSTART_FILE,
  applyAutostart,
  autostartCommand,
  autostartDir,
  autostartWanted,
  execArg,
} from '../../../electron/main/autostart.ts';

const root = mkdtempSync(join(tmpdir(), 'autostart-'));
after(() => rmSync(root, { recursive: true, force: true }));

const noLoginItems = { setLoginItemSettings: () => assert.fail('no login item on Linux') };

function validate(file: string) {
  const run = spawnSync('desktop-file-validate', [file], { encoding: 'utf8' });
  assert.equal(run.error, undefined, 'desktop-file-validate runs (apt: desktop-file-utils)');
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
  assert.equal(`${run.stdout}${run.stderr}`.trim(), '', 'no warnings either');
}

test('on by default in kiosk mode only; "on" and "off" regardless', () => {
  assert.equal(autostartWanted('kiosk', true), true);
  assert.equal(autostartWanted('kiosk', false), false);
  assert.equal(autostartWanted('on', false), true);
  assert.equal(autostartWanted('off', true), false);
});

test('Linux: the entry is written under XDG_CONFIG_HOME, passes desktop-file-validate, and is removed', () => {
  const config = join(root, 'config');
  const env = { XDG_CONFIG_HOME: config };
  const command = autostartCommand({
    execPath: '/opt/OTTPay Till/ottpay-till',
    packaged: true,
    appPath: '/opt/OTTPay Till/resources/app.asar',
    kiosk: true,
    dataDir: '/srv/till data/100%',
    platform: 'linux',
  });
  assert.deepEqual(command, [
    '/opt/OTTPay Till/ottpay-till',
    '--ozone-platform=x11',
    '--autostarted',
    '--kiosk',
    '--data-dir',
    '/srv/till data/100%',
  ]);
  const opts = { platform: 'linux' as const, command, app: noLoginItems, env, home: join(root, 'home') };
  const file = join(config, 'autostart', AUTOSTART_FILE);
  assert.equal(applyAutostart(true, opts), 'written');
  const text = readFileSync(file, 'utf8');
  assert.match(
    text,
    /^Exec="\/opt\/OTTPay Till\/ottpay-till" --ozone-platform=x11 --autostarted --kiosk --data-dir "\/srv\/till data\/100%%"$/m,
  );
  validate(file);
  assert.equal(applyAutostart(true, opts), 'unchanged', 'written once');
  assert.equal(applyAutostart(false, opts), 'removed');
  assert.equal(existsSync(file), false);
  assert.equal(applyAutostart(false, opts), 'unchanged');
});

test('XDG_CONFIG_HOME unset or relative: ~/.config/autostart (XDG Base Directory spec)', () => {
  assert.equal(autostartDir({}, '/home/till'), join('/home/till', '.config', 'autostart'));
  assert.equal(
    autostartDir({ XDG_CONFIG_HOME: 'rel/config' }, '/home/till'),
    join('/home/till', '.config', 'autostart'),
  );
  assert.equal(
    autostartDir({ XDG_CONFIG_HOME: '/etc/xdg-till' }, '/home/till'),
    join('/etc/xdg-till', 'autostart'),
  );
});

test('an AppImage starts from its file; a development run passes the app folder', () => {
  const fromAppImage = autostartCommand({
    execPath: '/tmp/.mount_OTTPay/ottpay-till',
    appImage: '/home/till/OTTPay-Till.AppImage',
    packaged: true,
    appPath: '/tmp/.mount_OTTPay/resources/app.asar',
    kiosk: false,
    dataDir: null,
    platform: 'linux',
  });
  assert.equal(fromAppImage[0], '/home/till/OTTPay-Till.AppImage');
  const dev = autostartCommand({
    execPath: '/src/node_modules/electron/dist/electron',
    packaged: false,
    appPath: '/src',
    kiosk: false,
    dataDir: null,
    platform: 'linux',
  });
  assert.deepEqual(dev.slice(0, 2), ['/src/node_modules/electron/dist/electron', '/src']);
  // Exec quoting: reserved characters quoted, ", `, $ and \ escaped inside the quotes.
  assert.equal(execArg('plain'), 'plain');
  assert.equal(execArg('a "b" $c'), '"a \\"b\\" \\$c"');
  const config = join(root, 'quoted');
  const file = join(config, 'autostart', AUTOSTART_FILE);
  applyAutostart(true, {
    platform: 'linux',
    command: ['/opt/x y/till', '--data-dir', '/d/"q" $HOME `x` \\'],
    app: noLoginItems,
    env: { XDG_CONFIG_HOME: config },
    home: root,
  });
  validate(file);
});

test('Windows: the login item, with the same command line, set and cleared', () => {
  const calls: unknown[] = [];
  const app = { setLoginItemSettings: (s: unknown) => calls.push(s) };
  const command = autostartCommand({
    execPath: 'C:\\Program Files\\OTTPay Till\\OTTPay Till.exe',
    packaged: true,
    appPath: '',
    kiosk: true,
    dataDir: 'D:\\Till Data',
    platform: 'win32',
  });
  const opts = { platform: 'win32' as const, command, app, env: {}, home: 'C:\\Users\\till' };
  assert.equal(applyAutostart(true, opts), 'login-item');
  assert.equal(applyAutostart(false, opts), 'login-item');
  assert.deepEqual(calls, [
    {
      openAtLogin: true,
      path: 'C:\\Program Files\\OTTPay Till\\OTTPay Till.exe',
      args: ['--autostarted', '--kiosk', '--data-dir', '"D:\\Till Data"'],
    },
    {
      openAtLogin: false,
      path: 'C:\\Program Files\\OTTPay Till\\OTTPay Till.exe',
      args: ['--autostarted', '--kiosk', '--data-dir', '"D:\\Till Data"'],
    },
  ]);
});
