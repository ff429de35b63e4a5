// What every handler group may use. The payments and scanner stacks are reached through getters
// because a settings change (merchant, sign key, gateway URL) rebuilds them.
import type { AttemptView, PublicSettings, TillSnapshot, Wallet } from '../../../shared/domain.ts';
import type { Clock } from '../clock.ts';
import type { StoredSettings } from '../config/defaults.ts';
import type { PinGuard } from '../config/pin-guard.ts';
import type { SecretStore } from '../config/secret-store.ts';
import type { SettingsStore } from '../config/settings-store.ts';
import type { CoreLogger } from './core-logger.ts';
import type { PaymentsPort, ScannerPort } from './ports.ts';

export interface CoreContext {
  settings: SettingsStore;
  secrets: SecretStore;
  pins: PinGuard;
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
}
