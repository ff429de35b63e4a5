// What the app layer needs from the payments engine and the scanner stack. The handlers code against
// these narrow views; the real PaymentsEngine and ScannerService fit them as they are.
import type { PortInfo, ScanLogEntry, ScannerDiagnostics } from '../../../shared/contract.ts';
import type { ScannerStatus, Wallet } from '../../../shared/domain.ts';
import type { ScanRefusal, ScanRefusedEvent } from '../../../shared/scanning/scan-refusal.ts';
import type { PaymentsEngine } from '../payments/engine.ts';

export type PaymentsPort = Pick<
  PaymentsEngine,
  | 'payActive'
  | 'beginPassive'
  | 'submitPassiveCode'
  | 'cancel'
  | 'newSale'
  | 'setAside'
  | 'inBackground'
  | 'currentSale'
  | 'recheck'
  | 'refund'
  | 'refunds'
  | 'markPaid'
  | 'markFailed'
  | 'clearAttention'
  | 'needsAttention'
  | 'attentionBrief'
  | 'search'
  | 'dailyReport'
  | 'reconcile'
  | 'exportCsv'
  | 'reconcileOrders'
  | 'journal'
  | 'recover'
  | 'isCodeUsed'
  | 'gatewayHealth'
  | 'probeGateway'
  | 'onChange'
  | 'close'
>;

export interface KeyEvent {
  t: number;
  key: string;
  code: string;
}

export type ScanSourceName = 'serial' | 'wedge' | 'manual';

/** What happened to one code put through the scan rules (used check, dedupe, wallet patterns). */
export type ScanOutcome =
  | { outcome: 'payment' }
  | { outcome: 'product' | 'duplicate' | 'refused'; reason: ScanRefusal; message: string };

export interface ScannerPort {
  statuses(): ScannerStatus[];
  diagnostics(): ScannerDiagnostics;
  listPorts(): Promise<PortInfo[]>;
  /** Raw key-downs from a page (browser shell) or from main's before-input-event (Electron). */
  feedWedgeKeys(events: readonly KeyEvent[]): void;
  /** A code typed by hand or recognised by a page-side detector, through the same rules as a scan. */
  route(code: string, source: 'wedge' | 'manual', timings?: number[]): ScanOutcome;
  /** While a passive payment waits, the next accepted wallet code goes to onCode (once). */
  waitForWalletCode(
    onCode: (code: string, source: ScanSourceName, wallet: Wallet) => void,
    onRefused: (message: string) => void,
    /** The wallet the operator picked by hand: codes with an unknown prefix are then taken as its. */
    picked?: Wallet | null,
  ): () => void;
  /** While no payment waits: a wallet code from a source `ready` accepts now goes to onCode (it starts one). */
  takeIdleWalletCodes(
    ready: (source: ScanSourceName) => boolean,
    onCode: (code: string, source: ScanSourceName, wallet: Wallet) => void,
  ): () => void;
  onLog(listener: (entry: ScanLogEntry) => void): () => void;
  onStatus(listener: () => void): () => void;
  /** A scanner's scan refused (a page's own submissions get theirs as the command's answer). */
  onRefused(listener: (event: ScanRefusedEvent) => void): () => void;
  close(): Promise<void>;
}
