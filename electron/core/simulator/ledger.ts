// The simulator's books: every order it accepted and the ledger of money that actually moved (charges
// and refunds). Plain state with forward-only transitions; no HTTP and no timers here.
import type { Wallet } from '../../../shared/domain.ts';
import type { OrderStatus } from '../gateway/types.ts';
import type { Scenario } from './scenarios.ts';

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

const PAYABLE: ReadonlySet<OrderStatus> = new Set(['init', 'notpay']);
/** Paid, whether or not refunded since: such an order id cannot be paid again, only refunded. */
export const PAID_STATES: ReadonlySet<string> = new Set(['success', 'partial_refunded', 'fully_refunded']);

/** Everything the book holds, as plain data (the sandbox keeps it in the till's data folder). */
export interface BookState {
  orders: SimOrder[];
  ledger: LedgerEntry[];
  txnSeq: number;
}

export class SimBook {
  readonly #orders = new Map<string, SimOrder>();
  readonly #byToken = new Map<string, SimOrder>();
  readonly #ledger: LedgerEntry[] = [];
  #txnSeq = 0;
  readonly #onChange: (order?: SimOrder) => void;

  /**
   * `onChange` runs after every change, with the order changed (orders are also edited in place by
   * their creator, in the same tick).
   */
  constructor(options: { state?: BookState; onChange?: (order?: SimOrder) => void } = {}) {
    this.#onChange = options.onChange ?? (() => {});
    for (const order of options.state?.orders ?? []) {
      this.#orders.set(order.orderId, order);
      if (order.walletToken) this.#byToken.set(order.walletToken, order);
    }
    this.#ledger.push(...(options.state?.ledger ?? []));
    this.#txnSeq = options.state?.txnSeq ?? 0;
  }

  state(): BookState {
    return {
      orders: this.all().map((o) => ({ ...o })),
      ledger: this.#ledger.map((e) => ({ ...e })),
      txnSeq: this.#txnSeq,
    };
  }

  /** Ledger entries from `index` on (what a saver has not written yet). */
  ledgerFrom(index: number): LedgerEntry[] {
    return this.#ledger.slice(index).map((e) => ({ ...e }));
  }

  get ledgerLength(): number {
    return this.#ledger.length;
  }

  get txnSeq(): number {
    return this.#txnSeq;
  }

  /** Order ids are unique across merchants (a reuse by anyone is ORDER_USED). */
  get(orderId: string): SimOrder | undefined {
    return this.#orders.get(orderId);
  }

  /** The order as its merchant may see it: another merchant's order does not exist for you. */
  getFor(merchantId: string, orderId: string): SimOrder | undefined {
    const order = this.#orders.get(orderId);
    return order && order.merchantId === merchantId ? order : undefined;
  }

  byToken(token: string): SimOrder | undefined {
    return this.#byToken.get(token);
  }

  all(): SimOrder[] {
    return [...this.#orders.values()];
  }

  add(order: SimOrder): SimOrder {
    if (this.#orders.has(order.orderId)) throw new Error(`order ${order.orderId} exists`);
    this.#orders.set(order.orderId, order);
    if (order.walletToken) this.#byToken.set(order.walletToken, order);
    this.#onChange(order);
    return order;
  }

  isPayable(order: SimOrder): boolean {
    return order.kind === 'payment' && PAYABLE.has(order.status);
  }

  /** init/notpay → success, with a charge in the ledger. False if the order is no longer payable. */
  markPaid(order: SimOrder, at: number): boolean {
    if (!this.isPayable(order)) return false;
    order.status = 'success';
    order.paidAt = at;
    this.#txnSeq += 1;
    order.walletTxnId = `42000${String(at).slice(-8)}${String(this.#txnSeq).padStart(6, '0')}`;
    order.buyerLoginId = order.wallet === 'ALIPAY' ? 'sim***@example.com' : 'oSIM_buyer_000001';
    this.#ledger.push({
      type: 'charge',
      orderId: order.orderId,
      merchantId: order.merchantId,
      originalOrderId: null,
      wallet: order.wallet,
      amountCents: order.amountCents + order.tipCents,
      at,
    });
    this.#onChange(order);
    return true;
  }

  /** init/notpay → failure or orderclosed. False if the order is no longer open. */
  markUnpaid(order: SimOrder, status: 'failure' | 'orderclosed'): boolean {
    if (!this.isPayable(order)) return false;
    order.status = status;
    this.#onChange(order);
    return true;
  }

  /** customer opened the wallet page: init → notpay ("customer confirming"). */
  markSeen(order: SimOrder): void {
    if (order.status !== 'init') return;
    order.status = 'notpay';
    this.#onChange(order);
  }

  refundable(order: SimOrder): number {
    return order.amountCents + order.tipCents - order.refundedCents;
  }

  /** Records a refund (checked by the caller) and moves the original to partial/fully refunded. */
  refund(original: SimOrder, refund: SimOrder, at: number): void {
    original.refundedCents += refund.amountCents;
    original.status = this.refundable(original) === 0 ? 'fully_refunded' : 'partial_refunded';
    this.add(refund);
    this.#ledger.push({
      type: 'refund',
      orderId: refund.orderId,
      merchantId: refund.merchantId,
      originalOrderId: original.orderId,
      wallet: original.wallet,
      amountCents: refund.amountCents,
      at,
    });
    this.#onChange(original);
  }

  ledger(): LedgerSummary {
    const entries = this.#ledger.map((e) => ({ ...e }));
    const chargedCents = entries
      .filter((e) => e.type === 'charge')
      .reduce((sum, e) => sum + e.amountCents, 0);
    const refundedCents = entries
      .filter((e) => e.type === 'refund')
      .reduce((sum, e) => sum + e.amountCents, 0);
    return { entries, chargedCents, refundedCents, netCents: chargedCents - refundedCents };
  }
}
