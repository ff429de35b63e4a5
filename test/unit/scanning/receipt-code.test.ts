// The QR on our receipts: it names our order id, and the scan rules never take it for a wallet code,
// even when the order id is all digits shaped like a WeChat Pay code; a scanner's read of it reaches
// no payment and is announced with the order to open.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../../electron/core/clock.ts';
import { FakeScanSource } from '../../../electron/core/devices/fake-scan-source.ts';
import { ScanRouter, type WalletCodeScan } from '../../../electron/core/devices/scan-router.ts';
import { orderIdFromReceiptCode, receiptCode } from '../../../shared/scanning/receipt-code.ts';
import type { ScanRefusedEvent } from '../../../shared/scanning/scan-refusal.ts';
import { detectWallet } from '../../../shared/scanning/wallet-codes.ts';

describe('receipt codes', () => {
  it('round-trips our order id and refuses anything else', () => {
    assert.equal(orderIdFromReceiptCode(receiptCode('0MX2KA2EJ01EDD1')), '0MX2KA2EJ01EDD1');
    assert.equal(orderIdFromReceiptCode('135481333156664496'), null);
    assert.equal(orderIdFromReceiptCode('OTR'), null);
    assert.equal(orderIdFromReceiptCode('OTR-12'), null);
  });

  it('is never classified as a wallet code, whatever the order id looks like', () => {
    for (const id of ['135481333156664496', '29009380840970841678', '0MX2KA2EJ01EDD1']) {
      const c = detectWallet(receiptCode(id), { wallet: 'WECHATPAY' });
      assert.equal(c.kind, 'rejected');
      assert.equal(c.kind === 'rejected' && c.reasonCode, 'receipt');
    }
  });

  it('does not reach a waiting payment; the refusal names the order', () => {
    const clock = new ManualClock();
    const router = new ScanRouter({ clock });
    const scanner = new FakeScanSource({ kind: 'serial', clock });
    router.attach(scanner);
    scanner.start();
    const codes: WalletCodeScan[] = [];
    const refused: ScanRefusedEvent[] = [];
    router.onRefused((e) => refused.push(e));
    router.waitForWalletCode({ onCode: (s) => codes.push(s) });
    scanner.scan(`${receiptCode('135481333156664496')}\r\n`);
    assert.equal(codes.length, 0);
    assert.equal(refused[0]?.error.reason, 'receipt');
    assert.deepEqual(refused[0]?.error.params, { orderId: '135481333156664496' });
  });
});
