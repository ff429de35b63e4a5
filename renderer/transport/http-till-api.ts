// The browser shell's TillApi: commands as POST /api/command/:name with the session token, events
// from /api/events. A lost connection answers as a retryable refusal, never a thrown error.
import type {
  CommandName,
  CommandRequest,
  CommandResult,
  EventName,
  EventPayloads,
  TillApi,
} from '../../shared/contract.ts';
import { EVENT_NAMES } from '../../shared/events.ts';
import type { Result } from '../../shared/result.ts';
import { createEventStream } from './event-stream.ts';

export function createHttpTillApi(token: string | null): TillApi {
  const invoke = async <K extends CommandName>(
    name: K,
    request: CommandRequest<K>,
  ): Promise<Result<CommandResult<K>>> => {
    let res: Response;
    try {
      res = await fetch(`/api/command/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Till-Token': token ?? '' },
        body: JSON.stringify(request ?? {}),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: 'The till service is not answering', retryable: true },
      };
    }
    try {
      return (await res.json()) as Result<CommandResult<K>>;
    } catch {
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `The till service answered ${res.status}`, retryable: true },
      };
    }
  };

  const stream = createEventStream(`/api/events?token=${encodeURIComponent(token ?? '')}`, EVENT_NAMES, {
    followRestart: false,
    onReconnect: () => {
      // Whatever changed while we were away: ask for the current snapshot as well as the pushed one.
      void invoke('till.snapshot', {}).then((r) => {
        if (!r.ok) return;
        for (const l of snapshotListeners) l(r.value);
      });
    },
    probeBoot: probeBoot,
  });
  const snapshotListeners = new Set<(s: EventPayloads['till.snapshot']) => void>();

  return {
    invoke,
    onConnection: (listener) => stream.onConnection(listener),
    on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void) {
      const off = stream.on(name, listener as (p: unknown) => void);
      if (name !== 'till.snapshot') return off;
      const l = listener as (s: EventPayloads['till.snapshot']) => void;
      snapshotListeners.add(l);
      return () => {
        off();
        snapshotListeners.delete(l);
      };
    },
  };
}

/** Which till process answers now (its boot id), or null when none does. */
async function probeBoot(): Promise<string | null> {
  try {
    const res = await fetch('/api/boot', { cache: 'no-store', credentials: 'same-origin' });
    const body = (await res.json()) as { ok?: boolean; value?: { boot?: unknown } };
    return body.ok && typeof body.value?.boot === 'string' ? body.value.boot : null;
  } catch {
    return null;
  }
}
