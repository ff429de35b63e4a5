// The facade both shells (Electron main, browser shell) hold: typed handlers, role-filtered events,
// the customer projection and the wedge key feed.
import type { Role } from '../../../shared/contract.ts';
import type { CustomerView, TillSnapshot } from '../../../shared/domain.ts';
import type { ShiftReport } from '../../../shared/staff.ts';
import type { CoreLogger } from './core-logger.ts';
import type { EventListener } from './event-hub.ts';
import type { Handlers } from './handler-types.ts';
import type { KeyEvent } from './ports.ts';

export interface TillCore {
  readonly handlers: Handlers;
  readonly logger: CoreLogger;
  /** Someone is signed in (false: the till is locked and dispatch answers only the lock screen). */
  signedIn(): boolean;
  /** Events this role may hear (ROLE_EVENTS); returns the unsubscribe function. */
  subscribe(role: Role, listener: EventListener): () => void;
  customerView(): CustomerView;
  /** The customer display's one message: the customer's tip or language, checked against the ask. */
  customerChoose(raw: unknown): import('../../../shared/result.ts').Result<null>;
  /** Which LAN customer display may answer the tip ask (customer.pairDisplay offers its code). */
  readonly customerPairing: import('./customer-pairing.ts').CustomerPairing;
  snapshot(): TillSnapshot;
  /** Raw key-downs for the core's wedge detector (the `wedge.keys` command; no shell feeds it today). */
  feedWedgeKeys(events: readonly KeyEvent[]): void;
  /** Set when the till runs on the embedded OTTPay simulator (no merchant credentials). */
  readonly sandboxInfo: { simulatorUrl: string } | null;
  /** The receipt printer's hook: called with each Z report as its shift closes. Returns the remover. */
  onShiftClosed(hook: (z: ShiftReport) => void): () => void;
  /** The local POS API, when started: its URL and (on a network address) its certificate's SHA-256. */
  readonly posApi: { url: string; fingerprint256: string | null } | null;
  close(): Promise<void>;
  /**
   * For a session that ends now (Windows session-end, a system shutdown): synchronously closes the
   * journal and the staff store and releases the data folder's lock; nothing that needs an await.
   */
  closeNow(): void;
}
