// Start-up: from process start to `till ready at` for the browser shell, as `npm run start:web` and
// `npm start`'s fallback run it (the build's bundle, dist/web-shell/start.cjs) and, for comparison, from
// its TypeScript sources (`electron/web-shell/start.ts`): a fresh data folder and then a warm one; the
// bundle's first start after a build (Node's compile cache still empty) apart. Then the till page's
// first paint in Chromium (from the printed URL), and the desktop app's side: the built Electron main
// (dist/main/index.cjs) loaded under the stand-in 'electron' module (startup-main-worker.ts), to its
// till window, its core answering, and end to end to the till window's first paint and first screen
// in Chromium (the page served by the main bundle's own app:// handler, the built preload bridged to
// its IPC handler: startup-till-page.ts; the page tells main of its load and of its first visually
// non-empty frame as Electron does, and main shows the window then). The floors: a bare Node process started and heard from (what
// any start pays before the till's own code runs), and a bare Chromium page opened the same way (a new
// page, its one line of HTML answered through the same request interception) to its first paint.
// Goal: ≤ 1 s on this machine. Needs `npm run build`.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { WEB_SHELL_ENTRY } from '../../build/scripts/web-shell-bundle.ts';
import { createAppProtocolHandler } from '../../electron/main/app-protocol.ts';
import { CHROMIUM_ARGS } from '../e2e/harness.ts';
import { emitBenchJson, fmt, percentile } from './bench-support.ts';
import { openTillPage } from './startup-till-page.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'startup-bench-'));
const SOURCES = 'electron/web-shell/start.ts';

/** Spawns `args`, resolves when a stdout line matches, with the ms since spawn and the child. */
function startUntil(args: string[], line: RegExp, env: Record<string, string> = {}) {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, ...env },
  });
  const rl = createInterface({ input: child.stdout });
  return new Promise<{ ms: number; text: string; child: typeof child; t0: number }>((resolve, reject) => {
    let seen = false;
    rl.on('line', (text) => {
      if (!seen && line.test(text)) {
        seen = true;
        resolve({ ms: performance.now() - t0, text, child, t0 });
      }
    });
    child.once('exit', (code) => {
      if (!seen) reject(new Error(`exited ${code} before printing ${line}`));
    });
  });
}

