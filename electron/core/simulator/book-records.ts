// What the sandbox gateway's books hold: an order it accepted, an entry of money that moved, and the
// checks that read them back from a file (its SQLite books, or the JSON books of older tills).
import { z } from 'zod';
import type { Wallet } from '../../../shared/domain.ts';
import { ORDER_STATUSES } from '../gateway/schemas.ts';
import type { OrderStatus } from '../gateway/types.ts';
import { SCENARIOS, type Scenario } from './scenarios.ts';

export interface SimOrder {
  orderId: string;
  merchantId: string;
  kind: 'payment' | 'refund';
  mode: 'active' | 'passive' | null;
  wallet: Wallet | null;
  amountCents: number;
  tipCents: number;
  status: OrderStatus;
  scenario: Scenario | null;
  createdAt: number;
  paidAt: number | null;
  refundedCents: number;
  /** Refunds: the payment they give money back from. */
  originalOrderId: string | null;
  callbackUrl: string | null;
  /** Active pay: the secret part of the wallet page's URL. */
  walletToken: string | null;
  codeUrl: string | null;
  walletTxnId: string | null;
  buyerLoginId: string | null;
  saleNum: string | null;
}

export interface LedgerEntry {
  type: 'charge' | 'refund';
  orderId: string;
  merchantId: string;
  /** Refunds: the payment refunded. */
  originalOrderId: string | null;
  wallet: Wallet | null;
  /** Money moved: amount + tip for a charge, the refund amount for a refund. */
  amountCents: number;
  at: number;
}

export interface LedgerSummary {
  entries: LedgerEntry[];
  chargedCents: number;
  refundedCents: number;
  netCents: number;
}

/** Everything the books hold, as plain data (what the JSON books of older tills held). */
export interface BookState {
  orders: SimOrder[];
  ledger: LedgerEntry[];
  txnSeq: number;
}

const wallet = z.enum(['WECHATPAY', 'ALIPAY', 'UNIONPAY']).nullable();
const status = z.enum(ORDER_STATUSES);
const scenario = z.enum(SCENARIOS.map((s) => s.scenario) as [string, ...string[]]).nullable();
const cents = z.number().int().min(0);
const text = z.string().nullable();

export const orderSchema = z.object({
  orderId: z.string().min(1),
  merchantId: z.string(),
  kind: z.enum(['payment', 'refund']),
  mode: z.enum(['active', 'passive']).nullable(),
  wallet,
  amountCents: cents,
  tipCents: cents,
  status,
  scenario,
  createdAt: z.number(),
  paidAt: z.number().nullable(),
  refundedCents: cents,
  originalOrderId: text,
  callbackUrl: text,
  walletToken: text,
  codeUrl: text,
  walletTxnId: text,
  buyerLoginId: text,
  saleNum: text,
});

export const entrySchema = z.object({
  type: z.enum(['charge', 'refund']),
  orderId: z.string(),
  merchantId: z.string(),
  originalOrderId: text,
  wallet,
  amountCents: cents,
  at: z.number(),
});
