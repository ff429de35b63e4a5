// Quitting waits for the core: the journal write in progress finishes and the serial ports close
// before the process ends. The first before-quit is held back until core.close() settles; the quit
// that follows goes through. A close that hangs must not leave a windowless process holding the
// single-instance lock (the next launch would focus a destroyed window): after `timeoutMs` the
// process exits anyway — the journal is crash-safe (SQLite WAL), a write it did not finish is rolled
// back, never half-kept.
// Windows does not emit before-quit on shutdown or log-off (Electron docs, app 'before-quit'); the
// till window's 'session-end' starts the same close with the shorter time Windows grants (about 5 s
// before it ends the process, HungAppTimeout).

export const QUIT_TIMEOUT_MS = 10_000;
export const SESSION_END_TIMEOUT_MS = 4_000;

export interface ShutdownDeps {
  /** The core's close, or null while there is no core (start failed or still starting). */
  close: () => Promise<void> | null;
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
  sessionEndTimeoutMs?: number;
}

export interface Shutdown {
  /** The app's before-quit listener. */
  beforeQuit(event: { preventDefault(): void }): void;
  /** The till window's 'session-end' listener (Windows shutdown or log-off). */
  sessionEnd(): void;
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
    sessionEnd() {
      if (state === 'done') return;
      finish = () => deps.exit(0);
      const ms = deps.sessionEndTimeoutMs ?? SESSION_END_TIMEOUT_MS;
      if (!begin(ms)) {
        end();
        return;
      }
      arm(Math.min(ms, deps.timeoutMs ?? QUIT_TIMEOUT_MS));
    },
  };
}
