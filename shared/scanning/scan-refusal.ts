// Why a scan did not reach a payment, as a stable key: the core refuses with one, the renderer words
// it in the operator's language (renderer/i18n `scanRefusal.*`). The core's English message goes
// along as the fallback and for the log.
import type { AppErrorData } from '../result.ts';
import type { RejectReason } from './wallet-codes.ts';

export type ScanRefusal =
  | RejectReason // the text is not a code at all (wallet-codes.ts)
  | 'product' // a product barcode where a payment code was wanted
  | 'duplicate' // the same code again within the dedupe window
  | 'used' // a journal attempt already used this code
  | 'no-payment-waiting'
  | 'check-failed'; // the journal could not be asked: not sent

/**
 * Pushed to the till page when a scanner's scan is refused, by the scan rules (reason: a ScanRefusal)
 * or by the payments engine (any refusal, e.g. a wallet not enabled), so the cashier hears and sees why.
 */
export interface ScanRefusedEvent {
  error: AppErrorData;
  source: 'serial' | 'wedge';
  at: number;
}

// A record, so leaving a refusal out (and so untranslated) is a compile error, not a silent fallback.
const EVERY_REFUSAL: Record<ScanRefusal, true> = {
  empty: true,
  'too-long': true,
  'control-chars': true,
  'bad-check-digit': true,
  'not-a-payment-code': true,
  receipt: true,
  product: true,
  duplicate: true,
  used: true,
  'no-payment-waiting': true,
  'check-failed': true,
};

export const SCAN_REFUSALS = Object.keys(EVERY_REFUSAL) as readonly ScanRefusal[];

export function isScanRefusal(value: unknown): value is ScanRefusal {
  return typeof value === 'string' && Object.hasOwn(EVERY_REFUSAL, value);
}
