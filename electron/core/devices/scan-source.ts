// The one interface the rest of the till sees for scanners. Serial (USB-CDC/COM), keyboard-wedge and
// fake sources all implement it; the router and the payments engine depend on nothing else.
import type { ScannerStatus } from '../../../shared/domain.ts';

export interface Scan {
  /** The text as read: framed, scanner prefix/suffix removed; wallet/product rules not yet applied. */
  raw: string;
  source: 'serial' | 'wedge';
  sourceId: string;
  /** Clock time the scan was complete, ms. */
  at: number;
  /** Keyboard-wedge only: gap before each key after the first (ms), for the diagnostics screen. */
  timings: number[] | null;
}

/** Something the settings/diagnostics screen should see that is neither a scan nor a state change. */
export interface ScanProblem {
  sourceId: string;
  source: 'serial' | 'wedge';
  at: number;
  /** Plain words for the cashier or support: "line too long (over 512 bytes), discarded". */
  message: string;
}

export interface ScanSourceEvents extends Record<string, unknown> {
  scan: Scan;
  /** Every state change: connected, reconnecting (with why), failed (with why), disabled. */
  status: ScannerStatus;
  problem: ScanProblem;
}

export interface ScanSource {
  readonly id: string;
  readonly kind: 'serial' | 'wedge';
  status(): ScannerStatus;
  /** Begins reading (a serial source opens its port and keeps it open). Idempotent. */
  start(): void;
  /** Stops reading and releases the device; status becomes 'disabled'. Idempotent. */
  stop(): Promise<void>;
  on<E extends keyof ScanSourceEvents>(
    event: E,
    listener: (payload: ScanSourceEvents[E]) => void,
  ): () => void;
}
