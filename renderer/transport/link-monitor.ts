// Whether the page still hears the till: every heartbeat (or any event) proves it is there; none for
// `lostAfterMs` means it is not running (or not reachable); once the stream itself has failed, a shorter
// `lostAfterErrorMs` is enough (a killed till drops the connection at once, so there is no need to wait
// for the full silence a slow but live till may have). A heartbeat from another boot than the
// first one heard means the till process was restarted under this page. Pure: the caller feeds it the
// time, so tests run it on a fake clock.
import type { ConnectionState } from '../../shared/contract.ts';

export interface LinkMonitor {
  /** A heartbeat (with the boot id) or any other event (boot null) arrived at `now`. */
  heard(now: number, boot: string | null): void;
  /** Periodic check. */
  check(now: number): void;
  /** The stream failed (connection dropped or refused) at `now`. */
  failed(now: number): void;
  /** The till answered, but refused this page's session (a restarted till with a new token). */
  refused(): void;
  state(): ConnectionState;
  /** The boot id first heard (null before any heartbeat). */
  boot(): string | null;
  onChange(listener: (state: ConnectionState) => void): () => void;
}

export function createLinkMonitor(opts: {
  lostAfterMs: number;
  /** Silence enough after the stream failed (shorter than lostAfterMs, longer than a heartbeat). */
  lostAfterErrorMs: number;
  now: number;
  /**
   * A page that needs no session (the customer display) just follows a restarted till: its stream
   * reconnects by itself and the new till pushes the current view. The till page cannot.
   */
  followRestart: boolean;
}): LinkMonitor {
  let state: ConnectionState = 'open';
  let lastHeard = opts.now;
  let streamFailed = false;
  let firstBoot: string | null = null;
  const listeners = new Set<(state: ConnectionState) => void>();
  const set = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const l of [...listeners]) l(next);
  };
  return {
    heard(now, boot) {
      lastHeard = now;
      streamFailed = false;
      if (boot !== null) {
        firstBoot ??= boot;
        if (boot !== firstBoot) {
          if (!opts.followRestart) return set('restarted');
          firstBoot = boot;
        }
      }
      // A restarted till stays "restarted" for a page whose session it cannot know.
      if (state === 'lost') set('open');
    },
    check(now) {
      const silence = now - lastHeard;
      if (state !== 'open') return;
      if (silence > opts.lostAfterMs || (streamFailed && silence > opts.lostAfterErrorMs)) set('lost');
    },
    failed(now) {
      streamFailed = true;
      this.check(now);
    },
    refused() {
      set('restarted');
    },
    boot: () => firstBoot,
    state: () => state,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
