// The gateway light: the engine tracks health from every gateway answer; this asks it to probe (a
// cheap exchange-rate query) at start and then every interval, on the injected clock.
import type { Clock, TimerHandle } from '../clock.ts';

export const HEALTH_INTERVAL_MS = 60_000;

export function startHealthProbes(
  probe: () => Promise<unknown>,
  clock: Clock,
  intervalMs = HEALTH_INTERVAL_MS,
): () => void {
  let timer: TimerHandle | null = null;
  let stopped = false;
  const run = () => {
    timer = null;
    probe()
      .catch(() => {})
      .finally(() => {
        if (!stopped) timer = clock.setTimeout(run, intervalMs);
      });
  };
  run();
  return () => {
    stopped = true;
    if (timer !== null) clock.clearTimeout(timer);
  };
}
