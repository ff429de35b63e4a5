// Print jobs: journaled first, then sent, retried with backoff on the injected clock, and their
// failures kept for the screen. Nothing here is awaited by a payment: enqueue() journals and returns,
// the sending happens after; a printer that is off never blocks or changes a sale.
import type { PrintJobView, ReceiptSettings } from '../../../shared/domain.ts';
import type { Receipt, ReceiptCopy } from '../../../shared/printing/receipt.ts';
import type { ReceiptDoc } from '../../../shared/printing/receipt-layout.ts';
import { COLUMNS, layoutReceipt } from '../../../shared/printing/receipt-layout.ts';
import type { Clock, TimerHandle } from '../clock.ts';
import { durablePoint } from '../durable-points.ts';
import type { Journal } from '../journal/journal.ts';
import { PRINT_INTERRUPTED, type PrintJobKind, type PrintJobRow } from '../journal/print-jobs-repo.ts';
import { encodeReceipt, type LineRasteriser } from './escpos.ts';
import { openPrinter } from './open-printer.ts';
import { PrintError, type Printer } from './printer.ts';
import { type ReceiptContext, refundReceipt, saleReceipt, testReceipt } from './receipt-source.ts';

/** Tries per job, and the waits between them (the last repeats). */
export const PRINT_TRIES = 5;
export const PRINT_BACKOFF_MS = [2_000, 5_000, 15_000, 30_000];

export interface PrintServiceDeps {
  journal(): Journal;
  settings(): ReceiptSettings;
  context(): ReceiptContext;
  operator(): { operatorId: string; terminalNo: string };
  clock: Clock;
  /** A target → its printer (tests and the shells may replace it). */
  openPrinter?: (target: string) => Printer;
  rasterise?: LineRasteriser;
  /** The system printer: a shell prints the laid-out receipt to a named printer (Electron) or not at all. */
  systemPrint?: (doc: ReceiptDoc, printerName: string) => Promise<void>;
  /**
   * The screen printer: the receipt as it would print, for the till screen. `dialog`: the system
   * printer of a shell that cannot print silently (the browser shell) — the page opens its print dialog.
   */
  showOnScreen(doc: ReceiptDoc, jobId: number, dialog: boolean): void;
  changed(): void;
  log(level: 'info' | 'warn', message: string): void;
}

export interface PrintService {
  /** Journals one job per copy and starts sending; returns the journaled jobs at once. */
  enqueue(
    kind: PrintJobKind,
    refId: string | null,
    copies: readonly ReceiptCopy[],
    reprint: boolean,
  ): PrintJobRow[];
  /** The receipt of an attempt, refund or test page, laid out for the configured paper. */
  layout(kind: PrintJobKind, refId: string | null, copy: ReceiptCopy, reprint: boolean): ReceiptDoc;
  recent(limit?: number): PrintJobView[];
  /** Sends whatever is due now (jobs left queued by a restart), then keeps to the retry times. */
  resume(): void;
  /** Resolves when nothing is being sent (tests, benchmarks, shutdown). */
  idle(): Promise<void>;
  stop(): void;
}

