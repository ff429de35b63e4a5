// Two tills must never share one journal: a second start hands over to the running one (which shows
// its till window) and quits before it opens anything.

/** The parts of Electron's app this uses. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/**
 * Said (log and stderr) when the lock is refused. Electron cannot tell why: usually a till is running and
 * has been asked to come forward; but the lock (Chromium's process singleton, files in the profile
 * folder) also fails on a drive without symbolic links (exFAT, FAT32) and, on Linux, after the computer
 * was renamed, when the lock left behind names the old host.
 */
export function singleInstanceRefused(profileDir: string): string {
  return (
    'OTTPay Till is not starting: another till already runs on this data folder and was asked to show ' +
    `its window. If no till is running, the lock in ${profileDir} could not be taken: that folder may be ` +
    'on a drive without symbolic links (exFAT, FAT32: use a local NTFS or ext4 folder with --data-dir), or ' +
    'the computer was renamed since the till last ran (delete the Singleton files in that folder).'
  );
}

/** True when this process is the one instance; otherwise it has said why and asked to quit. */
export function claimSingleInstance(
  app: InstanceApp,
  onSecondInstance: () => void,
  onRefused: () => void = () => {},
): boolean {
  if (!app.requestSingleInstanceLock()) {
    onRefused();
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}
