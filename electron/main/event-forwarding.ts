// Core events → the renderer of one window, limited to what its role may hear (ROLE_EVENTS): the
// customer display never receives the till snapshot, whatever the core emits.
import { type EventName, type EventPayloads, ROLE_EVENTS, type Role } from '../../shared/contract.ts';
import { eventChannel } from '../preload/channels.ts';

export type Subscribe = (
  role: Role,
  listener: <E extends EventName>(name: E, payload: EventPayloads[E]) => void,
) => () => void;

/** The parts of WebContents this uses. */
export interface EventTarget {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

/** Forwards until the returned function is called (windows.ts calls it when the window closes). */
export function forwardEvents(subscribe: Subscribe, role: Role, target: EventTarget): () => void {
  const allowed = ROLE_EVENTS[role];
  return subscribe(role, (name, payload) => {
    if (!allowed.includes(name) || target.isDestroyed()) return;
    target.send(eventChannel(name), payload);
  });
}
