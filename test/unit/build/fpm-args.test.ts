// Our fpm stand-in takes exactly the command line electron-builder 26 builds for a deb
// (app-builder-lib FpmTarget) and refuses anything else, so a changed electron-builder or a `deb.fpm`
// option cannot silently build a different package. The control file follows Debian policy.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { controlFile, descriptionField } from '../../../build/scripts/deb/deb-control.ts';
import { parseFpmArgs } from '../../../build/scripts/deb/fpm-args.ts';

const fpm = join(import.meta.dirname, '..', '..', '..', 'build', 'scripts', 'deb', 'fpm.ts');

// As electron-builder passes them (order and forms of FpmTarget.executeFpm and build).
const builderArgs = [
  '-s', 'dir', '--force', '-t', 'deb',
  '-d', 'libgtk-3-0', '-d', 'libasound2t64 | libasound2', '-d', 'libc6 (>= 2.34)',
  '--deb-recommends', 'gnome-keyring',
  '--deb-compression', 'xz',
  '--architecture', 'amd64',
  '--after-install', '/tmp/t/after-install', '--after-remove', '/tmp/t/after-remove',
  '--description', 'Till for WeChat Pay\n Point-of-sale till',
  '--version', '0.1.0', '--package', '/out/ottpay-till_0.1.0_amd64.deb',
  '--name', 'ottpay-till', '--maintainer', 'Team <t@example.invalid>', '--vendor', 'Team <t@example.invalid>',
  '--url', 'https://example.invalid/till', '--deb-priority', 'optional', '--license', 'UNLICENSED',
  '/out/linux-unpacked/=/opt/OTTPay Till',
  '/out/.icon-set/icon_16x16.png=/usr/share/icons/hicolor/16x16/apps/ottpay-till.png',
  '/tmp/t/ottpay-till.desktop=/usr/share/applications/ottpay-till.desktop',
]; // biome-ignore format: one option and its value per pair

test("electron-builder's deb command line is understood in full", () => {
  const r = parseFpmArgs(builderArgs);
  assert.ok(r.ok, r.ok ? '' : r.error);
  const q = r.request;
  assert.deepEqual(q.depends, ['libgtk-3-0', 'libasound2t64 | libasound2', 'libc6 (>= 2.34)']);
  assert.deepEqual(q.recommends, ['gnome-keyring']);
  assert.equal(q.compression, 'xz');
  assert.equal(q.force, true);
  assert.equal(q.afterInstall, '/tmp/t/after-install');
  assert.equal(q.package, '/out/ottpay-till_0.1.0_amd64.deb');
  assert.deepEqual(q.mappings[0], { source: '/out/linux-unpacked/', destination: '/opt/OTTPay Till' });
  assert.equal(q.mappings.length, 3);
});

test('anything electron-builder does not pass for a deb is refused, by name', () => {
  const refused = (args: string[]) => {
    const r = parseFpmArgs(args);
    return r.ok ? null : r.error;
  };
  assert.match(
    refused([...builderArgs, '--deb-no-default-config-files']) ?? '',
    /unsupported option --deb-no-default-config-files/,
  );
  assert.match(refused([...builderArgs, '--rpm-os', 'linux']) ?? '', /unsupported option --rpm-os/);
  assert.match(refused(builderArgs.map((a) => (a === 'deb' ? 'rpm' : a))) ?? '', /only -t deb/);
  assert.match(refused(builderArgs.map((a) => (a === 'dir' ? 'gem' : a))) ?? '', /only -s dir/);
  assert.match(refused([...builderArgs, '--name=other']) ?? '', /unsupported option --name=other/);
  assert.match(refused([...builderArgs, '--version', '2']) ?? '', /--version given twice/);
  assert.match(refused([...builderArgs, 'bare-path']) ?? '', /not a source=destination mapping/);
  assert.match(refused([...builderArgs, 'a=relative/dest']) ?? '', /not absolute/);
  assert.match(refused([...builderArgs, '-d', 'libfoo; rm -rf /']) ?? '', /not a Debian relationship/);
  assert.match(
    refused(builderArgs.map((a) => (a === 'xz' ? 'bzip2' : a))) ?? '',
    /unsupported --deb-compression bzip2/,
  );
  assert.match(refused(builderArgs.slice(0, -3)) ?? '', /no source=destination mapping/);
});

test('the control file is Debian policy: one field a line, the description indented, no fpm-only fields', () => {
  const r = parseFpmArgs([...builderArgs, '--iteration', '3', '--category', 'Office']);
  assert.ok(r.ok);
  const control = controlFile(r.request, 1234);
  assert.equal(
    control,
    [
      'Package: ottpay-till',
      'Version: 0.1.0-3',
      'Architecture: amd64',
      'Maintainer: Team <t@example.invalid>',
      'Installed-Size: 1234',
      'Depends: libgtk-3-0, libasound2t64 | libasound2, libc6 (>= 2.34)',
      'Recommends: gnome-keyring',
      'Section: Office',
      'Priority: optional',
      'Homepage: https://example.invalid/till',
      'Description: Till for WeChat Pay',
      ' Point-of-sale till',
      '',
    ].join('\n'),
  );
  assert.equal(descriptionField('Synopsis\n\n  more'), 'Synopsis\n .\n more');
});

test('run as CUSTOM_FPM_PATH, it refuses an fpm option it does not know, saying which, and builds nothing', () => {
  const out = mkdtempSync(join(tmpdir(), 'fpm-refuse-'));
  try {
    const pkg = join(out, 'x.deb');
    const args = builderArgs.map((a) => (a === '/out/ottpay-till_0.1.0_amd64.deb' ? pkg : a));
    const r = spawnSync(fpm, [...args, '--deb-systemd', 'x.service'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(
      r.stderr,
      /^fpm \(dpkg-deb\): unsupported option --deb-systemd \(this stands in for fpm only/,
    );
    assert.ok(!existsSync(pkg));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
