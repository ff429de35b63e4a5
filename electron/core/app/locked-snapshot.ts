// What a locked till's screen may know. The snapshot is the one thing a locked till still sends (the
// lock screen is drawn from it), so while nobody is signed in it carries no payment: no sale, nothing
// needing attention (nor how many) or checked in the background, no print job and no receipt on the screen printer.
// Signing in brings them all back.
import type { TillSnapshot } from '../../../shared/domain.ts';

export function lockedSnapshot(full: TillSnapshot): TillSnapshot {
  return {
    ...full,
    sale: null,
    attention: [],
    attentionCount: 0,
    background: [],
    printing: { jobs: [], screen: null },
  };
}
