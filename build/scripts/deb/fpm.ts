#!/usr/bin/env node
// fpm's last step for electron-builder's deb target, done by dpkg-deb. `npm run dist:deb` sets
// CUSTOM_FPM_PATH to this file, electron-builder's documented override: electron-builder still does
// all of its own work (control data, after-install/after-remove with the AppArmor profile, desktop
// entry, icons) and hands it here as fpm arguments (-s dir -t deb), instead of running the fpm it
// would download from GitHub. Only the options electron-builder passes are accepted (fpm-args.ts).
// fpm's Vendor and License fields are not Debian control fields and are left out.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { controlFile } from './deb-control.ts';
import { type FpmDebRequest, parseFpmArgs } from './fpm-args.ts';

function fail(message: string): never {
  process.stderr.write(`fpm (dpkg-deb): ${message}\n`);
  process.exit(1);
}

/** Lays each mapping out under `root` as fpm's dir source does: `folder/=dest` maps the contents. */
function layOut(root: string, mappings: FpmDebRequest['mappings']): void {
  for (const { source, destination } of mappings) {
    if (!existsSync(source)) fail(`no such file: ${source}`);
    const target = join(root, destination);
    if (statSync(source).isDirectory()) {
      if (!source.endsWith('/')) fail(`a folder maps only with a trailing slash (its contents): ${source}`);
      mkdirSync(target, { recursive: true });
      cpSync(source, target, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    } else {
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
      chmodSync(target, statSync(source).mode & 0o7777);
    }
  }
}

function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Installed-Size in KiB: each file rounded up to a KiB, one per folder (dpkg-gencontrol's estimate). */
function installedSizeKiB(root: string): number {
  let kib = 0;
  for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const stat = lstatSync(join(e.parentPath, e.name));
    kib += e.isDirectory() ? 1 : Math.ceil(stat.size / 1024);
  }
  return kib;
}

function md5sums(root: string, paths: readonly string[]): string {
  return paths
    .map(
      (p) =>
        `${createHash('md5')
          .update(readFileSync(join(root, p)))
          .digest('hex')}  ${p}\n`,
    )
    .join('');
}

function script(from: string | null, to: string): void {
  if (from === null) return;
  const text = readFileSync(from, 'utf8');
  if (!text.startsWith('#!')) fail(`maintainer script without #! line: ${from}`);
  writeFileSync(to, text, { mode: 0o755 });
  chmodSync(to, 0o755); // whatever the umask
}

const parsed = parseFpmArgs(process.argv.slice(2));
if (!parsed.ok)
  fail(`${parsed.error} (this stands in for fpm only with the options electron-builder passes for a deb)`);
const request = parsed.request;
if (existsSync(request.package) && !request.force) fail(`${request.package} exists (no --force)`);

const work = mkdtempSync(join(tmpdir(), 'fpm-deb-'));
try {
  const root = join(work, 'root');
  const control = join(root, 'DEBIAN');
  mkdirSync(root, { mode: 0o755 });
  layOut(root, request.mappings);
  const dataFiles = files(root);
  const sizeKiB = installedSizeKiB(root); // the data only, before DEBIAN/ exists
  mkdirSync(control, { mode: 0o755 });
  chmodSync(root, 0o755);
  chmodSync(control, 0o755);
  // Like fpm, every file under /etc is a conffile: dpkg keeps a shop's edits on upgrade.
  const conffiles = dataFiles.filter((p) => p.startsWith('etc/')).map((p) => `/${p}\n`);
  if (conffiles.length > 0) writeFileSync(join(control, 'conffiles'), conffiles.join(''), { mode: 0o644 });
  writeFileSync(join(control, 'md5sums'), md5sums(root, dataFiles), { mode: 0o644 });
  script(request.afterInstall, join(control, 'postinst'));
  script(request.afterRemove, join(control, 'postrm'));
  writeFileSync(join(control, 'control'), controlFile(request, sizeKiB), { mode: 0o644 });
  rmSync(request.package, { force: true });
  mkdirSync(dirname(request.package), { recursive: true });
  const built = spawnSync(
    'dpkg-deb',
    ['--root-owner-group', `-Z${request.compression}`, '--build', root, request.package],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (built.error) fail(`dpkg-deb could not run: ${built.error.message}`);
  if (built.status !== 0) fail(`dpkg-deb exited with ${built.status}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
