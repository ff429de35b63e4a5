// The till page asks the core for its first snapshot as soon as its script runs, before React's first
// render: asked from useSnapshot's effect, the question waited for that render and its paint (tens of
// ms on a loaded till), and the lock screen waits for the answer. Snapshots pushed meanwhile are kept.
import type { TillApi } from '../../shared/contract.ts';
import type { TillSnapshot } from '../../shared/domain.ts';
import type { Result } from '../../shared/result.ts';

export interface FirstSnapshotAsk {
  /** The core's answer to the first till.snapshot. */
  answer: Promise<Result<TillSnapshot>>;
  /** The newest snapshot the core pushed since the question, if any. */
  pushed(): TillSnapshot | null;
  /** Stops keeping pushes (useSnapshot listens by itself from then on). */
  stop(): void;
}

let early: { api: TillApi; ask: FirstSnapshotAsk } | null = null;

/** Asks at once; the page's useSnapshot takes this question instead of asking again. */
export function askFirstSnapshot(api: TillApi): void {
  let pushed: TillSnapshot | null = null;
  const stop = api.on('till.snapshot', (next) => {
    pushed = next;
  });
  const answer = api.invoke('till.snapshot', {});
  // Taken by useSnapshot, which handles a failure; never an unhandled rejection meanwhile.
  answer.catch(() => {});
  early = { api, ask: { answer, pushed: () => pushed, stop } };
}

/** The early question for `api`, once (a later caller asks for itself). */
export function takeFirstSnapshot(api: TillApi): FirstSnapshotAsk | null {
  if (!early || early.api !== api) return null;
  const { ask } = early;
  early = null;
  return ask;
}
