// Wallet payment codes: never stored in clear. The journal keeps the mask (last 4) for people and a
// keyed hash (HMAC-SHA-256, its random key in the secret store, not the journal) for the single-use check.
import { createHmac } from 'node:crypto';
import type { Wallet } from '../../../shared/domain.ts';
import { detectWallet } from '../../../shared/scanning/wallet-codes.ts';

export { maskWalletCode } from '../../../shared/payments/mask-code.ts';
// Which wallet a code belongs to, and its normal form: the scanning module's rules (OTTPAY.md §7).
export { normaliseCode, walletOf } from '../../../shared/scanning/wallet-codes.ts';

/** The operator's wallet for a code whose prefix the patterns do not know, if it is plausible for one. */
export function walletByPick(code: string, picked: Wallet): Wallet | null {
  const found = detectWallet(code, { wallet: picked });
  return found.kind === 'wallet' ? found.wallet : null;
}

export function hashWalletCode(key: Buffer, code: string): string {
  return createHmac('sha256', key).update(code.trim(), 'utf8').digest('hex');
}
