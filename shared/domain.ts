// Domain vocabulary shared by the core and the renderers. Plain data only.
import type { Currency } from './money.ts';
import type { StoreSyncSettings, StoreSyncStatus } from './store-sync.ts';

export type Wallet = 'WECHATPAY' | 'ALIPAY' | 'UNIONPAY';
export const WALLETS: readonly Wallet[] = ['WECHATPAY', 'ALIPAY', 'UNIONPAY'];
export const WALLET_NAMES: Record<Wallet, string> = {
  WECHATPAY: 'WeChat Pay',
  ALIPAY: 'Alipay',
  UNIONPAY: 'UnionPay',
};

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

export type Language = 'en' | 'fr' | 'zh';
export const LANGUAGES: readonly Language[] = ['en', 'fr', 'zh'];

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
  createdAt: number;
  updatedAt: number;
  paidAt: number | null;
  needsAttention: boolean;
  /** Set by a supervisor override. */
  manual: boolean;
  refundedCents: number;
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
  attention: AttemptView[];
  scanners: ScannerStatus[];
  settings: PublicSettings;
  /** The wallet the operator named for the code being waited for, or null (recognised from the code). */
  scanWallet: Wallet | null;
  /** Shipping the journal to the chain's central database. */
  storeSync: StoreSyncStatus;
}

/** What the customer display may know: a projection, never the sale or any setting. */
export interface CustomerView {
  phase: 'idle' | 'qr' | 'waiting' | 'paid' | 'declined';
  amountCents: number | null;
  currency: Currency;
  wallet: Wallet | null;
  qrPayload: string | null;
  expiresAt: number | null;
  language: Language;
  sandbox: boolean;
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
  storeSync: StoreSyncSettings;
}
