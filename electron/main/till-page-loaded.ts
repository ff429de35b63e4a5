// The core starts once the till page no longer needs main. Main's JavaScript runs on Electron's UI
// thread, which also answers the page's app:// requests and commits its navigation: the core's start
// (journal, recovery, staff) holds that thread for hundreds of milliseconds, and while it ran beside
// the page's load it pushed the window's first paint back by as much. So main waits for the first of:
// ready-to-show (the first visually non-empty paint; Electron also sends it at did-finish-load when
// the paint heuristic never fires), did-finish-load (every file of the page is in), did-fail-load
// (nothing to wait for), or TILL_PAGE_WAIT_MS (a page that says nothing). A window closed first means
// the till is ending: no core is started for it.

export const TILL_PAGE_WAIT_MS = 3_000;

export type TillPageLoaded = 'ready-to-show' | 'loaded' | 'load-failed' | 'timeout' | 'closed';

/** The parts of BrowserWindow this uses. */
export interface LoadingWindow {
  once(event: 'ready-to-show' | 'closed', listener: () => void): unknown;
  removeListener(event: 'ready-to-show' | 'closed', listener: () => void): unknown;
  webContents: {
    once(event: 'did-finish-load' | 'did-fail-load', listener: () => void): unknown;
    removeListener(event: 'did-finish-load' | 'did-fail-load', listener: () => void): unknown;
  };
  isDestroyed(): boolean;
}

/** Resolves with the first sign that the page's load is over (or that the window is gone). */
export function whenTillPageLoaded(
  win: LoadingWindow,
  deps: {
    setTimer: (fn: () => void, ms: number) => unknown;
    clearTimer: (handle: unknown) => void;
    ms?: number;
  },
): Promise<TillPageLoaded> {
  if (win.isDestroyed()) return Promise.resolve('closed');
  return new Promise((resolve) => {
    const onReady = () => settle('ready-to-show');
    const onClosed = () => settle('closed');
    const onLoaded = () => settle('loaded');
    const onFailed = () => settle('load-failed');
    const timer = deps.setTimer(() => settle('timeout'), deps.ms ?? TILL_PAGE_WAIT_MS);
    let settled = false;
    function settle(why: TillPageLoaded) {
      if (settled) return;
      settled = true;
      deps.clearTimer(timer);
      win.removeListener('ready-to-show', onReady);
      win.removeListener('closed', onClosed);
      // A closed window's webContents may be destroyed already (Electron throws on its use then).
      if (why !== 'closed' && !win.isDestroyed()) {
        win.webContents.removeListener('did-finish-load', onLoaded);
        win.webContents.removeListener('did-fail-load', onFailed);
      }
      resolve(why);
    }
    win.once('ready-to-show', onReady);
    win.once('closed', onClosed);
    win.webContents.once('did-finish-load', onLoaded);
    win.webContents.once('did-fail-load', onFailed);
  });
}
