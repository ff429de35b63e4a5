// Receipts from the model to ESC/POS bytes and back: the decoded lines carry the content the issue
// lists (shop, date, order, wallet, wallet txn, amounts, CNY and rate, operator, terminal, sandbox
// mark, merchant-copy line, QR of our order id), refund receipts the original order and what remains,
// and Chinese comes back as Chinese from GB18030.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeReceipt } from '../../../electron/core/printing/escpos.ts';
import { encodeGb18030 } from '../../../electron/core/printing/gb18030.ts';
import type { Receipt } from '../../../shared/printing/receipt.ts';
import { layoutReceipt, receiptText } from '../../../shared/printing/receipt-layout.ts';
import { textWidth } from '../../../shared/printing/text-width.ts';
import { decodeEscpos } from '../../support/escpos-decode.ts';

const AT = Date.UTC(2026, 10, 30, 18, 5, 9);

function sale(over: Partial<Receipt> = {}): Receipt {
  return {
    body: {
      kind: 'sale',
      orderId: 'MIG0A1B2C3D4E1',
      wallet: 'WECHATPAY',
      walletTxnId: '4200001234567890123',
      currency: 'CAD',
      amountCents: 1190,
      tipCents: 100,
      at: AT,
      cny: { rate: 5.1987, payFen: 6706 },
      refundedCents: 0,
    },
    copy: 'customer',
    language: 'en',
    shop: { name: 'Café Lumière', address: '123 rue Saint-Denis, Montréal', phone: '514-555-0199' },
    operatorId: '0000000001',
    terminalNo: '1',
    sandbox: false,
    reprint: false,
    timeZone: 'America/Toronto',
    ...over,
  };
}

async function printed(r: Receipt, columns = 48) {
  return decodeEscpos(await encodeReceipt(layoutReceipt(r, columns), { chinese: 'gb18030' }));
}

const lineWith = (lines: string[], ...parts: string[]) =>
  lines.find((l) => parts.every((p) => l.includes(p))) ??
  assert.fail(`no line with ${parts.join(' … ')}:\n${lines.join('\n')}`);

describe('sale receipt', () => {
  it('prints everything a customer copy carries, and the QR of our order id', async () => {
    const d = await printed(sale());
    lineWith(d.lines, 'Café Lumière');
    lineWith(d.lines, '123 rue Saint-Denis, Montréal');
    lineWith(d.lines, '514-555-0199');
    lineWith(d.lines, 'Date', '2026-11-30 13:05:09');
    lineWith(d.lines, 'Order', 'MIG0A1B2C3D4E1');
    lineWith(d.lines, 'Wallet', 'WeChat Pay');
    lineWith(d.lines, 'Wallet txn', '4200001234567890123');
    lineWith(d.lines, 'Amount', 'CAD 11.90');
    lineWith(d.lines, 'Tip', 'CAD 1.00');
    lineWith(d.lines, 'Total', 'CAD 12.90');
    lineWith(d.lines, 'CNY', '¥ 67.06');
    lineWith(d.lines, 'Rate', '1 CAD = 5.1987 CNY');
    lineWith(d.lines, 'Operator', '0000000001');
    lineWith(d.lines, 'Terminal', '1');
    assert.deepEqual(d.qr, ['OTRMIG0A1B2C3D4E1']);
    assert.equal(d.cuts, 1);
    assert.ok(!d.lines.some((l) => l.includes('MERCHANT COPY')));
    assert.ok(!d.lines.some((l) => l.includes('SANDBOX')));
    for (const l of d.lines) assert.ok(textWidth(l) <= 48, `too wide: ${l}`);
  });

  it('marks the merchant copy and sandbox receipts', async () => {
    const d = await printed(sale({ copy: 'merchant', sandbox: true }));
    lineWith(d.lines, 'MERCHANT COPY');
    assert.equal(d.lines.filter((l) => l.includes('SANDBOX — NOT A PAYMENT')).length, 2);
  });

  it('fits 58 mm paper', async () => {
    const d = await printed(sale(), 32);
    for (const l of d.lines) assert.ok(textWidth(l) <= 32, `too wide: ${l}`);
    lineWith(d.lines, 'Total', 'CAD 12.90');
  });

  it('prints Chinese through GB18030 in the printer’s Chinese mode', async () => {
    const bytes = await encodeReceipt(
      layoutReceipt(sale({ language: 'zh', shop: { name: '光明咖啡', address: '', phone: '' } }), 48),
      {
        chinese: 'gb18030',
      },
    );
    const d = decodeEscpos(bytes);
    lineWith(d.lines, '光明咖啡');
    lineWith(d.lines, '支付方式', '微信支付');
    lineWith(d.lines, '合计', 'CAD 12.90');
    lineWith(d.lines, '人民币', '¥ 67.06');
    lineWith(d.lines, '谢谢惠顾');
    // Chinese characters take two columns: no line is wider than the paper.
    for (const l of d.lines) assert.ok(textWidth(l) <= 48, `too wide: ${l}`);
    // The bytes really are GB18030 (合计 is BA CF BC C6), sent in Chinese mode (FS &).
    assert.ok(Buffer.from(bytes).includes(Buffer.from([0xba, 0xcf, 0xbc, 0xc6])));
    assert.ok(Buffer.from(bytes).includes(Buffer.from([0x1c, 0x26])));
    assert.deepEqual([...(encodeGb18030('你') ?? [])], [0xc4, 0xe3]);
  });

  it('prints a reprint and what was refunded so far', async () => {
    const r = sale({ reprint: true });
    if (r.body.kind === 'sale') r.body.refundedCents = 500;
    const d = await printed(r);
    lineWith(d.lines, 'SALE — REPRINT');
    lineWith(d.lines, 'Refunded', 'CAD 5.00');
    lineWith(d.lines, 'Remaining', 'CAD 7.90');
  });

  it('plain text shows the same lines as the printer', async () => {
    const doc = layoutReceipt(sale(), 48);
    const text = receiptText(doc)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('[QR'));
    const d = decodeEscpos(await encodeReceipt(doc, { chinese: 'gb18030' }));
    assert.deepEqual(d.lines.map((l) => l.trim()).filter(Boolean), text);
  });
});

describe('refund receipt', () => {
  it('names the original order, the refunded amount and what remains', async () => {
    const d = await printed({
      ...sale(),
      body: {
        kind: 'refund',
        orderId: 'RIG0A1B2C3D4E1',
        originalOrderId: 'MIG0A1B2C3D4E1',
        wallet: 'ALIPAY',
        walletTxnId: null,
        currency: 'CAD',
        originalTotalCents: 1290,
        refundedCents: 500,
        remainingCents: 790,
        at: AT,
      },
    });
    lineWith(d.lines, 'REFUND');
    lineWith(d.lines, 'Original order', 'MIG0A1B2C3D4E1');
    lineWith(d.lines, 'Refunded', 'CAD 5.00');
    lineWith(d.lines, 'Remaining', 'CAD 7.90');
    assert.deepEqual(d.qr, ['OTRMIG0A1B2C3D4E1']);
  });
});
