// Group commit for start-up recovery: gateway answers that arrive close together are journaled in one
// transaction, so a thousand answers cost a few dozen fsyncs (synchronous=FULL) instead of a thousand.
// Each answer is written in its own savepoint (one that throws undoes only itself), and its caller hears
// back only once the whole transaction has committed: nothing acts on an answer before it is durable.
import type { Journal } from '../journal/journal.ts';

export interface GroupCommit {
  /** Runs `write` in the next shared transaction; resolves with its result once that has committed. */
  add<T>(write: () => T): Promise<T>;
}

export interface GroupCommitOptions {
  /** Commit once this many answers wait. */
  maxBatch: number;
  /** Commit at the latest this long (real time) after the first answer began to wait. */
  maxWaitMs: number;
  /** Whether more answers are on their way; when none are, what waits commits at once. */
  moreComing: () => boolean;
}

interface Pending {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function createGroupCommit(journal: Journal, options: GroupCommitOptions): GroupCommit {
  let pending: Pending[] = [];
  let soon: NodeJS.Immediate | null = null;
  let late: NodeJS.Timeout | null = null;

  function flush(): void {
    if (soon) clearImmediate(soon);
    if (late) clearTimeout(late);
    soon = null;
    late = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = journal.write(() =>
        batch.map((item): Outcome => {
          try {
            // Inside the shared transaction, journal.write is a savepoint.
            return { ok: true, value: journal.write(item.write) };
          } catch (error) {
            return { ok: false, error };
          }
        }),
      );
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  return {
    add<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
        if (pending.length >= options.maxBatch || !options.moreComing()) {
          // After whatever else was read in this turn of the event loop has joined.
          soon ??= setImmediate(flush);
        } else {
          late ??= setTimeout(flush, options.maxWaitMs);
        }
      });
    },
  };
}
