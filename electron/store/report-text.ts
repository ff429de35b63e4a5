// The chain report as the CLI prints it: one line per till, then each store's and the chain's totals
// per currency, then the cashiers (by name; an operator id, or an unknown account, by its id). Amounts in major units with two decimals; the JSON form keeps cents.
import { centsToPlain } from '../../shared/money.ts';
import type { CashierDayLine, ChainDayReport, DayTotals, TillDayLine } from '../../shared/store-report.ts';
import { escapeUnsafe } from '../../shared/unsafe-text.ts';

const CLOCK_WARN_MS = 5 * 60_000;

function figures(t: Omit<DayTotals, 'currency'> & { currency: string | null }): string {
  const cols = [
    `paid ${String(t.paidCount).padStart(5)}`,
    `gross ${centsToPlain(t.grossCents).padStart(11)}`,
    `tips ${centsToPlain(t.tipCents).padStart(9)}`,
    `refunds ${centsToPlain(t.refundedCents).padStart(10)}`,
    `net ${centsToPlain(t.netCents).padStart(11)}`,
    t.currency ?? '   ',
  ];
  if (t.unresolved > 0) cols.push(`unresolved ${t.unresolved}`);
  return cols.join('  ');
}

function tillLine(t: TillDayLine): string {
  const name = `till ${t.terminalNo} (${t.tillId.slice(0, 8)})`.padEnd(22);
  const notes: string[] = [];
  if (t.clockOffsetMs !== null && Math.abs(t.clockOffsetMs) > CLOCK_WARN_MS)
    // The offset is the server's clock minus the till's: negative means the till runs ahead.
    notes.push(
      `clock ${Math.round(Math.abs(t.clockOffsetMs) / 60_000)} min ${t.clockOffsetMs < 0 ? 'ahead' : 'behind'}`,
    );
  notes.push(`last shipped ${t.lastShippedAt ?? 'never'}`);
  return `  ${name} ${figures(t)}  (${notes.join('; ')})`;
}

function cashierLine(c: CashierDayLine): string {
  const who = c.name ?? c.cashierId;
  const name = (c.terminalNo === null ? who : `${c.terminalNo} · ${who}`).padEnd(22);
  return `  ${name} paid ${String(c.paidCount).padStart(5)}  gross ${centsToPlain(c.grossCents).padStart(11)}  tips ${centsToPlain(c.tipCents).padStart(9)}  ${c.currency}`;
}

export function reportText(r: ChainDayReport): string {
  const lines = [`Chain report for ${r.day}${r.storeId ? `, store ${r.storeId}` : ''}`];
  if (r.stores.length === 0) lines.push('  no till has shipped anything for this store yet');
  for (const s of r.stores) {
    lines.push('', `store ${s.storeId}`);
    for (const t of s.tills) lines.push(tillLine(t));
    for (const tot of s.totals) lines.push(`  ${'store total'.padEnd(22)} ${figures(tot)}`);
  }
  if (r.chain.length > 0) lines.push('');
  for (const tot of r.chain) lines.push(`${'chain total'.padEnd(24)} ${figures(tot)}`);
  let store: string | null = null;
  for (const c of r.byCashier) {
    if (c.storeId !== store) lines.push('', `cashiers, store ${c.storeId}`);
    store = c.storeId;
    lines.push(cashierLine(c));
  }
  // Cashier names and store ids came from the tills: nothing in them may move or hide a terminal line.
  return `${lines.map((line) => escapeUnsafe(line)).join('\n')}\n`;
}
