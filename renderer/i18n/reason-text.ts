// An attempt's reason (written by the core in English, kept in the journal) in the operator's
// language: the shared templates give back its key and values; text no template made shows as is.
import { parseReason } from '../../shared/payments/attempt-reasons.ts';
import type { Translate } from './t.ts';

export function reasonText(tr: Translate, reason: string): string {
  const found = parseReason(reason);
  return found ? tr(`attemptReason.${found.key}`, found.params) : reason;
}
