// Requests per client address: a token bucket (a burst, then a steady rate). A POS that floods is
// answered 429 from memory — nothing of it reaches the engine or the journal.
export interface RateLimiter {
  /** True when this address may make one more request now. */
  take(address: string): boolean;
}

export function createRateLimiter(opts: {
  perSecond: number;
  burst: number;
  now: () => number;
  /** Addresses remembered at most (oldest forgotten first): a scan of many addresses cannot grow memory. */
  maxAddresses?: number;
}): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const max = opts.maxAddresses ?? 1024;
  return {
    take(address) {
      const now = opts.now();
      const b = buckets.get(address) ?? { tokens: opts.burst, at: now };
      b.tokens = Math.min(opts.burst, b.tokens + ((now - b.at) / 1000) * opts.perSecond);
      b.at = now;
      buckets.delete(address);
      buckets.set(address, b);
      if (buckets.size > max) buckets.delete(buckets.keys().next().value as string);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
  };
}
