// `npm run dist:deb`: the Linux deb, built by electron-builder with its last step (fpm, which it
// would fetch from GitHub) done by dpkg-deb through our fpm.ts (CUSTOM_FPM_PATH). The Electron in the
// package is the one `npm start` fetched into node_modules/electron/dist when it is there and of the
// package's version; otherwise the stand-in in build/electron-dist, which installs but does not run,
// and this says so. `-- --output DIR` puts the deb elsewhere than release/.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fpm = join(root, 'build', 'scripts', 'deb', 'fpm.ts');

/** node_modules/electron/dist when it holds the Linux binary of the installed electron's version. */
function realElectronDist(projectRoot: string): string | null {
  const electron = join(projectRoot, 'node_modules', 'electron');
  const dist = join(electron, 'dist');
  try {
    const wanted = (JSON.parse(readFileSync(join(electron, 'package.json'), 'utf8')) as { version: string })
      .version;
    const have = readFileSync(join(dist, 'version'), 'utf8').trim().replace(/^v/, '');
    return have === wanted && existsSync(join(dist, 'electron')) ? dist : null;
  } catch {
    return null;
  }
}

function outputDir(argv: readonly string[]): string {
  const i = argv.indexOf('--output');
  const value = i === -1 ? undefined : argv[i + 1];
  return value ? resolve(value) : join(root, 'release');
}

const out = outputDir(process.argv.slice(2));
const real = realElectronDist(root);
const electronDist = real ?? join(root, 'build', 'electron-dist');
if (real === null)
  console.log(
    'dist:deb: no Electron binary in node_modules/electron/dist: the deb carries the stand-in Electron ' +
      '(it installs, the app does not start). `npm start` once (or `npx install-electron --no`) fetches the real one.',
  );
chmodSync(fpm, 0o755); // a checkout without file modes (a zip) still runs it
const built = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'electron-builder', 'cli.js'),
    '--linux',
    'deb',
    '--x64',
    '--publish',
    'never',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${out}`,
    // Config overrides passed through, e.g. `-- -c.extraMetadata.version=0.2.0` (the update feed test).
    ...process.argv.slice(2).filter((a) => a.startsWith('-c.')),
  ],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CUSTOM_FPM_PATH: fpm } },
);
if (built.status !== 0) {
  console.error(`dist:deb FAILED: electron-builder exited with ${built.status}`);
  process.exit(1);
}
const debs = readdirSync(out).filter((f) => f.endsWith('.deb'));
console.log(
  `dist:deb ok: ${debs.map((f) => relative(root, join(out, f)) || f).join(', ')} (${real ? 'real' : 'stand-in'} Electron)`,
);
