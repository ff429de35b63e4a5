// Two tills must never share one journal: a second start hands over to the running one (which shows
// its till window) and quits before it opens anything.

/** The parts of Electron's app this uses. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/** True when this process is the one instance; otherwise it has already asked to quit. */
export function claimSingleInstance(app: InstanceApp, onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}
