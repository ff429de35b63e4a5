// The screens hear of a pay request's SEND once the request is under way rather than before it: what
// a till does on a payments change (the fan-out: views, the snapshot, the sync agent's nudge) then no
// longer delays the request. The SEND is durable before the request is made (rule 1) whatever the
// screens know; the notice is told at the latest just before the answer's own change, so they still
// hear the two in order.
import type { EngineState } from './engine-state.ts';
import { announceAttempt } from './journaled-changes.ts';
import type { AttemptApplied } from './transitions.ts';

export interface SendNotice {
  /** Tells the screens now, unless already told (call it before the answer's change). */
  tellNow(): void;
}

/** Schedules the SEND's announcement for the next turn of the event loop (after the request's I/O began). */
export function announceAfterSend(core: EngineState, attemptId: string, applied: AttemptApplied): SendNotice {
  let told = false;
  const tellNow = () => {
    if (told) return;
    told = true;
    clearImmediate(soon);
    try {
      announceAttempt(core, attemptId, applied);
    } catch {
      // A notice to the screens only (a failed read of the journal): the payment's course does not
      // depend on it, and the answer's change tells them the attempt's state again.
    }
  };
  const soon = setImmediate(tellNow);
  return { tellNow };
}
