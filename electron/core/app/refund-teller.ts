// Tells the till page each refund change ('refund.changed'), so it can say a refund OTTPay confirms
// after the refund dialog has closed (shared/speech/refund-to-say.ts holds the rule). A locked till
// hears no payment (see locked-snapshot.ts), so nothing is told while nobody is signed in.
import type { PaymentsChange } from '../payments/changes.ts';
import type { EventHub } from './event-hub.ts';

export function refundTeller(o: { hub: EventHub; signedIn(): boolean }): (change: PaymentsChange) => void {
  return (change) => {
    if (change.kind !== 'refund' || change.attempt === null || !o.signedIn()) return;
    o.hub.emit('refund.changed', { refund: change.refund, wallet: change.attempt.wallet });
  };
}
