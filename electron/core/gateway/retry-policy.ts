// Retries for queries only (a pay request is never sent twice by this code): capped exponential
// backoff with full jitter, so a fleet of tills recovering together does not hammer the gateway.

export interface RetryPolicy {
  /** Total tries, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_QUERY_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 };

/** Delay before retry number `retry` (1 = the first retry): uniform in [0, min(max, base·2^(retry-1))]. */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(r * ceiling);
}

export interface RetryDeps {
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Runs `attempt` until it succeeds, throws something `isRetryable` refuses, or the tries run out
 * (then the last error is thrown).
 */
export async function withRetries<T>(
  attempt: (tryNumber: number) => Promise<T>,
  isRetryable: (err: unknown) => boolean,
  policy: RetryPolicy,
  deps: RetryDeps,
): Promise<T> {
  const tries = Math.max(1, Math.floor(policy.maxAttempts));
  for (let tryNumber = 1; ; tryNumber++) {
    try {
      return await attempt(tryNumber);
    } catch (err) {
      if (tryNumber >= tries || !isRetryable(err)) throw err;
      await deps.sleep(backoffDelayMs(tryNumber, policy, deps.random));
    }
  }
}
