// The simulator's moving parts behind every door (processV2, the wallet page, the control API): the
// books, per-order timers on the injected clock, call-backs after payment, fault switches and events.
import { randomBytes } from 'node:crypto';
import type { Clock, TimerHandle } from '../clock.ts';
import type { CallbackDelivery, CallbackSender } from './callbacks.ts';
import type { SimBook, SimOrder } from './ledger.ts';

export interface SimTimings {
  /** 91/92: PROCESSING resolves after this. */
  processingMs: number;
  /** 98: the order closes after this. */
  closeMs: number;
  /** An active order nobody pays is closed after this. */
  activeTtlMs: number;
  /** 95: how long a request is held before its socket is dropped. */
  holdMs: number;
}

export const DEFAULT_TIMINGS: SimTimings = {
  processingMs: 3_000,
  closeMs: 10_000,
  activeTtlMs: 5 * 60_000,
  holdMs: 120_000,
};

/**
 * long_code_url: ACTIVEPAY creates the order as usual but answers a code_url no QR code can hold.
 * lost_answer: the request is carried out (a refund is booked), then its answer is lost on the way back.
 */
export type FaultMode =
  | 'http500'
  | 'drop'
  | 'hang'
  | 'bad_md5'
  | 'rsp_code'
  | 'oversized'
  | 'long_code_url'
  | 'lost_answer';

/** A one-shot fault for the next matching processV2 request. */
export interface FaultSpec {
  mode: FaultMode;
  /** Only requests of this action (default: any). */
  action?: string;
  /** For mode 'rsp_code'. */
  rspCode?: string;
  /** How many requests it hits (default 1). */
  count?: number;
}

export interface SimFaults {
  /** Every call-back is delivered twice. */
  duplicateCallbacks: boolean;
  /** A forged call-back (md5 that does not verify) goes out before each genuine one. */
  forgedCallbacks: boolean;
  /** Pending one-shot faults, in order. */
  next: FaultSpec[];
}

export type SimEvent =
  | {
      type: 'request';
      action: string;
      merchantId: string | null;
      orderId: string | null;
      rspCode: string;
      http: number;
    }
  | { type: 'order'; orderId: string; status: string }
  | { type: 'held'; orderId: string | null }
  | { type: 'callback'; delivery: CallbackDelivery };

export interface SimOrderView {
  orderId: string;
  merchantId: string;
  kind: 'payment' | 'refund';
  mode: 'active' | 'passive' | null;
  wallet: string | null;
  amountCents: number;
  tipCents: number;
  status: string;
  scenario: string | null;
  refundedCents: number;
  originalOrderId: string | null;
  codeUrl: string | null;
  walletPageUrl: string | null;
  walletTxnId: string | null;
  createdAt: number;
  paidAt: number | null;
}

export interface SimEngineOptions {
  book: SimBook;
  clock: Clock;
  signKeys: ReadonlyMap<string, string>;
  callbacks: CallbackSender;
  timings: SimTimings;
  /** Base URL of the wallet pages (the simulator's LAN-reachable address). */
  publicBaseUrl: () => string;
  log: (line: string) => void;
}

export class SimEngine {
  readonly book: SimBook;
  readonly clock: Clock;
  readonly signKeys: ReadonlyMap<string, string>;
  readonly timings: SimTimings;
  readonly log: (line: string) => void;
  faults: SimFaults = { duplicateCallbacks: false, forgedCallbacks: false, next: [] };
  readonly #callbacks: CallbackSender;
  readonly #publicBaseUrl: () => string;
  readonly #timers = new Map<string, Set<TimerHandle>>();
  readonly #general = new Set<TimerHandle>();
  readonly #listeners = new Set<(event: SimEvent) => void>();
  #orderSeq = 0;

  constructor(options: SimEngineOptions) {
    this.book = options.book;
    this.clock = options.clock;
    this.signKeys = options.signKeys;
    this.timings = options.timings;
    this.log = options.log;
    this.#callbacks = options.callbacks;
    this.#publicBaseUrl = options.publicBaseUrl;
  }