function stop(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Process start → `till ready at` for `entry` on `data`; stopped again at once. */
async function readyMs(entry: string, data: string, env: Record<string, string> = {}): Promise<number> {
  const run = await startUntil([entry, '--port', '0', '--data-dir', data], /^till ready at /, env);
  await stop(run.child);
  return run.ms;
}

const floor: number[] = [];
const srcFresh: number[] = [];
const srcWarm: number[] = [];
const firstAfterBuild: number[] = [];
const fresh: number[] = [];
const warm: number[] = [];
const pageLoad: number[] = [];
const toPaint: number[] = [];
const mainLoad: number[] = [];
const mainWindow: number[] = [];
const mainCore: number[] = [];
const mainShown: number[] = [];
const mainPaint: number[] = [];
const mainScreen: number[] = [];
const htmlAsked: number[] = [];
const pageToNavigation: number[] = [];
const navigationToPaint: number[] = [];
const firstFrameServed: number[] = [];
const slowestFile: number[] = [];
const pageFloor: number[] = [];
const warmMainPaint: number[] = [];
const warmMainScreen: number[] = [];
const warmMainCore: number[] = [];
const pageAlone: number[] = [];
// One browser: this process and the Electron side's worker both connect to it.
const server = await chromium.launchServer({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
const browser = await chromium.connect(server.wsEndpoint());

/**
 * The till page alone, opened exactly as the Electron side opens it (startup-till-page.ts) and served by
 * the same app:// handler, here with nothing else on this process's thread and its calls never
 * answered: to its first contentful paint ("Loading…"). What the page and this way of opening it cost
 * without the main process beside it.
 */
async function tillPageAlonePaintMs(): Promise<number> {
  const win = Object.assign(new EventEmitter(), {
    url: 'app://till/till/index.html',
    webContents: new EventEmitter(),
  });
  const serve = createAppProtocolHandler(join(root, 'dist', 'renderer'));
  const times = await openTillPage(browser, root, win, serve, () => new Promise(() => {}), {
    until: 'paint',
  });
  return times.firstPaintMs;
}

/** A new page (its own context) with one line of HTML answered by interception, to its first paint. */
async function blankPagePaintMs(): Promise<number> {
  const opened = performance.now();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.route('**/*', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>floor</p>' }),
  );
  await page.goto('http://floor.invalid/');
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const fcp = (await page.evaluate(
    "performance.timeOrigin + performance.getEntriesByName('first-contentful-paint')[0].startTime",
  )) as number;
  await context.close();
  return fcp - (performance.timeOrigin + opened);
}

try {
  for (let i = 0; i < RUNS; i++) {
    const bare = await startUntil(['-e', "process.stdout.write('up\\n')"], /^up$/);
    floor.push(bare.ms);
    pageFloor.push(await blankPagePaintMs());
    pageAlone.push(await tillPageAlonePaintMs());
    // Before: the TypeScript sources.
    srcFresh.push(await readyMs(SOURCES, join(dir, `src-${i}`)));
    srcWarm.push(await readyMs(SOURCES, join(dir, `src-${i}`)));
    // The bundle: its first start after a build fills an empty compile cache; the starts after use it.
    const cache = { NODE_COMPILE_CACHE: join(dir, `compile-cache-${i}`) };
    firstAfterBuild.push(await readyMs(WEB_SHELL_ENTRY, join(dir, `first-${i}`), cache));
    fresh.push(await readyMs(WEB_SHELL_ENTRY, join(dir, `bundle-${i}`), cache));
    const data = join(dir, `bundle-${i}`);
    // The page is opened first, so the chain below is the till's own: process start → ready → paint.
    const page = await browser.newPage();
    const again = await startUntil(
      [WEB_SHELL_ENTRY, '--port', '0', '--data-dir', data],
      /^till ready at /,
      cache,
    );
    warm.push(again.ms);
    const url = again.text.replace(/^till ready at /, '');
    const navStart = performance.now();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const fcp = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    );
    pageLoad.push(Math.max(fcp, 0));
    toPaint.push(navStart - again.t0 + Math.max(fcp, 0));
    await page.close();
    await stop(again.child);
    // The desktop app's main process under the stand-in.
    const mainData = join(dir, `main-data-${i}`);
    const main = await startUntil([join('test', 'bench', 'startup-main-worker.ts')], /^\{/, {
      BENCH_BROWSER_WS: server.wsEndpoint(),
      BENCH_MAIN_DATA: mainData,
    });
    const figures = JSON.parse(main.text) as {
      loadMs: number;
      windowMs: number;
      coreMs: number;
      shownMs: number;
      paintMs: number;
      screenMs: number;
      htmlAskedMs: number;
      pageToNavigationMs: number;
      navigationToPaintMs: number;
      firstFrameFilesServedMs: number;
      slowestFirstFrameFileMs: number;
    };
    mainLoad.push(figures.loadMs);
    mainWindow.push(figures.windowMs);
    mainCore.push(figures.coreMs);
    mainShown.push(figures.shownMs);
    mainPaint.push(figures.paintMs);
    mainScreen.push(figures.screenMs);
    htmlAsked.push(figures.htmlAskedMs);
    pageToNavigation.push(figures.pageToNavigationMs);
    navigationToPaint.push(figures.navigationToPaintMs);
    firstFrameServed.push(figures.firstFrameFilesServedMs);
    slowestFile.push(figures.slowestFirstFrameFileMs);
    await new Promise<void>((resolve) =>
      main.child.exitCode !== null ? resolve() : main.child.once('exit', () => resolve()),
    );
    // Again on the same data folder: a till's every start but its first (no PIN hashes, no migrations).
    const again2 = await startUntil([join('test', 'bench', 'startup-main-worker.ts')], /^\{/, {
      BENCH_BROWSER_WS: server.wsEndpoint(),
      BENCH_MAIN_DATA: mainData,
    });
    const warmFigures = JSON.parse(again2.text) as { coreMs: number; paintMs: number; screenMs: number };
    warmMainCore.push(warmFigures.coreMs);
    warmMainPaint.push(warmFigures.paintMs);
    warmMainScreen.push(warmFigures.screenMs);
    await new Promise<void>((resolve) =>
      again2.child.exitCode !== null ? resolve() : again2.child.once('exit', () => resolve()),
    );
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

const med = (xs: number[]) => percentile(xs, 50);
const f = med(floor);
const line = (what: string, xs: number[]) =>
  console.log(`${what}: median ${fmt(med(xs))} ms (${fmt(med(xs) / f)}× floor)`);
const pf = med(pageFloor);
console.log(`bare Node process start (floor), median of ${RUNS}: ${fmt(f)} ms`);
console.log(`bare Chromium page, opened to its first paint (floor): median ${fmt(pf)} ms`);
console.log(
  `the till page alone, opened as the Electron side opens it, to its first paint: median ${fmt(med(pageAlone))} ms (${fmt(med(pageAlone) / pf)}× the Chromium floor)`,
);
line('browser shell from sources, fresh data folder → till ready at', srcFresh);
line('browser shell from sources, warm data folder → till ready at', srcWarm);
line('browser shell bundle, first start after a build (empty compile cache, fresh data)', firstAfterBuild);
line('browser shell bundle, fresh data folder → till ready at', fresh);
line('browser shell bundle, warm data folder → till ready at', warm);
console.log(`till page first contentful paint after navigation: median ${fmt(med(pageLoad))} ms`);
console.log(
  `process start → till page first paint (bundle, warm): median ${fmt(med(toPaint))} ms (goal ≤ 1000 ms)`,
);
console.log(
  `Electron main bundle under the stand-in: loaded ${fmt(med(mainLoad))} ms, till window opened ${fmt(med(mainWindow))} ms, core answering ${fmt(med(mainCore))} ms (from its require)`,
);
console.log(
  `till window's first paint, end to end (main bundle's require → window → page's first contentful paint): median ${fmt(med(mainPaint))} ms (goal ≤ 1000 ms; window ${fmt(med(mainWindow))} ms + page ${fmt(med(mainPaint) - med(mainWindow))} ms = ${fmt((med(mainPaint) - med(mainWindow)) / pf)}× the Chromium floor)`,
);
console.log(
  `of which, after the window opened: making its page (context, page, the stand-in preload) to the navigation's start ${fmt(med(pageToNavigation))} ms, then navigation → first contentful paint ${fmt(med(navigationToPaint))} ms (the page's own clock)`,
);
console.log(
  `the first frame's files (the page, its stylesheets) from main: page asked at ${fmt(med(htmlAsked))} ms, all served at ${fmt(med(firstFrameServed))} ms, the slowest waited ${fmt(med(slowestFile))} ms (medians, from the require)`,
);
console.log(
  `till window shown by main (show() on ready-to-show, sent at the page's first visually non-empty frame): median ${fmt(med(mainShown))} ms; on screen painted: median ${fmt(med(mainPaint.map((p, i) => Math.max(p, mainShown[i] ?? p))))} ms`,
);
console.log(
  `till window's first screen (the lock screen painted), end to end: median ${fmt(med(mainScreen))} ms (core answering at ${fmt(med(mainCore))} ms)`,
);
console.log(
  `till window on a warm data folder (a till's every start but its first), end to end from the main bundle's require: first paint median ${fmt(med(warmMainPaint))} ms (${fmt(med(warmMainPaint) / pf)}× the Chromium floor), first screen ${fmt(med(warmMainScreen))} ms, core answering ${fmt(med(warmMainCore))} ms`,
);
emitBenchJson('startup', {
  runs: RUNS,
  floorMs: f,
  chromiumPageFloorMs: pf,
  tillPageAlonePaintMs: med(pageAlone),
  sourcesFreshReadyMs: med(srcFresh),
  sourcesWarmReadyMs: med(srcWarm),
  firstStartAfterBuildMs: med(firstAfterBuild),
  freshReadyMs: med(fresh),
  warmReadyMs: med(warm),
  pageFirstPaintMs: med(pageLoad),
  startToFirstPaintMs: med(toPaint),
  mainBundleLoadMs: med(mainLoad),
  mainWindowMs: med(mainWindow),
  mainCoreMs: med(mainCore),
  mainShownMs: med(mainShown),
  mainFirstPaintMs: med(mainPaint),
  mainFirstScreenMs: med(mainScreen),
  mainPageAskedMs: med(htmlAsked),
  mainPageToNavigationMs: med(pageToNavigation),
  mainNavigationToPaintMs: med(navigationToPaint),
  mainFirstFrameFilesServedMs: med(firstFrameServed),
  mainSlowestFirstFrameFileMs: med(slowestFile),
  warmMainFirstPaintMs: med(warmMainPaint),
  warmMainFirstScreenMs: med(warmMainScreen),
  warmMainCoreMs: med(warmMainCore),
});
