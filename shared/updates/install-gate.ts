// "May the update install now?" A till installs only when no money can be in the air: no payment
// attempt in flight or unresolved, and no sale open. Everything else waits for the next chance
// (shift close, quit, or a supervisor's "Install now" on an idle till).

export interface TillActivity {
  /** Attempts sent to the gateway and not yet answered. */
  inFlight: number;
  /** Attempts whose outcome the till does not know yet (kept for a status query). */
  unresolved: number;
  /** A sale is on the screen (amount keyed, QR shown, or waiting for the customer). */
  saleOpen: boolean;
}

export type InstallVerdict =
  | { ok: true }
  | { ok: false; reason: 'payment-in-flight' | 'payment-unresolved' | 'sale-open' };

export function mayInstallNow(activity: TillActivity): InstallVerdict {
  if (activity.inFlight > 0) return { ok: false, reason: 'payment-in-flight' };
  if (activity.unresolved > 0) return { ok: false, reason: 'payment-unresolved' };
  if (activity.saleOpen) return { ok: false, reason: 'sale-open' };
  return { ok: true };
}
