// What a payments engine is built from: the journal, the gateway, the till's identity and timings, and
// the hooks its host gives it (connectivity veto, call-back verifier, crash-harness points, logging).
import type { Wallet } from '../../../shared/domain.ts';
import type { Currency } from '../../../shared/money.ts';
import type { Clock } from '../clock.ts';
import type { GatewayClient } from '../gateway/types.ts';
import type { Journal } from '../journal/journal.ts';
import type { CallbackVerifier } from './callbacks.ts';
import type { FaultHook } from './fault-points.ts';
import type { PaymentsTiming } from './settings.ts';

export interface PaymentsEngineOptions {
  journal: Journal;
  gateway: GatewayClient;
  clock?: Clock;
  /** 1 to 4 of [A-Za-z0-9]; carried in every order id. */
  terminalNo: string;
  operatorId: string;
  /** Call-backs naming another merchant are rejected. */
  merchantId: string;
  currency: Currency;
  /** The public URL given to OTTPay as call_back_url (OTTPay requires one; polling works without it). */
  callbackUrl?: string;
  /** Our own QR expiry (default 2 min). */
  qrExpiryMs?: number;
  /** Wallets offered on this till (default all three). */
  wallets?: readonly Wallet[];
  /** IANA zone for day boundaries in reports and searches (default: the system's). */
  timeZone?: string;
  timing?: Partial<PaymentsTiming>;
  /** Extra veto on wallet payments (e.g. the facade's own connectivity check). */
  isGatewayUp?: () => boolean;
  /** Crash-harness hook; a no-op in production. */
  faultPoint?: FaultHook;
  /** The HMAC key of wallet-code hashes (the single-use check); kept in the secret store, never the journal. */
  codeHashKey: Buffer;
  /** Verifies a call-back body (closes over the sign key, which the engine never sees). */
  verifyCallback?: CallbackVerifier;
  /** Wallet of a (normalised) payment code (default: shared/scanning/wallet-codes.ts walletOf). */
  detectWallet?: (code: string) => Wallet | null;
  random?: () => number;
  onError?: (what: string, err: unknown) => void;
  /** The signed-in cashier's OTTPay operator id, or null (the till's operatorId is sent). */
  cashierOperatorId?: () => string | null;
  /** How often counted call-back rejections are written to the journal (default EVIDENCE_FLUSH_MS). */
  evidenceFlushMs?: number;
  /** Notices worth a log line that are not errors (rejected call-backs, counted). */
  onNotice?: (line: string, fields: Record<string, unknown>) => void;
}
