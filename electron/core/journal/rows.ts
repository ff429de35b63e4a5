// The journal's rows as the core reads them (camelCase, booleans as booleans). Mapped to and from
// SQLite in the repositories only.
import type { AttemptState, PayMode, RefundState, Wallet } from '../../../shared/domain.ts';
import type { Currency } from '../../../shared/money.ts';

export interface SaleRow {
  saleId: string;
  amountCents: number;
  tipCents: number;
  currency: Currency;
  operatorId: string;
  terminalNo: string;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
}

export interface AttemptRow {
  attemptId: string;
  orderId: string;
  saleId: string;
  mode: PayMode;
  wallet: Wallet;
  amountCents: number;
  tipCents: number;
  currency: Currency;
  state: AttemptState;
  gatewaySeen: boolean;
  reason: string | null;
  qrPayload: string | null;
  qrExpiresAt: number | null;
  walletTxnId: string | null;
  codeMasked: string | null;
  codeHash: string | null;
  operatorId: string;
  terminalNo: string;
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
  paidAt: number | null;
  cancelCause: 'cashier' | 'qr_expired' | null;
  needsAttention: boolean;
  manual: boolean;
  refundedCents: number;
  /** The signed-in cashier's staff id and the shift it was taken in (null on older rows or with no one signed in). */
  cashierId?: string | null;
  shiftId?: number | null;
}

export interface RefundRow {
  refundId: string;
  orderId: string;
  attemptId: string;
  amountCents: number;
  currency: Currency;
  state: RefundState;
  gatewaySeen: boolean;
  reason: string | null;
  operatorId: string;
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
  needsAttention: boolean;
  cashierId?: string | null;
  /** The supervisor whose PIN approved it. */
  approverId?: string | null;
  shiftId?: number | null;
}

/** Who is acting on the journal now: filled into new attempts, refunds and events. */
export interface JournalActor {
  cashierId: string | null;
  /** Set only while a supervisor-approved command journals its first rows. */
  approverId: string | null;
  shiftId: number | null;
}

export const NO_ACTOR: JournalActor = { cashierId: null, approverId: null, shiftId: null };

export type EventEntity = 'sale' | 'attempt' | 'refund' | 'callback' | 'pin';
export type EventCause = 'command' | 'gateway' | 'query' | 'callback' | 'timeout' | 'override' | 'recovery';

export interface EventRow {
  seq: number;
  at: number;
  entity: EventEntity;
  entityId: string;
  type: string;
  cause: EventCause;
  fromState: string | null;
  toState: string | null;
  detail: Record<string, unknown>;
}

export type CallbackVerdict = 'accepted' | 'duplicate' | 'forged' | 'mismatch' | 'unknown_order';

export interface CallbackRow {
  callbackId: number;
  receivedAt: number;
  verdict: CallbackVerdict;
  orderId: string | null;
  attemptId: string | null;
  amountCents: number | null;
  /** The currency of amountCents (null when there is no amount). */
  currency: Currency | null;
  remote: string | null;
  bodySha256: string;
  note: string | null;
}
