// Quitting waits for the core: the journal write in progress finishes and the serial ports close
// before the process ends. The first before-quit is held back until core.close() settles; the quit
// that follows goes through. A close that hangs must not leave a windowless process holding the
// single-instance lock (the next launch would focus a destroyed window): after `timeoutMs` the
// process exits anyway — the journal is crash-safe (SQLite WAL), a write it did not finish is rolled
// back, never half-kept.
// Windows does not emit before-quit on shutdown or log-off (Electron docs, app 'before-quit'), and
// after the till window's 'session-end' Electron terminates the process as soon as the handlers return
// unless a quit is under way (native_window_views_win.cc, WM_ENDSESSION): no await would ever resume.
// So `endNow` closes the journal and releases till.lock synchronously, then exits. The same for a
// Linux system shutdown (powerMonitor 'shutdown').

export const QUIT_TIMEOUT_MS = 10_000;

export interface ShutdownDeps {
  /** The core's close, or null while there is no core (start failed or still starting). */
  close: () => Promise<void> | null;
  /** Journal closed and lock released, synchronously (core.closeNow); nothing when there is no core. */
  closeNow: () => void;
  /** Said when the session ends now, before the exit. */
  onEndNow: (why: string) => void;
  /** app.quit(): the ordinary way out once the core is closed. */
  quit: () => void;
  /** app.exit(code): out now, without before-quit (close timed out, or the session is ending). */
  exit: (code: number) => void;
  onError: (err: unknown) => void;
  /** The close did not settle in time: said in the log before exiting. */
  onTimeout: (ms: number) => void;
  onDone: () => void;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  timeoutMs?: number;
}

export interface Shutdown {
  /** The app's before-quit listener. */
  beforeQuit(event: { preventDefault(): void }): void;
  /**
   * Windows 'session-end', Linux powerMonitor 'shutdown': everything that must happen, synchronously,
   * then app.exit (which also tells Electron a quit is under way).
   */
  endNow(why: string): void;
}

export function createShutdown(deps: ShutdownDeps): Shutdown {
  let state: 'running' | 'closing' | 'done' = 'running';
  let timer: unknown = null;
  /** How the process ends once the core has closed: quit normally, or exit (session ending). */
  let finish: () => void = () => deps.quit();

  const end = () => {
    if (state === 'done') return;
    state = 'done';
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    deps.onDone();
    finish();
  };
  const arm = (ms: number) => {
    if (timer !== null) deps.clearTimer(timer);
    timer = deps.setTimer(() => {
      timer = null;
      if (state !== 'closing') return;
      deps.onTimeout(ms);
      finish = () => deps.exit(0);
      end();
    }, ms);
  };
  /** Starts closing; false when there is nothing to close. */
  const begin = (ms: number): boolean => {
    if (state !== 'running') return true;
    const closing = deps.close();
    if (closing === null) return false;
    state = 'closing';
    arm(ms);
    closing.catch(deps.onError).finally(end);
    return true;
  };

  return {
    beforeQuit(event) {
      if (state === 'done') return;
      if (!begin(deps.timeoutMs ?? QUIT_TIMEOUT_MS)) return; // nothing to close: quit now
      event.preventDefault(); // the quit comes when the close is done (or timed out)
    },
    endNow(why) {
      if (state === 'done') return;
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
      try {
        deps.closeNow();
      } catch (err) {
        deps.onError(err);
      }
      deps.onEndNow(why);
      finish = () => deps.exit(0);
      end();
    },
  };
}
