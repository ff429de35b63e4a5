// Who hears a payments change, in this order: the POS API (its held waits, then itself), the keyed
// draft (a sale that starts or closes ends it), the customer choice's journal row, the sync agent,
// the scan wait, the receipt printer, and the screens.
import type { PaymentsChange } from '../payments/changes.ts';
import type { SyncRunner } from '../sync/sync-runner.ts';
import type { ChoiceJournal } from './customer-choice-journal.ts';
import type { KeyedDraft } from './keyed-draft.ts';
import type { PaymentsPort } from './ports.ts';
import type { PosApiSlot } from './pos-api-slot.ts';
import type { ReceiptPrinting } from './receipt-printing.ts';
import type { ScanWait } from './scan-wait.ts';

export function paymentsFanOut(o: {
  posApi: PosApiSlot;
  draft: KeyedDraft;
  journalChoice: ChoiceJournal;
  sync: SyncRunner;
  scanWait: ScanWait;
  receipts: ReceiptPrinting;
  payments(): PaymentsPort;
  pushAll(): void;
}): (change: PaymentsChange) => void {
  return (change) => {
    o.posApi.paymentsChanged(change);
    // A sale that starts or closes ends what was being keyed (the projection ignores it meanwhile).
    if (change.kind === 'sale') o.draft.saleChanged();
    if (change.kind === 'attempt') o.journalChoice(change.attempt, change.sale);
    o.sync.nudge();
    o.scanWait.sync();
    o.receipts.saleChanged(o.payments().currentSale());
    o.pushAll();
  };
}
