// The rule for saying a refund (issue 21): only refunded, once per id, only when confirmed within
// LATE_REFUND_SAID_WITHIN_MS of being asked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RefundView } from '../../../shared/domain.ts';
import { LATE_REFUND_SAID_WITHIN_MS, refundToSay } from '../../../shared/speech/refund-to-say.ts';

const refund = (patch: Partial<RefundView> = {}): RefundView => ({
  refundId: 'r1',
  orderId: 'o-r1',
  attemptId: 'a1',
  amountCents: 1250,
  currency: 'CAD',
  state: 'refunded',
  reason: null,
  createdAt: 1_000_000,
  updatedAt: 1_000_000 + 4_000,
  ...patch,
});

test('a refunded refund is said with its wallet, amount and currency', () => {
  assert.deepEqual(refundToSay({ refund: refund(), wallet: 'UNIONPAY' }, new Set()), {
    refundId: 'r1',
    wallet: 'UNIONPAY',
    cents: 1250,
    currency: 'CAD',
  });
});

test('a refund still being checked, refused or never sent is not said', () => {
  for (const state of ['created', 'submitted', 'unknown', 'failed'] as const)
    assert.equal(refundToSay({ refund: refund({ state }), wallet: 'ALIPAY' }, new Set()), null, state);
});

test('a refund already said is not said again', () => {
  assert.equal(refundToSay({ refund: refund(), wallet: 'ALIPAY' }, new Set(['r1'])), null);
  assert.notEqual(refundToSay({ refund: refund(), wallet: 'ALIPAY' }, new Set(['r2'])), null);
});

test('a refund confirmed later than the window after it was asked is not said (a restart long after)', () => {
  const at = (late: number) => refund({ updatedAt: 1_000_000 + late });
  assert.notEqual(refundToSay({ refund: at(LATE_REFUND_SAID_WITHIN_MS), wallet: 'ALIPAY' }, new Set()), null);
  assert.equal(
    refundToSay({ refund: at(LATE_REFUND_SAID_WITHIN_MS + 1), wallet: 'ALIPAY' }, new Set()),
    null,
  );
  assert.equal(refundToSay({ refund: at(26 * 3_600_000), wallet: 'ALIPAY' }, new Set()), null);
});
