// The till window's page first, the core right after. The core's start is a second or more of work on
// main's one thread (journal open and migrations, payment recovery, PIN hashes on a first start) and in
// Electron main's thread is the browser's UI thread, which also commits the page's navigation and
// answers its app:// requests. Started beside the window, the core held the page's navigation until it
// had finished (startup bench: the page asked for its HTML only after the core answered). So main starts
// the core once the till page's HTML has been answered (its navigation under way); or at its first frame,
// its load, its failing, its process gone, whichever comes first; at the latest after
// CORE_START_FALLBACK_MS. Waiting for the first frame instead painted sooner still but made the lock
// screen later (the core then ran after the page rather than beside it). Calls from the page meanwhile
// wait in the core gate (core-gate.ts), as before.

export const CORE_START_FALLBACK_MS = 1_500;

export type TillPageOutcome = 'served' | 'ready' | 'loaded' | 'failed' | 'gone' | 'closed' | 'timeout';

/** The parts of BrowserWindow this uses. */
export interface TillPageWindow {
  once(event: 'ready-to-show' | 'closed', listener: () => void): unknown;
  webContents: {
    once(
      event: 'did-finish-load' | 'did-fail-load' | 'render-process-gone',
      listener: (...args: unknown[]) => void,
    ): unknown;
  };
}

export interface TillPageWait {
  /** The app:// handler has answered the till page's HTML. */
  served(): void;
  /** How the wait ended: 'closed' when the window went first (the till is quitting: start nothing). */
  readonly outcome: Promise<TillPageOutcome>;
}

/** Listens from the call on: call it before loadURL, so a load that fails at once is heard. */
export function waitForTillPage(
  win: TillPageWindow,
  deps: {
    setTimer: (fn: () => void, ms: number) => unknown;
    clearTimer: (handle: unknown) => void;
    ms?: number;
  },
): TillPageWait {
  let settle: (outcome: TillPageOutcome) => void = () => {};
  const outcome = new Promise<TillPageOutcome>((resolve) => {
    let settled = false;
    settle = (o) => {
      if (settled) return;
      settled = true;
      deps.clearTimer(timer);
      resolve(o);
    };
  });
  const timer = deps.setTimer(() => settle('timeout'), deps.ms ?? CORE_START_FALLBACK_MS);
  win.once('ready-to-show', () => settle('ready'));
  win.once('closed', () => settle('closed'));
  win.webContents.once('did-finish-load', () => settle('loaded'));
  win.webContents.once('did-fail-load', () => settle('failed'));
  win.webContents.once('render-process-gone', () => settle('gone'));
  return { served: () => settle('served'), outcome };
}
