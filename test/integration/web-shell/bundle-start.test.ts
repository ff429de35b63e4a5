// The bundled browser shell (`npm run build` → dist/web-shell/), which `npm run start:web` and
// `npm start`'s fallback run: it holds everything but the native modules, starts from the built files
// alone (its pages found from its own place in dist/), and turns Node's compile cache on before the
// bundle is compiled. Needs `npm run build`.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import { NATIVE_EXTERNALS } from '../../../build/scripts/main-bundle.ts';
import { WEB_SHELL_BUNDLE, WEB_SHELL_ENTRY } from '../../../build/scripts/web-shell-bundle.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'web-shell-bundle-'));
let child: ChildProcess | null = null;
after(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A required name is allowed when it is Node's own or a native module left out of the bundle. */
function allowedAtRunTime(name: string): boolean {
  if (name.startsWith('node:') || builtinModules.includes(name)) return true;
  return [...NATIVE_EXTERNALS, 'pg-native'].some((ext) =>
    ext.endsWith('/*') ? name.startsWith(ext.slice(0, -1)) : name === ext,
  );
}

describe('the bundled browser shell', () => {
  it('requires nothing at run time but Node itself and the native modules', () => {
    const bundle = join(root, WEB_SHELL_BUNDLE);
    assert.ok(existsSync(bundle), `${WEB_SHELL_BUNDLE} is missing: run npm run build`);
    const text = readFileSync(bundle, 'utf8');
    const required = new Set([...text.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1] ?? ''));
    assert.ok(required.has('better-sqlite3'), 'the journal driver stays a run-time require');
    const strays = [...required].filter((name) => !allowedAtRunTime(name));
    assert.deepEqual(strays, [], 'bundled, not loaded from node_modules or from sources');
    assert.doesNotMatch(text, /import\.meta/, 'a CommonJS bundle has no import.meta');
  });

  it('starts from dist/, prints the two lines, serves its pages and fills the compile cache', {
    timeout: 60_000,
  }, async () => {
    const cache = join(dir, 'compile-cache');
    const proc = spawn(process.execPath, [WEB_SHELL_ENTRY, '--port', '0', '--data-dir', join(dir, 'data')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TILL_DATA_DIR: '', NODE_COMPILE_CACHE: cache },
    });
    child = proc;
    const done = new Promise<number | null>((res) => proc.once('exit', (code) => res(code)));
    let stderr = '';
    proc.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const lines: string[] = [];
    const rl = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
    await new Promise<void>((res, rej) => {
      rl.on('line', (line) => {
        lines.push(line);
        if (lines.length === 2) res();
      });
      proc.once('exit', () => rej(new Error(`exited early: ${stderr}`)));
    });
    const till = /^till ready at (http:\/\/127\.0\.0\.1:(\d+))\/\?token=([A-Za-z0-9_-]{20,})$/.exec(
      lines[0] ?? '',
    );
    assert.ok(till, `first line: ${lines[0]}`);
    assert.equal(lines[1], `customer display at ${till[1]}/customer`);

    const snapshot = await fetch(`${till[1]}/api/command/till.snapshot`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Till-Token': till[3] ?? '' },
      body: '{}',
    });
    assert.equal(((await snapshot.json()) as { ok: boolean }).ok, true);
    // The pages come from dist/renderer, found from the bundle's own file.
    const page = await fetch(`${till[1]}/customer`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<div id="root">/);

    proc.kill('SIGTERM');
    assert.equal(await done, 0, stderr);
    assert.ok(existsSync(cache) && readdirSync(cache).length > 0, 'the compile cache was written');
  });
});