  subscribe(listener: (event: SimEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: SimEvent): void {
    for (const listener of [...this.#listeners]) listener(event);
  }

  newOrderId(): string {
    this.#orderSeq += 1;
    return `SIM${this.clock.now()}${String(this.#orderSeq).padStart(4, '0')}`;
  }

  newToken(): string {
    return randomBytes(12).toString('hex');
  }

  walletPageUrl(token: string): string {
    return `${this.#publicBaseUrl()}/wallet/${token}`;
  }

  /** Runs `fn` after `ms` on the clock, unless the order's timers are cleared first. */
  schedule(order: SimOrder, ms: number, fn: () => void): void {
    const orderId = order.orderId;
    let set = this.#timers.get(orderId);
    if (!set) {
      set = new Set<TimerHandle>();
      this.#timers.set(orderId, set);
    }
    const timers = set;
    this.#track(timers, ms, () => {
      // The order's last timer fired: its entry goes too, or a long soak keeps one empty set per order.
      if (timers.size === 0 && this.#timers.get(orderId) === timers) this.#timers.delete(orderId);
      fn();
    });
  }

  /** How many orders have a timer pending: what a soak watches to see that nothing piles up. */
  get ordersWithTimers(): number {
    return this.#timers.size;
  }

  /** A timer tied to no order (a held request), cleared on close. */
  later(ms: number, fn: () => void): TimerHandle {
    return this.#track(this.#general, ms, fn);
  }

  cancelLater(handle: TimerHandle): void {
    this.clock.clearTimeout(handle);
    this.#general.delete(handle);
  }

  /** The customer paid: ledger, call-back for active orders, event. */
  pay(order: SimOrder): boolean {
    if (!this.book.markPaid(order, this.clock.now())) return false;
    this.#clearTimers(order);
    this.log(`order ${order.orderId} paid (${order.amountCents + order.tipCents} cents)`);
    this.emit({ type: 'order', orderId: order.orderId, status: order.status });
    const signKey = this.signKeys.get(order.merchantId);
    if (order.mode === 'active' && order.callbackUrl && signKey) {
      this.#callbacks.send(order, signKey, {
        duplicate: this.faults.duplicateCallbacks,
        forged: this.faults.forgedCallbacks,
      });
    }
    return true;
  }

  /** The order ends unpaid: declined, cancelled by the customer, or closed. */
  unpay(order: SimOrder, status: 'failure' | 'orderclosed'): boolean {
    if (!this.book.markUnpaid(order, status)) return false;
    this.#clearTimers(order);
    this.log(`order ${order.orderId} ${status}`);
    this.emit({ type: 'order', orderId: order.orderId, status: order.status });
    return true;
  }

  /** The customer opened the wallet page. */
  seen(order: SimOrder): void {
    const before = order.status;
    this.book.markSeen(order);
    if (order.status !== before) this.emit({ type: 'order', orderId: order.orderId, status: order.status });
  }

  /** Takes the next one-shot fault that applies to `action`, if any. */
  takeFault(action: string): FaultSpec | undefined {
    const index = this.faults.next.findIndex((f) => !f.action || f.action === action);
    if (index < 0) return undefined;
    const fault = this.faults.next[index];
    if (!fault) return undefined;
    const left = (fault.count ?? 1) - 1;
    if (left > 0) this.faults.next[index] = { ...fault, count: left };
    else this.faults.next.splice(index, 1);
    return fault;
  }

  view(order: SimOrder): SimOrderView {
    return {
      orderId: order.orderId,
      merchantId: order.merchantId,
      kind: order.kind,
      mode: order.mode,
      wallet: order.wallet,
      amountCents: order.amountCents,
      tipCents: order.tipCents,
      status: order.status,
      scenario: order.scenario,
      refundedCents: order.refundedCents,
      originalOrderId: order.originalOrderId,
      codeUrl: order.codeUrl,
      walletPageUrl: order.walletToken ? this.walletPageUrl(order.walletToken) : null,
      walletTxnId: order.walletTxnId,
      createdAt: order.createdAt,
      paidAt: order.paidAt,
    };
  }

  close(): void {
    for (const set of [...this.#timers.values(), this.#general]) {
      for (const handle of set) this.clock.clearTimeout(handle);
    }
    this.#timers.clear();
    this.#general.clear();
    this.#listeners.clear();
  }

  #track(set: Set<TimerHandle>, ms: number, fn: () => void): TimerHandle {
    const handle = this.clock.setTimeout(() => {
      set.delete(handle);
      fn();
    }, ms);
    set.add(handle);
    return handle;
  }

  #clearTimers(order: SimOrder): void {
    const set = this.#timers.get(order.orderId);
    if (!set) return;
    for (const handle of set) this.clock.clearTimeout(handle);
    this.#timers.delete(order.orderId);
  }
}
