// How the Electron main process is bundled: one CommonJS file, native modules and electron left to
// require() at run time. Shared by the build and the tests that run the bundled composition root.
import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

/** Left out of every bundle: loaded from node_modules (app.asar.unpacked) at run time. */
export const NATIVE_EXTERNALS = ['electron', 'better-sqlite3', 'serialport', '@serialport/*'];
/** node-postgres is bundled; its optional native binding (pg-native) is never installed or loaded. */
const OPTIONAL_EXTERNALS = ['pg-native'];

export function mainBundleOptions(root: string, outfile: string): BuildOptions {
  return {
    entryPoints: [join(root, 'electron', 'main', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: [...NATIVE_EXTERNALS, ...OPTIONAL_EXTERNALS],
    // The core loads serialport with import() so a broken driver costs serial only; in this CommonJS
    // bundle that becomes require(), which resolves inside app.asar like the static requires do.
    supported: { 'dynamic-import': false },
    logLevel: 'warning',
  };
}
