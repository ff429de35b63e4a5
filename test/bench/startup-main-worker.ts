// Child of startup.bench.ts: the built Electron main (dist/main/index.cjs, as `npm run build` made it)
// loaded under the stand-in 'electron' module the composition tests use (the Electron binary cannot
// run here). Prints one JSON line: ms since this process started when the bundle's require began, and
// from there to the bundle loaded, to the till window opened with its page, to the window shown (main's
// show() on ready-to-show), and to the core answering. On a fresh data folder, or BENCH_MAIN_DATA's.
// With BENCH_BROWSER_WS (a playwright-core browser server), the window's page then opens in Chromium
// as Electron would open it (startup-till-page.ts): from the require to its first contentful paint and
// to its first screen, end to end; and when main was asked for the page and answered the files its first
// frame needs (the page and its stylesheets), with the longest any of them waited.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { INVOKE_CHANNEL } from '../../electron/preload/channels.ts';
import { createFakeElectron } from '../unit/electron/fake-electron.ts';
import { openTillPage, type TillPageTimes } from './startup-till-page.ts';

type Loader = (...a: unknown[]) => unknown;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'startup-main-'));
// The page's load and first paint are told to main by the page in Chromium (startup-till-page.ts).
// BENCH_MAIN_DATA: a data folder kept by the benchmark, so a second start finds it warm (as a till's
// every start but its first).
const userData = process.env.BENCH_MAIN_DATA ?? join(dir, 'data');
const fake = createFakeElectron({ userData, logs: join(dir, 'logs') }, true, {
  pageEvents: process.env.BENCH_BROWSER_WS ? 'by-test' : 'at-once',
});
const moduleApi = Module as unknown as { _load: Loader };
const originalLoad = moduleApi._load;
moduleApi._load = function (this: unknown, request: unknown, ...rest: unknown[]) {
  return request === 'electron' ? fake.module : originalLoad.call(this, request, ...rest);
};
// As the deb's launcher starts it; never the real ~/.config (a kiosk boot writes autostart there).
process.argv.push('--ozone-platform=x11');
process.env.XDG_CONFIG_HOME = join(dir, 'xdg-config');
const windowShown = once(fake.events, 'load');
const ended = new Promise<void>((resolve) => {
  for (const name of ['quit', 'exit', 'terminated']) fake.events.once(name, () => resolve());
});

// Connected before the clock starts: in Electron the browser is part of the process.
const wsEndpoint = process.env.BENCH_BROWSER_WS;
const browser = wsEndpoint ? await chromium.connect(wsEndpoint) : null;

const t0 = performance.now();
createRequire(join(root, 'package.json'))(join(root, 'dist', 'main', 'index.cjs'));
const loaded = performance.now();
fake.ready();
await windowShown;
const windowAt = performance.now();
const till = fake.windows[0];
// Main shows the window on ready-to-show (show-till.ts): as late as main's thread is busy then.
const shown = till ? once(till, 'show').then(() => performance.now()) : Promise.resolve(Number.NaN);
const handler = fake.handlers.get(INVOKE_CHANNEL);
const handle = fake.protocolHandler();
// Each of the page's requests, asked → answered by main's handler (both on main's thread, as in
// Electron): what the core's start beside it costs the page's files.
const served: Array<{ url: string; askedMs: number; answeredMs: number }> = [];
const serve =
  handle &&
  (async (request: Request) => {
    const asked = performance.now();
    const answer = await handle(request);
    served.push({ url: request.url, askedMs: asked - t0, answeredMs: performance.now() - t0 });
    return answer;
  });
if (!till || !handler || !serve) throw new Error('no till window, invoke channel or app:// handler');
const sender = { sender: till.webContents, senderFrame: { url: 'app://till/till/index.html', parent: null } };
const page: Promise<TillPageTimes | null> = browser
  ? openTillPage(browser, root, till, serve, (_channel, args) => handler(sender, ...args))
  : Promise.resolve(null);
// The till window opens before the core: this first call (made before the core is up, as the page's
// own) answers once the core has started.
const core = handler(sender, 'till.snapshot', {}).then(() => performance.now());
const [coreAt, pageTimes, shownAt] = await Promise.all([core, page, shown]);
// The files the first frame waits for: the page and its stylesheets.
const firstFrameFiles = served.filter((r) => /\.(html|css)$/.test(new URL(r.url).pathname));
process.stdout.write(
  `${JSON.stringify({
    processToRequireMs: t0,
    loadMs: loaded - t0,
    windowMs: windowAt - t0,
    coreMs: coreAt - t0,
    shownMs: shownAt - t0,
    ...(pageTimes
      ? {
          paintMs: windowAt - t0 + pageTimes.firstPaintMs,
          screenMs: windowAt - t0 + pageTimes.firstScreenMs,
          pageToNavigationMs: pageTimes.toNavigationMs,
          navigationToPaintMs: pageTimes.navigationToPaintMs,
          htmlAskedMs: served.find((r) => r.url.endsWith('.html'))?.askedMs ?? Number.NaN,
          firstFrameFilesServedMs: Math.max(...firstFrameFiles.map((r) => r.answeredMs)),
          slowestFirstFrameFileMs: Math.max(...firstFrameFiles.map((r) => r.answeredMs - r.askedMs)),
        }
      : {}),
  })}\n`,
);
await browser?.close();
fake.sendSignal('SIGTERM');
await ended;
rmSync(dir, { recursive: true, force: true });
process.exit(0);
