// What every handler group may use. The payments and scanner stacks are reached through getters
// because a settings change (merchant, sign key, gateway URL) rebuilds them.
import type { AttemptView, PublicSettings, TillSnapshot, Wallet } from '../../../shared/domain.ts';
import type { ShiftReport } from '../../../shared/staff.ts';
import type { Clock } from '../clock.ts';
import type { StoredSettings } from '../config/defaults.ts';
import type { PinThrottle } from '../config/pin-throttle.ts';
import type { SecretStore } from '../config/secret-store.ts';
import type { SettingsStore } from '../config/settings-store.ts';
import type { Journal } from '../journal/journal.ts';
import type { StaffDirectory } from '../staff/directory.ts';
import type { StaffSession } from '../staff/session.ts';
import type { Shifts } from '../staff/shifts.ts';
import type { CoreLogger } from './core-logger.ts';
import type { PaymentsPort, ScannerPort } from './ports.ts';
import type { ReceiptPrinting } from './receipt-printing.ts';

export interface CoreContext {
  settings: SettingsStore;
  secrets: SecretStore;
  /** Who is signed in; supervisors' approvals. */
  staff: StaffSession;
  directory: StaffDirectory;
  shifts: Shifts;
  /** After a shift closed: the hook for printing its Z report (the receipt printer's module). */
  onShiftClosed(z: ShiftReport): void;
  /** After a sign-in, or a payment after a close: opens a shift when none is open (one per day: rolls the day's shift over). */
  openShiftFor(staffId: string): Promise<void>;
  pushSnapshot(): void;
  /** Every PIN check of this till goes through it, keyed ('till', or a staff account id). */
  pinThrottle: PinThrottle;
  /** Each person's allowance of "is this new PIN free?" checks (staff/pin-claim.ts). */
  pinClaimThrottle: PinThrottle;
  clock: Clock;
  logger: CoreLogger;
  payments(): PaymentsPort;
  scanner(): ScannerPort;
  sandbox(): boolean;
  publicSettings(): PublicSettings;
  snapshot(): TillSnapshot;
  /** Called after settings or the sign key changed: rebuilds what depends on them. */
  settingsChanged(previous: StoredSettings, signKeyChanged: boolean): Promise<void>;
  /** The central database's password or client key changed: the sync agent reconnects with them. */
  storeCredentialsChanged(): Promise<void>;
  diagnosticsText(): string;
  /** A typed or page-detected wallet code, through the scan rules to the waiting passive payment. */
  submitCode(code: string, source: 'wedge' | 'manual', timings?: number[]): Promise<AttemptView>;
  /** Re-checks which scans the router should hand to the payments engine (after a sale change). */
  syncScanWait(): void;
  /** The operator names the wallet of the code being waited for (null: recognise it from the code). */
  pickScanWallet(wallet: Wallet | null): void;
  receipts: ReceiptPrinting;
  /** The payments journal (print jobs, rates, the CNY facts of paid attempts). */
  journal(): Journal | null;
  /** The amount the cashier is keying (not journaled): the customer display shows it live. */
  setDraft(draft: { amountCents: number; tipCents: number } | null): void;
  /** A payment was set aside: the customer display says "cancelled" until the next amount (or a while). */
  announceSetAside(): void;
}
