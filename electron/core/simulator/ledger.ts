// The simulator's books: every order it accepted and the ledger of money that actually moved (charges
// and refunds). Forward-only transitions; no HTTP and no timers here. The books live in SQLite
// (book-store.ts: a file in the till's data folder, or in memory); in memory stay only the orders still
// payable and the last few hundred touched, so the simulator's memory stays flat however many sales it
// has taken. Orders are edited in place (by their creator in the same tick, by the engine's timers
// later): each change is written through at the end of its tick, in one transaction, and an order is
// never two objects at once (one still held anywhere is the one handed out again).
import type { OrderStatus } from '../gateway/types.ts';
import type { LedgerEntry, LedgerSummary, SimOrder } from './book-records.ts';
import { BookStore } from './book-store.ts';

export type { BookState, LedgerEntry, LedgerSummary, SimOrder } from './book-records.ts';

const PAYABLE: ReadonlySet<OrderStatus> = new Set(['init', 'notpay']);
/** Paid, whether or not refunded since: such an order id cannot be paid again, only refunded. */
export const PAID_STATES: ReadonlySet<string> = new Set(['success', 'partial_refunded', 'fully_refunded']);

/** Orders kept in memory besides the payable ones: the last ones touched. */
export const DEFAULT_CACHED_ORDERS = 500;

export interface SimBookOptions {
  /** Where the books are kept; default: a new in-memory SQLite database. */
  store?: BookStore;
  /** How many orders that are no longer payable stay in memory (the last touched). */
  cacheSize?: number;
  /** A write of the books failed: what it held stays in memory and is tried again with the next change. */
  onWriteError?: (err: unknown) => void;
}

