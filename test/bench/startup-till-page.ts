// The till window's page for the start-up benchmark's Electron side (startup-main-worker.ts): what the
// real Electron does with the window main opened, done in Chromium through playwright-core. The page
// is served by the main bundle's own app:// handler (the one it gave protocol.handle), and the built
// preload (dist/preload/till.cjs) runs in the page with a stand-in 'electron' whose ipcRenderer reaches
// the main bundle's invoke handler and hears what main sends the window. Chromium cannot load an
// app:// URL, so the page is opened at the same path on a made-up http origin and every request is
// answered by that handler.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

const ORIGIN = 'http://till.app.invalid';

export interface TillPageWindow {
  url: string | null;
  emit(event: 'ready-to-show'): unknown;
  webContents: {
    on(event: 'sent', listener: (channel: string, payload: unknown) => void): unknown;
    emit(event: 'did-finish-load'): unknown;
  };
}

export interface TillPageTimes {
  /** From opening the page (as Electron creates the window's renderer) to its first contentful paint. */
  firstPaintMs: number;
  /** From opening the page to its first screen (the lock screen) painted with the till's words. */
  firstScreenMs: number;
  /** From opening the page to its navigation's start: making the page (in Electron, the window's renderer). */
  toNavigationMs: number;
  /** From the navigation's start to the first contentful paint: the page's own part, in its own clock. */
  navigationToPaintMs: number;
}

const VISUALLY_NON_EMPTY_CHANNEL = 'bench:visually-non-empty';
/**
 * Before the page's own script: tells the benchmark (VISUALLY_NON_EMPTY_CHANNEL) at the first
 * animation frame in which blink would count the page visually non-empty: parsing done
 * (DOMContentLoaded), over 200 characters of text, or a loaded image over 32×32 pixels (by its own size,
 * as LayoutImage counts it).
 */
const VISUALLY_NON_EMPTY = `(() => {
  if (location.protocol === 'about:') return; // the new page's first, empty document
  let parsed = false;
  document.addEventListener('DOMContentLoaded', () => { parsed = true; });
  const check = () => {
    const text = document.body?.innerText.length ?? 0;
    const image = [...document.images].some((i) => i.complete && i.naturalWidth * i.naturalHeight > 1024);
    if (parsed || text > 200 || image) void window.__benchInvoke('${VISUALLY_NON_EMPTY_CHANNEL}');
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

/** `until: 'paint'`: stops at the first contentful paint (a page whose calls are never answered). */
export interface TillPageOptions {
  until?: 'paint' | 'screen';
}

/** Opens the window's page; resolves once its first screen has painted. `invoke` is main's handler. */
export async function openTillPage(
  browser: Browser,
  root: string,
  win: TillPageWindow,
  serve: (request: Request) => Promise<Response>,
  invoke: (channel: string, args: unknown[]) => Promise<unknown>,
  options: TillPageOptions = {},
): Promise<TillPageTimes> {
  const opened = performance.now();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.route('**/*', async (route) => {
    const url = route.request().url().replace(ORIGIN, 'app://till');
    const res = await serve(new Request(url));
    await route.fulfill({
      status: res.status,
      headers: Object.fromEntries(res.headers),
      body: Buffer.from(await res.arrayBuffer()),
    });
  });
  // What Electron tells main as the page gets there: did-finish-load at its load event, and
  // ready-to-show at the page's first "visually non-empty" layout (Electron's renderer reports blink's
  // kVisuallyNonEmpty meaningful layout, and nothing else sends it: electron_render_frame_observer.cc).
  // Blink's rule: over 200 characters of text or an image over 32×32 pixels laid out, or the document
  // parsed (web_meaningful_layout.h). Checked in the page at each animation frame (VISUALLY_NON_EMPTY),
  // told through the one binding the page has (each binding and script costs the page's setup a round
  // trip to this process).
  page.once('load', () => win.webContents.emit('did-finish-load'));
  let readyToShow = false;
  await page.exposeBinding('__benchInvoke', (_source, channel: string, ...args: unknown[]) => {
    if (channel !== VISUALLY_NON_EMPTY_CHANNEL) return invoke(channel, args);
    if (!readyToShow) win.emit('ready-to-show');
    readyToShow = true;
    return null;
  });
  const preload = readFileSync(join(root, 'dist', 'preload', 'till.cjs'), 'utf8');
  await page.addInitScript(`(() => {
    const listeners = new Map();
    window.__benchSend = (channel, payload) => { for (const h of listeners.get(channel) ?? []) h({}, payload); };
    const electron = {
      contextBridge: { exposeInMainWorld: (key, value) => { window[key] = value; } },
      ipcRenderer: {
        invoke: (channel, ...args) => window.__benchInvoke(channel, ...args),
        on: (channel, h) => { listeners.set(channel, [...(listeners.get(channel) ?? []), h]); },
        removeListener: (channel, h) => { listeners.set(channel, (listeners.get(channel) ?? []).filter((x) => x !== h)); },
      },
    };
    // The frame that shows the lock screen: the animation frame after its PIN field is in the page,
    // timed in the page (the benchmark's polling would add its own round trips).
    new MutationObserver((_, seen) => {
      if (!document.getElementById('sign-in-pin')) return;
      seen.disconnect();
      requestAnimationFrame(() => { window.__benchScreenAt = performance.now(); });
    }).observe(document, { childList: true, subtree: true });
    const module = { exports: {} };
    (function (require, module, exports) {\n${preload}\n})((name) => { if (name === 'electron') return electron; throw new Error('preload required ' + name); }, module, module.exports);
  })();
  ${VISUALLY_NON_EMPTY}`);
  win.webContents.on('sent', (channel, payload) => {
    void page
      .evaluate(`window.__benchSend(${JSON.stringify(channel)}, ${JSON.stringify(payload)})`)
      .catch(() => {});
  });
  const path = new URL(win.url ?? 'app://till/till/index.html').pathname;
  await page.goto(`${ORIGIN}${path}`);
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const screenAt =
    options.until === 'paint'
      ? Number.NaN
      : ((await (
          await page.waitForFunction(
            () => (globalThis as { __benchScreenAt?: number }).__benchScreenAt,
            undefined,
            { polling: 50 },
          )
        ).jsonValue()) as number);
  const fcp = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
  );
  const navigationAt = await page.evaluate(() => performance.timeOrigin);
  const offset = navigationAt - (performance.timeOrigin + opened); // page's clock start, in ms after opened
  await context.close();
  return {
    firstPaintMs: offset + fcp,
    firstScreenMs: offset + screenAt,
    toNavigationMs: offset,
    navigationToPaintMs: fcp,
  };
}
