// Keeps asking the gateway about things in flight (attempts and refunds) on an injected clock: a fast
// interval for a window, then a slower, growing interval in the background, then "give up" (the caller
// flags it for a person). One question at a time per key; stop() and stopAll() cancel the timers.
import type { Clock, TimerHandle } from '../clock.ts';

export interface WatchSpec {
  key: string;
  /** Interval while now < fastUntil. */
  fastMs: number;
  fastUntil: number;
  /** After this, onGiveUp runs and the watch ends. */
  giveUpAt: number;
  maxDelayMs: number;
  /** One check; resolve true when there is nothing left to watch. */
  check: () => Promise<boolean>;
  onGiveUp: () => void;
  /** Extra one-shot timer (active pay: our own QR expiry). */
  at?: { when: number; run: () => void };
}

interface Watch {
  spec: WatchSpec;
  timer: TimerHandle | null;
  atTimer: TimerHandle | null;
  delay: number;
  running: boolean;
  stopped: boolean;
}

export interface Watcher {
  watch(spec: WatchSpec): void;
  has(key: string): boolean;
  stop(key: string): void;
  stopAll(): void;
  /** Resolves when no check is running (after stopAll: nothing more will start). */
  idle(): Promise<void>;
}

export function createWatcher(clock: Clock, onError: (key: string, err: unknown) => void): Watcher {
  const watches = new Map<string, Watch>();
  const running = new Set<Promise<void>>();

  function schedule(w: Watch): void {
    if (w.stopped) return;
    const now = clock.now();
    let delay: number;
    if (now < w.spec.fastUntil) {
      delay = Math.min(w.spec.fastMs, Math.max(1, w.spec.fastUntil - now));
      w.delay = w.spec.fastMs;
    } else {
      w.delay = Math.min(Math.round(w.delay * 1.5), w.spec.maxDelayMs);
      delay = w.delay;
    }
    if (now + delay > w.spec.giveUpAt) delay = Math.max(0, w.spec.giveUpAt - now);
    w.timer = clock.setTimeout(() => tick(w), delay);
  }

  function tick(w: Watch): void {
    w.timer = null;
    if (w.stopped || w.running) return;
    w.running = true;
    const p = w.spec
      .check()
      .then(
        (done) => {
          if (w.stopped) return;
          if (done) return end(w);
          if (clock.now() >= w.spec.giveUpAt) {
            end(w);
            w.spec.onGiveUp();
            return;
          }
          schedule(w);
        },
        (err: unknown) => {
          onError(w.spec.key, err);
          if (w.stopped) return;
          // Past its end, a failing check would otherwise be asked again at once, for ever.
          if (clock.now() >= w.spec.giveUpAt) {
            end(w);
            w.spec.onGiveUp();
            return;
          }
          schedule(w);
        },
      )
      .finally(() => {
        w.running = false;
        running.delete(p);
      });
    running.add(p);
  }

  function end(w: Watch): void {
    w.stopped = true;
    if (w.timer !== null) clock.clearTimeout(w.timer);
    if (w.atTimer !== null) clock.clearTimeout(w.atTimer);
    if (watches.get(w.spec.key) === w) watches.delete(w.spec.key);
  }

  return {
    watch(spec) {
      const old = watches.get(spec.key);
      if (old) end(old);
      const w: Watch = {
        spec,
        timer: null,
        atTimer: null,
        delay: spec.fastMs,
        running: false,
        stopped: false,
      };
      watches.set(spec.key, w);
      if (spec.at) {
        const at = spec.at;
        w.atTimer = clock.setTimeout(
          () => {
            w.atTimer = null;
            if (!w.stopped) at.run();
          },
          Math.max(0, at.when - clock.now()),
        );
      }
      schedule(w);
    },
    has(key) {
      return watches.has(key);
    },
    stop(key) {
      const w = watches.get(key);
      if (w) end(w);
    },
    stopAll() {
      for (const w of [...watches.values()]) end(w);
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
