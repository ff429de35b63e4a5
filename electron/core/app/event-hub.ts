// Fan-out of core events to subscribers, each filtered by what its role may hear (ROLE_EVENTS).
import { type EventName, type EventPayloads, ROLE_EVENTS, type Role } from '../../../shared/contract.ts';

export type EventListener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void;

export interface EventHub {
  subscribe(role: Role, listener: EventListener): () => void;
  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void;
  readonly size: number;
}

export function createEventHub(onListenerError: (err: unknown) => void): EventHub {
  const subs = new Set<{ role: Role; listener: EventListener }>();
  return {
    subscribe(role, listener) {
      const sub = { role, listener };
      subs.add(sub);
      return () => {
        subs.delete(sub);
      };
    },
    emit(name, payload) {
      for (const sub of [...subs]) {
        if (!ROLE_EVENTS[sub.role].includes(name)) continue;
        try {
          sub.listener(name, payload);
        } catch (err) {
          // One broken transport must not stop the others from hearing the event.
          onListenerError(err);
        }
      }
    },
    get size() {
      return subs.size;
    },
  };
}
