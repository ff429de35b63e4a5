// The payments engine: the one place that starts, tracks and settles wallet payments and refunds,
// on top of the journal (better-sqlite3) and the GatewayClient interface. Plain Node (no 'electron').
// PAYMENT-SAFETY.md is the specification; the supervisor PIN is checked by the caller (the app facade).
import type { DailyReport, ReconcileReport } from '../../../shared/contract.ts';
import type { AttemptView, GatewayHealth, RefundView, SaleView, Wallet } from '../../../shared/domain.ts';
import type { Currency } from '../../../shared/money.ts';
import { isLiveAttemptState } from '../../../shared/payments/attempt-machine.ts';
import { createOrderIdGenerator } from '../../../shared/payments/order-id.ts';
import { AppError } from '../../../shared/result.ts';
import { type Clock, systemClock } from '../clock.ts';
import type { GatewayClient } from '../gateway/types.ts';
import type { Journal } from '../journal/journal.ts';
import type { RejectionCounter, RejectionSample } from '../journal/rejections-repo.ts';
import type { AttemptRow, EventRow, RefundRow } from '../journal/rows.ts';
import { createCallbackEvidence } from './callback-evidence.ts';
import { type CallbackAnswer, type CallbackVerifier, createCallbackIntake } from './callbacks.ts';
import type { PaymentsChange, PaymentsListener } from './changes.ts';
import { exportCsv } from './csv.ts';
import { currentSaleView, type EngineState, emitSale, getAttempt, watchKey } from './engine-state.ts';
import { type FaultHook, noFault } from './fault-points.ts';
import { createHealthTracker } from './gateway-health.ts';
import { probeGateway } from './gateway-reach.ts';
import { applyAttempt, flagAttempt } from './journaled-changes.ts';
import { dayRange } from './local-day.ts';
import { REASONS } from './outcomes.ts';
import { markFailed, markPaid } from './overrides.ts';
import { reconcile, reconcileOrders } from './reconcile.ts';
import { type RecoveryReport, recover } from './recovery.ts';
import { createRefund, listRefunds } from './refunds.ts';
import { checkedDayRange, dailyReport } from './reports.ts';
import { beginPassive, type JournalWith, payActive, submitPassiveCode } from './sale-flows.ts';
import { type PaymentsTiming, resolveSettings } from './settings.ts';
import { queryAttempt } from './status-queries.ts';
import { attemptView } from './views.ts';
import { hashWalletCode, normaliseCode, walletByPick, walletOf } from './wallet-code.ts';
import { createWatcher } from './watcher.ts';
import { watchAttempt } from './watches.ts';

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

