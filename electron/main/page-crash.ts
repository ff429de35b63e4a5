// A page whose renderer process died (render-process-gone) is loaded again, but not at once and not
// forever: a page that dies on load would otherwise spin the CPU reloading. Each crash within
// `windowMs` of the first waits longer; after `delaysMs.length` of them the window shows the error
// page instead, which tells the shop what to do. Pure: timers and clock are injected.

export const RELOAD_DELAYS_MS: readonly number[] = [1_000, 5_000, 15_000];
/** Crashes further apart than this start the count again. */
export const CRASH_WINDOW_MS = 10 * 60_000;

export interface PageCrashDeps {
  reload: () => void;
  showErrorPage: () => void;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  delaysMs?: readonly number[];
  windowMs?: number;
}

export interface PageCrashRecovery {
  /** The render-process-gone listener's body; answers what it decided (for the log). */
  onGone(reason: string): 'ignored' | { reloadInMs: number } | 'error-page';
  dispose(): void;
}

export function createPageCrashRecovery(deps: PageCrashDeps): PageCrashRecovery {
  const delays = deps.delaysMs ?? RELOAD_DELAYS_MS;
  const windowMs = deps.windowMs ?? CRASH_WINDOW_MS;
  let crashes: number[] = [];
  let timer: unknown = null;
  let givenUp = false;

  return {
    onGone(reason) {
      // clean-exit: the page was closed on purpose (the window is going away).
      if (reason === 'clean-exit' || givenUp) return 'ignored';
      const at = deps.now();
      crashes = [...crashes.filter((t) => at - t < windowMs), at];
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
      const delay = delays[crashes.length - 1];
      if (delay === undefined) {
        givenUp = true;
        deps.showErrorPage();
        return 'error-page';
      }
      timer = deps.setTimer(() => {
        timer = null;
        deps.reload();
      }, delay);
      return { reloadInMs: delay };
    },
    dispose() {
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
    },
  };
}
