// The day's journal as CSV for the accountant: one line per payment attempt and per refund.
// Cells that a spreadsheet would run as a formula are defused with a leading apostrophe; a cell with a
// separator is quoted — the semicolon too, which French-Canadian spreadsheets split on.
import { centsToPlain } from '../../../shared/money.ts';
import type { EngineState } from './engine-state.ts';
import { localDateTime } from './local-day.ts';
import { checkedDayRange } from './reports.ts';

const HEADER = [
  'kind',
  'time',
  'order_id',
  'sale_id',
  'original_order_id',
  'mode',
  'wallet',
  'amount',
  'tip',
  'currency',
  'state',
  'wallet_txn_id',
  'operator_id',
  'manual',
  'refunded',
  'reason',
];

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsv(core: EngineState, date: string): { filename: string; csv: string } {
  const { fromMs, toMs } = checkedDayRange(core, date);
  const tz = core.s.timeZone;
  const lines = [HEADER.join(',')];
  for (const a of core.journal.attempts.createdBetween(fromMs, toMs)) {
    lines.push(
      [
        'payment',
        localDateTime(a.createdAt, tz),
        a.orderId,
        a.saleId,
        null,
        a.mode,
        a.wallet,
        centsToPlain(a.amountCents),
        centsToPlain(a.tipCents),
        a.currency,
        a.state,
        a.walletTxnId,
        a.operatorId,
        a.manual ? 'yes' : 'no',
        centsToPlain(a.refundedCents),
        a.reason,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  for (const r of core.journal.refunds.createdBetween(fromMs, toMs)) {
    const original = core.journal.attempts.get(r.attemptId);
    lines.push(
      [
        'refund',
        localDateTime(r.createdAt, tz),
        r.orderId,
        original?.saleId ?? null,
        original?.orderId ?? null,
        null,
        original?.wallet ?? null,
        centsToPlain(r.amountCents),
        centsToPlain(0),
        r.currency,
        r.state,
        null,
        r.operatorId,
        'no',
        null,
        r.reason,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return { filename: `ottpay-${core.s.terminalNo}-${date}.csv`, csv: `${lines.join('\r\n')}\r\n` };
}
