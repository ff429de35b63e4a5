// The core writes an attempt's reason in English; the renderer must find its key and values again to
// word it in the operator's language. Every template round-trips, and unknown text stays as it is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GatewayError } from '../../../electron/core/gateway/types.ts';
import { changeFromPayError, declineReason } from '../../../electron/core/payments/outcomes.ts';
import { reasonText as localReason } from '../../../renderer/i18n/reason-text.ts';
import { t } from '../../../renderer/i18n/t.ts';
import {
  parseReason,
  REASON_TEMPLATES,
  type ReasonKey,
  reasonText,
} from '../../../shared/payments/attempt-reasons.ts';

const PARAMS = {
  code: 'RISK_CONTROL',
  charged: '12.00',
  expected: '13.50',
  note: 'seen on the phone: paid {x}',
};

describe('attempt reasons', () => {
  it('every template comes back as its key and values', () => {
    for (const key of Object.keys(REASON_TEMPLATES) as ReasonKey[]) {
      const text = reasonText(key, PARAMS);
      const found = parseReason(text);
      assert.equal(found?.key, key, text);
      for (const [name, value] of Object.entries(found?.params ?? {}))
        assert.equal(value, PARAMS[name as keyof typeof PARAMS]);
    }
    assert.equal(parseReason('Something the gateway said once'), null);
  });

  it('reads the core’s own decline reasons in French and Chinese', () => {
    const fr = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
      t('fr', key, params);
    const zh = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
      t('zh', key, params);
    const pwd = declineReason(new GatewayError('declined', 'x', 'PWD_INCORRECT'));
    assert.match(localReason(fr, pwd), /^Mot de passe de paiement erroné/);
    const other = declineReason(new GatewayError('declined', 'x', 'RISK_CONTROL'));
    assert.equal(localReason(fr, other), 'Refusé par la passerelle (RISK_CONTROL) : rien n’a été débité.');
    const unknown =
      changeFromPayError(new GatewayError('unknown_outcome', 'timeout'), 'command').reason ?? '';
    assert.match(localReason(zh, unknown), /请勿重复收款/);
    assert.equal(localReason(fr, 'A reason no template made'), 'A reason no template made');
  });
});