export class SimBook {
  readonly #store: BookStore;
  readonly #cacheSize: number;
  readonly #onWriteError: (err: unknown) => void;
  /** Still payable: kept whatever their number (timers hold them; they end within minutes). */
  readonly #open = new Map<string, SimOrder>();
  /** The others last touched, oldest first. */
  readonly #recent = new Map<string, SimOrder>();
  readonly #tokens = new Map<string, string>();
  /** Every order object handed out that is still alive somewhere, so it is the one handed out again. */
  readonly #live = new Map<string, WeakRef<SimOrder>>();
  readonly #collected = new FinalizationRegistry<string>((orderId) => {
    if (this.#live.get(orderId)?.deref() === undefined) this.#live.delete(orderId);
  });
  readonly #dirty = new Set<SimOrder>();
  #unwritten: LedgerEntry[] = [];
  #txnSeq: number;
  #writtenTxnSeq: number;
  #writeQueued = false;
  #closed = false;

  constructor(options: SimBookOptions = {}) {
    this.#store = options.store ?? new BookStore(':memory:');
    this.#cacheSize = options.cacheSize ?? DEFAULT_CACHED_ORDERS;
    this.#onWriteError = options.onWriteError ?? (() => {});
    this.#txnSeq = this.#store.txnSeq;
    this.#writtenTxnSeq = this.#txnSeq;
  }

  get txnSeq(): number {
    return this.#txnSeq;
  }

  /** How many orders are held in memory (what a soak or a test watches to see it bounded). */
  get cachedOrders(): number {
    return this.#open.size + this.#recent.size;
  }

  /** Order ids are unique across merchants (a reuse by anyone is ORDER_USED). */
  get(orderId: string): SimOrder | undefined {
    const held = this.#open.get(orderId) ?? this.#recent.get(orderId) ?? this.#live.get(orderId)?.deref();
    if (held) {
      this.#remember(held);
      return held;
    }
    const stored = this.#store.order(orderId);
    if (stored) this.#remember(stored);
    return stored;
  }

  /** The order as its merchant may see it: another merchant's order does not exist for you. */
  getFor(merchantId: string, orderId: string): SimOrder | undefined {
    const order = this.get(orderId);
    return order && order.merchantId === merchantId ? order : undefined;
  }

  byToken(token: string): SimOrder | undefined {
    const orderId = this.#tokens.get(token) ?? this.#store.orderIdByToken(token);
    return orderId === undefined ? undefined : this.get(orderId);
  }

  /** Every order, oldest first (read from the file: for the control API and tests, not the sale path). */
  all(): SimOrder[] {
    this.flush();
    return this.#store.orders().map((stored) => {
      const held = this.#live.get(stored.orderId)?.deref();
      if (held) return held;
      this.#track(stored);
      return stored;
    });
  }

  add(order: SimOrder): SimOrder {
    if (this.get(order.orderId)) throw new Error(`order ${order.orderId} exists`);
    this.#changed(order);
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
    this.#unwritten.push({
      type: 'charge',
      orderId: order.orderId,
      merchantId: order.merchantId,
      originalOrderId: null,
      wallet: order.wallet,
      amountCents: order.amountCents + order.tipCents,
      at,
    });
    this.#changed(order);
    return true;
  }

  /** init/notpay → failure or orderclosed. False if the order is no longer open. */
  markUnpaid(order: SimOrder, status: 'failure' | 'orderclosed'): boolean {
    if (!this.isPayable(order)) return false;
    order.status = status;
    this.#changed(order);
    return true;
  }

  /** customer opened the wallet page: init → notpay ("customer confirming"). */
  markSeen(order: SimOrder): void {
    if (order.status !== 'init') return;
    order.status = 'notpay';
    this.#changed(order);
  }

  refundable(order: SimOrder): number {
    return order.amountCents + order.tipCents - order.refundedCents;
  }

  /** Records a refund (checked by the caller) and moves the original to partial/fully refunded. */
  refund(original: SimOrder, refund: SimOrder, at: number): void {
    original.refundedCents += refund.amountCents;
    original.status = this.refundable(original) === 0 ? 'fully_refunded' : 'partial_refunded';
    this.add(refund);
    this.#unwritten.push({
      type: 'refund',
      orderId: refund.orderId,
      merchantId: refund.merchantId,
      originalOrderId: original.orderId,
      wallet: original.wallet,
      amountCents: refund.amountCents,
      at,
    });
    this.#changed(original);
  }

  /** What money moved, from the file (totals summed there). */
  ledger(): LedgerSummary {
    this.flush();
    return this.#store.ledger();
  }

  /** Writes now whatever this tick changed (it is written at the tick's end anyway). */
  flush(): void {
    this.#writeQueued = false;
    if (this.#closed) return;
    if (this.#dirty.size === 0 && this.#unwritten.length === 0 && this.#txnSeq === this.#writtenTxnSeq)
      return;
    // Orders are written as they are now: edits made after the change that queued this are in too.
    try {
      this.#store.write({ orders: [...this.#dirty], ledger: this.#unwritten, txnSeq: this.#txnSeq });
    } catch (err) {
      this.#onWriteError(err);
      return;
    }
    this.#dirty.clear();
    this.#unwritten = [];
    this.#writtenTxnSeq = this.#txnSeq;
    this.#evict();
  }

  /** Writes what is left and closes the file; later changes are not written. */
  close(): void {
    if (this.#closed) return;
    this.flush();
    this.#closed = true;
    this.#store.close();
  }

  #changed(order: SimOrder): void {
    this.#remember(order);
    this.#dirty.add(order);
    if (this.#writeQueued) return;
    this.#writeQueued = true;
    // Orders are completed in place right after they are added: write once the tick is over.
    queueMicrotask(() => this.flush());
  }

  /** Holds the order in memory as the last touched (or as open, while payable). */
  #remember(order: SimOrder): void {
    const id = order.orderId;
    this.#track(order);
    if (order.walletToken) this.#tokens.set(order.walletToken, id);
    this.#recent.delete(id);
    if (this.isPayable(order)) {
      this.#open.set(id, order);
      return;
    }
    this.#open.delete(id);
    this.#recent.set(id, order);
    this.#evict();
  }

  #track(order: SimOrder): void {
    if (this.#live.get(order.orderId)?.deref() === order) return;
    this.#live.set(order.orderId, new WeakRef(order));
    this.#collected.register(order, order.orderId);
  }

  /** Lets go of the orders touched longest ago, beyond the cache's size (never one not yet written). */
  #evict(): void {
    let excess = this.#recent.size - this.#cacheSize;
    if (excess <= 0) return;
    for (const [id, order] of this.#recent) {
      if (excess <= 0) break;
      if (this.#dirty.has(order)) continue;
      this.#recent.delete(id);
      if (order.walletToken && this.#tokens.get(order.walletToken) === id)
        this.#tokens.delete(order.walletToken);
      excess -= 1;
    }
  }
}
