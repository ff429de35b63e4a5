// How long the sync agent waits after its n-th failure in a row. The backoff doubles from 0.5 s to its
// cap; each wait is drawn from the upper half of that step, so two hundred tills that lost the central
// database together do not all knock again in the same instant when it comes back.

/** `random` returns [0, 1), as Math.random does. */
export function syncRetryDelayMs(failures: number, maxBackoffMs: number, random: () => number): number {
  const step = Math.min(maxBackoffMs, 500 * 2 ** Math.min(Math.max(failures, 1) - 1, 10));
  return Math.round(step / 2 + (step / 2) * random());
}
