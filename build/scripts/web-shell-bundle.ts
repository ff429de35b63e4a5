// How the browser shell (`electron/web-shell/start.ts`) is bundled for `npm start`'s fallback and
// `npm run start:web`: one CommonJS file, like the Electron main. Run from its TypeScript sources, Node
// strips the types of some 370 modules one by one, which was most of the shell's start-up; as one
// file it is read and compiled once. CommonJS rather than ESM: an ESM import of node:http builds the
// module's ESM facade, which reads every export, lazy ones included, and so loads all of undici.
import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';
import { NATIVE_EXTERNALS } from './main-bundle.ts';

/** What `npm run start:web` and `npm start`'s fallback run, from the project's root. */
export const WEB_SHELL_ENTRY = join('dist', 'web-shell', 'start.cjs');
/** The bundle itself, beside it (dist/web-shell/ is as deep as electron/web-shell/: same root). */
export const WEB_SHELL_BUNDLE = join('dist', 'web-shell', 'web-shell.cjs');

/**
 * The entry: Node's compile cache goes on before the bundle is read, so every start after the first
 * takes V8's compiled code from the cache (os.tmpdir()/node-compile-cache, or NODE_COMPILE_CACHE)
 * instead of parsing 1.7 MB again. Inside the bundle it would come too late for the bundle itself.
 */
export const WEB_SHELL_ENTRY_SOURCE = `// Made by build/scripts/build.ts (web-shell-bundle.ts): the compile cache first, then the shell.
require('node:module').enableCompileCache?.();
require('./web-shell.cjs');
`;

/** The name the bundle's own file URL goes by: start.ts finds dist/renderer from import.meta.url. */
const FILE_URL = '__webShellFileUrl';

export function webShellBundleOptions(root: string, outfile: string): BuildOptions {
  return {
    entryPoints: [join(root, 'electron', 'web-shell', 'start.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // node-postgres is bundled; its optional native binding (pg-native) is never installed or loaded.
    external: [...NATIVE_EXTERNALS, 'pg-native'],
    // serialport's import() becomes require(), resolved from node_modules like the static requires.
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': FILE_URL },
    banner: { js: `const ${FILE_URL} = require('node:url').pathToFileURL(__filename).href;` },
    logLevel: 'warning',
  };
}
