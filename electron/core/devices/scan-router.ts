// Where a scan goes (PAYMENT-SAFETY.md, scanner rules):
//   - while a passive payment waits for a code, scans go only to it: a wallet code is handed to the
//     payments engine's waiter (one code per wait), anything else is refused with a reason;
//   - a code used by any attempt in the journal is refused (the engine injects isCodeUsed, so this
//     module does not depend on the journal); if that check fails, the code is refused too;
//   - the same code twice within a few seconds counts once;
//   - a product barcode goes to the 'product' listeners, never to the gateway; a wallet code never
//     goes anywhere but a waiting payment — or, while none waits, the idle taker that starts one
//     (a serial scanner's code on the amount screen pays the amount keyed there; app/scan-wait.ts);
// It also keeps what the settings/diagnostics screen shows: a bounded live scan log (wallet codes
// masked: first 4, last 4), the per-key timing of the last keyboard-wedge scan, each source's status.
import type { ScanLogEntry, ScannerDiagnostics } from '../../../shared/contract.ts';
import type { ScannerStatus, Wallet } from '../../../shared/domain.ts';
import { orderIdFromReceiptCode } from '../../../shared/scanning/receipt-code.ts';
import { ScanDedupe } from '../../../shared/scanning/scan-dedupe.ts';
import type { ScanRefusal, ScanRefusedEvent } from '../../../shared/scanning/scan-refusal.ts';
import { type CodeClass, detectWallet, maskCode } from '../../../shared/scanning/wallet-codes.ts';
import { type Clock, systemClock } from '../clock.ts';
import { Emitter } from './emitter.ts';
import type { ScanSource } from './scan-source.ts';

export type ScanOrigin = 'serial' | 'wedge' | 'manual';

export interface WalletCodeScan {
  /** The normalised code, in full: for the gateway only, never for a log or a screen. */
  code: string;
  wallet: Wallet;
  /** 'operator' when the code's prefix is unknown and the waiter's wallet choice labelled it. */
  labelledBy: 'pattern' | 'operator';
  source: ScanOrigin;
  sourceId: string | null;
  at: number;
}

export interface ProductScan {
  code: string;
  symbology: string;
  source: ScanOrigin;
  sourceId: string | null;
  at: number;
}

export interface WalletCodeWaiter {
  /** The wallet the operator picked by hand, if any: codes with unknown prefixes are then accepted. */
  wallet?: Wallet | null;
  /** Called at most once per wait, with a code no journal attempt has used. */
  onCode(scan: WalletCodeScan): void;
  /** A scan arrived while waiting but was refused: tell the cashier why. The wait goes on. */
  onRefused?(message: string): void;
}

/** Who may take a wallet code while no payment waits (and so start one); asked per code. */
export interface IdleWalletTaker {
  /** Would a payment start for a wallet code from this source now? No: refused as "no payment waiting". */
  ready(source: ScanOrigin): boolean;
  /** After ready() said yes: a code no journal attempt has used. */
  onCode(scan: WalletCodeScan): void;
}

export type RouteResult =
  | { outcome: 'payment'; scan: WalletCodeScan }
  | { outcome: 'product'; scan: ProductScan }
  | { outcome: 'duplicate'; reason: 'duplicate'; message: string }
  | { outcome: 'refused'; reason: ScanRefusal; message: string; orderId?: string };

export interface ScanRouterOptions {
  clock?: Clock;
  /** From the payments engine: has any journaled attempt used this code? */
  isCodeUsed?: (code: string) => boolean;
  dedupeWindowMs?: number;
  /** Live scan log entries kept. */
  logLimit?: number;
}

interface RouterEvents extends Record<string, unknown> {
  product: ProductScan;
  log: ScanLogEntry;
  status: ScannerStatus[];
  refused: ScanRefusedEvent;
}

const MSG = {
  used: 'this payment code was already used — ask the customer to refresh the code in their wallet app',
  checkFailed: 'could not check this code against the journal — not sent; try again',
  noWait: 'a wallet payment code, but no payment is waiting for one — start "scan customer code" first',
  productWhilePaying: "a product barcode, not a payment code — scan the code on the customer's phone",
  delivered: 'sent to the waiting payment',
};

