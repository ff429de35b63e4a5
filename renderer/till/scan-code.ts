// What a scanned or typed code is, for the scan screen's "Detected: …" line and the wedge hook.
// The rules are shared/scanning/wallet-codes.ts — the same ones the core applies.
import type { Wallet } from '../../shared/domain.ts';
import type { ScanRefusal } from '../../shared/scanning/scan-refusal.ts';
import { detectWallet } from '../../shared/scanning/wallet-codes.ts';

export type ScanVerdict = { ok: true; wallet: Wallet; code: string } | { ok: false; refusal: ScanRefusal };

export function judgeCode(raw: string): ScanVerdict {
  const found = detectWallet(raw);
  if (found.kind === 'wallet') return { ok: true, wallet: found.wallet, code: found.code };
  if (found.kind === 'product') return { ok: false, refusal: 'product' };
  return { ok: false, refusal: found.reasonCode };
}
