// What a receipt says, as data: built from a journaled payment (or refund) and the shop's settings,
// then laid out into printer lines by receipt-layout.ts. No bytes here: ESC/POS, plain text and the
// receipt page are three renderings of the same lines.
import type { Language } from '../language.ts';
import type { Currency } from '../money.ts';
import type { Wallet } from '../wallet.ts';

export type ReceiptCopy = 'customer' | 'merchant';

export interface ShopInfo {
  name: string;
  address: string;
  phone: string;
}

/** The CNY side of a payment: the rate the gateway used and, when it said so, what the payer was charged. */
export interface CnyFacts {
  /** CNY per one unit of the merchant's currency. */
  rate: number;
  /** The RMB charged to the wallet, in fen, when the gateway reported it; else computed from the rate. */
  payFen: number | null;
}

export interface SaleReceipt {
  kind: 'sale';
  orderId: string;
  wallet: Wallet;
  walletTxnId: string | null;
  currency: Currency;
  amountCents: number;
  tipCents: number;
  /** When it was paid (epoch ms). */
  at: number;
  cny: CnyFacts | null;
  /** Refunded so far (a reprint after a partial refund says so). */
  refundedCents: number;
  /** What the customer chose on a touch display (issue 21), if anything. */
  customerChoice?: { tipPercent: number | null; tipChosen: boolean; language: Language | null } | null;
}

export interface RefundReceipt {
  kind: 'refund';
  /** The refund's own order id. */
  orderId: string;
  originalOrderId: string;
  wallet: Wallet;
  walletTxnId: string | null;
  currency: Currency;
  /** The original payment's total. */
  originalTotalCents: number;
  refundedCents: number;
  /** What is left to refund on the original payment after this refund. */
  remainingCents: number;
  at: number;
}

export interface TestReceipt {
  kind: 'test';
  at: number;
}

export interface Receipt {
  body: SaleReceipt | RefundReceipt | TestReceipt;
  copy: ReceiptCopy;
  language: Language;
  shop: ShopInfo;
  operatorId: string;
  terminalNo: string;
  sandbox: boolean;
  reprint: boolean;
  /** IANA zone for the printed date; the machine's own when absent. */
  timeZone?: string;
}