export interface SearchQuery {
  text?: string | undefined;
  /** Local days, YYYY-MM-DD, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  wallet?: Wallet | undefined;
  amountCents?: number | undefined;
  cashierId?: string | undefined;
  shiftId?: number | undefined;
  limit?: number | undefined;
}

export type PaymentsEngine = ReturnType<typeof createPaymentsEngine>;

export function createPaymentsEngine(options: PaymentsEngineOptions) {
  const clock = options.clock ?? systemClock;
  const s = resolveSettings(options);
  const journal = options.journal;
  const listeners = new Set<PaymentsListener>();
  const inFlight = new Set<Promise<unknown>>();
  const onError = options.onError ?? (() => {});
  let closed = false;

  const emit = (change: PaymentsChange) => {
    for (const l of [...listeners]) {
      try {
        l(change);
      } catch (err) {
        onError('listener', err);
      }
    }
  };
  const open = journal.sales.newestOpen(s.terminalNo);
  const core: EngineState = {
    journal,
    codeHashKey: options.codeHashKey,
    gateway: options.gateway,
    clock,
    s,
    fault: options.faultPoint ?? noFault,
    ids: createOrderIdGenerator({
      terminalNo: s.terminalNo,
      now: () => clock.now(),
      random: options.random ?? Math.random,
      after: journal.newestIssuedId(),
    }),
    health: createHealthTracker(clock, (health) => emit({ kind: 'gateway', health })),
    watcher: createWatcher(clock, (key, err) => onError(`watch ${key}`, err)),
    isGatewayUp: options.isGatewayUp,
    current: open ? { saleId: open.saleId, waitingForCode: false } : null,
    operatorId: () => options.cashierOperatorId?.() || s.operatorId,
    emit,
    track<T>(p: Promise<T>): Promise<T> {
      inFlight.add(p);
      p.then(
        () => inFlight.delete(p),
        () => inFlight.delete(p),
      );
      return p;
    },
  };
  const detectWallet = options.detectWallet ?? walletOf;
  const evidence = createCallbackEvidence({
    journal,
    clock,
    log: options.onNotice,
    ...(options.evidenceFlushMs === undefined ? {} : { flushMs: options.evidenceFlushMs }),
    onError: (err) => onError('call-back evidence', err),
  });
  const callbacks = createCallbackIntake(core, options.verifyCallback, evidence);
  const notClosed = () => {
    if (closed) throw new AppError('INTERNAL', 'The payments engine is closed');
  };

  function closeCurrentSale(cause: 'cancelled' | 'new sale' | 'set aside'): void {
    if (!core.current) return;
    const sale = journal.sales.get(core.current.saleId);
    const now = clock.now();
    if (sale && sale.closedAt === null) {
      journal.write(() => {
        journal.sales.update({ ...sale, closedAt: now, updatedAt: now });
        journal.events.append({
          at: now,
          entity: 'sale',
          entityId: sale.saleId,
          type: 'sale.closed',
          cause: 'command',
          detail: { why: cause },
        });
      });
    }
    core.current = null;
    emitSale(core);
  }

  /** See cancel(): a live attempt goes to "cancelling" and stays watched; an idle sale is dropped. */
  function cancelCurrent(): SaleView | null {
    if (!core.current) return null;
    const attempts = journal.attempts.forSale(core.current.saleId);
    const live = attempts.find((a) => isLiveAttemptState(a.state));
    if (live) {
      core.current.waitingForCode = false;
      if (live.state !== 'cancelling') {
        applyAttempt(core, live.attemptId, {
          event: 'CANCEL',
          cause: 'command',
          reason: REASONS.cancelled,
          patch: { cancelCause: 'cashier' },
        });
      }
      if (!core.watcher.has(watchKey(live.attemptId)) && live.state !== 'submitted') {
        watchAttempt(core, live.attemptId, 'passive');
      }
      return currentSaleView(core);
    }
    if (attempts.some((a) => a.state === 'paid')) {
      throw new AppError('CONFLICT', 'This sale is paid: refund it instead of cancelling.');
    }
    closeCurrentSale('cancelled');
    return null;
  }

