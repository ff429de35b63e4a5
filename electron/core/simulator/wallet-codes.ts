// Which wallet a payment code belongs to (OTTPAY.md §7). The simulator answers AUTH_CODE_INVALID for
// a code that matches no wallet, or not the wallet the till named — as the wallet itself would.
import type { Wallet } from '../../../shared/domain.ts';

export function walletOfCode(code: string): Wallet | null {
  if (/^1[0-5]\d{16}$/.test(code)) return 'WECHATPAY';
  if (/^(2[5-9]|30)\d{14,22}$/.test(code)) return 'ALIPAY';
  if (/^62\d{17}$/.test(code) || /^hQVDUFY[A-Za-z0-9+/=]+$/.test(code)) return 'UNIONPAY';
  return null;
}

/** A valid-looking code for each wallet, for tests and the CLI's examples. */
export const SAMPLE_CODES: Record<Wallet, string> = {
  WECHATPAY: '134567890123456789',
  ALIPAY: '284567890123456789',
  UNIONPAY: '6212345678901234567',
};
