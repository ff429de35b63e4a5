// A core refusal in the operator's language: errors that carry a known reason key (a scan refusal,
// a PIN or amount refusal) are worded from the dictionary; any other error shows the core's message.
import { WALLETS } from '../../shared/domain.ts';
import { isErrorReason } from '../../shared/error-reasons.ts';
import type { AppErrorData } from '../../shared/result.ts';
import { isScanRefusal } from '../../shared/scanning/scan-refusal.ts';
import type { Translate } from './t.ts';

export function errorText(tr: Translate, error: AppErrorData): string {
  if (isScanRefusal(error.reason)) return tr(`scanRefusal.${error.reason}`, error.params);
  if (isErrorReason(error.reason)) {
    const params = { ...error.params };
    const wallet = WALLETS.find((w) => w === params.wallet);
    if (wallet) params.wallet = tr(`wallet.${wallet}`);
    return tr(`errorReason.${error.reason}`, params);
  }
  return error.message;
}
