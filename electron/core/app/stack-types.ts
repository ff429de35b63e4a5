// The two stacks the facade starts from settings: payments (journal + gateway client or embedded
// simulator + engine + optional call-back listener) and scanners. The payments stack is rebuilt when
// its settings or the sign key change; tests may pass their own factories.
import type { PublicSettings } from '../../../shared/domain.ts';
import type { Clock } from '../clock.ts';
import type { StoredSettings } from '../config/defaults.ts';
import type { SecretStore } from '../config/secret-store.ts';
import type { NewEvent } from '../journal/events-repo.ts';
import type { Journal } from '../journal/journal.ts';
import type { Db } from '../journal/open-journal.ts';
import type { JournalActor } from '../journal/rows.ts';
import type { Logger } from '../logging/index.ts';
import type { PaymentsPort, ScannerPort } from './ports.ts';

export interface PaymentStackInput {
  dataDir: string;
  settings: StoredSettings;
  /** null ⇒ no live credentials: the embedded sandbox simulator is used. */
  signKey: string | null;
  /** Holds the wallet-code hash keys (the sign key is passed above). */
  secrets: SecretStore;
  clock: Clock;
  logger: Logger;
  env: Record<string, string | undefined>;
  /** Who is acting, filled into new journal rows; given the stack's journal (for its open shift). */
  actor?: (db: Db) => () => JournalActor;
  /** The signed-in cashier's OTTPay operator id, sent instead of the till's. */
  cashierOperatorId?: () => string | null;
  /** This till's version, recorded in the journal (named if an older till later meets it). */
  appVersion?: string;
}

export interface PaymentStack {
  payments: PaymentsPort;
  sandbox: boolean;
  simulatorUrl: string | null;
  /** Where the call-back listener listens, when enabled. */
  callbackUrl: string | null;
  /** Appends an event that belongs to no payment (PIN guesses) to this stack's journal. */
  recordEvent(event: NewEvent): void;
  /** The journal the payments write to (print jobs and exchange rates live beside them). */
  journal?: Journal;
  /** EX_RATE_QUERY for the till's currency (CNY per unit), for the customer display's RMB line. */
  exchangeRate?: () => Promise<{ cnyPerUnit: number; raw: string }>;
  close(): Promise<void>;
  /** Closes the journal at once, synchronously (the OS is ending the process: no await will run). */
  closeJournalNow?(): void;
}

export interface ScannerStackInput {
  settings: PublicSettings;
  clock: Clock;
  logger: Logger;
  isCodeUsed(code: string): boolean;
}

export interface StackFactories {
  startPayments(input: PaymentStackInput): Promise<PaymentStack>;
  startScanners(input: ScannerStackInput): Promise<ScannerPort>;
}

/** Live only when both a merchant id and a sign key are set; the embedded sandbox otherwise. */
export function isLive(settings: StoredSettings, signKey: string | null): boolean {
  return settings.merchantId !== '' && signKey !== null && signKey !== '';
}
