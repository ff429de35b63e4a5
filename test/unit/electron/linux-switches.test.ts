import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linuxSwitches } from '../../../electron/main/linux-switches.ts';

test('Linux asks safeStorage for libsecret by name, unless the shop chose a password store itself', () => {
  assert.deepEqual(linuxSwitches(['ottpay-till'], 'linux'), [
    { name: 'password-store', value: 'gnome-libsecret' },
  ]);
  assert.deepEqual(linuxSwitches(['ottpay-till', '--password-store=kwallet6'], 'linux'), []);
  assert.deepEqual(linuxSwitches(['OTTPay Till.exe'], 'win32'), []);
});
