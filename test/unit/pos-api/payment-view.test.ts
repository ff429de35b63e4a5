// A POS payment's state as the POS reads it, derived from the journal's sale and attempts: any paid
// attempt wins; unknown and cancelling are "checking" (never failed); a cashier's cancel is "cancelled";
// a QR that expired unpaid is "failed" (expired); SCAN waits with no attempt; a closed sale with none is cancelled.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AttemptRow, SaleRow } from '../../../electron/core/journal/rows.ts';
import { posPaymentView } from '../../../electron/core/pos-api/payment-view.ts';
import type { PosPaymentRecord } from '../../../electron/core/pos-api/pos-records.ts';
import type { AttemptState } from '../../../shared/domain.ts';

const record: PosPaymentRecord = {
  saleId: 'S1',
  idemKey: 'k',
  requestHash: 'h',
  method: 'WECHATPAY',
  reference: 'T1',
  createdAt: 1_000,
};
const sale: SaleRow = {
  saleId: 'S1',
  amountCents: 1234,
  tipCents: 0,
  currency: 'CAD',
  operatorId: '1',
  terminalNo: 'T1',
  createdAt: 1_000,
  updatedAt: 1_000,
  closedAt: null,
};

function attempt(state: AttemptState, extra: Partial<AttemptRow> = {}): AttemptRow {
  return {
    attemptId: `A-${state}`,
    orderId: `O-${state}`,
    saleId: 'S1',
    mode: 'active',
    wallet: 'WECHATPAY',
    amountCents: 1234,
    tipCents: 0,
    currency: 'CAD',
    state,
    gatewaySeen: true,
    reason: state === 'failed' ? 'Declined by the wallet' : null,
    qrPayload: 'http://sim/wallet/abc',
    qrExpiresAt: 9_999_999,
    walletTxnId: state === 'paid' ? 'W1' : null,
    codeMasked: null,
    codeHash: null,
    operatorId: '1',
    terminalNo: 'T1',
    createdAt: 1_100,
    updatedAt: 2_000,
    submittedAt: 1_100,
    paidAt: state === 'paid' ? 2_000 : null,
    cancelCause: null,
    needsAttention: false,
    manual: false,
    refundedCents: 0,
    ...extra,
  };
}

const stateOf = (attempts: AttemptRow[], waitingForCode = false, closed = false) =>
  posPaymentView(record, { ...sale, closedAt: closed ? 5_000 : null }, attempts, { waitingForCode });

describe('POS payment view', () => {
  it('maps each attempt state', () => {
    const cases: Array<[AttemptRow, string]> = [
      [attempt('created'), 'processing'],
      [attempt('submitted'), 'processing'],
      [attempt('awaiting_customer'), 'waiting'],
      [attempt('unknown'), 'checking'],
      [attempt('cancelling', { cancelCause: 'cashier' }), 'checking'],
      [attempt('paid'), 'paid'],
      [attempt('failed'), 'failed'],
      [attempt('expired', { cancelCause: 'cashier' }), 'cancelled'],
      [attempt('expired', { cancelCause: 'qr_expired' }), 'failed'],
    ];
    for (const [a, want] of cases) assert.equal(stateOf([a]).state, want, a.state);
  });

  it('shows the QR link only while waiting, the wallet transaction only once paid, the failure only when failed', () => {
    assert.equal(stateOf([attempt('awaiting_customer')]).codeUrl, 'http://sim/wallet/abc');
    assert.equal(stateOf([attempt('unknown')]).codeUrl, null);
    const paid = stateOf([attempt('paid')]);
    assert.deepEqual([paid.walletTxnId, paid.failure, paid.orderId], ['W1', null, 'O-paid']);
    assert.deepEqual(stateOf([attempt('failed')]).failure, {
      code: 'declined',
      message: 'Declined by the wallet',
    });
    assert.deepEqual(stateOf([attempt('expired', { cancelCause: 'qr_expired' })]).failure?.code, 'expired');
    assert.equal(stateOf([attempt('paid')]).updatedAt, new Date(2_000).toISOString());
  });

  it('any paid attempt wins over a later failed one; a live one over an earlier failure', () => {
    assert.equal(stateOf([attempt('paid'), attempt('failed')]).state, 'paid');
    assert.equal(stateOf([attempt('failed'), attempt('unknown')]).state, 'checking');
  });

  it('SCAN: waiting for the code with no attempt; cancelled once the sale closes without one', () => {
    const scan = { ...record, method: 'SCAN' as const };
    const waiting = posPaymentView(scan, sale, [], { waitingForCode: true });
    assert.deepEqual([waiting.state, waiting.wallet, waiting.orderId], ['waiting', null, null]);
    assert.equal(
      posPaymentView(scan, { ...sale, closedAt: 5_000 }, [], { waitingForCode: false }).state,
      'cancelled',
    );
  });
});
