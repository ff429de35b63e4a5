// Keeps docs/ARCHITECTURE.md honest: each import rule the map states is checked here from the source,
// and the list of the core's doors is read from the map itself. A failure names the rule and the
// offending import.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findCircles, readImportGraph, type SourceFile } from '../support/import-graph.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const graph = readImportGraph(root, ['electron', 'shared', 'renderer', 'build/scripts']);
const files = [...graph.values()];
const inRoom = (room: string) => files.filter((f) => f.file.startsWith(room));
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const SHELLS = [
  'electron/main/',
  'electron/preload/',
  'electron/web-shell/',
  'electron/launcher/',
  'electron/cli/',
];

function offences(room: string, allowed: (to: string, from: SourceFile) => boolean): string[] {
  return inRoom(room).flatMap((f) =>
    [...f.files, ...f.packages].filter((to) => !allowed(to, f)).map((to) => `${f.file} → ${to}`),
  );
}

/** The doors listed under "The core's doors" in the map: one backticked path per bullet. */
function doorsFromMap(): Set<string> {
  const map = fs.readFileSync(path.join(root, 'docs/ARCHITECTURE.md'), 'utf8');
  const section = map.split(/^## /m).find((s) => s.startsWith("The core's doors"));
  assert.ok(section, 'docs/ARCHITECTURE.md has a section "The core\'s doors"');
  return new Set([...section.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1] as string));
}

describe('architecture: the import rules of docs/ARCHITECTURE.md', () => {
  it('reads the whole tree (the rules below are about real files)', () => {
    assert.ok(inRoom('electron/core/').length > 100);
    assert.ok(inRoom('shared/').length > 20);
    assert.ok(inRoom('renderer/').length > 30);
  });

  it('shared imports neither Node nor DOM', () => {
    const bad = offences('shared/', (to) => to.startsWith('shared/') || to === 'zod');
    assert.deepEqual(bad, [], 'shared/ may import only shared/ and zod');
    const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.shared.json'), 'utf8'));
    assert.deepEqual(tsconfig.compilerOptions.types, [], 'tsconfig.shared.json brings in no Node types');
    assert.ok(
      !JSON.stringify(tsconfig.compilerOptions.lib ?? [])
        .toLowerCase()
        .includes('dom'),
      'and no DOM lib',
    );
  });

  it('renderer reaches the till only through the contract', () => {
    const packages = new Set([
      'react',
      'react-dom',
      'react-dom/client',
      'qrcode.react',
      '@zxing/library',
      'zod',
    ]);
    const bad = offences(
      'renderer/',
      (to) => to.startsWith('renderer/') || to.startsWith('shared/') || packages.has(to),
    );
    assert.deepEqual(bad, [], 'renderer/ imports renderer/, shared/ and its UI packages only');
  });

  it('core never imports electron nor a shell', () => {
    const bad = offences('electron/core/', (to) => {
      if (to === 'electron-updater') return false;
      if (to === 'electron' || to.startsWith('electron/'))
        return to.startsWith('electron/core/') || to.startsWith('electron/store/');
      if (to.startsWith('renderer/') || to.startsWith('build/')) return false;
      return true;
    });
    assert.deepEqual(
      bad,
      [],
      'electron/core/ imports the core, shared/, electron/store/, Node and packages but electron',
    );
    const meta = inRoom('electron/core/').filter((f) =>
      /\bimport\.meta\b/.test(f.text.replace(/\/\/.*$/gm, '')),
    );
    assert.deepEqual(
      meta.map((f) => f.file),
      [],
      'the core is bundled to CommonJS for Electron: no import.meta',
    );
  });

  it('store stays out of the core', () => {
    const sharedHttp = new Set(['electron/web-shell/request-guard.ts', 'electron/web-shell/static-files.ts']);
    const bad = offences('electron/store/', (to) => {
      if (to.startsWith('electron/store/') || to.startsWith('shared/') || sharedHttp.has(to)) return true;
      return !to.startsWith('electron/') && !to.startsWith('renderer/') && to !== 'electron';
    });
    assert.deepEqual(
      bad,
      [],
      'electron/store/ imports the store, shared/ and the two HTTP helpers it shares',
    );
  });

  it('shells and CLI reach the core only through its doors', () => {
    const doors = doorsFromMap();
    for (const door of doors) assert.ok(graph.has(door), `the map lists ${door}, which does not exist`);
    const used = new Set<string>();
    const bad = SHELLS.flatMap((shell) =>
      offences(shell, (to) => {
        if (!to.startsWith('electron/core/')) return true;
        used.add(to);
        return doors.has(to);
      }),
    );
    assert.deepEqual(bad, [], "a shell or the CLI imports a core file that is not one of the map's doors");
    const unused = [...doors].filter((d) => !used.has(d));
    assert.deepEqual(unused, [], 'a door the map lists that no shell uses any more: take it off the list');
  });

  it('no import circles', () => {
    assert.deepEqual(findCircles(graph), [], 'files that import each other, directly or round about');
  });

  it('the Node built-ins the core uses are real ones (the graph reads packages right)', () => {
    const core = new Set(
      inRoom('electron/core/').flatMap((f) => f.packages.filter((p) => p.startsWith('node:'))),
    );
    assert.ok(core.size > 5);
    for (const p of core) assert.ok(NODE_BUILTINS.has(p), p);
  });
});
