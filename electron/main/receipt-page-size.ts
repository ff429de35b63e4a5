// The page a system printer prints a receipt on. Without pageSize (or usePrinterDefaultPageSize)
// Electron prints A4 (electron_api_web_contents.cc falls back to 210 × 297 mm), which a thermal printer
// feeds out as a metre of paper. The width is the roll the receipt was laid out for; the height follows
// its lines as receipt-page.ts sets them (11 px at 1.35 line height, a big line at 200 % × 1.2, the QR
// 120 px), so the cutter comes right after the last line. Microns, as webContents.print wants them.
import type { ReceiptDoc } from '../../shared/printing/receipt-layout.ts';
import { COLUMNS } from '../../shared/printing/receipt-layout.ts';

const MICRONS_PER_CSS_PX = 25_400 / 96;
const PAGE_PADDING_PX = (4 * 2 * 1000) / MICRONS_PER_CSS_PX; // 4 mm top and bottom
const LINE_PX = 11 * 1.35;
const BIG_LINE_PX = 22 * 1.2;
const RULE_PX = 11 * 0.6 + 1;
const QR_PX = 120 + 11 * 0.8;
/** Slack for font metrics: a page a little long is cut blank; a short one splits the receipt. */
const SLACK = 1.08;

/** Paper width in microns for the columns the receipt was laid out in (80 mm or 58 mm rolls). */
export function paperWidthMicrons(columns: number): number {
  return columns <= COLUMNS['58mm'] ? 58_000 : 80_000;
}

export function receiptPageSize(doc: ReceiptDoc): { width: number; height: number } {
  let px = PAGE_PADDING_PX;
  for (const line of doc.lines) {
    if (line.kind === 'rule') px += RULE_PX;
    else if (line.kind === 'qr') px += QR_PX;
    else px += line.big ? BIG_LINE_PX : LINE_PX;
  }
  return {
    width: paperWidthMicrons(doc.columns),
    height: Math.ceil(px * SLACK * MICRONS_PER_CSS_PX),
  };
}
