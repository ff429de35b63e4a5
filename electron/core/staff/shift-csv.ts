// A shift's Z (or X) report as CSV for the accountant: one line per figure, section by section, so
// a spreadsheet sums it as it is. Amounts are plain decimals in the report's currency.
import { centsToPlain } from '../../../shared/money.ts';
import type { ShiftReport } from '../../../shared/staff.ts';
import { csvCell } from '../payments/csv.ts';

const HEADER = ['section', 'key', 'name', 'count', 'gross', 'tip', 'refund_count', 'refunded', 'net', 'note'];

export function shiftCsv(r: ShiftReport): { filename: string; csv: string } {
  const money = (c: number) => centsToPlain(c);
  const rows: Array<Array<string | number | null>> = [HEADER];
  rows.push([
    'total',
    `${r.kind}${r.shiftId}`,
    r.currency,
    r.count,
    money(r.grossCents),
    money(r.tipCents),
    r.refunds.count,
    money(r.refunds.totalCents),
    money(r.netCents),
    `opened ${new Date(r.openedAt).toISOString()} by ${r.openedBy}` +
      (r.closedAt === null ? '' : `; closed ${new Date(r.closedAt).toISOString()} by ${r.closedBy ?? ''}`),
  ]);
  for (const w of r.byWallet) {
    rows.push([
      'wallet',
      w.wallet,
      null,
      w.count,
      money(w.grossCents),
      money(w.tipCents),
      w.refundCount,
      money(w.refundedCents),
      money(w.netCents),
      null,
    ]);
  }
  for (const c of r.byCashier) {
    rows.push([
      'cashier',
      c.cashierId,
      c.name,
      c.count,
      money(c.grossCents),
      money(c.tipCents),
      c.refundCount,
      money(c.refundedCents),
      money(c.netCents),
      null,
    ]);
  }
  for (const o of r.overrides)
    rows.push(['override', o.orderId, o.type, null, null, null, null, null, null, o.note]);
  for (const a of r.acknowledgements)
    rows.push(['acknowledged', a.orderId, a.type, null, null, null, null, null, null, a.note]);
  for (const u of r.unresolved)
    rows.push(['unresolved', u.orderId, u.kind, null, money(u.amountCents), null, null, null, null, u.state]);
  for (const l of r.late) rows.push(['late', l.orderId, l.type, null, null, null, null, null, null, l.note]);
  for (const d of r.reconciliation?.differences ?? []) {
    rows.push([
      'difference',
      d.orderId,
      d.journal,
      null,
      null,
      null,
      null,
      null,
      null,
      `${d.gateway}: ${d.note}`,
    ]);
  }
  const csv = `${rows.map((row) => row.map((v) => csvCell(v)).join(',')).join('\r\n')}\r\n`;
  return { filename: `shift-${r.shiftId}-${r.kind}.csv`, csv };
}
