// The facade both shells (Electron main, browser shell) hold: typed handlers, role-filtered events,
// the customer projection and the wedge key feed; and the options a shell builds it from.
import type { Role } from '../../../shared/contract.ts';
import type { CustomerView, TillSnapshot } from '../../../shared/domain.ts';
import type { ShiftReport } from '../../../shared/staff.ts';
import type { Clock } from '../clock.ts';
import type { SecretStore } from '../config/secret-store.ts';
import type { LogSink } from '../logging/index.ts';
import type { PosFaultHook } from '../pos-api/fault-points.ts';
import type { PosApiStart } from '../pos-api/start-options.ts';
import type { StoreStartValues } from '../sync/start-values.ts';
import type { CoreLogger } from './core-logger.ts';
import type { EventListener } from './event-hub.ts';
import type { Handlers } from './handler-types.ts';
import type { KeyEvent } from './ports.ts';
import type { PrintingShell } from './receipt-printing.ts';
import type { StackFactories } from './stack-types.ts';
import type { TillUpdatesOptions } from './till-updates.ts';

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
  /** The shells tell which customer displays are there (the tip ask warns when none can answer). */
  readonly customerDisplays: import('./customer-displays.ts').CustomerDisplays;
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

export interface TillCoreOptions {
  dataDir: string;
  secrets: SecretStore;
  clock?: Clock;
  env?: Record<string, string | undefined>;
  /** Where log lines go besides the in-memory ring (stderr, a rotating file). */
  logger?: LogSink;
  appVersion?: string;
  /** Replaces how the payments and scanner stacks are built (tests, special shells). */
  stacks?: Partial<StackFactories>;
  /** What the shell adds to receipt printing (Electron's system printer, a line rasteriser). */
  printing?: PrintingShell;
  /** `--store-pg` / `--store-id` from the command line (TILL_STORE_PG / TILL_STORE_ID are read from env). */
  storeStart?: StoreStartValues;
  /** The shell's updater (electron-updater) and the feed from its start options (issue 19). */
  updates?: TillUpdatesOptions;
  /** The local POS API (`--pos-api-port`, `--pos-api-key`, `--pos-api-host`); null or absent: off. */
  posApi?: PosApiStart | null;
  /** Crash-harness hook at the POS API's named points (pos-api/fault-points.ts); a no-op in production. */
  posApiFault?: PosFaultHook;
}
