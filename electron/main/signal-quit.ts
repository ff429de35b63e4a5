// SIGTERM (systemd, a shutdown), SIGINT (Ctrl+C in a terminal) and SIGHUP (the terminal closed) end the
// till without asking for the kiosk PIN. Electron installs its own handlers for these three after the
// main script has run and before 'ready' (electron_browser_main_parts.cc PostCreateMainMessageLoop,
// InstallShutdownSignalHandlers); a listener registered at top level is then never called and the
// signal becomes Electron's plain app.quit(), which the kiosk hold would turn into a PIN prompt.
// Registered from 'ready', Node's listener replaces Electron's handler.

export const QUIT_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
export type QuitSignal = (typeof QUIT_SIGNALS)[number];

/** The parts of `process` this uses. */
export interface SignalSource {
  on(signal: QuitSignal, listener: () => void): unknown;
  off(signal: QuitSignal, listener: () => void): unknown;
}

/** Call from app 'ready' (never at top level). Returns the function that removes the listeners. */
export function quitOnSignals(source: SignalSource, onSignal: (signal: QuitSignal) => void): () => void {
  const listeners = QUIT_SIGNALS.map((signal) => {
    const listener = () => onSignal(signal);
    source.on(signal, listener);
    return [signal, listener] as const;
  });
  return () => {
    for (const [signal, listener] of listeners) source.off(signal, listener);
  };
}
