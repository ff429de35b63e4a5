// Issue 15, item 6: an attempt that ended unpaid is headed with what happened, not always "Declined".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { t } from '../../../renderer/i18n/t.ts';
import { failedHeadline, stateWord } from '../../../renderer/till/outcome-words.ts';
import { reasonText } from '../../../shared/payments/attempt-reasons.ts';

const tr = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t('en', key, params);

describe('the headline of an unpaid attempt', () => {
  it('96: OTTPay never received the order — not charged, not declined', () => {
    const attempt = { state: 'failed', mode: 'passive', reason: reasonText('notFound') } as const;
    assert.equal(failedHeadline(tr, attempt), 'Not charged — OTTPay never received this order');
  });

  it('98 passive: the order closed unpaid — no QR is mentioned', () => {
    const attempt = { state: 'expired', mode: 'passive', reason: reasonText('closed') } as const;
    assert.equal(failedHeadline(tr, attempt), 'Not paid — the order closed before the customer paid');
    assert.doesNotMatch(failedHeadline(tr, attempt), /QR/);
  });

  it('98 active: the QR expired or was cancelled', () => {
    const attempt = { state: 'expired', mode: 'active', reason: reasonText('closed') } as const;
    assert.equal(failedHeadline(tr, attempt), 'Not paid — the QR expired or was cancelled');
  });

  it('99: declined by the wallet', () => {
    const attempt = { state: 'failed', mode: 'passive', reason: reasonText('declinedByWallet') } as const;
    assert.equal(failedHeadline(tr, attempt), 'Declined');
  });

  it('in the history list, 96 reads "Not charged"; other states keep their word', () => {
    assert.equal(stateWord(tr, { state: 'failed', reason: reasonText('notFound') }), 'Not charged');
    assert.equal(stateWord(tr, { state: 'failed', reason: reasonText('declinedByWallet') }), 'Declined');
    assert.equal(stateWord(tr, { state: 'paid', reason: null }), 'Paid');
  });
});
