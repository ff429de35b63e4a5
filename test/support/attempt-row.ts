// An attempt row for tests and benches that write the journal directly (no engine): every column named
// once here, so a new column is added in one place. By default an active WeChat Pay attempt of $10.00
// sent at `at` and not yet answered, its own sale; a caller gives only what it is about.
import type { AttemptRow } from '../../electron/core/journal/rows.ts';
import { SANDBOX_OPERATOR_ID } from '../../electron/core/simulator/index.ts';

export function attemptRow(orderId: string, at: number, fields: Partial<AttemptRow> = {}): AttemptRow {
  return {
    attemptId: orderId,
    orderId,
    saleId: orderId,
    mode: 'active',
    wallet: 'WECHATPAY',
    amountCents: 1000,
    tipCents: 0,
    currency: 'CAD',
    state: 'submitted',
    gatewaySeen: false,
    reason: null,
    qrPayload: null,
    qrExpiresAt: null,
    walletTxnId: null,
    codeMasked: null,
    codeHash: null,
    operatorId: SANDBOX_OPERATOR_ID,
    terminalNo: 'T1',
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    paidAt: null,
    cancelCause: null,
    needsAttention: false,
    manual: false,
    refundedCents: 0,
    ...fields,
  };
}
