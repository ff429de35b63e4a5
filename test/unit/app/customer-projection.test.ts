import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextProjectionChange, projectCustomerView } from '../../../electron/core/app/customer-projection.ts';
import type { AttemptView, SaleView } from '../../../shared/domain.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const ctx = { currency: 'CAD' as const, language: 'zh' as const, sandbox: true, now: NOW };

function attempt(over: Partial<AttemptView> = {}): AttemptView {
  return {
    attemptId: 'a1',
    orderId: 'ORD1',
    saleId: 's1',
    mode: 'active',
    wallet: 'ALIPAY',
    amountCents: 1000,
    tipCents: 150,
    currency: 'CAD',
    state: 'awaiting_customer',
    reason: null,
    qr: { payload: 'https://qr.example/abc', expiresAt: NOW + 60_000 },
    walletTxnId: null,
    maskedCode: null,
    operatorId: '0000000001',
    createdAt: NOW,
    updatedAt: NOW,
    paidAt: null,
    needsAttention: false,
    manual: false,
    refundedCents: 0,
    cancelled: false,
    ...over,
  };
}

function sale(phase: SaleView['phase'], a: AttemptView | null = attempt()): SaleView {
  return {
    saleId: 's1',
    amountCents: 1000,
    tipCents: 150,
    currency: 'CAD',
    phase,
    attempt: a,
    attempts: a ? [a] : [],
  };
}

describe('customer projection', () => {
  it('is idle with no sale or while the cashier is entering the amount', () => {
    for (const s of [null, sale('entering', null)]) {
      const v = projectCustomerView(s, ctx);
      assert.equal(v.phase, 'idle');
      assert.equal(v.amountCents, null);
      assert.equal(v.qrPayload, null);
      assert.equal(v.language, 'zh');
      assert.equal(v.sandbox, true);
    }
  });

  it('shows the QR and the total (amount + tip) while the customer is to scan it', () => {
    const v = projectCustomerView(sale('in_progress'), ctx);
    assert.deepEqual(v, {
      phase: 'qr',
      amountCents: 1150,
      currency: 'CAD',
      wallet: 'ALIPAY',
      qrPayload: 'https://qr.example/abc',
      expiresAt: NOW + 60_000,
      language: 'zh',
      sandbox: true,
    });
  });

  it('stops offering an expired QR: the customer is told it is cancelled', () => {
    const v = projectCustomerView(sale('in_progress'), { ...ctx, now: NOW + 60_000 });
    assert.equal(v.phase, 'cancelled');
    assert.equal(v.qrPayload, null);
  });

  it('shows the amount as the cashier keys it, and welcome again once it is cleared', () => {
    const keyed = projectCustomerView(null, { ...ctx, draft: { amountCents: 1234, tipCents: 100 } });
    assert.equal(keyed.phase, 'entering');
    assert.equal(keyed.amountCents, 1334);
    assert.equal(projectCustomerView(null, { ...ctx, draft: { amountCents: 0, tipCents: 0 } }).phase, 'idle');
    assert.equal(projectCustomerView(null, { ...ctx, draft: null }).phase, 'idle');
  });

  it('asks for a code, or to confirm on the phone, only when the customer has something to do', () => {
    const scan = projectCustomerView(sale('waiting_for_scan', null), ctx);
    assert.deepEqual([scan.phase, scan.wallet], ['waiting', null]);
    const confirming = sale('in_progress', attempt({ mode: 'passive', qr: null }));
    assert.deepEqual(
      [projectCustomerView(confirming, ctx).phase, projectCustomerView(confirming, ctx).wallet],
      ['waiting', 'ALIPAY'],
    );
  });

  it('says "checking" while the till resolves an outcome, also when no QR could be shown (97)', () => {
    for (const a of [
      attempt({ state: 'unknown', qr: null }),
      attempt({ state: 'submitted', qr: null }),
      attempt({ state: 'awaiting_customer', qr: null }),
      attempt({ mode: 'passive', state: 'unknown', qr: null }),
    ]) {
      assert.equal(projectCustomerView(sale('in_progress', a), ctx).phase, 'checking', a.state);
    }
  });

  it('says "cancelled" at once when the cashier cancels, while the till keeps checking', () => {
    const cancelling = attempt({ state: 'cancelling', qr: null, cancelled: true });
    assert.equal(projectCustomerView(sale('in_progress', cancelling), ctx).phase, 'cancelled');
    const closed = attempt({ state: 'expired', qr: null, cancelled: true });
    assert.equal(projectCustomerView(sale('failed', closed), ctx).phase, 'cancelled');
  });

  it('shows paid and declined', () => {
    assert.equal(projectCustomerView(sale('paid', attempt({ state: 'paid', qr: null })), ctx).phase, 'paid');
    assert.equal(
      projectCustomerView(sale('failed', attempt({ state: 'failed', qr: null })), ctx).phase,
      'declined',
    );
  });

  it('never carries ids, the operator or the masked code', () => {
    const text = JSON.stringify(
      projectCustomerView(sale('in_progress', attempt({ maskedCode: '1345**6789' })), ctx),
    );
    for (const secretish of ['ORD1', 's1', 'a1', '0000000001', '1345'])
      assert.ok(!text.includes(secretish), secretish);
  });

  it('says when the view will change by itself (QR expiry)', () => {
    assert.equal(nextProjectionChange(sale('in_progress'), NOW), NOW + 60_000);
    assert.equal(nextProjectionChange(sale('in_progress'), NOW + 60_000), null);
    assert.equal(nextProjectionChange(sale('paid'), NOW), null);
    assert.equal(nextProjectionChange(null, NOW), null);
  });
});

describe('the CNY line', () => {
  const sale = (amountCents: number): SaleView => ({
    saleId: 'S1',
    amountCents,
    tipCents: 0,
    currency: 'CAD',
    phase: 'waiting_for_scan',
    attempt: null,
    attempts: [],
  });
  const now = Date.UTC(2026, 10, 30, 12);
  const base = { currency: 'CAD' as const, language: 'zh' as const, sandbox: false, now };

  it('shows the amount in RMB at a rate under 24 hours old, with the rate’s time', () => {
    const v = projectCustomerView(sale(1190), {
      ...base,
      rate: { cnyPerUnit: 5.1987, fetchedAt: now - 3_600_000 },
    });
    assert.equal(v.cnyFen, 6186);
    assert.equal(v.cnyRateAt, now - 3_600_000);
  });

  it('shows none with a stale rate, or none at all', () => {
    const stale = projectCustomerView(sale(1190), {
      ...base,
      rate: { cnyPerUnit: 5.2, fetchedAt: now - 24 * 3_600_000 },
    });
    assert.equal(stale.cnyFen ?? null, null);
    assert.equal(projectCustomerView(sale(1190), base).cnyFen ?? null, null);
  });
});
