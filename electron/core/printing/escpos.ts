// Receipt lines → ESC/POS bytes, with @point-of-sale/receipt-printer-encoder doing the printer language
// (initialise, code page, bold, size, QR, raster images, cut). Latin text goes through code page 858
// (Western European with €). A line the code page cannot hold (Chinese) is printed either in the
// printer's Chinese mode as GB18030 (FS & … FS .), or as a raster image of the line drawn by an
// injected rasteriser, for printers without Chinese fonts.

import CodepageEncoder from '@point-of-sale/codepage-encoder';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { ReceiptDoc, ReceiptLine } from '../../../shared/printing/receipt-layout.ts';
import { centerIn } from '../../../shared/printing/receipt-layout.ts';
import { encodeGb18030 } from './gb18030.ts';

export type ChineseMode = 'gb18030' | 'raster';

/** One drawn line of text: RGBA pixels, as a canvas's ImageData holds them. */
export interface LineBitmap {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * Draws one line of text in a font the printer lacks. Node has no font engine, so a shell provides it
 * (Electron: an offscreen page's canvas; tests: Chromium's canvas).
 */
export type LineRasteriser = (
  text: string,
  opts: { bold: boolean; widthDots: number },
) => Promise<LineBitmap>;

export interface EscposOptions {
  chinese: ChineseMode;
  rasterise?: LineRasteriser | undefined;
  /** Feed and cut at the end (default true). */
  cut?: boolean;
}

const LATIN = 'cp858';
const FS_CHINESE_ON = [0x1c, 0x26];
const FS_CHINESE_OFF = [0x1c, 0x2e];
/** Font A is 12 dots wide: 48 columns on 576 dots (80 mm), 32 on 384 (58 mm). */
const DOTS_PER_COLUMN = 12;

let latinSet: Set<number> | null = null;
function latinCodepoints(): Set<number> {
  latinSet ??= new Set(CodepageEncoder.getCodepoints(LATIN, true));
  return latinSet;
}

/** True when the code page prints every character of the text. */
export function fitsLatin(value: string): boolean {
  const set = latinCodepoints();
  for (const ch of value) if (!set.has(ch.codePointAt(0) ?? 0)) return false;
  return true;
}

export async function encodeReceipt(doc: ReceiptDoc, opts: EscposOptions): Promise<Uint8Array> {
  const enc = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: doc.columns,
    codepageMapping: 'epson',
    imageMode: 'raster',
  });
  enc.initialize().codepage(LATIN).align('left');
  for (const line of doc.lines) await encodeLine(enc, line, doc.columns, opts);
  if (opts.cut ?? true) enc.newline(2).cut('partial');
  return enc.encode();
}

async function encodeLine(
  enc: ReceiptPrinterEncoder,
  line: ReceiptLine,
  columns: number,
  opts: EscposOptions,
): Promise<void> {
  if (line.kind === 'rule') {
    enc.line('-'.repeat(columns));
    return;
  }
  if (line.kind === 'qr') {
    enc.align('center').qrcode(line.payload, { model: 2, size: 6, errorlevel: 'm' }).align('left');
    return;
  }
  const width = line.big ? Math.floor(columns / 2) : columns;
  const value = line.align === 'center' ? centerIn(line.text, width) : line.text;
  enc.bold(line.bold);
  if (line.big) enc.size(2, 2);
  if (fitsLatin(value)) enc.line(value);
  else await encodeWide(enc, value, line, columns, opts);
  if (line.big) enc.size(1, 1);
  enc.bold(false);
}

async function encodeWide(
  enc: ReceiptPrinterEncoder,
  value: string,
  line: Extract<ReceiptLine, { kind: 'text' }>,
  columns: number,
  opts: EscposOptions,
): Promise<void> {
  const gb = opts.chinese === 'gb18030' ? encodeGb18030(value) : null;
  if (gb) {
    enc.raw([...FS_CHINESE_ON, ...gb, ...FS_CHINESE_OFF]).newline();
    return;
  }
  if (opts.rasterise) {
    const widthDots = (line.big ? Math.floor(columns / 2) : columns) * DOTS_PER_COLUMN;
    const bmp = await opts.rasterise(value, { bold: line.bold, widthDots });
    const input: object = { width: bmp.width, height: bmp.height, data: bmp.data };
    enc.image(input, { width: bmp.width, height: bmp.height, algorithm: 'threshold', threshold: 128 });
    return;
  }
  // No Chinese font and no way to draw one: the code page's replacement characters, never a failure.
  enc.line(value);
}
