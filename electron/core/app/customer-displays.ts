// Which customer displays are there now (issue 21): the shells tell the core when one comes and goes —
// the Electron shell its customer window, the browser shell each LAN display's event stream with the
// pairing token it presented. Whether one can answer the tip ask is read at each snapshot, so a
// display that loses its pairing (another one paired) stops counting at the next push.
import { canAnswerTipAsk, type PresentDisplay } from '../../../shared/customer-display-presence.ts';

export type DisplayArrival = { kind: 'window' } | { kind: 'lan'; token: string | null };

export interface CustomerDisplays {
  /** A display came; returns its leave (idempotent). */
  joined(display: DisplayArrival): () => void;
  canAnswerTipAsk(): boolean;
}

export function createCustomerDisplays(o: {
  isPaired(token: string | null): boolean;
  /** Called when one comes or goes (the till's snapshot is pushed again). */
  changed(): void;
}): CustomerDisplays {
  const present = new Set<{ display: DisplayArrival }>();
  return {
    joined(display) {
      const entry = { display };
      present.add(entry);
      o.changed();
      return () => {
        if (present.delete(entry)) o.changed();
      };
    },
    canAnswerTipAsk() {
      const now: PresentDisplay[] = [...present].map(({ display: d }) =>
        d.kind === 'window' ? d : { kind: 'lan', paired: o.isPaired(d.token) },
      );
      return canAnswerTipAsk(now);
    },
  };
}
