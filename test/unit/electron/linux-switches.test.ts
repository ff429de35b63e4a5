import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linuxSwitches, x11Relaunch } from '../../../electron/main/linux-switches.ts';

test('Linux asks safeStorage for libsecret by name, unless the shop chose a password store itself', () => {
  assert.deepEqual(linuxSwitches(['ottpay-till'], 'linux'), [
    { name: 'password-store', value: 'gnome-libsecret' },
  ]);
  assert.deepEqual(linuxSwitches(['ottpay-till', '--password-store=kwallet6'], 'linux'), []);
  assert.deepEqual(linuxSwitches(['OTTPay Till.exe'], 'win32'), []);
});

test('in a Wayland session with XWayland the till relaunches itself on X11 once; otherwise it runs as it is', () => {
  const wayland = { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' };
  assert.deepEqual(x11Relaunch(['/opt/OTTPay Till/ottpay-till', '--kiosk'], wayland, 'linux'), {
    args: ['--kiosk', '--ozone-platform=x11'],
  });
  assert.equal(x11Relaunch(['t', '--ozone-platform=x11'], wayland, 'linux'), null, 'already on X11');
  assert.equal(
    x11Relaunch(['t', '--ozone-platform=wayland'], wayland, 'linux'),
    null,
    'the shop chose Wayland',
  );
  assert.equal(x11Relaunch(['t'], { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, 'linux'), null);
  assert.equal(x11Relaunch(['t'], { WAYLAND_DISPLAY: 'wayland-0' }, 'linux'), null, 'no XWayland: stay');
  assert.equal(x11Relaunch(['t'], wayland, 'win32'), null);
  assert.deepEqual(
    x11Relaunch(['/tmp/.mount_x/ottpay-till'], { ...wayland, APPIMAGE: '/opt/t.AppImage' }, 'linux'),
    {
      args: ['--ozone-platform=x11'],
      execPath: '/opt/t.AppImage',
    },
  );
});
