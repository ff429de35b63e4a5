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
import { createFakeElectron, type FakeElectronOptions, type FakeWebContents } from './fake-electron.ts';

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
  /** Stops the till as systemd would (SIGTERM: the core closes its servers and journal), then undoes the boot. */
  dispose(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * `argv`: extra command-line arguments, given the temp folder (for paths inside it). `fake`: how the
 * stand-in behaves. `waitFor`: what boot waits for before returning ('windows': the till window and the
 * customer display's page; 'ready': only that ready was emitted, for a start that opens nothing).
 * `version`: what app.getVersion() says (electron-updater compares the feed with it).
 */
export async function bootMain(
  opts: {
    argv?: (dir: string) => string[];
    fake?: FakeElectronOptions;
    env?: Record<string, string>;
    waitFor?: 'windows' | 'till' | 'ready';
    version?: string;
  } = {},
): Promise<BootedMain> {
  const dir = mkdtempSync(join(tmpdir(), 'main-composition-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'renderer', 'till'), { recursive: true });
  writeFileSync(join(dist, 'renderer', 'till', 'index.html'), '<!doctype html><title>till</title>');
  await build({ ...mainBundleOptions(root, join(dist, 'main', 'index.cjs')), logLevel: 'silent' });
  const fake = createFakeElectron({ userData: join(dir, 'data'), logs: join(dir, 'logs') }, true, {
    ...opts.fake,
    ...(opts.version ? { version: opts.version } : {}),
  });
  const moduleApi = Module as unknown as { _load: Loader };
  const originalLoad = moduleApi._load;
  const signalListeners = Object.fromEntries(SIGNALS.map((sig) => [sig, process.listeners(sig)]));
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
  const savedEnv = { ...process.env };
  // As the deb's launcher starts it (and so no X11 relaunch, whatever session runs the tests).
  process.argv = [...argv, '--ozone-platform=x11', ...(opts.argv?.(dir) ?? [])];
  // Never the real ~/.config: a kiosk boot writes the till's autostart entry there (autostart.ts).
  Object.assign(process.env, { XDG_CONFIG_HOME: join(dir, 'xdg-config') }, opts.env ?? {});
  try {
    projectRequire(join(dist, 'main', 'index.cjs'));
  } finally {
    process.argv = argv;
  }
  fake.ready();
  const waitFor = opts.waitFor ?? 'windows';
  if (waitFor !== 'ready') await loaded;
  if (waitFor !== 'ready') await customerShown;
  const invoke: BootedMain['invoke'] = async (contents, url, name, payload) => {
    const handler = fake.handlers.get(INVOKE_CHANNEL);
    assert.ok(handler, 'invoke channel registered');
    return (await handler(
      { sender: contents, senderFrame: { url, parent: null } },
      name,
      payload,
    )) as Result<unknown>;
  };
  // The till window opens before the core; a call from its page answers once the core has started
  // (and the customer display has been placed).
  if (waitFor === 'windows') {
    const till = fake.windows[0];
    assert.ok(till);
    await invoke(till.webContents, 'app://till/till/index.html', 'till.snapshot', {});
  }

  // Whether the app has already ended (a test that quit it, a refused start), so dispose does not wait
  // for an end that came before.
  let ended = false;
  const endedNow = new Promise<void>((resolve) => {
    const done = () => {
      ended = true;
      resolve();
    };
    for (const name of ['quit', 'exit', 'terminated']) fake.events.once(name, done);
  });

  return {
    dir,
    fake,
    invoke,
    async dispose() {
      // A core left running keeps its simulator, listeners and timers alive, and with them the test
      // process: the till is stopped as systemd stops it, and dispose waits for the quit.
      if (!ended && fake.module.app.isReady()) {
        fake.sendSignal('SIGTERM');
        await endedNow;
      }
      moduleApi._load = originalLoad;
      for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
      Object.assign(process.env, savedEnv);
      for (const signal of SIGNALS) {
        for (const l of process.listeners(signal))
          if (!signalListeners[signal]?.includes(l)) process.off(signal, l);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