export class ScanRouter {
  readonly #clock: Clock;
  #isCodeUsed: (code: string) => boolean;
  readonly #dedupe: ScanDedupe;
  readonly #logLimit: number;
  readonly #log: ScanLogEntry[] = [];
  readonly #events = new Emitter<RouterEvents>();
  readonly #statuses = new Map<string, ScannerStatus>();
  #waiter: WalletCodeWaiter | null = null;
  #idleTaker: IdleWalletTaker | null = null;
  #lastTimings: number[] = [];

  constructor(options: ScanRouterOptions = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#isCodeUsed = options.isCodeUsed ?? (() => false);
    const clock = this.#clock;
    this.#dedupe = new ScanDedupe({
      now: () => clock.now(),
      ...(options.dedupeWindowMs === undefined ? {} : { windowMs: options.dedupeWindowMs }),
    });
    this.#logLimit = options.logLimit ?? 200;
  }

  /** The payments engine plugs in its journal check (it may be built after the router). */
  setCodeUsedCheck(isCodeUsed: (code: string) => boolean): void {
    this.#isCodeUsed = isCodeUsed;
  }

  /** Routes this source's scans and tracks its status; returns the detach function. */
  attach(source: ScanSource): () => void {
    this.#setStatus(source.status());
    const offs = [
      source.on('scan', (s) => {
        const r = this.route(s.raw, s.source, { sourceId: s.sourceId, timings: s.timings, at: s.at });
        // A code typed or submitted by a page gets its refusal as the command's answer; a scanner's
        // scan has no caller, so its refusal is announced.
        if (r.outcome === 'refused') {
          const error = {
            code: 'CONFLICT' as const,
            message: r.message,
            retryable: false,
            reason: r.reason,
            // A receipt's QR names the order to open (the history screen does).
            ...(r.orderId ? { params: { orderId: r.orderId } } : {}),
          };
          this.#events.emit('refused', { error, source: s.source, at: s.at });
        }
      }),
      source.on('status', (status) => this.#setStatus(status)),
      source.on('problem', (p) => {
        this.#append({
          at: p.at,
          source: p.source,
          shown: '(discarded)',
          kind: 'rejected',
          wallet: null,
          note: p.message,
        });
      }),
    ];
    return () => {
      for (const off of offs) off();
      this.#statuses.delete(source.id);
      this.#events.emit('status', this.statuses());
    };
  }

  /**
   * A passive payment waits for a wallet code: until the returned cancel function is called or one
   * code is delivered, every scan goes to this waiter only. A new wait replaces an older one.
   */
  waitForWalletCode(waiter: WalletCodeWaiter): () => void {
    this.#waiter = waiter;
    return () => {
      if (this.#waiter === waiter) this.#waiter = null;
    };
  }

  /** Wallet codes that arrive while no payment waits go to this taker when it is ready (null: none). */
  takeIdleWalletCodes(taker: IdleWalletTaker | null): () => void {
    this.#idleTaker = taker;
    return () => {
      if (this.#idleTaker === taker) this.#idleTaker = null;
    };
  }

  get waiting(): boolean {
    return this.#waiter !== null;
  }

  onProduct(listener: (scan: ProductScan) => void): () => void {
    return this.#events.on('product', listener);
  }

  onLog(listener: (entry: ScanLogEntry) => void): () => void {
    return this.#events.on('log', listener);
  }

  onStatus(listener: (statuses: ScannerStatus[]) => void): () => void {
    return this.#events.on('status', listener);
  }

  /** Scans from attached scanners that were refused (route() callers get the refusal as the result). */
  onRefused(listener: (event: ScanRefusedEvent) => void): () => void {
    return this.#events.on('refused', listener);
  }

  /** One scan (or a code typed by hand) through the rules; also logged. */
  route(
    raw: string,
    source: ScanOrigin,
    meta: { sourceId?: string | null; timings?: number[] | null; at?: number } = {},
  ): RouteResult {
    const at = meta.at ?? this.#clock.now();
    const sourceId = meta.sourceId ?? null;
    if (meta.timings) this.#lastTimings = [...meta.timings];
    const waiter = this.#waiter;
    const cls = detectWallet(raw, { wallet: waiter?.wallet ?? null });
    const shown = shownText(cls);
    const entry = (note: string | null, outcome?: ScanLogEntry['outcome']): ScanLogEntry => ({
      at,
      source,
      shown,
      kind: cls.kind,
      wallet: cls.kind === 'wallet' ? cls.wallet : null,
      note,
      ...(outcome ? { outcome } : {}),
    });

    // Only codes that were delivered count for "twice within a few seconds": a code refused because
    // no payment was waiting yet must work when scanned again right after the cashier starts one.
    const key = cls.kind === 'rejected' ? null : cls.code;
    if (key !== null && this.#dedupe.isDuplicate(key, at)) {
      this.#dedupe.remember(key, at);
      const message = `same code again within ${Math.round(this.#dedupe.windowMs / 1000)} s — counted once`;
      this.#append(entry(message, 'duplicate'));
      return { outcome: 'duplicate', reason: 'duplicate', message };
    }

    if (cls.kind === 'rejected') {
      this.#append(entry(cls.reason, cls.reasonCode));
      waiter?.onRefused?.(cls.reason);
      const orderId = cls.reasonCode === 'receipt' && cls.code ? orderIdFromReceiptCode(cls.code) : null;
      return {
        outcome: 'refused',
        reason: cls.reasonCode,
        message: cls.reason,
        ...(orderId ? { orderId } : {}),
      };
    }

    if (cls.kind === 'product') {
      if (waiter) {
        this.#append(entry(MSG.productWhilePaying, 'product'));
        waiter.onRefused?.(MSG.productWhilePaying);
        return { outcome: 'refused', reason: 'product', message: MSG.productWhilePaying };
      }
      const scan: ProductScan = { code: cls.code, symbology: cls.symbology, source, sourceId, at };
      this.#dedupe.remember(cls.code, at);
      this.#append(entry(null));
      this.#events.emit('product', scan);
      return { outcome: 'product', scan };
    }

    const idle = waiter ? null : this.#idleTaker?.ready(source) ? this.#idleTaker : null;
    if (!waiter && !idle) {
      this.#append(entry(MSG.noWait, 'no-payment-waiting'));
      return { outcome: 'refused', reason: 'no-payment-waiting', message: MSG.noWait };
    }
    let used: boolean;
    try {
      used = this.#isCodeUsed(cls.code);
    } catch {
      this.#append(entry(MSG.checkFailed, 'check-failed'));
      waiter?.onRefused?.(MSG.checkFailed);
      return { outcome: 'refused', reason: 'check-failed', message: MSG.checkFailed };
    }
    if (used) {
      this.#append(entry(MSG.used, 'used'));
      waiter?.onRefused?.(MSG.used);
      return { outcome: 'refused', reason: 'used', message: MSG.used };
    }
    const scan: WalletCodeScan = {
      code: cls.code,
      wallet: cls.wallet,
      labelledBy: cls.labelledBy,
      source,
      sourceId,
      at,
    };
    this.#waiter = null; // one code per wait: a second scan cannot start a second attempt
    this.#dedupe.remember(cls.code, at);
    this.#append(entry(MSG.delivered, 'delivered'));
    (waiter ?? idle)?.onCode(scan);
    return { outcome: 'payment', scan };
  }

  /** An entry made elsewhere (a page-side detector, a hand-typed code already routed). */
  record(entry: ScanLogEntry): void {
    this.#append({ ...entry });
  }

  log(): ScanLogEntry[] {
    return this.#log.map((e) => ({ ...e }));
  }

  statuses(): ScannerStatus[] {
    return [...this.#statuses.values()].map((s) => ({ ...s }));
  }

  lastScanTimings(): number[] {
    return [...this.#lastTimings];
  }

  diagnostics(): ScannerDiagnostics {
    return { statuses: this.statuses(), log: this.log(), lastScanTimings: this.lastScanTimings() };
  }

  #setStatus(status: ScannerStatus): void {
    this.#statuses.set(status.id, { ...status });
    this.#events.emit('status', this.statuses());
  }

  #append(entry: ScanLogEntry): void {
    this.#log.push(entry);
    if (this.#log.length > this.#logLimit) this.#log.splice(0, this.#log.length - this.#logLimit);
    this.#events.emit('log', { ...entry });
  }
}

/** What a log line may show: wallet codes masked, products as scanned, anything long masked too. */
function shownText(cls: CodeClass): string {
  switch (cls.kind) {
    case 'wallet':
      return maskCode(cls.code);
    case 'product':
      return cls.code;
    case 'rejected':
      if (cls.code === null) return '(unreadable)';
      return cls.code.length > 8 ? maskCode(cls.code) : cls.code;
  }
}
