// The headline of an attempt that ended without payment, in words true to what happened: "Declined"
// only when a wallet or the gateway said no. An order OTTPay never received was simply not charged
// (scenario 96); a passive order that closed unpaid never had a QR to expire (scenario 98).
import type { AttemptView } from '../../shared/domain.ts';
import { parseReason } from '../../shared/payments/attempt-reasons.ts';
import type { Translate } from '../i18n/t.ts';

export function failedHeadline(
  tr: Translate,
  attempt: Pick<AttemptView, 'state' | 'mode' | 'reason'>,
): string {
  const reason = attempt.reason ? parseReason(attempt.reason)?.key : undefined;
  if (reason === 'notFound') return tr('status.notCharged');
  if (attempt.state === 'expired' || reason === 'closed') {
    return attempt.mode === 'passive' ? tr('status.closedUnpaid') : tr('status.expired');
  }
  return tr('status.declined');
}

/** An attempt's state in a list (history): a failed order OTTPay never received reads "Not charged". */
export function stateWord(tr: Translate, attempt: Pick<AttemptView, 'state' | 'reason'>): string {
  if (attempt.state === 'failed' && attempt.reason && parseReason(attempt.reason)?.key === 'notFound') {
    return tr('state.notCharged');
  }
  return tr(`state.${attempt.state}`);
}
