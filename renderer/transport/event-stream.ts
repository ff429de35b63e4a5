// One EventSource per page, shared by every listener. EventSource retries by itself after a dropped
// connection; when the server refuses it (restarted shell, closed stream) we reopen it with backoff.
// `onReconnect` runs each time the stream opens again after a loss.
import type { EventName } from '../../shared/contract.ts';

type Listener = (payload: unknown) => void;

export interface SharedEventStream {
  on(name: EventName, listener: Listener): () => void;
}

export function createEventStream(
  url: string,
  names: readonly EventName[],
  onReconnect?: () => void,
): SharedEventStream {
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;
  let lost = false;
  let delay = 1000;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const deliver = (name: string, data: string) => {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const l of [...(listeners.get(name) ?? [])]) l(payload);
  };

  const open = () => {
    retryTimer = null;
    const es = new EventSource(url);
    source = es;
    for (const name of names)
      es.addEventListener(name, (e) => deliver(name, (e as MessageEvent<string>).data));
    es.onopen = () => {
      delay = 1000;
      if (lost) {
        lost = false;
        onReconnect?.();
      }
    };
    es.onerror = () => {
      lost = true;
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        source = null;
        retryTimer = setTimeout(open, delay);
        delay = Math.min(delay * 2, 15_000);
      }
    };
  };

  return {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener);
      if (source === null && retryTimer === null) open();
      return () => {
        set.delete(listener);
      };
    },
  };
}
