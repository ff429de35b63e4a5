// `npm run dist:deb` builds a real deb here (electron-builder, with dpkg-deb as its last step), and
// the deb installs as a shop installs it: `apt-get install ./….deb` as root (CI runs as root), then
// `dpkg -r` and `--purge`, leaving the machine as it was. Not root: the same deb is inspected
// read-only (dpkg-deb). The deb is built once for the file.
//
// AppArmor is not in this machine's kernel, so electron-builder's after-install would skip its
// profile (`apparmor_status --enabled` fails); two stand-ins on PATH answer for the kernel's
// AppArmor (enabled, profile accepted) and record their calls, so that the package's own
// maintainer scripts are what copies the profile to /etc/apparmor.d and removes it. Loading it into
// a kernel is on the README's real-machine checklist.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { builderTemplate, UBUNTU_2404_DEB_DEPENDS } from '../../../build/scripts/package-policy.ts';
import { takeSystemPackage } from '../../support/system-package-lock.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const PACKAGE = 'ottpay-till';
const OPT = '/opt/OTTPay Till';
const PROFILE = `/etc/apparmor.d/${PACKAGE}`;
const isRoot = process.getuid?.() === 0;

let work: string;
let deb: string;
let createdApparmorDir = false;

function sh(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(command, args, { encoding: 'utf8', env, timeout: 600_000 });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}`, stdout: r.stdout ?? '' };
}

/** A dollar-brace placeholder (dpkg-query's fields, electron-builder's macros), not a JS template. */
const placeholder = (name: string) => `$\{${name}}`;

function installed(name: string): string | null {
  const r = sh('dpkg-query', ['-W', `-f=${placeholder('Status')}\t${placeholder('Version')}`, name]);
  const [status, version] = r.stdout.split('\t');
  return r.status === 0 && status === 'install ok installed' ? (version ?? null) : null;
}

/** electron-builder's own AppArmor template, filled in as it fills it in. */
function expectedProfile(): string {
  return readFileSync(builderTemplate('apparmor-profile.tpl'), 'utf8')
    .replaceAll(placeholder('executable'), PACKAGE)
    .replaceAll(placeholder('sanitizedProductName'), 'OTTPay Till');
}

/** `name (op version)` alternatives of one Depends entry. */
function alternatives(entry: string): Array<{ name: string; op?: string; version?: string }> {
  return entry.split('|').map((alt) => {
    const m = /^\s*([a-z0-9][a-z0-9+.-]+)\s*(?:\((<<|<=|=|>=|>>)\s*([^)\s]+)\))?\s*$/.exec(alt);
    assert.ok(m?.[1], `a Debian relationship: ${alt}`);
    return { name: m[1], op: m[2], version: m[3] };
  });
}

const DPKG_OP: Record<string, string> = { '>=': 'ge', '<=': 'le', '>>': 'gt', '<<': 'lt', '=': 'eq' };
function satisfies(have: string, op?: string, version?: string): boolean {
  if (!op || !version) return true;
  return sh('dpkg', ['--compare-versions', have, DPKG_OP[op] ?? 'eq', version]).status === 0;
}

/** The apt candidate of a package (what `apt-get install` would take), or null. */
function candidate(name: string): string | null {
  const m = /Candidate:\s*(\S+)/.exec(sh('apt-cache', ['policy', name]).stdout);
  return m?.[1] && m[1] !== '(none)' ? m[1] : null;
}

let giveBackPackage: () => void = () => {};

before(async () => {
  giveBackPackage = await takeSystemPackage();
  work = mkdtempSync(join(tmpdir(), 'deb-install-'));
  const built = sh(process.execPath, [
    join(root, 'build', 'scripts', 'deb', 'dist-deb.ts'),
    '--output',
    work,
  ]);
  assert.equal(built.status, 0, built.out);
  assert.match(built.out, /^dist:deb ok: /m);
  const debs = readdirSync(work).filter((f) => f.endsWith('.deb'));
  assert.deepEqual(debs, [`${PACKAGE}_0.1.0_amd64.deb`]);
  deb = join(work, debs[0] ?? '');
});

after(() => {
  if (isRoot && installed(PACKAGE) !== null) sh('dpkg', ['--purge', PACKAGE]);
  if (createdApparmorDir && existsSync('/etc/apparmor.d') && readdirSync('/etc/apparmor.d').length === 0)
    rmdirSync('/etc/apparmor.d');
  rmSync(work, { recursive: true, force: true });
  giveBackPackage();
});

it('the deb carries the app under /opt, a valid desktop entry on X11, the AppArmor profile, Ubuntu 24.04 Depends', () => {
  const field = (name: string) => sh('dpkg-deb', ['-f', deb, name]).stdout.trim();
  assert.equal(field('Package'), PACKAGE);
  assert.equal(field('Architecture'), 'amd64');
  const depends = field('Depends').split(/,\s*/);
  for (const d of UBUNTU_2404_DEB_DEPENDS) assert.ok(depends.includes(d), `Depends has ${d}: ${depends}`);
  assert.match(field('Recommends'), /gnome-keyring/);

  const control = join(work, 'control');
  assert.equal(sh('dpkg-deb', ['-e', deb, control]).status, 0);
  assert.match(readFileSync(join(control, 'postinst'), 'utf8'), /apparmor_parser --replace/);
  assert.match(readFileSync(join(control, 'postrm'), 'utf8'), /apparmor_parser --remove/);

  const tree = join(work, 'tree');
  assert.equal(sh('dpkg-deb', ['-x', deb, tree]).status, 0);
  for (const f of ['ottpay-till', 'resources/app.asar', 'resources/apparmor-profile'])
    assert.ok(existsSync(join(tree, OPT, f)), `${OPT}/${f}`);
  assert.equal(readFileSync(join(tree, OPT, 'resources', 'apparmor-profile'), 'utf8'), expectedProfile());
  const desktop = join(tree, 'usr', 'share', 'applications', `${PACKAGE}.desktop`);
  const validate = sh('desktop-file-validate', [desktop]);
  assert.equal(validate.status, 0, validate.out);
  assert.equal(validate.out.trim(), '', `desktop-file-validate has no warnings: ${validate.out}`);
  assert.match(
    readFileSync(desktop, 'utf8'),
    /^Exec="\/opt\/OTTPay Till\/ottpay-till" --ozone-platform=x11 %U$/m,
  );
  assert.ok(existsSync(join(tree, 'usr', 'share', 'icons', 'hicolor', '256x256', 'apps', `${PACKAGE}.png`)));

  // Every Depends resolves on this machine: one alternative installed or installable, in version.
  for (const entry of depends) {
    const ok = alternatives(entry).some(({ name, op, version }) => {
      const have = installed(name) ?? candidate(name);
      return have !== null && satisfies(have, op, version);
    });
    assert.ok(ok, `Depends ${entry} resolves (dpkg -s / apt-cache policy)`);
  }
});

it('as root, apt-get installs it, its scripts install the AppArmor profile, and dpkg -r removes it all', (t) => {
  if (!isRoot) {
    t.diagnostic('not root: the read-only inspection of the deb above is what runs here');
    return;
  }
  assert.equal(
    installed(PACKAGE),
    null,
    `${PACKAGE} is already installed here: not replacing a real install`,
  );
  // The stand-ins for the kernel's AppArmor (see the top of this file).
  const stubs = join(work, 'apparmor-stand-ins');
  mkdirSync(stubs);
  const calls = join(work, 'apparmor_parser.calls');
  writeFileSync(join(stubs, 'apparmor_status'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  writeFileSync(join(stubs, 'apparmor_parser'), `#!/bin/sh\necho "$*" >> '${calls}'\nexit 0\n`, {
    mode: 0o755,
  });
  // The package never creates the folder (AppArmor's package does): here it may be missing.
  if (!existsSync('/etc/apparmor.d')) {
    mkdirSync('/etc/apparmor.d');
    createdApparmorDir = true;
  }
  const env = { ...process.env, PATH: `${stubs}:${process.env.PATH}`, DEBIAN_FRONTEND: 'noninteractive' };

  const install = sh(
    'apt-get',
    [
      'install',
      '-y',
      '-q',
      '--no-install-recommends',
      '-o',
      'DPkg::Lock::Timeout=300',
      // apt gives dpkg (and so the maintainer scripts) its own PATH, not the caller's.
      '-o',
      `DPkg::Path=${stubs}:/usr/sbin:/usr/bin:/sbin:/bin`,
      deb,
    ],
    env,
  );
  assert.equal(install.status, 0, install.out);
  assert.notEqual(installed(PACKAGE), null);
  assert.ok(existsSync(join(OPT, 'resources', 'app.asar')));
  assert.equal(
    realpathSync(`/usr/bin/${PACKAGE}`),
    join(OPT, PACKAGE),
    'on PATH through update-alternatives',
  );
  const validate = sh('desktop-file-validate', [`/usr/share/applications/${PACKAGE}.desktop`]);
  assert.equal(validate.status, 0, validate.out);
  assert.equal(readFileSync(PROFILE, 'utf8'), expectedProfile(), "electron-builder's profile, installed");
  assert.match(
    readFileSync(calls, 'utf8'),
    /--skip-kernel-load --debug \/opt\/OTTPay Till\/resources\/apparmor-profile/,
  );

  // Installed, every Depends is satisfied by an installed package.
  const depends = sh('dpkg-query', ['-W', `-f=${placeholder('Depends')}`, PACKAGE]).stdout.split(/,\s*/);
  for (const entry of depends) {
    const ok = alternatives(entry).some(({ name, op, version }) => {
      const have = installed(name);
      return have !== null && satisfies(have, op, version);
    });
    assert.ok(ok, `Depends ${entry} is installed`);
  }

  const remove = sh('dpkg', ['-r', PACKAGE], env);
  assert.equal(remove.status, 0, remove.out);
  assert.ok(!existsSync(OPT), `${OPT} is gone`);
  assert.ok(!existsSync(PROFILE), 'the AppArmor profile is removed');
  assert.ok(!existsSync(`/usr/bin/${PACKAGE}`), 'the command is gone');
  const purge = sh('dpkg', ['--purge', PACKAGE], env);
  assert.equal(purge.status, 0, purge.out);
  assert.equal(installed(PACKAGE), null, 'purged');
});
