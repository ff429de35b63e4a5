// Receipts in the running till: the print service over the payments journal, the "after Paid" rule
// (one job per copy the setting asks for, once per payment), refund receipts, reprints, the test
// page, and the screen printer's receipt for the till snapshot. A failure here is logged and shown,
// never thrown into a payment.
import type { PrintingView, SaleView } from '../../../shared/domain.ts';
import type { ReceiptCopy } from '../../../shared/printing/receipt.ts';
import type { ReceiptDoc } from '../../../shared/printing/receipt-layout.ts';
import type { Clock } from '../clock.ts';
import type { StoredSettings } from '../config/defaults.ts';
import type { Journal } from '../journal/journal.ts';
import type { PrintJobKind } from '../journal/print-jobs-repo.ts';
import type { LineRasteriser } from '../printing/escpos.ts';
import { copiesAfterPaid, createPrintService, type PrintService } from '../printing/print-service.ts';
import type { Printer } from '../printing/printer.ts';
import { type CoreLogger, errorFields } from './core-logger.ts';

export interface PrintingShell {
  /** Electron: a silent print of the receipt page to a named printer. */
  systemPrint?: (doc: ReceiptDoc, printerName: string) => Promise<void>;
  rasterise?: LineRasteriser;
  openPrinter?: (target: string) => Printer;
}

export interface ReceiptPrintingDeps {
  journal(): Journal | null;
  settings(): StoredSettings;
  sandbox(): boolean;
  clock: Clock;
  logger: CoreLogger;
  shell: PrintingShell;
  changed(): void;
}

export interface ReceiptPrinting {
  /** Called on every payments change: prints the receipts of a sale that has just been paid. */
  saleChanged(sale: SaleView | null): void;
  print(kind: PrintJobKind, refId: string | null, copies: readonly ReceiptCopy[], reprint: boolean): number[];
  /** The copies a refund prints (none without a printer). */
  refundCopies(): ReceiptCopy[];
  layout(kind: PrintJobKind, refId: string | null, copy: ReceiptCopy): ReceiptDoc;
  view(): PrintingView;
  /** Resumes jobs left queued by a restart (call after the payments stack (re)starts). */
  resume(): void;
  idle(): Promise<void>;
  stop(): void;
}

export function createReceiptPrinting(deps: ReceiptPrintingDeps): ReceiptPrinting {
  const log = deps.logger.child('printing');
  let screen: PrintingView['screen'] = null;
  const journal = (): Journal => {
    const j = deps.journal();
    if (!j) throw new Error('receipts need the payments journal');
    return j;
  };
  const service: PrintService = createPrintService({
    journal,
    settings: () => deps.settings().receipts,
    context: () => {
      const s = deps.settings();
      return {
        shop: s.shop,
        sandbox: deps.sandbox(),
        languages: { customer: s.customerLanguage, operator: s.operatorLanguage },
      };
    },
    operator: () => ({ operatorId: deps.settings().operatorId, terminalNo: deps.settings().terminalNo }),
    clock: deps.clock,
    ...(deps.shell.openPrinter ? { openPrinter: deps.shell.openPrinter } : {}),
    ...(deps.shell.rasterise ? { rasterise: deps.shell.rasterise } : {}),
    ...(deps.shell.systemPrint ? { systemPrint: deps.shell.systemPrint } : {}),
    showOnScreen(doc, jobId, dialog) {
      screen = { jobId, doc, dialog };
    },
    changed: deps.changed,
    log: (level, message) => log[level](message),
  });

  function print(
    kind: PrintJobKind,
    refId: string | null,
    copies: readonly ReceiptCopy[],
    reprint: boolean,
  ): number[] {
    if (copies.length === 0) return [];
    return service.enqueue(kind, refId, copies, reprint).map((j) => j.jobId);
  }

  return {
    saleChanged(sale) {
      const a = sale?.attempt;
      if (a?.state !== 'paid') return;
      try {
        const j = deps.journal();
        // Once per payment, across restarts: a journaled first print means it was handled.
        if (!j || j.printJobs.forRef(a.attemptId).some((job) => !job.reprint)) return;
        print('sale', a.attemptId, copiesAfterPaid(deps.settings().receipts), false);
      } catch (err) {
        log.error('the receipt could not be queued', errorFields(err));
      }
    },
    print,
    refundCopies() {
      const r = deps.settings().receipts;
      if (r.printer === 'none') return [];
      return r.afterPaid === 'customer+merchant' ? ['customer', 'merchant'] : ['customer'];
    },
    layout: (kind, refId, copy) => service.layout(kind, refId, copy, false),
    view() {
      let jobs: PrintingView['jobs'] = [];
      try {
        if (deps.journal()) jobs = service.recent(10);
      } catch (err) {
        log.error('print jobs could not be read', errorFields(err));
      }
      return { jobs, screen };
    },
    resume() {
      try {
        if (deps.journal()) service.resume();
      } catch (err) {
        log.error('queued receipts could not be resumed', errorFields(err));
      }
    },
    idle: () => service.idle(),
    stop: () => service.stop(),
  };
}
