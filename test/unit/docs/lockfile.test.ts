// `npm install` on a fresh clone must leave package-lock.json as committed. npm marks a package that
// runs an install step (an install script, or a binding.gyp npm builds by default) with
// hasInstallScript, and npm 10 (bundled with Node 22) writes no "libc" fields: a lock that differs on
// either is rewritten by the README's first command. Checked against the installed packages.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';

interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
  libc?: unknown;
  link?: boolean;
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockEntry> };

function runsAnInstallStep(dir: string): boolean | null {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return null;
  const scripts =
    (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (scripts.preinstall || scripts.install || scripts.postinstall) return true;
  return existsSync(join(dir, 'binding.gyp'));
}

it('marks exactly the installed packages that run an install step with hasInstallScript', () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.link) continue;
    const runs = runsAnInstallStep(path);
    if (runs === null) continue; // an optional package for another platform
    checked += 1;
    if (runs !== (entry.hasInstallScript === true)) wrong.push(`${path} (installs: ${runs})`);
  }
  assert.ok(checked > 100, `checked ${checked} installed packages`);
  assert.deepEqual(wrong, []);
  assert.equal(lock.packages['node_modules/better-sqlite3']?.hasInstallScript, true);
});

it('carries no "libc" fields, which npm 10 drops on install', () => {
  const withLibc = Object.keys(lock.packages).filter((p) => lock.packages[p]?.libc !== undefined);
  assert.deepEqual(withLibc, []);
});
