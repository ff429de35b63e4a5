// Refusals the core words in English reach the cashier in the operator's language when they carry a
// known reason; any other error keeps the core's message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../../renderer/i18n/en.ts';
import { errorText } from '../../../renderer/i18n/error-text.ts';
import { t } from '../../../renderer/i18n/t.ts';
import { AppError } from '../../../shared/result.ts';
import { SCAN_REFUSALS } from '../../../shared/scanning/scan-refusal.ts';

describe('errorText', () => {
  const fr = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) => t('fr', key, params);

  it('words a scan refusal from the dictionary, in every language, for every reason', () => {
    for (const reason of SCAN_REFUSALS) {
      const data = new AppError('CONFLICT', 'english words', false, reason).toData();
      assert.equal(data.reason, reason);
      for (const lang of ['en', 'fr', 'zh'] as const) {
        const text = errorText((key) => t(lang, key), data);
        assert.notEqual(text, 'english words');
        assert.ok(text.length > 0);
        if (lang !== 'en')
          assert.notEqual(text, en[`scanRefusal.${reason}`], `${lang} ${reason} is translated`);
      }
    }
    const used = new AppError('CONFLICT', 'this payment code was already used', false, 'used').toData();
    assert.match(errorText(fr, used), /déjà servi/);
  });

  it('words PIN, amount and wallet refusals with their values', () => {
    const locked = new AppError('NOT_ALLOWED', 'Wrong PIN — locked for 60 s', true, 'pin-locked', {
      seconds: 60,
    }).toData();
    assert.equal(errorText(fr, locked), 'NIP erroné — bloqué pendant 60 s');
    const limit = new AppError('VALIDATION', 'over', false, 'amount-over-limit', {
      limit: '5000.00',
    }).toData();
    assert.match(
      errorText((key, params) => t('zh', key, params), limit),
      /5000\.00/,
    );
    const wallet = new AppError('VALIDATION', 'x', false, 'wallet-not-enabled', {
      wallet: 'WECHATPAY',
    }).toData();
    assert.equal(
      errorText((key, params) => t('zh', key, params), wallet),
      '本收银机未启用 微信支付',
    );
  });

  it("keeps the core's message when there is no reason or one it does not know", () => {
    const plain = new AppError('GATEWAY_DECLINED', 'Declined by the wallet: insufficient funds').toData();
    assert.equal(plain.reason, undefined);
    assert.equal('reason' in plain, false, 'no reason field on the wire when there is none');
    assert.equal(errorText(fr, plain), 'Declined by the wallet: insufficient funds');
    const unknown = {
      code: 'CONFLICT' as const,
      message: 'core words',
      retryable: false,
      reason: 'new-kind',
    };
    assert.equal(errorText(fr, unknown), 'core words');
  });
});
