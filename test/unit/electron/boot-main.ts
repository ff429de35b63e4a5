// Runs the real composition root (electron/main/index.ts, bundled to CommonJS like the build does)
// against the stand-in 'electron' module and the real core on a temp data folder. One boot per test
// file: the bundle registers process-wide listeners (signals), which `dispose` removes again.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { mainBundleOptions } from '../../../build/scripts/main-bundle.ts';
import { INVOKE_CHANNEL } from '../../../electron/preload/channels.ts';
import type { Result } from '../../../shared/result.ts';
import { createFakeElectron, type FakeWebContents } from './fake-electron.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const projectRequire = createRequire(join(root, 'package.json'));
type Loader = (...a: unknown[]) => unknown;

export interface BootedMain {
  dir: string;
  fake: ReturnType<typeof createFakeElectron>;
  /** The invoke channel as the preload calls it, from `contents` at page `url`. */
  invoke(
    contents: FakeWebContents | { id: number },
    url: string,
    name: unknown,
    payload: unknown,
  ): Promise<Result<unknown>>;
  dispose(): void;
}

/** `argv`: extra command-line arguments, given the temp folder (for paths inside it). */
export async function bootMain(
  opts: { argv?: (dir: string) => string[]; version?: string } = {},
): Promise<BootedMain> {
  const dir = mkdtempSync(join(tmpdir(), 'main-composition-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'renderer', 'till'), { recursive: true });
  writeFileSync(join(dist, 'renderer', 'till', 'index.html'), '<!doctype html><title>till</title>');
  await build({ ...mainBundleOptions(root, join(dist, 'main', 'index.cjs')), logLevel: 'silent' });
  const fake = createFakeElectron(
    { userData: join(dir, 'data'), logs: join(dir, 'logs') },
    true,
    opts.version,
  );
  const moduleApi = Module as unknown as { _load: Loader };
  const originalLoad = moduleApi._load;
  const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  moduleApi._load = function (this: unknown, request: unknown, ...rest: unknown[]) {
    if (request === 'electron') return fake.module;
    // The bundle sits in a temp folder: its native externals come from the project, as the packaged
    // app finds them in its own node_modules.
    if (typeof request === 'string' && /^(better-sqlite3|serialport|@serialport\/)/.test(request)) {
      return originalLoad.call(this, projectRequire.resolve(request), ...rest);
    }
    return originalLoad.call(this, request, ...rest);
  };
  writeFileSync(join(dist, 'package.json'), '{"type":"commonjs"}');
  const loaded = once(fake.events, 'window');
  const customerShown = once(fake.events, 'load');
  const argv = process.argv;
  // As the deb's launcher starts it (and so no X11 relaunch, whatever session runs the tests).
  process.argv = [...argv, '--ozone-platform=x11', ...(opts.argv?.(dir) ?? [])];
  try {
    projectRequire(join(dist, 'main', 'index.cjs'));
  } finally {
    process.argv = argv;
  }
  fake.ready();
  await loaded;
  await customerShown;

  return {
    dir,
    fake,
    async invoke(contents, url, name, payload) {
      const handler = fake.handlers.get(INVOKE_CHANNEL);
      assert.ok(handler, 'invoke channel registered');
      return (await handler(
        { sender: contents, senderFrame: { url, parent: null } },
        name,
        payload,
      )) as Result<unknown>;
    },
    dispose() {
      moduleApi._load = originalLoad;
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        for (const l of process.listeners(signal))
          if (!signalListeners[signal].includes(l)) process.off(signal, l);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
