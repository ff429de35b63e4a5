// A receipt laid out in printer columns: each line is text already fitted to the paper width (labels
// left, values right; wide Chinese characters count two columns), or a rule, or the QR code. The
// ESC/POS encoder, the plain-text rendering and the receipt page all draw these same lines.

import type { Currency } from '../money.ts';
import { plausibleRate } from '../payments/rate-bounds.ts';
import { receiptCode } from '../scanning/receipt-code.ts';
import type { Receipt, RefundReceipt, SaleReceipt } from './receipt.ts';
import { RECEIPT_WORDS, WALLET_WORDS } from './receipt-words.ts';
import { clip, textWidth, wrap } from './text-width.ts';

export type ReceiptLine =
  | { kind: 'text'; text: string; align: 'left' | 'center'; bold: boolean; big: boolean }
  | { kind: 'rule' }
  | { kind: 'qr'; payload: string };

export interface ReceiptDoc {
  columns: number;
  lines: ReceiptLine[];
}

/** 80 mm paper: 48 columns of font A; 58 mm paper: 32. */
export const COLUMNS = { '80mm': 48, '58mm': 32 } as const;
export type PaperWidth = keyof typeof COLUMNS;

const LOCALES = { en: 'en-CA', fr: 'fr-CA', zh: 'zh-CN' } as const;