  return {
    /** Active pay: journals a new attempt, asks for a QR, and watches it (poll + call-backs). */
    payActive(req: {
      amountCents: number;
      tipCents: number;
      wallet: Wallet;
      saleId?: string;
      /** Journaled in the attempt's own transaction (the POS API's idempotency record). */
      journalWith?: JournalWith;
    }): Promise<AttemptView> {
      notClosed();
      return payActive(core, req);
    },
    /** Passive pay, step 1: the current sale waits for the customer's wallet code. */
    beginPassive(req: {
      amountCents: number;
      tipCents: number;
      saleId?: string;
      journalWith?: JournalWith;
    }): Promise<SaleView> {
      notClosed();
      return beginPassive(core, req);
    },
    /**
     * Passive pay, step 2: a new attempt with a new order id for this code. `pickedWallet` is the
     * wallet the scan rules settled on (by pattern, or the operator's pick): with it, a plausible code
     * with a prefix the patterns do not know is sent as that wallet's (OTTPAY.md §7), not refused.
     */
    submitPassiveCode(
      code: string,
      source?: 'serial' | 'wedge' | 'manual',
      pickedWallet: Wallet | null = null,
    ): Promise<AttemptView> {
      notClosed();
      const detect = pickedWallet
        ? (c: string) => detectWallet(c) ?? walletByPick(c, pickedWallet)
        : detectWallet;
      return submitPassiveCode(core, code, detect, source);
    },
    /**
     * Cashier cancel. A live attempt goes to "cancelling" (the QR is withdrawn; the gateway is still asked
     * until it says closed). With nothing in flight, the sale is dropped (null).
     */
    cancel(): SaleView | null {
      notClosed();
      return cancelCurrent();
    },
    /** Closes the current sale. Refused while a payment is in flight and not cancelled. */
    newSale(): void {
      notClosed();
      if (!core.current) return;
      const busy = journal.attempts
        .forSale(core.current.saleId)
        .find((a) => isLiveAttemptState(a.state) && a.state !== 'cancelling');
      if (busy) throw new AppError('CONFLICT', 'A payment is in progress on this sale: cancel it first.');
      closeCurrentSale('new sale');
    },
    /**
     * Sets the current sale aside whatever its attempt is doing, so the cashier can take the next one:
     * a live attempt is cancelled (the QR withdrawn) and keeps being resolved in the background; a late
     * payment is flagged for a person, and one still unresolved when its watch ends needs attention.
     * True when a payment was set aside (not just an idle sale closed).
     */
    setAside(): boolean {
      notClosed();
      if (!core.current) return false;
      const live = journal.attempts.forSale(core.current.saleId).find((a) => isLiveAttemptState(a.state));
      if (live) cancelCurrent();
      closeCurrentSale(live ? 'set aside' : 'new sale');
      return live !== undefined;
    },
    /** Live attempts of sales set aside (or left by a restart): still being resolved, may still be paid. */
    inBackground(): AttemptView[] {
      const now = clock.now();
      const current = core.current?.saleId ?? null;
      return journal.attempts
        .live()
        .filter((a) => a.saleId !== current)
        .map((a) => attemptView(a, now));
    },
    currentSale(): SaleView | null {
      return currentSaleView(core);
    },
    attempt(attemptId: string): AttemptView {
      return attemptView(getAttempt(core, attemptId), clock.now());
    },
    /** Asks the gateway about one attempt now; keeps watching it if still unresolved. */
    async recheck(attemptId: string): Promise<AttemptView> {
      notClosed();
      getAttempt(core, attemptId);
      const row = await core.track(
        queryAttempt(core, attemptId, { cause: 'query', detail: { recheck: true } }),
      );
      if (row && isLiveAttemptState(row.state) && !core.watcher.has(watchKey(attemptId))) {
        watchAttempt(core, attemptId, 'background');
      }
      return attemptView(getAttempt(core, attemptId), clock.now());
    },
    refund(req: {
      attemptId: string;
      amountCents: number;
      journalWith?: (refundId: string) => void;
    }): Promise<RefundView> {
      notClosed();
      return createRefund(core, req);
    },
    refunds(attemptId: string): RefundView[] {
      return listRefunds(core, attemptId);
    },
    markPaid(req: { attemptId: string; walletTxnId: string; reason: string }): Promise<AttemptView> {
      notClosed();
      return markPaid(core, req);
    },
    markFailed(req: { attemptId: string; reason: string }): Promise<AttemptView> {
      notClosed();
      return markFailed(core, req);
    },
    /** A supervisor acknowledges a flagged attempt (journaled with the reason). */
    clearAttention(req: { attemptId: string; reason: string }): AttemptView {
      const reason = req.reason.trim();
      if (!reason) throw new AppError('VALIDATION', 'A reason is required');
      const row = getAttempt(core, req.attemptId);
      if (isLiveAttemptState(row.state))
        throw new AppError('CONFLICT', 'This payment is still unresolved: recheck or override it');
      return attemptView(
        flagAttempt(core, req.attemptId, false, 'override', `Acknowledged: ${reason}`),
        clock.now(),
      );
    },
    /** Flagged attempts, plus the attempts of refunds that are flagged. */
    needsAttention(): AttemptView[] {
      const now = clock.now();
      const rows = new Map(
        journal.attempts.needingAttention().map((r) => [r.attemptId, attemptView(r, now)]),
      );
      for (const refund of journal.refunds.needingAttention()) {
        if (rows.has(refund.attemptId)) continue;
        const a = journal.attempts.get(refund.attemptId);
        if (a) rows.set(a.attemptId, { ...attemptView(a, now), needsAttention: true, reason: refund.reason });
      }
      return [...rows.values()].sort((x, y) => x.createdAt - y.createdAt);
    },
    search(q: SearchQuery): AttemptView[] {
      const fromMs = q.from ? checkedDayRange(core, q.from).fromMs : undefined;
      const toMs = q.to ? checkedDayRange(core, q.to).toMs : undefined;
      const now = clock.now();
      return journal.attempts
        .search({
          text: q.text,
          fromMs,
          toMs,
          wallet: q.wallet,
          amountCents: q.amountCents,
          cashierId: q.cashierId,
          shiftId: q.shiftId,
          limit: q.limit ?? 100,
        })
        .map((r) => attemptView(r, now));
    },
    dailyReport(date: string): DailyReport {
      return dailyReport(core, date);
    },
    reconcile(date: string): Promise<ReconcileReport> {
      notClosed();
      return reconcile(core, date);
    },
    exportCsv(date: string): { filename: string; csv: string } {
      return exportCsv(core, date);
    },
    /** A shift's close: status query of each order (bounded), answers applied, differences listed. */
    reconcileOrders(attempts: readonly AttemptRow[], refunds: readonly RefundRow[]) {
      notClosed();
      return reconcileOrders(core, attempts, refunds);
    },
    /** The journal this engine writes (the shift module reads and writes its shift rows there). */
    journal(): Journal {
      return journal;
    },
    /** Start-up recovery: call once after creating the engine, before taking payments. */
    recover(): Promise<RecoveryReport> {
      notClosed();
      return core.track(recover(core));
    },
    /** Whether a wallet code was already used by any attempt in this journal. */
    isCodeUsed(code: string): boolean {
      return journal.attempts.isCodeHashUsed(hashWalletCode(options.codeHashKey, normaliseCode(code)));
    },
    gatewayHealth(): GatewayHealth {
      return core.health.get();
    },
    /** A cheap EX_RATE_QUERY: any answer means the gateway is up. */
    probeGateway(): Promise<GatewayHealth> {
      return core.track(probeGateway(core));
    },
    /** For the call-back listener (callback-server.ts): verify, match, record, confirm by query. */
    handleCallback(rawBody: string, remote: string | null = null): Promise<CallbackAnswer> {
      if (closed)
        return Promise.resolve({ status: 503, body: { rsp_code: 'FAIL', rsp_msg: 'till closing' } });
      return core.track(callbacks.handle(rawBody, remote));
    },
    /** Rejected call-backs so far, as counters and the capped sample (what is pending is written first). */
    rejectedCallbacks(): { counters: RejectionCounter[]; samples: RejectionSample[] } {
      evidence.flush();
      return { counters: journal.rejections.counters(), samples: journal.rejections.samples() };
    },
    /** The journal's event trail of one sale, attempt or refund (diagnostics, tests). */
    history(entityId: string): EventRow[] {
      return journal.events.forEntity(entityId);
    },
    /** Local day [from, to) in epoch ms, in the engine's time zone. */
    dayRange(date: string): { fromMs: number; toMs: number } {
      return dayRange(date, s.timeZone);
    },
    onChange(listener: PaymentsListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Stops every watch and waits for requests in flight to be journaled. The journal stays open. */
    async close(): Promise<void> {
      closed = true;
      core.watcher.stopAll();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      evidence.close();
      await core.watcher.idle();
      core.watcher.stopAll();
      listeners.clear();
    },
  };
}
