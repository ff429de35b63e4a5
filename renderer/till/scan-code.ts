// What a scanned or typed code is, for the scan screen's "Detected: …" line and the wedge hook.
// The rules are shared/scanning/wallet-codes.ts — the same ones the core applies.
import type { Wallet } from '../../shared/domain.ts';
import type { ScanRefusal } from '../../shared/scanning/scan-refusal.ts';
import { detectWallet } from '../../shared/scanning/wallet-codes.ts';

export type ScanVerdict = { ok: true; wallet: Wallet; code: string } | { ok: false; refusal: ScanRefusal };

/** `picked`: the wallet the operator named, so a plausible code with an unknown prefix is its. */
export function judgeCode(raw: string, picked: Wallet | null = null): ScanVerdict {
  const found = detectWallet(raw, { wallet: picked });
  if (found.kind === 'wallet') return { ok: true, wallet: found.wallet, code: found.code };
  if (found.kind === 'product') return { ok: false, refusal: 'product' };
  return { ok: false, refusal: found.reasonCode };
}
