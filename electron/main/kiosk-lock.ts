// Kiosk mode locks the till. On Windows and Linux `kiosk: true` is only full screen: Alt+F4 (the
// window's 'close'), the Alt-revealed menu's Exit and Ctrl+Q (the `quit` role, i.e. app.quit() and
// so 'before-quit') would still close it. Here each of those is held back and the till page asks for
// the supervisor PIN; the core checks it (`shell.quit`), and only then is the quit let through.
// Windows shutdown (session-end, app.exit) and SIGTERM are the OS ending the session: never held.

export interface KioskLock {
  /** 'before-quit' and the till window's 'close': true when held back (the PIN is asked for). */
  hold(event: { preventDefault(): void }): boolean;
  /** The PIN was right, or the OS is ending the session: quits go through from now on. */
  release(): void;
}

/**
 * `askForPin` answers false when there is no till page to ask (still starting, or it failed to
 * start): then nothing is on screen to protect and the quit goes through rather than hang.
 */
export function createKioskLock(opts: { locked: boolean; askForPin: () => boolean }): KioskLock {
  let locked = opts.locked;
  return {
    hold(event) {
      if (!locked || !opts.askForPin()) return false;
      event.preventDefault();
      return true;
    },
    release() {
      locked = false;
    },
  };
}
