// At most n gateway requests at once; the rest wait their turn in order. Start-up recovery bounds its
// queries with this rather than a pool of attempts, so a query slot is free again as soon as the answer
// is in, while the answer itself waits for its group commit.

export interface RequestLimit {
  run<T>(request: () => Promise<T>): Promise<T>;
  /** Requests running or waiting: more answers are on their way. */
  busy(): boolean;
}

export function createRequestLimit(concurrency: number): RequestLimit {
  const max = Math.max(1, concurrency);
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return {
    async run<T>(request: () => Promise<T>): Promise<T> {
      // A freed slot passes straight to the next in line (running stays counted).
      if (running < max) running += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await request();
      } finally {
        release();
      }
    },
    busy: () => running > 0,
  };
}
