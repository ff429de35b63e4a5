// The payments engine's public face: the one place that starts, tracks and settles wallet payments and
// refunds, on top of the journal (better-sqlite3) and the GatewayClient interface. Plain Node (no
// 'electron'). It builds the engine's state (engine-state.ts) from its options (engine-options.ts) and
// hands each command to the file that holds it: paying (sale-flows.ts), the cashier's ways out of a
// sale (sale-closing.ts), what a person settles (attention.ts, overrides.ts), refunds (refunds.ts),
// start-up recovery (recovery.ts), reports and search (reports.ts, attempt-search.ts, csv.ts).
// PAYMENT-SAFETY.md is the specification; the supervisor PIN is checked by the caller (the app facade).
import type { DailyReport, ReconcileReport } from '../../../shared/contract.ts';
import type { AttemptView, GatewayHealth, RefundView, SaleView, Wallet } from '../../../shared/domain.ts';
import { createOrderIdGenerator } from '../../../shared/payments/order-id.ts';
import { AppError } from '../../../shared/result.ts';
import { systemClock } from '../clock.ts';
import type { Journal } from '../journal/journal.ts';
import type { RejectionCounter, RejectionSample } from '../journal/rejections-repo.ts';
import type { AttemptRow, EventRow, RefundRow } from '../journal/rows.ts';
import { type SearchQuery, searchAttempts } from './attempt-search.ts';
import { type AttentionBrief, attentionBrief, clearAttention, needsAttention, recheck } from './attention.ts';
import { createCallbackEvidence } from './callback-evidence.ts';
import { type CallbackAnswer, createCallbackIntake } from './callbacks.ts';
import type { PaymentsChange, PaymentsListener } from './changes.ts';
import { exportCsv } from './csv.ts';
import type { PaymentsEngineOptions } from './engine-options.ts';
import { currentSaleView, type EngineState, getAttempt } from './engine-state.ts';
import { noFault } from './fault-points.ts';
import { createHealthTracker } from './gateway-health.ts';
import { probeGateway } from './gateway-reach.ts';
import { dayRange } from './local-day.ts';
import { markFailed, markPaid } from './overrides.ts';
import { reconcile, reconcileOrders } from './reconcile.ts';
import { type RecoveryReport, recover } from './recovery.ts';
import { createRefund, listRefunds } from './refunds.ts';
import { dailyReport } from './reports.ts';
import { cancelSale, inBackground, newSale, setAside } from './sale-closing.ts';
import { beginPassive, type JournalWith, payActive, submitPassiveCode } from './sale-flows.ts';
import { resolveSettings } from './settings.ts';
import { attemptView } from './views.ts';
import { hashWalletCode, normaliseCode, walletByPick, walletOf } from './wallet-code.ts';
import { createWatcher } from './watcher.ts';

export type { SearchQuery } from './attempt-search.ts';
export type { PaymentsEngineOptions } from './engine-options.ts';

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
      return cancelSale(core);
    },
    /**
     * Closes the current sale. Refused while a payment is in flight and not cancelled. With
     * `paymentFollows` (a payment starts right after) it leaves the WAL checkpoint to a later close.
     */
    newSale(options: { paymentFollows?: boolean } = {}): void {
      notClosed();
      newSale(core, options.paymentFollows ?? false);
    },
    /**
     * Sets the current sale aside whatever its attempt is doing, so the cashier can take the next one:
     * a live attempt is cancelled (the QR withdrawn) and keeps being resolved in the background; a late
     * payment is flagged for a person, and one still unresolved when its watch ends needs attention.
     * True when a payment was set aside (not just an idle sale closed).
     */
    setAside(): boolean {
      notClosed();
      return setAside(core);
    },
    /** Live attempts of sales set aside (or left by a restart): still being resolved, may still be paid. */
    inBackground(): AttemptView[] {
      return inBackground(core);
    },
    currentSale(): SaleView | null {
      return currentSaleView(core);
    },
    attempt(attemptId: string): AttemptView {
      return attemptView(getAttempt(core, attemptId), clock.now());
    },
    /** Asks the gateway about one attempt now; keeps watching it if still unresolved. */
    recheck(attemptId: string): Promise<AttemptView> {
      notClosed();
      return recheck(core, attemptId);
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
      return clearAttention(core, req);
    },
    /** Flagged attempts, plus the attempts of refunds that are flagged. */
    needsAttention(): AttemptView[] {
      return needsAttention(core);
    },
    /** The unresolved flagged and the oldest others up to `shown`, and how many are flagged in all. */
    attentionBrief(shown: number): AttentionBrief {
      return attentionBrief(core, shown);
    },
    search(q: SearchQuery): AttemptView[] {
      return searchAttempts(core, q);
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
