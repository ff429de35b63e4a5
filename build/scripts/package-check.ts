// `npm run package:check`: packs the Linux `dir` target against the stand-in Electron in
// build/electron-dist (the real binary cannot be fetched everywhere), then opens app.asar and fails
// unless the app is complete and nothing that should stay out went in; reads what the native
// prebuilds need of glibc and libstdc++ (objdump) against the deb's Depends. Then packs the Windows
// `dir` target against a stand-in electron.exe (stand-in-electron-exe.ts) and reads back what
// electron-builder wrote into it: the asar integrity resource, the fuses, the Windows prebuilds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, getRawHeader, listPackage } from '@electron/asar';
import { ROLE_EVENTS } from '../../shared/contract.ts';
import { nativeRuntimeProblems } from './native-runtime-policy.ts';
import {
  cspProblems,
  filesConfigProblems,
  fuseProblems,
  linuxConfigProblems,
  prebuildProblems,
  readBuilderConfig,
  TARGET_PREBUILDS,
} from './package-policy.ts';
import { writeStandInElectronExe } from './stand-in-electron-exe.ts';
import { winExecutableProblems } from './win-executable-policy.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'release', 'package-check');
const winOutDir = join(root, 'release', 'package-check-win');

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`${args.slice(0, 2).join(' ')} exited with ${result.status}`);
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => `/${relative(dir, join(e.parentPath, e.name)).split(sep).join('/')}`);
}

/** Every window role of the contract needs a preload and a renderer page in the package. */
function requiredEntries(main: string): string[] {
  const roles = Object.keys(ROLE_EVENTS);
  return [
    `/${main}`,
    ...roles.map((role) => `/dist/preload/${role}.cjs`),
    ...roles.map((role) => `/dist/renderer/${role}/index.html`),
  ];
}

/** Lock-file paths (node_modules/a/node_modules/b) of packages only devDependencies need. */
function devOnlyPackages(): Set<string> {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  return new Set(Object.entries(lock.packages).flatMap(([path, meta]) => (meta.dev ? [path] : [])));
}

/** "/node_modules/@scope/a/node_modules/b/lib/x.js" → "node_modules/@scope/a/node_modules/b". */
function moduleDirOf(packedPath: string): string | null {
  const m = /^\/((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(packedPath);
  return m?.[1] ?? null;
}

async function check(): Promise<string[]> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
  const resources = join(outDir, 'linux-unpacked', 'resources');
  const asarPath = join(resources, 'app.asar');
  if (!existsSync(asarPath)) return [`no app.asar at ${relative(root, asarPath)}`];
  const packed = listPackage(asarPath, { isPack: false }).map((p) => p.split(sep).join('/'));
  const packedSet = new Set(packed);
  const unpacked = walk(join(resources, 'app.asar.unpacked'));
  const problems: string[] = [];

  for (const entry of requiredEntries(pkg.main)) {
    if (!packedSet.has(entry)) problems.push(`missing from app.asar: ${entry}`);
  }
  for (const mod of ['better-sqlite3', '@serialport/bindings-cpp']) {
    const natives = unpacked.filter((p) => p.startsWith(`/node_modules/${mod}/`) && p.endsWith('.node'));
    if (natives.length === 0) problems.push(`no native .node file of ${mod} in app.asar.unpacked`);
  }
  const everything = [...packed, ...unpacked];
  for (const p of everything) {
    if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(p) || p.startsWith('/test/'))
      problems.push(`test file packed: ${p}`);
    if (/\.(ts|tsx|mts|cts)$/.test(p)) problems.push(`TypeScript source packed: ${p}`);
    if (/\.map$/.test(p)) problems.push(`source map packed: ${p}`);
  }
  const devOnly = devOnlyPackages();
  const packedModules = new Set(everything.map(moduleDirOf).filter((m): m is string => m !== null));
  for (const mod of packedModules) if (devOnly.has(mod)) problems.push(`devDependency packed: ${mod}`);

  problems.push(...prebuildProblems(unpacked));
  problems.push(...(await fuseProblems(join(outDir, 'linux-unpacked', 'ottpay-till'))));
  const text = (entry: string) =>
    packedSet.has(entry) ? extractFile(asarPath, entry.slice(1)).toString('utf8') : '';
  problems.push(
    ...cspProblems(
      text(`/${pkg.main}`),
      Object.keys(ROLE_EVENTS).map((role) => {
        const path = `/dist/renderer/${role}/index.html`;
        return { path, html: text(path) };
      }),
    ),
  );
  const config = readBuilderConfig(root);
  problems.push(...linuxConfigProblems(config, root));
  problems.push(...filesConfigProblems(config));
  problems.push(
    ...nativeRuntimeProblems(
      TARGET_PREBUILDS['linux-x64'].map((p) => ({
        path: p,
        objdumpT: objdumpT(join(resources, 'app.asar.unpacked', p)),
      })),
      config.deb?.depends ?? [],
    ),
  );
  return problems;
}

function objdumpT(file: string): string {
  const r = spawnSync('objdump', ['-T', file], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(`objdump -T ${file} failed (binutils installed?): ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** The Windows app folder: its prebuilds, and what electron-builder wrote into the executable. */
async function checkWin(): Promise<string[]> {
  const resources = join(winOutDir, 'win-unpacked', 'resources');
  const asarPath = join(resources, 'app.asar');
  if (!existsSync(asarPath)) return [`no app.asar at ${relative(root, asarPath)}`];
  const problems = prebuildProblems(walk(join(resources, 'app.asar.unpacked')), 'win32-x64');
  const exe = join(winOutDir, 'win-unpacked', 'OTTPay Till.exe');
  problems.push(...(await fuseProblems(exe)));
  // Electron checks the header's SHA-256 (asar integrity) against the executable's resource.
  const headerHash = createHash('sha256').update(getRawHeader(asarPath).headerString).digest('hex');
  problems.push(...winExecutableProblems(readFileSync(exe), headerHash));
  return problems;
}

rmSync(outDir, { recursive: true, force: true });
// `--no-build` packs the dist/ there is (the tests: `npm test` builds first, and a rebuild here would
// empty dist/ under the tests running beside this one).
if (!process.argv.includes('--no-build')) run(['build/scripts/build.ts']);
run([
  'node_modules/electron-builder/cli.js',
  '--linux',
  'dir',
  '--publish',
  'never',
  '-c.electronDist=build/electron-dist',
  '-c.npmRebuild=false',
  `-c.directories.output=${relative(root, outDir)}`,
]);
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
rmSync(winOutDir, { recursive: true, force: true });
writeStandInElectronExe(join(winOutDir, 'electron-dist'), electronVersion);
run([
  'node_modules/electron-builder/cli.js',
  '--win',
  'dir',
  '--x64',
  '--publish',
  'never',
  `-c.electronDist=${relative(root, join(winOutDir, 'electron-dist'))}`,
  `-c.directories.output=${relative(root, winOutDir)}`,
]);
const problems = [...(await check()), ...(await checkWin())];
if (problems.length > 0) {
  for (const p of problems.slice(0, 50)) console.error(`package:check: ${p}`);
  console.error(`package:check FAILED: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(
  'package:check ok: main, preloads and renderer entries packed; native modules unpacked, only linux-x64; ' +
    'no tests, sources or devDependencies; fuses set in the binary; CSP header; deb config (X11, depends, keyring, AppArmor); ' +
    'glibc and libstdc++ needs of the prebuilds in Depends; Windows: only win32-x64 prebuilds, asar integrity resource, fuses',
);
