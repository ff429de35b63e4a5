import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debInstallNote, debInstallRoute } from '../../../electron/core/updates/deb-install-route.ts';

test('a deb till installs itself as root or through a pkexec policy; otherwise it names the exact apt command', () => {
  const file = '/home/till/.cache/ottpay-till-updater/pending/ottpay-till_0.2.0_amd64.deb';
  assert.deepEqual(debInstallRoute({ uid: 0, pkexec: false, polkitRule: false, file }), {
    kind: 'dpkg-as-root',
  });
  assert.deepEqual(debInstallRoute({ uid: 1000, pkexec: true, polkitRule: true, file }), { kind: 'pkexec' });
  const pkexecNoRule = debInstallRoute({ uid: 1000, pkexec: true, polkitRule: false, file });
  assert.deepEqual(pkexecNoRule, { kind: 'notice', command: `sudo apt install ${file}` });
  assert.equal(
    debInstallNote(pkexecNoRule, '0.2.0'),
    `0.2.0 is downloaded and verified, but this till may not run the package manager: install it with: sudo apt install ${file}`,
  );
  const spaced = debInstallRoute({
    uid: 1000,
    pkexec: false,
    polkitRule: false,
    file: "/tmp/it's here/a.deb",
  });
  assert.deepEqual(spaced, { kind: 'notice', command: `sudo apt install '/tmp/it'\\''s here/a.deb'` });
});
