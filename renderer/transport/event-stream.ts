// One EventSource per page, shared by every listener. EventSource retries by itself after a dropped
// connection; when the server refuses it (restarted shell, closed stream) we reopen it with backoff.
// `onReconnect` runs each time the stream opens again after a loss. The shell's heartbeat feeds a link
// monitor: a few seconds without it and the page is told the till is not running.
import type { ConnectionState, EventName } from '../../shared/contract.ts';
import { createLinkMonitor } from './link-monitor.ts';

type Listener = (payload: unknown) => void;

export interface SharedEventStream {
  on(name: EventName, listener: Listener): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

export interface EventStreamOptions {
  onReconnect?: () => void;
  /** The till page: ask which till answers when the stream is refused (a restart ends the session). */
  probeBoot?: () => Promise<string | null>;
  followRestart: boolean;
  /** Three missed heartbeats of the shell's default 2 s, plus slack for a loaded machine. */
  lostAfterMs?: number;
}

export const LOST_AFTER_MS = 7_000;
/** Once the stream failed: one missed heartbeat and a margin. */
export const LOST_AFTER_ERROR_MS = 3_000;

export function createEventStream(
  url: string,
  names: readonly EventName[],
  opts: EventStreamOptions,
): SharedEventStream {
  const listeners = new Map<string, Set<Listener>>();
  const link = createLinkMonitor({
    lostAfterMs: opts.lostAfterMs ?? LOST_AFTER_MS,
    lostAfterErrorMs: LOST_AFTER_ERROR_MS,
    now: Date.now(),
    followRestart: opts.followRestart,
  });
  let source: EventSource | null = null;
  let lost = false;
  let delay = 1000;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let watching = false;

  const deliver = (name: string, data: string) => {
    link.heard(Date.now(), null);
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const l of [...(listeners.get(name) ?? [])]) l(payload);
  };

  const onHeartbeat = (data: string) => {
    try {
      const boot = (JSON.parse(data) as { boot?: unknown }).boot;
      link.heard(Date.now(), typeof boot === 'string' ? boot : null);
    } catch {
      link.heard(Date.now(), null);
    }
  };

  // The stream was refused. A till answering with another boot than ours (or with any boot, when this
  // page never had a session: a reload after a restart, an address without its token) will not take
  // this page's session.
  const probe = () => {
    const first = link.boot();
    if (!opts.probeBoot) return;
    void opts.probeBoot().then((boot) => {
      if (boot !== null && boot !== first) link.refused();
    });
  };

  const open = () => {
    retryTimer = null;
    const es = new EventSource(url);
    source = es;
    for (const name of names)
      es.addEventListener(name, (e) => deliver(name, (e as MessageEvent<string>).data));
    es.addEventListener('heartbeat', (e) => onHeartbeat((e as MessageEvent<string>).data));
    es.onopen = () => {
      delay = 1000;
      if (lost) {
        lost = false;
        opts.onReconnect?.();
      }
    };
    es.onerror = () => {
      lost = true;
      link.failed(Date.now());
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        source = null;
        probe();
        retryTimer = setTimeout(open, delay);
        delay = Math.min(delay * 2, 15_000);
      }
    };
  };

  const start = () => {
    if (source === null && retryTimer === null) open();
    if (watching) return;
    watching = true;
    setInterval(() => link.check(Date.now()), 1000);
  };

  return {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener);
      start();
      return () => {
        set.delete(listener);
      };
    },
    onConnection(listener) {
      start();
      return link.onChange(listener);
    },
  };
}
