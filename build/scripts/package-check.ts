// `npm run package:check`: packs the Linux `dir` target against the stand-in Electron in
// build/electron-dist (the real binary cannot be fetched everywhere), then opens app.asar and fails
// unless the app is complete and nothing that should stay out went in.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage } from '@electron/asar';
import { ROLE_EVENTS } from '../../shared/contract.ts';
import {
  cspProblems,
  fuseProblems,
  linuxConfigProblems,
  prebuildProblems,
  readBuilderConfig,
} from './package-policy.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'release', 'package-check');

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
  problems.push(...linuxConfigProblems(readBuilderConfig(root), root));
  return problems;
}

rmSync(outDir, { recursive: true, force: true });
run(['build/scripts/build.ts']);
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
const problems = await check();
if (problems.length > 0) {
  for (const p of problems.slice(0, 50)) console.error(`package:check: ${p}`);
  console.error(`package:check FAILED: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(
  'package:check ok: main, preloads and renderer entries packed; native modules unpacked, only linux-x64; ' +
    'no tests, sources or devDependencies; fuses set in the binary; CSP header; deb config (X11, depends, keyring, AppArmor)',
);
