// What the customer display shows between sales that no journal holds: the amount (and tip) the
// cashier is keying, shown live, and the "cancelled" notice after a payment is set aside, which lasts
// until the next amount is keyed or SET_ASIDE_NOTICE_MS pass (on the injected clock).
import type { Clock, TimerHandle } from '../clock.ts';

/** How long the customer display says "cancelled" after a payment is set aside (unless a new amount comes). */
export const SET_ASIDE_NOTICE_MS = 8_000;

export interface Draft {
  amountCents: number;
  tipCents: number;
}

export interface KeyedDraft {
  /** The amount being keyed; the same object until it changes (a payment from it checks it is still current). */
  current(): Draft | null;
  /** The cashier keyed (or cleared) an amount: a new amount ends the set-aside notice. */
  set(next: Draft | null): void;
  /** A sale started or closed: it ends what was being keyed (no push: the caller pushes). */
  saleChanged(): void;
  /** A payment was set aside: "cancelled" until the next amount, or for SET_ASIDE_NOTICE_MS. */
  announceSetAside(): void;
  setAsideShown(): boolean;
  /** Ends the notice and its timer (the till is closing). */
  stop(): void;
}

export function createKeyedDraft(clock: Clock, changed: () => void): KeyedDraft {
  let draft: Draft | null = null;
  let setAsideShown = false;
  let setAsideTimer: TimerHandle | null = null;
  const endSetAsideNotice = () => {
    setAsideShown = false;
    if (setAsideTimer !== null) clock.clearTimeout(setAsideTimer);
    setAsideTimer = null;
  };
  return {
    current: () => draft,
    set(next) {
      draft = next;
      if (next !== null) endSetAsideNotice();
      changed();
    },
    saleChanged() {
      draft = null;
    },
    announceSetAside() {
      endSetAsideNotice();
      setAsideShown = true;
      setAsideTimer = clock.setTimeout(() => {
        endSetAsideNotice();
        changed();
      }, SET_ASIDE_NOTICE_MS);
      changed();
    },
    setAsideShown: () => setAsideShown,
    stop: endSetAsideNotice,
  };
}
