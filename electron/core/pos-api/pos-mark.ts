// Marks the till's current sale (and so the customer display) as the POS's, with its reference: the
// cashier sees which payments a POS started; the projection carries only the reference.
import type { CustomerView, SaleView } from '../../../shared/domain.ts';
import type { Journal } from '../journal/journal.ts';
import { posRecordsOf } from './pos-records.ts';

export function posMarkOf(
  journal: Journal | null,
  saleId: string | undefined,
): { reference: string | null } | null {
  if (!journal || saleId === undefined) return null;
  const record = posRecordsOf(journal.db).paymentBySale(saleId);
  return record ? { reference: record.reference } : null;
}

export function markSale(sale: SaleView | null, journal: Journal | null): SaleView | null {
  if (!sale) return sale;
  const pos = posMarkOf(journal, sale.saleId);
  return pos ? { ...sale, pos } : sale;
}

/** Only while the display shows that sale (not the welcome or a keyed amount). */
export function markCustomerView(
  view: CustomerView,
  sale: SaleView | null,
  journal: Journal | null,
): CustomerView {
  if (view.phase === 'idle' || view.phase === 'entering' || !sale) return view;
  const pos = posMarkOf(journal, sale.saleId);
  return pos ? { ...view, pos } : view;
}