/** "$12.34" in the receipt's language; narrow and non-breaking spaces become plain ones for the printer. */
function money(cents: number, currency: Currency, r: Receipt): string {
  const text = new Intl.NumberFormat(LOCALES[r.language], {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
  }).format(cents / 100);
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

function yuan(fen: number): string {
  return `¥ ${(fen / 100).toFixed(2)}`;
}

/** Local date and time, "2026-11-30 14:05:09", the same shape in every language. */
export function receiptTime(at: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    ...(timeZone ? { timeZone } : {}),
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

function text(value: string, opts: { center?: boolean; bold?: boolean; big?: boolean } = {}): ReceiptLine {
  return {
    kind: 'text',
    text: value,
    align: opts.center ? 'center' : 'left',
    bold: opts.bold ?? false,
    big: opts.big ?? false,
  };
}

/** "Label ........ value" fitted to the width; a value too long goes on its own line, right-aligned. */
function pair(label: string, value: string, columns: number, bold = false): ReceiptLine[] {
  const gap = columns - textWidth(label) - textWidth(value);
  if (gap >= 1) return [text(`${label}${' '.repeat(gap)}${value}`, { bold })];
  const v = clip(value, columns);
  return [text(clip(label, columns), { bold }), text(`${' '.repeat(columns - textWidth(v))}${v}`, { bold })];
}

function centered(
  value: string,
  columns: number,
  opts: { bold?: boolean; big?: boolean } = {},
): ReceiptLine[] {
  // Double-width text takes twice the columns.
  const width = opts.big ? Math.floor(columns / 2) : columns;
  return wrap(value, width).map((line) => text(line, { center: true, ...opts }));
}

export function layoutReceipt(r: Receipt, columns: number): ReceiptDoc {
  const w = RECEIPT_WORDS[r.language];
  const lines: ReceiptLine[] = [];
  const add = (...more: ReceiptLine[]) => lines.push(...more);
  const row = (label: string, value: string, bold = false) => add(...pair(label, value, columns, bold));

  if (r.shop.name) add(...centered(r.shop.name, columns, { bold: true, big: true }));
  if (r.shop.address) add(...centered(r.shop.address, columns));
  if (r.shop.phone) add(...centered(r.shop.phone, columns));
  if (r.sandbox) add({ kind: 'rule' }, ...centered(w.sandbox, columns, { bold: true }), { kind: 'rule' });
  const body = r.body;
  const title = body.kind === 'sale' ? w.sale : body.kind === 'refund' ? w.refund : w.testPage;
  add(...centered(r.reprint ? `${title} — ${w.reprint}` : title, columns, { bold: true }));
  add({ kind: 'rule' });
  row(w.date, receiptTime(body.at, r.timeZone));
  if (body.kind === 'sale') saleRows(body, r, row);
  else if (body.kind === 'refund') refundRows(body, r, row);
  else add(...centered(w.testPageBody, columns));
  add({ kind: 'rule' });
  row(w.operator, r.operatorId);
  row(w.terminal, r.terminalNo);
  if (body.kind !== 'test') {
    add({ kind: 'qr', payload: receiptCode(body.kind === 'refund' ? body.originalOrderId : body.orderId) });
  }
  if (r.copy === 'merchant') add(...centered(w.merchantCopy, columns, { bold: true }));
  else if (body.kind === 'sale') add(...centered(w.thanks, columns));
  if (r.sandbox) add(...centered(w.sandbox, columns, { bold: true }));
  return { columns, lines };
}

type Row = (label: string, value: string, bold?: boolean) => void;

function saleRows(s: SaleReceipt, r: Receipt, row: Row): void {
  const w = RECEIPT_WORDS[r.language];
  row(w.order, s.orderId);
  row(w.wallet, WALLET_WORDS[r.language][s.wallet]);
  if (s.walletTxnId) row(w.walletTxn, s.walletTxnId);
  row(w.amount, money(s.amountCents, s.currency, r));
  if (s.tipCents > 0) row(w.tip, money(s.tipCents, s.currency, r));
  const chose = s.customerChoice;
  if (chose?.tipChosen)
    row(w.tipChosen, chose.tipPercent === null ? money(s.tipCents, s.currency, r) : `${chose.tipPercent} %`);
  if (chose?.language)
    row(w.customerLanguage, { en: w.languageEn, fr: w.languageFr, zh: w.languageZh }[chose.language]);
  const total = s.amountCents + s.tipCents;
  row(w.total, money(total, s.currency, r), true);
  // No ¥ lines rather than wrong ones (the core checks too; a receipt is laid out from stored facts).
  if (s.cny && plausibleRate(s.cny.rate)) {
    const fen = s.cny.payFen ?? Math.round(total * s.cny.rate);
    row(w.cny, yuan(fen));
    row(w.rate, `1 ${s.currency} = ${s.cny.rate.toFixed(4)} CNY`);
  }
  if (s.refundedCents > 0) {
    row(w.refunded, money(s.refundedCents, s.currency, r));
    row(w.remaining, money(total - s.refundedCents, s.currency, r));
  }
}

function refundRows(f: RefundReceipt, r: Receipt, row: Row): void {
  const w = RECEIPT_WORDS[r.language];
  row(w.order, f.orderId);
  row(w.originalOrder, f.originalOrderId);
  row(w.wallet, WALLET_WORDS[r.language][f.wallet]);
  if (f.walletTxnId) row(w.walletTxn, f.walletTxnId);
  row(w.total, money(f.originalTotalCents, f.currency, r));
  row(w.refunded, money(f.refundedCents, f.currency, r), true);
  row(w.remaining, money(f.remainingCents, f.currency, r));
}

/** The receipt as plain text lines (the CLI's --text, logs, the screen printer's fallback). */
export function receiptText(doc: ReceiptDoc): string[] {
  const out: string[] = [];
  for (const line of doc.lines) {
    if (line.kind === 'rule') out.push('-'.repeat(doc.columns));
    else if (line.kind === 'qr') out.push(centerIn(`[QR ${line.payload}]`, doc.columns));
    else if (line.align === 'center') out.push(centerIn(line.text, line.big ? doc.columns / 2 : doc.columns));
    else out.push(line.text);
  }
  return out;
}

export function centerIn(value: string, columns: number): string {
  const pad = Math.max(0, Math.floor((columns - textWidth(value)) / 2));
  return `${' '.repeat(pad)}${value}`;
}
