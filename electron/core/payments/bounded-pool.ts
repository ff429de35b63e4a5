/**
 * Runs `run` over every item with at most `concurrency` at once, so start-up recovery and
 * reconciliation do not flood the gateway with queries.
 */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) await run(items[next++] as T);
  });
  await Promise.all(lanes);
}
