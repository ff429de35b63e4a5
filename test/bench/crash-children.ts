// How the crash harness starts its child processes. A child that loads the TypeScript sources pays
// Node's type stripping and module resolution for hundreds of files at every start (~0.5–1.1 s of CPU
// for a whole till); the harness makes thousands of them. So `bundleChildren()` builds the children
// once per harness run into one ESM bundle (esbuild, code split between them, native modules left to
// require() from node_modules) and the children share a V8 compile cache beside it. Without a bundle
// (a module used on its own) the children run from the sources.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

/** Node's built-in modules, with or without the `node:` prefix. */
const BUILTIN = new RegExp(`^(node:.+|${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})$`);

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

export const CHILDREN = ['crash-worker', 'crash-till-worker', 'crash-sync-worker'] as const;
export type ChildName = (typeof CHILDREN)[number];

let bundleDir: string | null = null;

/** Builds every child into one bundle under node_modules/.cache (so its externals resolve); returns its folder. */
export async function bundleChildren(): Promise<string> {
  const { build } = await import('esbuild');
  const cache = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, 'crash-children-'));
  await build({
    entryPoints: CHILDREN.map((name) => path.join(here, `${name}.ts`)),
    outdir: dir,
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // The native drivers load their .node files from their own folders: required from node_modules at
    // run time, through require() rather than import (an import of CommonJS makes Node parse the whole
    // package for its export names at every start). pg's optional binding is never installed.
    // Node's own modules too: an ESM import of one makes Node build its export facade, which reads
    // every lazy getter — node:http's loads all of undici (~150 ms of CPU at each start).
    plugins: [
      requiredAtRunTime(/^(better-sqlite3|serialport|@serialport\/.+)$/),
      requiredAtRunTime(BUILTIN),
      cheaperPinHash(),
    ],
    external: ['pg-native'],
    // Bundled CommonJS (pg) and the drivers above call require().
    banner: {
      js: "import { createRequire as __crashRequire } from 'node:module'; const require = __crashRequire(import.meta.url); globalThis.__crashRequire = require;",
    },
    logLevel: 'warning',
  });
  fs.mkdirSync(path.join(dir, 'compile-cache'));
  bundleDir = dir;
  return dir;
}

/** An esbuild plugin: these packages become `require(name)` at run time, from the bundle's own folder. */
function requiredAtRunTime(filter: RegExp): Plugin {
  return {
    name: 'required-at-run-time',
    setup(b) {
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'run-time' }));
      b.onLoad({ filter: /.*/, namespace: 'run-time' }, (args) => ({
        contents: `module.exports = globalThis.__crashRequire(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  };
}

/**
 * The PIN hash's work factor in the children: scrypt N=1024 instead of the till's 16384 (~1.7 ms a hash
 * instead of ~43; a till run hashes and verifies up to 14 times, the run's largest cost). No crash point
 * or check is about the work factor: the runs test that an account or PIN change is there whole or not
 * at all and which PINs sign in. A hash names its own N, so hashing, storing and verifying take the same
 * code path as in the till. Fails the build if pin-hash.ts no longer declares N as expected.
 */
const CHILD_SCRYPT_N = 1024;
function cheaperPinHash(): Plugin {
  const declared = /^const N = 16384;$/m;
  return {
    name: 'cheaper-pin-hash',
    setup(b) {
      b.onLoad({ filter: /[\\/]config[\\/]pin-hash\.ts$/ }, (args) => {
        const source = fs.readFileSync(args.path, 'utf8');
        if (!declared.test(source)) throw new Error(`${args.path}: no "const N = 16384;" to lower`);
        return { contents: source.replace(declared, `const N = ${CHILD_SCRYPT_N};`), loader: 'ts' };
      });
    },
  };
}

export function removeBundle(): void {
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
  bundleDir = null;
}

/** Starts one child with its JSON argument: from the bundle when there is one, else from the sources. */
export function spawnChild(name: ChildName, arg: unknown, stdio: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  const entry = bundleDir ? path.join(bundleDir, `${name}.mjs`) : path.join(here, `${name}.ts`);
  return spawn(process.execPath, ['--disable-warning=ExperimentalWarning', entry, JSON.stringify(arg)], {
    stdio: [stdio, stdio, 'pipe'],
    env: bundleDir
      ? { ...process.env, NODE_COMPILE_CACHE: path.join(bundleDir, 'compile-cache') }
      : process.env,
  });
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Runs one child to its end, keeping what it wrote. */
export function runChild(name: ChildName, arg: unknown, wantOut = false): Promise<ChildExit> {
  return childEnd(spawnChild(name, arg, wantOut ? 'pipe' : 'ignore'));
}

/**
 * A child's exit with all it wrote. Waits for "close", not "exit": at "exit" the child's pipes may still
 * hold output not yet read, and a report read then is cut short or empty.
 */
export function childEnd(child: ChildProcess): Promise<ChildExit> {
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}
