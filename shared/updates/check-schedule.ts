// When the till next asks the feed: at start, then every few hours; after a failure sooner, backing
// off (5 min, 10, 20, … up to the regular interval) so a feed that is down is not hammered by
// twenty tills, and a feed that comes back is noticed within minutes.

export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;
export const FIRST_RETRY_MS = 5 * 60 * 1000;

/** Milliseconds until the next check, given how many checks in a row have failed (0: the last worked). */
export function nextCheckDelay(failuresInARow: number): number {
  if (failuresInARow <= 0) return CHECK_INTERVAL_MS;
  const backoff = FIRST_RETRY_MS * 2 ** Math.min(failuresInARow - 1, 16);
  return Math.min(backoff, CHECK_INTERVAL_MS);
}
