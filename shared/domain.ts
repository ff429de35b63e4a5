// Domain vocabulary shared by the core and the renderers. Plain data only.

import type { CustomerChoiceView, TipAskView } from './customer-choice.ts';
import type { CustomerSideSettings } from './customer-side.ts';
import type { Language } from './language.ts';
import type { Currency } from './money.ts';
import type { ReceiptDoc } from './printing/receipt-layout.ts';
import type { StaffState } from './staff.ts';
import type { StoreSyncSettings, StoreSyncStatus } from './store-sync.ts';
import type { UpdateSettings, UpdateStatus } from './updates/update-status.ts';
import type { Wallet } from './wallet.ts';

export { WALLET_NAMES, WALLETS, type Wallet } from './wallet.ts';

/** active: the customer scans our QR; passive: we scan the customer's wallet payment code. */
export type PayMode = 'active' | 'passive';

/** See PAYMENT-SAFETY.md: forward-only; paid, failed and expired are terminal. */
export type AttemptState =
  | 'created' // journaled, nothing sent yet
  | 'submitted' // request sent, no answer yet
  | 'awaiting_customer' // QR shown, or customer confirming on the phone
  | 'unknown' // outcome unknown: resolved only by STATUS_QUERY
  | 'cancelling' // cashier cancelled or QR expired: still resolving with the gateway
  | 'paid'
  | 'failed'
  | 'expired';

export const TERMINAL_ATTEMPT_STATES: readonly AttemptState[] = ['paid', 'failed', 'expired'];

export type RefundState = 'created' | 'submitted' | 'unknown' | 'refunded' | 'failed';

export { LANGUAGES, type Language } from './language.ts';

export interface AttemptView {
  attemptId: string;
  /** Our own OTTPay order_id: at most 20 of [A-Za-z0-9]. */
  orderId: string;
  saleId: string;
  mode: PayMode;
  wallet: Wallet;
  amountCents: number;
  tipCents: number;
  currency: Currency;
  state: AttemptState;
  /** Plain words for the cashier when declined / unknown / needs attention. */
  reason: string | null;
  /** Active pay: what the QR encodes, and when our own display expiry ends (epoch ms). */
  qr: { payload: string; expiresAt: number } | null;
  /** The wallet's own transaction number (bizpay_order_id), when known. */
  walletTxnId: string | null;
  /** Passive pay: the wallet code, masked (first 4, last 4). */
  maskedCode: string | null;
  operatorId: string;
  /** The staff account signed in when it was taken (null: before staff accounts). */
  cashierId?: string | null;
  createdAt: number;
  updatedAt: number;
  paidAt: number | null;
  needsAttention: boolean;
  /** Set by a supervisor override. */
  manual: boolean;
  refundedCents: number;
  /** History: the CNY side STATUS_QUERY reported with the payment (rate, RMB charged in fen). */
  cny?: { rate: number; payFen: number | null } | null;
  /** The cashier cancelled it (or set the sale aside), or our QR expired: the QR is no longer offered. */
  cancelled: boolean;
}

export interface RefundView {
  refundId: string;
  orderId: string;
  attemptId: string;
  amountCents: number;
  currency: Currency;
  state: RefundState;
  reason: string | null;
  createdAt: number;
  updatedAt: number;
}

export type SalePhase =
  | 'entering' // no attempt yet
  | 'waiting_for_scan' // passive pay chosen: only a wallet code may arrive
  | 'in_progress' // a live attempt
  | 'paid'
  | 'failed'; // last attempt failed/expired: the cashier may try again (a new attempt)

export interface SaleView {
  saleId: string;
  amountCents: number;
  tipCents: number;
  currency: Currency;
  phase: SalePhase;
  /** The newest attempt; earlier ones are in `attempts`. */
  attempt: AttemptView | null;
  attempts: AttemptView[];
  /** Asked for by the shop's POS over the local POS API, with its own order number (if it gave one). */
  pos?: { reference: string | null } | null;
}

export type GatewayHealth = {
  state: 'unknown' | 'up' | 'down';
  message: string | null;
  checkedAt: number | null;
};

export interface ScannerStatus {
  id: string;
  kind: 'serial' | 'wedge';
  state: 'connected' | 'reconnecting' | 'failed' | 'disabled';
  detail: string | null;
}

export interface TillSnapshot {
  sandbox: boolean;
  gateway: GatewayHealth;
  sale: SaleView | null;
  /**
   * Attempts needing attention: every unresolved one, then the oldest others, at most a screenful
   * (`attentionCount` says how many in all; the whole list is the `attention.list` command).
   */
  attention: AttemptView[];
  attentionCount: number;
  /** Attempts of earlier sales still being resolved with the gateway: they may still be paid. */
  background: AttemptView[];
  scanners: ScannerStatus[];
  settings: PublicSettings;
  /** The wallet the operator named for the code being waited for, or null (recognised from the code). */
  scanWallet: Wallet | null;
  printing: PrintingView;
  /** Who is signed in, and the open shift. */
  staff: StaffState;
  /** Shipping the journal to the chain's central database. */
  storeSync: StoreSyncStatus;
  /** Updates (issue 19): absent where no updater runs (the browser shell). */
  updates?: UpdateStatus;
  /** The local POS API: where it listens (null: off), its certificate's SHA-256 (TLS only), whether a key is saved. */
  posApi?: { url: string | null; fingerprint256: string | null; keySet: boolean };
  /** The customer's tip and language for this sale, from a touch customer display (issue 21). */
  customerChoice?: CustomerChoiceView | null;
  /** Whether a customer display is there to answer the tip ask (customer-display-presence.ts). */
  customerDisplay?: import('./customer-display-presence.ts').CustomerDisplayPresence;
}

