// ESC/POS real-time status (DLE EOT n): the printer answers one byte at once, even while busy. Used
// before a receipt is sent, so "paper out" and "cover open" reach the screen instead of a silent loss.
import type { PrintFailure } from './printer.ts';

/** DLE EOT 2: offline cause. DLE EOT 4: roll paper sensor. */
export const STATUS_OFFLINE_CAUSE = Uint8Array.of(0x10, 0x04, 0x02);
export const STATUS_PAPER = Uint8Array.of(0x10, 0x04, 0x04);

/** A status byte always has bit 1 and bit 4 set and bits 0 and 7 clear. */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** What an offline-cause byte says is wrong, or null. */
export function offlineCause(b: number): PrintFailure | null {
  if (b & 0x04) return 'cover_open';
  if (b & 0x20) return 'paper_out';
  if (b & 0x40) return 'printer_error';
  return null;
}

/** What a paper-sensor byte says is wrong (paper end), or null (near end still prints). */
export function paperCause(b: number): PrintFailure | null {
  return b & 0x60 ? 'paper_out' : null;
}
