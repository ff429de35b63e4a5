// Builds everything the app runs: the three renderer entries (Vite: till, customer display, and the
// owner's store report page that `cli store serve` serves), the Electron main process and one
// preload per window role (esbuild). Output goes to dist/, which electron-builder packs. Also the
// browser shell as one file (esbuild), for `npm run start:web` and `npm start`'s fallback (not packed).
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { writeCjkFont } from './cjk-font.ts';
import { addFontPreloads, FONT_PRELOAD_ENTRIES } from './font-preload.ts';
import { mainBundleOptions } from './main-bundle.ts';
import {
  WEB_SHELL_BUNDLE,
  WEB_SHELL_ENTRY,
  WEB_SHELL_ENTRY_SOURCE,
  webShellBundleOptions,
} from './web-shell-bundle.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'dist');

export const PRELOAD_ROLES = ['till', 'customer'] as const;
export const RENDERER_ENTRIES = ['till', 'customer', 'store'] as const;

async function buildRenderer(): Promise<void> {
  await viteBuild({
    root: join(root, 'renderer'),
    base: './',
    logLevel: 'warn',
    // The spoken "paid" clips (renderer/speech/*.bin) are assets, imported ?inline.
    assetsInclude: ['**/*.bin'],
    build: {
      outDir: join(out, 'renderer'),
      emptyOutDir: true,
      sourcemap: false,
      // Fonts stay files: the pages' CSP allows fonts from 'self' only, not data: URLs.
      assetsInlineLimit: (file: string) => (file.endsWith('.woff2') ? false : undefined),
      rollupOptions: {
        input: Object.fromEntries(RENDERER_ENTRIES.map((e) => [e, join(root, 'renderer', e, 'index.html')])),
      },
    },
  });
  addFontPreloads(join(out, 'renderer'), FONT_PRELOAD_ENTRIES);
}

async function buildMain(): Promise<void> {
  await esbuild(mainBundleOptions(root, join(out, 'main', 'index.cjs')));
}

async function buildWebShell(): Promise<void> {
  await esbuild(webShellBundleOptions(root, join(root, WEB_SHELL_BUNDLE)));
  writeFileSync(join(root, WEB_SHELL_ENTRY), WEB_SHELL_ENTRY_SOURCE);
}

async function buildPreloads(): Promise<void> {
  // Sandboxed preloads can require only 'electron': each is one self-contained CommonJS file.
  await Promise.all(
    PRELOAD_ROLES.map((role) =>
      esbuild({
        entryPoints: [join(root, 'electron', 'preload', `${role}.ts`)],
        outfile: join(out, 'preload', `${role}.cjs`),
        bundle: true,
        platform: 'node',
        target: 'node22',
        format: 'cjs',
        external: ['electron'],
        logLevel: 'warning',
      }),
    ),
  );
}

rmSync(out, { recursive: true, force: true });
const started = Date.now();
const font = writeCjkFont(root);
console.error(
  `Chinese font: ${font.slices} Noto Sans SC slices, ${(font.bytes / 1024).toFixed(0)} KiB, for ${font.characters} characters`,
);
await Promise.all([buildRenderer(), buildMain(), buildWebShell(), buildPreloads()]);
console.error(`built dist/ in ${Date.now() - started} ms`);
