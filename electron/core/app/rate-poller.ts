// The CNY rate: EX_RATE_QUERY at start and every 30 minutes; after a failure it asks again sooner,
// backing off (30 s, 1, 2, 5, 10 min, then every 10 min until an answer), on the injected clock. Each
// answer is kept in the journal with the time it was asked.
import type { Clock, TimerHandle } from '../clock.ts';

export const RATE_INTERVAL_MS = 30 * 60_000;
export const RATE_BACKOFF_MS = [30_000, 60_000, 120_000, 300_000, 600_000];

export interface RatePollerOptions {
  /** Asks the gateway; resolves with CNY per unit and the raw text. */
  fetch(): Promise<{ cnyPerUnit: number; raw: string }>;
  record(rate: { cnyPerUnit: number; raw: string }, at: number): void;
  clock: Clock;
  onError?(err: unknown, failures: number): void;
}

export function startRatePoller(opts: RatePollerOptions): () => void {
  let timer: TimerHandle | null = null;
  let stopped = false;
  let failures = 0;
  const run = () => {
    timer = null;
    opts
      .fetch()
      .then(
        (rate) => {
          if (stopped) return;
          failures = 0;
          opts.record(rate, opts.clock.now());
        },
        (err: unknown) => {
          failures += 1;
          opts.onError?.(err, failures);
        },
      )
      .finally(() => {
        if (stopped) return;
        const wait =
          failures === 0
            ? RATE_INTERVAL_MS
            : (RATE_BACKOFF_MS[Math.min(failures, RATE_BACKOFF_MS.length) - 1] ?? 600_000);
        timer = opts.clock.setTimeout(run, wait);
      });
  };
  run();
  return () => {
    stopped = true;
    if (timer !== null) opts.clock.clearTimeout(timer);
  };
}
