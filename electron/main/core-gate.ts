// The till window opens before the core: the core reads its secrets (safeStorage) while it starts, and
// a locked keyring answers only once someone types its password. Until the core is there, the gate
// holds the window's calls and event subscriptions and hands them over when it opens.
import type { Subscribe } from './event-forwarding.ts';

export interface CoreGate<C> {
  /** The core once started (calls made before wait for it). */
  readonly ready: Promise<C>;
  current(): C | null;
  open(core: C): void;
  /** Subscribes now if the core is there, else as soon as it opens. */
  subscribe: Subscribe;
}

export function createCoreGate<C extends { subscribe: Subscribe }>(): CoreGate<C> {
  let core: C | null = null;
  let resolve: (c: C) => void = () => {};
  const ready = new Promise<C>((r) => {
    resolve = r;
  });
  const waiting = new Set<() => void>();
  return {
    ready,
    current: () => core,
    open(c) {
      core = c;
      resolve(c);
      for (const attach of [...waiting]) attach();
      waiting.clear();
    },
    subscribe(role, listener) {
      if (core) return core.subscribe(role, listener);
      let off: (() => void) | null = null;
      let cancelled = false;
      const attach = () => {
        if (!cancelled && core) off = core.subscribe(role, listener);
      };
      waiting.add(attach);
      return () => {
        cancelled = true;
        waiting.delete(attach);
        off?.();
      };
    },
  };
}
