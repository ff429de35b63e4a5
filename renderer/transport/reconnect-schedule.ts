// When a page tries its event stream again after it failed. Two kinds of failure want two paces:
// - unreachable (the stream dropped, or nothing answered: a till restarting, a shell not yet up): the
//   next attempt is itself the cheapest probe (a refused connection on loopback costs nothing), so the
//   page tries again soon and at most once a second, and is back within a second of the till answering;
// - refused (the till answered and said no: closing, too many streams, a session it does not know):
//   asking again at once changes nothing, so that waits longer and longer, up to 15 s.
// Pure: it only says how long to wait; the event stream runs the timer on its injected clock.

export type StreamFailure = 'unreachable' | 'refused';

/** The waits after the 1st and 2nd unreachable failure in a row; UNREACHABLE_MAX_MS after that. */
export const UNREACHABLE_DELAYS_MS: readonly number[] = [250, 500];
/** At most one attempt a second at a till that is not there: back within a second of it answering. */
export const UNREACHABLE_MAX_MS = 1_000;
export const REFUSED_FIRST_MS = 1_000;
export const REFUSED_MAX_MS = 15_000;

export interface ReconnectSchedule {
  /** The stream failed this way: how long to wait before the next attempt. */
  failed(kind: StreamFailure): number;
  /** The stream is open again: the next failure starts from the first wait. */
  opened(): void;
}

export function createReconnectSchedule(): ReconnectSchedule {
  let unreachable = 0;
  let refused = 0;
  return {
    failed(kind) {
      if (kind === 'refused') {
        refused++;
        return Math.min(REFUSED_FIRST_MS * 2 ** (refused - 1), REFUSED_MAX_MS);
      }
      // Nothing answers now: whatever refused before is gone, and the next till to answer may be a
      // new one, so a long refusal wait must not hold the page back from it.
      const delay = UNREACHABLE_DELAYS_MS[unreachable] ?? UNREACHABLE_MAX_MS;
      unreachable++;
      return delay;
    },
    opened() {
      unreachable = 0;
      refused = 0;
    },
  };
}
