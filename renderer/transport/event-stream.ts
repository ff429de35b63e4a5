// One EventSource per page, shared by every listener. The page, not the browser, decides when to try
// again after the stream fails: the browser's own retry waits the shell's `retry:` (2 s) or its
// default (3 s), and a refusal (HTTP error) would end the stream for good. So every failure closes the
// EventSource and reconnect-schedule.ts says when the next one opens: within a second of a restarted
// till answering, slower while the till answers and refuses. A stream that opens again needs no catch-up
// request: the shell sends the current state as its first events. The shell's heartbeat feeds a link
// monitor: a few seconds without it and the page is told the till is not running. Time and the
// EventSource are injectable (unit tests).
import type { ConnectionState, EventName } from '../../shared/contract.ts';
import { createLinkMonitor } from './link-monitor.ts';
import { createReconnectSchedule, type StreamFailure } from './reconnect-schedule.ts';

type Listener = (payload: unknown) => void;

export interface SharedEventStream {
  on(name: EventName, listener: Listener): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

export interface EventStreamOptions {
  /** The till page: ask which till answers when the stream is refused (a restart ends the session). */
  probeBoot?: () => Promise<string | null>;
  followRestart: boolean;
  /** Three missed heartbeats of the shell's default 2 s, plus slack for a loaded machine. */
  lostAfterMs?: number;
  /** The page's timers and EventSource by default; a manual clock and a stand-in in unit tests. */
  deps?: EventStreamDeps;
}

/** What the stream uses of an EventSource. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((e: unknown) => void) | null;
  onerror: ((e: unknown) => void) | null;
  addEventListener(name: string, listener: (e: { data: string }) => void): void;
  close(): void;
}

export interface EventStreamDeps {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  openSource(url: string): EventSourceLike;
}

/** EventSource.CLOSED: the browser gave the stream up (the server answered, but not with a stream). */
const SOURCE_CLOSED = 2;
/** How often the link monitor is asked whether the silence has grown too long. */
const LINK_CHECK_MS = 1_000;

const pageDeps = (): EventStreamDeps => ({
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  openSource: (url) => new EventSource(url) as unknown as EventSourceLike,
});

export const LOST_AFTER_MS = 7_000;
/** Once the stream failed: one missed heartbeat and a margin. */
export const LOST_AFTER_ERROR_MS = 3_000;

export function createEventStream(
  url: string,
  names: readonly EventName[],
  opts: EventStreamOptions,
): SharedEventStream {
  const deps = opts.deps ?? pageDeps();
  const listeners = new Map<string, Set<Listener>>();
  const link = createLinkMonitor({
    lostAfterMs: opts.lostAfterMs ?? LOST_AFTER_MS,
    lostAfterErrorMs: LOST_AFTER_ERROR_MS,
    now: deps.now(),
    followRestart: opts.followRestart,
  });
  const schedule = createReconnectSchedule();
  let source: EventSourceLike | null = null;
  let retryTimer: unknown = null;
  let watching = false;

  const deliver = (name: string, data: string) => {
    link.heard(deps.now(), null);
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
      link.heard(deps.now(), typeof boot === 'string' ? boot : null);
    } catch {
      link.heard(deps.now(), null);
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
    const es = deps.openSource(url);
    source = es;
    for (const name of names) es.addEventListener(name, (e) => deliver(name, e.data));
    es.addEventListener('heartbeat', (e) => onHeartbeat(e.data));
    es.onopen = () => schedule.opened();
    es.onerror = () => {
      if (source !== es) return;
      link.failed(deps.now());
      // CLOSED: the till answered but would not give this page a stream. Otherwise the stream dropped
      // or nothing answered, and the browser would retry on its own slower clock: this page retries.
      const kind: StreamFailure = es.readyState === SOURCE_CLOSED ? 'refused' : 'unreachable';
      es.close();
      source = null;
      if (kind === 'refused') probe();
      retryTimer = deps.setTimeout(open, schedule.failed(kind));
    };
  };

  const checkLink = () => {
    link.check(deps.now());
    deps.setTimeout(checkLink, LINK_CHECK_MS);
  };

  const start = () => {
    if (source === null && retryTimer === null) open();
    if (watching) return;
    watching = true;
    deps.setTimeout(checkLink, LINK_CHECK_MS);
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
