// The packaging policies package:check applies, each shown to catch what it is for: the prebuilds'
// runtime needs against the deb's Depends (read with objdump from the real better-sqlite3 .node),
// per-target files lists, the Windows executable's resources, and the kept electron-builder list.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { nativeRuntimeProblems, symbolVersionNeeds } from '../../../build/scripts/native-runtime-policy.ts';
import {
  filesConfigProblems,
  linuxConfigProblems,
  prebuildProblems,
  readBuilderConfig,
  TARGET_PREBUILDS,
  UBUNTU_2404_DEB_DEPENDS,
} from '../../../build/scripts/package-policy.ts';
import { fuseWire, writeStandInElectronExe } from '../../../build/scripts/stand-in-electron-exe.ts';
import { winExecutableProblems } from '../../../build/scripts/win-executable-policy.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const config = readBuilderConfig(root);

test('the better-sqlite3 prebuild needs GLIBCXX_3.4.29 (GCC 11) and GLIBC_2.34: the deb depends on both', () => {
  const node = join(root, 'node_modules', 'better-sqlite3', 'prebuilds', 'linux-x64.node');
  const dump = spawnSync('objdump', ['-T', node], { encoding: 'utf8' });
  assert.equal(dump.status, 0, dump.stderr);
  assert.deepEqual(symbolVersionNeeds(dump.stdout), { glibc: '2.34', glibcxx: 29 });
  const depends = config.deb?.depends ?? [];
  assert.deepEqual(nativeRuntimeProblems([{ path: node, objdumpT: dump.stdout }], depends), []);
  assert.deepEqual(
    nativeRuntimeProblems(
      [{ path: 'x.node', objdumpT: dump.stdout }],
      ['libc6 (>= 2.34)', 'libstdc++6 (>= 10)'],
    ),
    ['x.node needs GLIBCXX_3.4.29: deb.depends lacks libstdc++6 (>= 11)'],
  );
  assert.deepEqual(
    nativeRuntimeProblems(
      [{ path: 'x.node', objdumpT: dump.stdout }],
      ['libstdc++6 (>= 11)', 'libc6 (>= 2.31)'],
    ),
    ['x.node needs GLIBC_2.34: deb.depends lacks libc6 (>= 2.34)'],
  );
  for (const d of UBUNTU_2404_DEB_DEPENDS) assert.ok(depends.includes(d), d);
});

test('each target lists its own prebuilds; the platform macro or a top-level list is refused', () => {
  assert.deepEqual(filesConfigProblems(config), []);
  const platformMacro = `$\{platform}-$\{arch}`;
  const broken = {
    ...config,
    files: ['dist/**'],
    win: { files: (config.win?.files ?? []).map((p) => p.replace('win32-x64', platformMacro)) },
  };
  const problems = filesConfigProblems(broken);
  assert.ok(problems.includes('a top-level `files` list: list files per target'), problems.join('\n'));
  assert.ok(
    problems.some((p) => p.startsWith('win32-x64 files use')),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.includes('only the win32-x64 prebuilds of better-sqlite3')),
    problems.join('\n'),
  );
});

test("a Windows app folder with Linux prebuilds (the host's platform macro in files, built on Linux) is refused", () => {
  assert.deepEqual(prebuildProblems([...TARGET_PREBUILDS['win32-x64']], 'win32-x64'), []);
  assert.deepEqual(prebuildProblems([...TARGET_PREBUILDS['linux-x64']], 'win32-x64').length, 4);
});

test("the stand-in electron.exe passes electron-builder's preconditions, and an unpacked one fails the read-back", () => {
  const dir = mkdtempSync(join(tmpdir(), 'stand-in-exe-'));
  try {
    const exe = readFileSync(writeStandInElectronExe(dir, '45.4.1'));
    assert.ok(Buffer.from(exe).includes(Buffer.from(fuseWire())), 'the fuse wire is in it');
    assert.equal(fuseWire().length, 32 + 2 + 9, "Electron 45's 9 fuses");
    // Before electron-builder: one VERSIONINFO with one language, but no integrity, no icon, no name.
    assert.deepEqual(winExecutableProblems(exe, 'ab'.repeat(32)), [
      'no INTEGRITY/ELECTRONASAR resource in the packed executable',
      'the packed executable is not named OTTPay Till in its version strings',
      'the packed executable has no icon',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("one AppArmor profile (electron-builder's) and our kept copy of its default Depends", () => {
  assert.deepEqual(linuxConfigProblems(config), []);
  assert.ok(
    linuxConfigProblems({ ...config, deb: { ...config.deb, appArmorProfile: 'x' } }).some((p) =>
      p.startsWith('deb.appArmorProfile is set'),
    ),
  );
  assert.ok(
    linuxConfigProblems({ ...config, deb: { ...config.deb, depends: ['libgtk-3-0'] } }).includes(
      'deb.depends lacks libsecret-1-0',
    ),
  );
});