export function createPrintService(deps: PrintServiceDeps): PrintService {
  const open = deps.openPrinter ?? ((t: string) => openPrinter(t));
  let timer: TimerHandle | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  /** Printers are kept per target only for the length of one run. */

  function receiptFor(
    kind: PrintJobKind,
    refId: string | null,
    copy: ReceiptCopy,
    reprint: boolean,
  ): Receipt {
    const j = deps.journal();
    const ctx = deps.context();
    if (kind === 'sale') return saleReceipt(j, refId ?? '', ctx, { copy, reprint });
    if (kind === 'refund') return refundReceipt(j, refId ?? '', ctx, { copy, reprint });
    const op = deps.operator();
    return testReceipt(ctx, op.operatorId, op.terminalNo, deps.clock.now());
  }

  function layout(kind: PrintJobKind, refId: string | null, copy: ReceiptCopy, reprint: boolean): ReceiptDoc {
    return layoutReceipt(receiptFor(kind, refId, copy, reprint), COLUMNS[deps.settings().paper]);
  }

  function targetName(s: ReceiptSettings): string {
    return s.printer === 'screen' || s.printer === 'none' ? s.printer : `${s.printer}:${s.target}`;
  }

  async function send(job: PrintJobRow): Promise<void> {
    const s = deps.settings();
    const doc = layout(job.kind, job.refId, job.copy, job.reprint);
    if (s.printer === 'none') return;
    if (s.printer === 'screen') {
      deps.showOnScreen(doc, job.jobId, false);
      return;
    }
    if (s.printer === 'system') {
      if (deps.systemPrint) await deps.systemPrint(doc, s.target);
      else deps.showOnScreen(doc, job.jobId, true);
      return;
    }
    const bytes = await encodeReceipt(doc, { chinese: s.chinese, rasterise: deps.rasterise });
    await open(s.target).print(bytes);
  }

  async function runDue(): Promise<void> {
    const j = deps.journal();
    for (const job of j.printJobs.due(deps.clock.now())) {
      if (stopped) return;
      try {
        const interrupted = job.lastError === PRINT_INTERRUPTED;
        j.printJobs.markSending(job.jobId, deps.clock.now());
        await send(interrupted ? { ...job, reprint: true } : job);
        durablePoint('print.sent');
        j.printJobs.markPrinted(job.jobId, deps.clock.now());
        durablePoint('print.done');
        deps.log('info', `receipt job ${job.jobId} printed`);
      } catch (err) {
        const kind = err instanceof PrintError ? err.kind : 'printer_error';
        const message = `${kind}: ${err instanceof Error ? err.message : String(err)}`;
        const tries = job.tries + 1;
        // A receipt that cannot be built (no such payment) will never print: no retry.
        if (tries >= PRINT_TRIES || !(err instanceof PrintError))
          j.printJobs.markFailed(job.jobId, message, deps.clock.now());
        else {
          const wait = PRINT_BACKOFF_MS[Math.min(tries - 1, PRINT_BACKOFF_MS.length - 1)] ?? 30_000;
          j.printJobs.markRetry(job.jobId, message, deps.clock.now(), deps.clock.now() + wait);
        }
        deps.log('warn', `receipt job ${job.jobId} did not print (try ${tries}): ${message}`);
      }
      deps.changed();
    }
  }

  function schedule(): void {
    if (stopped) return;
    if (timer !== null) deps.clock.clearTimeout(timer);
    timer = null;
    const next = deps.journal().printJobs.nextDueAt();
    if (next !== null) timer = deps.clock.setTimeout(kick, Math.max(0, next - deps.clock.now()));
  }

  function kick(): void {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = runDue()
      .catch((err: unknown) =>
        deps.log('warn', `print queue: ${err instanceof Error ? err.message : String(err)}`),
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        } else schedule();
      });
  }

  return {
    enqueue(kind, refId, copies, reprint) {
      const j = deps.journal();
      const s = deps.settings();
      const at = deps.clock.now();
      const rows = j.write(() =>
        copies.map((copy) => j.printJobs.add({ kind, refId, copy, reprint, printer: targetName(s), at })),
      );
      durablePoint('print.queued');
      deps.changed();
      kick();
      return rows;
    },
    layout,
    resume: kick,
    recent(limit = 20) {
      return deps.journal().printJobs.recent(limit).map(jobView);
    },
    async idle() {
      while (running) await running;
    },
    stop() {
      stopped = true;
      if (timer !== null) deps.clock.clearTimeout(timer);
      timer = null;
    },
  };
}

export function jobView(r: PrintJobRow): PrintJobView {
  const m = r.lastError ? /^(\w+): (.*)$/s.exec(r.lastError) : null;
  return {
    jobId: r.jobId,
    kind: r.kind,
    refId: r.refId,
    copy: r.copy,
    state: r.state,
    tries: r.tries,
    failure: m?.[1] ?? null,
    detail: m?.[2] ?? r.lastError,
    updatedAt: r.updatedAt,
  };
}

/** The copies the "after paid" setting asks for. */
export function copiesAfterPaid(s: ReceiptSettings): ReceiptCopy[] {
  if (s.printer === 'none' || s.afterPaid === 'none') return [];
  return s.afterPaid === 'customer' ? ['customer'] : ['customer', 'merchant'];
}
