// An order in the sandbox gateway's books, for tests that put one there directly: every field named once
// here, so a new one is added in one place. By default an active WeChat Pay payment of 100 cents just
// made (status init, the normal scenario) for merchant M1; a caller gives only what it is about.
import type { SimOrder } from '../../electron/core/simulator/ledger.ts';

export function simOrder(orderId: string, fields: Partial<SimOrder> = {}): SimOrder {
  return {
    orderId,
    merchantId: 'M1',
    kind: 'payment',
    mode: 'active',
    wallet: 'WECHATPAY',
    amountCents: 100,
    tipCents: 0,
    status: 'init',
    scenario: 'normal',
    createdAt: 0,
    paidAt: null,
    refundedCents: 0,
    originalOrderId: null,
    callbackUrl: null,
    walletToken: null,
    codeUrl: null,
    walletTxnId: null,
    buyerLoginId: null,
    saleNum: null,
    ...fields,
  };
}
