import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verifyCallback } from '../../../electron/core/gateway/callback.ts';
import { sealData, sealDataWithMd5 } from '../../../electron/core/gateway/envelope.ts';

const signKey = '0123456789ABCDEF';
const merchantId = 'QC00005496';
const data = {
  order_id: 'A20260115120000001',
  amount: '1234',
  tip: '100',
  bizpay_order_id: '4200001234567890',
  finish_time: '2023-03-23 01:21:53',
  merchant_id: merchantId,
  order_status: 'success',
  exchange_rate: 5.2,
};
const envelope = (d: Record<string, string | number> = data) => ({
  rsp_code: 'SUCCESS',
  rsp_msg: 'success',
  merchant_id: merchantId,
  ...sealData(d, signKey),
});

test('a genuine call-back verifies, as text or parsed, with its fields typed', () => {
  for (const body of [envelope(), JSON.stringify(envelope()), Buffer.from(JSON.stringify(envelope()))]) {
    const result = verifyCallback(body, { signKey, merchantId });
    assert.ok(result.ok, result.ok ? '' : result.reason);
    assert.deepEqual(result.callback, {
      orderId: data.order_id,
      merchantId,
      amountCents: 1234,
      tipCents: 100,
      walletTxnId: data.bizpay_order_id,
      status: 'success',
      finishTimeRaw: '2023-03-23 01:21:53',
      finishTime: Date.UTC(2023, 2, 22, 17, 21, 53),
      exchangeRateRaw: '5.2',
      saleNum: null,
    });
  }
});

test('the unencrypted rsp_code decides nothing', () => {
  const result = verifyCallback({ ...envelope(), rsp_code: 'FAIL' }, { signKey, merchantId });
  assert.ok(result.ok);
});

const rejections: Array<[string, unknown, RegExp]> = [
  [
    'forged: md5 not of this data',
    { ...envelope(), ...sealDataWithMd5(data, '0'.repeat(32), signKey) },
    /md5 does not match/,
  ],
  ['md5 changed', { ...envelope(), md5: 'F'.repeat(32) }, /rejected/],
  ['sealed with another key', { ...envelope(), ...sealData(data, 'FEDCBA9876543210') }, /rejected/],
  [
    'for another merchant (inside data)',
    envelope({ ...data, merchant_id: 'QC00000001' }),
    /another merchant/,
  ],
  ['envelope names another merchant', { ...envelope(), merchant_id: 'QC00000001' }, /another merchant/],
  ['no order_id', envelope({ amount: '1', merchant_id: merchantId }), /order_id/],
  ['garbage text', 'not json at all', /not JSON/],
  ['truncated JSON', JSON.stringify(envelope()).slice(0, 40), /not JSON/],
  ['an array', [], /not a JSON object/],
  ['no data', { rsp_code: 'SUCCESS', md5: 'A'.repeat(32) }, /data is missing/],
  ['garbage Base64', { ...envelope(), data: '%%%' }, /Base64/],
];
for (const [name, body, reason] of rejections) {
  test(`rejected: ${name}`, () => {
    const result = verifyCallback(body, { signKey, merchantId });
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.match(result.reason, reason);
      assert.ok(!result.reason.includes(signKey));
    }
  });
}