/** Receipts: the latest print jobs, and the receipt the screen printer shows (no printer hardware). */
export interface PrintingView {
  jobs: PrintJobView[];
  /** dialog: the browser shell's system printer — the page opens its print dialog for this receipt. */
  screen: { jobId: number; doc: ReceiptDoc; dialog: boolean } | null;
}

/** What the customer display may know: a projection, never the sale or any setting. */
export interface CustomerView {
  /**
   * One message per state: idle (welcome), entering (the amount as the cashier keys it), qr, waiting
   * (for the customer: show a code, or confirm on the phone), checking (nothing for the customer to
   * do), cancelled, paid, declined.
   */
  phase: 'idle' | 'entering' | 'qr' | 'waiting' | 'checking' | 'cancelled' | 'paid' | 'declined';
  amountCents: number | null;
  currency: Currency;
  wallet: Wallet | null;
  qrPayload: string | null;
  expiresAt: number | null;
  language: Language;
  sandbox: boolean;
  /** The amount in RMB (fen) at the gateway's latest rate, while that rate is under 24 h old. */
  cnyFen?: number | null;
  /** When that rate was asked (epoch ms): shown in small type under the RMB amount. */
  cnyRateAt?: number | null;
  /** The payment came from the shop's POS: its order number, shown as on the till. */
  pos?: { reference: string | null } | null;
  /** The till asks the customer for the tip (a touch display answers with its askId). */
  tipAsk?: TipAskView | null;
  /** The LAN display only: whether this display is the paired one that may answer the tip ask. */
  pairing?: import('./customer-pairing.ts').DisplayPairing;
}

/** Settings as the till renderer sees them: secrets are only ever reported as set or not. */
export interface PublicSettings {
  merchantId: string;
  operatorId: string;
  terminalNo: string;
  gatewayUrl: string;
  signKeySet: boolean;
  currency: Currency;
  maxAmountCents: number;
  /** The largest tip as a percentage of the amount (default 100: no more than the amount). */
  maxTipPercent: number;
  tipPresetsPercent: number[];
  wallets: Wallet[];
  operatorLanguage: Language;
  customerLanguage: Language;
  soundsOn: boolean;
  qrExpirySeconds: number;
  callback: { enabled: boolean; bindHost: string; port: number; publicUrl: string };
  scanners: {
    serial: {
      enabled: boolean;
      path: string;
      baudRate: number;
      framing: 'CR' | 'LF' | 'CRLF' | 'none';
      prefix: string;
      suffix: string;
    };
    wedge: { enabled: boolean };
  };
  customerDisplay: 'window' | 'second-screen' | 'browser' | 'off';
  /** Per OTTPay action (ACTIVEPAY, STATUS_QUERY, …); an action not listed is sent as version 1.0. */
  gatewayVersions: Partial<Record<string, string>>;
  refundQueryAction: 'STATUS_QUERY' | 'REFUND_QUERY';
  shop: { name: string; address: string; phone: string };
  receipts: ReceiptSettings;
  /** The till locks after this many minutes without a command (0: never). */
  idleLockMinutes: number;
  /** One shift per local day (closed at the first sign-in of the next day) instead of one per sign-in. */
  shiftPerDay: boolean;
  storeSync: StoreSyncSettings;
  updates: UpdateSettings;
  /** The local POS API: refunds over it are off unless allowed here. */
  posApi: { refunds: boolean };
  customerSide: CustomerSideSettings;
  /** Desktop app: start the till when the computer starts ('kiosk': only when it runs in kiosk mode). */
  startWithComputer: 'kiosk' | 'on' | 'off';
}

export interface ReceiptSettings {
  /** screen: no hardware, the receipt is shown as it would print. */
  printer: 'none' | 'screen' | 'network' | 'serial' | 'usb' | 'system';
  target: string;
  paper: '80mm' | '58mm';
  chinese: 'gb18030' | 'raster';
  afterPaid: 'none' | 'customer' | 'customer+merchant';
}

/** One receipt print job as the till screen shows it. */
export interface PrintJobView {
  jobId: number;
  kind: 'sale' | 'refund' | 'test';
  /** The attempt or refund the receipt is of. */
  refId: string | null;
  copy: 'customer' | 'merchant';
  state: 'queued' | 'printed' | 'failed';
  tries: number;
  /** Why the last try failed: unreachable, offline, paper_out, cover_open, printer_error, timeout. */
  failure: string | null;
  detail: string | null;
  updatedAt: number;
}
