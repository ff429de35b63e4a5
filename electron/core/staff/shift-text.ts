// A shift report as plain text lines (the CLI's output; the receipt printer can take the same lines),
// control and text-direction characters escaped.
import { centsToPlain } from '../../../shared/money.ts';
import type { ShiftReport } from '../../../shared/staff.ts';
import { escapeUnsafe } from '../../../shared/unsafe-text.ts';

export function shiftReportLines(r: ShiftReport): string[] {
  const m = (c: number) => `${centsToPlain(c)} ${r.currency}`;
  const when = (t: number) => new Date(t).toISOString();
  const lines = [`${r.kind} report — shift ${r.shiftId}`, `opened ${when(r.openedAt)} by ${r.openedBy}`];
  if (r.closedAt !== null)
    lines.push(
      `closed ${when(r.closedAt)} by ${r.closedBy ?? ''}${r.approvedBy ? ` (approved by ${r.approvedBy})` : ''}`,
    );
  lines.push(
    `payments ${r.count}  gross ${m(r.grossCents)}  tips ${m(r.tipCents)}`,
    `refunds ${r.refunds.count}  ${m(r.refunds.totalCents)}`,
    `net ${m(r.netCents)}`,
  );
  for (const w of r.byWallet)
    lines.push(
      `  ${w.wallet.padEnd(10)} ${String(w.count).padStart(4)}  gross ${m(w.grossCents)}  refunded ${m(w.refundedCents)}  net ${m(w.netCents)}`,
    );
  for (const c of r.byCashier)
    lines.push(
      `  cashier ${c.name || '(none)'}: ${c.count} paid, gross ${m(c.grossCents)}, refunded ${m(c.refundedCents)}, net ${m(c.netCents)}`,
    );
  for (const o of r.overrides) lines.push(`  override ${o.orderId} ${o.type} ${o.note}`);
  for (const a of r.acknowledgements) lines.push(`  acknowledged ${a.orderId} ${a.type} ${a.note}`);
  for (const u of r.unresolved)
    lines.push(`  unresolved ${u.kind} ${u.orderId} ${u.state} ${m(u.amountCents)}`);
  for (const l of r.late) lines.push(`  late ${l.orderId} ${l.type}`);
  if (r.reconciliation) {
    lines.push(
      `reconciliation: ${r.reconciliation.checked} checked, ${r.reconciliation.differences.length} differences`,
    );
    for (const d of r.reconciliation.differences)
      lines.push(`  ${d.orderId}: journal ${d.journal}, gateway ${d.gateway} — ${d.note}`);
  }
  // Names and notes came from people: nothing in them may move or hide a line of the terminal or printer.
  return lines.map((line) => escapeUnsafe(line));
}
