// Quitting waits for the core: the journal write in progress finishes and the serial ports close
// before the process ends. The first before-quit is held back until core.close() settles; the quit
// that follows goes through.

export interface ShutdownDeps {
  /** The core's close, or null while there is no core (start failed or still starting). */
  close: () => Promise<void> | null;
  quit: () => void;
  onError: (err: unknown) => void;
  onDone: () => void;
}

export function createQuitGuard(deps: ShutdownDeps): (event: { preventDefault(): void }) => void {
  let state: 'running' | 'closing' | 'done' = 'running';
  return (event) => {
    if (state === 'done') return;
    const closing = state === 'running' ? deps.close() : null;
    if (state === 'running' && closing === null) return; // nothing to close: quit now
    event.preventDefault();
    if (state === 'closing') return; // already closing: the quit comes when it is done
    state = 'closing';
    closing?.catch(deps.onError).finally(() => {
      state = 'done';
      deps.onDone();
      deps.quit();
    });
  };
}
