// The print service as the printing unit tests drive it: over a given journal, clock and printer, an
// English sandbox receipt for "Shop" (operator 1 at terminal 1) on an 80 mm network printer printing
// the customer's copy after a payment; nothing shown on screen, nothing logged.
import type { Clock } from '../../electron/core/clock.ts';
import type { Journal } from '../../electron/core/journal/journal.ts';
import { createPrintService, type PrintService } from '../../electron/core/printing/print-service.ts';
import type { Printer } from '../../electron/core/printing/printer.ts';
import type { ReceiptSettings } from '../../shared/domain.ts';

export function testPrintService(o: {
  journal: Journal;
  clock: Clock;
  printer: Printer;
  /** The printer's address in the settings (the printer given is used whatever it says). */
  target: string;
}): PrintService {
  const settings: ReceiptSettings = {
    printer: 'network',
    target: o.target,
    paper: '80mm',
    chinese: 'gb18030',
    afterPaid: 'customer',
  };
  return createPrintService({
    journal: () => o.journal,
    settings: () => settings,
    context: () => ({
      shop: { name: 'Shop', address: '', phone: '' },
      sandbox: true,
      languages: { customer: 'en', operator: 'en' },
    }),
    operator: () => ({ operatorId: '1', terminalNo: '1' }),
    clock: o.clock,
    openPrinter: () => o.printer,
    showOnScreen: () => {},
    changed: () => {},
    log: () => {},
  });
}
