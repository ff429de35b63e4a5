// Time as a dependency: everything that waits (polling, expiry, retries, simulator scenarios) takes a
// Clock, so tests move time forward with ManualClock.advance() instead of sleeping.

/** Opaque timer handle: whatever the clock's setTimeout returned. */
export type TimerHandle = unknown;

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The real thing: Date.now and the global timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, Math.max(0, ms)),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Resolves after `ms` on the given clock (a ManualClock resolves it when advanced past that point). */
export function sleep(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => {
    clock.setTimeout(resolve, ms);
  });
}

interface ManualTimer {
  id: number;
  due: number;
  fn: () => void;
}

/**
 * A clock for tests. Time stands still until advance(ms); advance runs every timer that falls due,
 * in due-time order (ties in the order they were set), with now() reading each timer's due time while
 * it runs. Timers set by a running timer run in the same advance when they fall inside its window.
 */
export class ManualClock implements Clock {
  #now: number;
  #nextId = 1;
  #timers = new Map<number, ManualTimer>();

  constructor(start = Date.UTC(2026, 0, 15, 12, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.#nextId++;
    this.#timers.set(id, { id, due: this.#now + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    if (typeof handle === 'number') this.#timers.delete(handle);
  }

  /** Number of timers not yet run or cleared. */
  get pendingTimers(): number {
    return this.#timers.size;
  }

  /** Moves time forward by `ms`, running due timers in order. */
  advance(ms: number): void {
    const target = this.#target(ms);
    while (this.#runNext(target));
    this.#now = target;
  }

  /**
   * Like advance, but lets promises settle between timers (and after the last), so code that awaits
   * between steps (retry loops, async handlers) gets to schedule its next timer before time moves on.
   */
  async advanceAsync(ms: number): Promise<void> {
    const target = this.#target(ms);
    await settle();
    while (this.#runNext(target)) await settle();
    this.#now = target;
  }

  #target(ms: number): number {
    if (!(ms >= 0)) throw new RangeError('ManualClock can only advance by a non-negative number of ms');
    return this.#now + ms;
  }

  /** Runs the earliest timer due by `target`; false when there is none. */
  #runNext(target: number): boolean {
    const next = this.#nextDue();
    if (!next || next.due > target) return false;
    this.#timers.delete(next.id);
    this.#now = next.due;
    next.fn();
    return true;
  }

  #nextDue(): ManualTimer | undefined {
    let best: ManualTimer | undefined;
    for (const t of this.#timers.values()) {
      if (!best || t.due < best.due || (t.due === best.due && t.id < best.id)) best = t;
    }
    return best;
  }
}

/** One macrotask turn: pending promise callbacks and I/O callbacks queued so far get to run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
