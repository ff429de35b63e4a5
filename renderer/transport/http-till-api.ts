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

  // No catch-up request after a reconnect: the shell sends the current snapshot as the first event of
  // every stream, and later changes follow in order on it. A till.snapshot asked for on reconnect
  // could be answered before a change and reach the page after that change's event: the page then
  // showed a cancelled sale as still waiting for its scan until the next change.
  const stream = createEventStream(`/api/events?token=${encodeURIComponent(token ?? '')}`, EVENT_NAMES, {
    followRestart: false,
    probeBoot: probeBoot,
  });

  return {
    invoke,
    onConnection: (listener) => stream.onConnection(listener),
    on<E extends EventName>(name: E, listener: (payload: EventPayloads[E]) => void) {
      return stream.on(name, listener as (p: unknown) => void);
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
