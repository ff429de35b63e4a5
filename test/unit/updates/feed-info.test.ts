// The channel file as electron-builder writes it (builder-util's own serialiser), parsed back.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { serializeToYaml } from 'builder-util';
import { FeedError, parseFeedInfo } from '../../../electron/core/updates/feed-info.ts';
import {
  channelFileName,
  installerKindFor,
  pickInstaller,
} from '../../../electron/core/updates/feed-target.ts';

const sha = (s: string) => createHash('sha512').update(s).digest('base64');

test("reads electron-builder's latest-linux.yml: version, files with sha512 and size, staging", () => {
  const text = serializeToYaml(
    {
      version: '0.2.0',
      files: [
        { url: 'ottpay-till_0.2.0_amd64.deb', sha512: sha('deb'), size: 123 },
        { url: 'OTTPay Till-0.2.0.AppImage', sha512: sha('img'), size: 456, blockMapSize: 9 },
      ],
      path: 'ottpay-till_0.2.0_amd64.deb',
      sha512: sha('deb'),
      releaseDate: '2026-12-07T10:00:00.000Z',
      stagingPercentage: 25,
    },
    false,
    true,
  );
  const info = parseFeedInfo(text, 'latest-linux.yml');
  assert.equal(info.version, '0.2.0');
  assert.equal(info.stagingPercentage, 25);
  const target = { platform: 'linux' as const, arch: 'x64', installer: 'deb' as const };
  assert.deepEqual(pickInstaller(info.files, target), {
    url: 'ottpay-till_0.2.0_amd64.deb',
    sha512: sha('deb'),
    size: 123,
  });
  assert.equal(pickInstaller(info.files, { ...target, installer: 'AppImage' }).size, 456);
  assert.throws(() => pickInstaller(info.files, { ...target, installer: 'exe' }), /no \.exe installer/);
});

test('the old single path/sha512 form still reads; bad feeds are refused by name', () => {
  const old = parseFeedInfo(`version: 1.0.0\npath: a.exe\nsha512: ${sha('x')}\n`, 'latest.yml');
  assert.deepEqual(old.files, [{ url: 'a.exe', sha512: sha('x') }]);
  assert.throws(
    () => parseFeedInfo('version: [', 'latest.yml'),
    (e) => e instanceof FeedError && /not valid YAML/.test(e.message),
  );
  assert.throws(
    () => parseFeedInfo('version: next\npath: a\n', 'latest.yml'),
    /version is not a semantic version/,
  );
  assert.throws(
    () => parseFeedInfo(`version: 1.0.0\nfiles:\n  - url: a.deb\n    sha512: abc\n`, 'x.yml'),
    /sha512/,
  );
  assert.throws(() => parseFeedInfo('version: 1.0.0\n', 'x.yml'), /names no installer/);
  assert.throws(() => parseFeedInfo('<html>oops</html>', 'x.yml'), /not an update feed/);
});

test("channel file names follow electron-updater's: latest.yml on Windows, latest-linux.yml on Linux", () => {
  assert.equal(channelFileName('stable', { platform: 'win32', arch: 'x64' }), 'latest.yml');
  assert.equal(channelFileName('stable', { platform: 'linux', arch: 'x64' }), 'latest-linux.yml');
  assert.equal(channelFileName('beta', { platform: 'linux', arch: 'x64' }), 'beta-linux.yml');
  assert.equal(channelFileName('stable', { platform: 'linux', arch: 'arm64' }), 'latest-linux-arm64.yml');
  assert.equal(channelFileName('beta', { platform: 'win32', arch: 'x64' }), 'beta.yml');
  assert.equal(installerKindFor('linux', 'deb\n', false), 'deb');
  assert.equal(installerKindFor('linux', 'deb', true), 'AppImage');
  assert.equal(installerKindFor('linux', null, false), 'AppImage');
  assert.equal(installerKindFor('win32', null, false), 'exe');
});
