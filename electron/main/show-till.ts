// The till window is created hidden and shown on 'ready-to-show' (no white flash). A page that fails
// before its first paint never sends ready-to-show, and focus() on a hidden window does nothing: the
// till would stay invisible for good. So it is also shown when its page fails to load, and at the
// latest after TILL_SHOW_FALLBACK_MS.

export const TILL_SHOW_FALLBACK_MS = 3_000;

/** The parts of BrowserWindow this uses. */
export interface ShowableWindow {
  once(event: 'ready-to-show' | 'closed', listener: () => void): unknown;
  webContents: { once(event: 'did-fail-load', listener: (...args: unknown[]) => void): unknown };
  isDestroyed(): boolean;
  isVisible(): boolean;
  show(): void;
}

export function showTillWhenReady(
  win: ShowableWindow,
  deps: {
    setTimer: (fn: () => void, ms: number) => unknown;
    clearTimer: (handle: unknown) => void;
    /** Why it was shown without ready-to-show, for the log. */
    onFallback: (why: 'load-failed' | 'timeout') => void;
    ms?: number;
  },
): void {
  let timer: unknown = null;
  const show = (why: 'ready' | 'load-failed' | 'timeout') => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    if (win.isDestroyed() || win.isVisible()) return;
    if (why !== 'ready') deps.onFallback(why);
    win.show();
  };
  win.once('ready-to-show', () => show('ready'));
  win.webContents.once('did-fail-load', () => show('load-failed'));
  win.once('closed', () => {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
  });
  timer = deps.setTimer(() => {
    timer = null;
    show('timeout');
  }, deps.ms ?? TILL_SHOW_FALLBACK_MS);
}
