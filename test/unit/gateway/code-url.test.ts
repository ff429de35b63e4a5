// Issue 22, finding 5 at the gateway boundary: a code_url longer than a QR code can be drawn from is
// not a usable answer, but the order may exist at OTTPay, so it is an unknown outcome (resolved by
// query, never by sending the charge again) with words that say what happened.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createGatewayClient } from '../../../electron/core/gateway/client.ts';
import { MAX_CODE_URL_LENGTH, UnusableCodeUrlError } from '../../../electron/core/gateway/code-url.ts';
import { sealData } from '../../../electron/core/gateway/envelope.ts';
import { activePayData } from '../../../electron/core/gateway/schemas.ts';
import type { Transport } from '../../../electron/core/gateway/transport.ts';
import { changeFromPayError } from '../../../electron/core/payments/outcomes.ts';
import { parseReason } from '../../../shared/payments/attempt-reasons.ts';

const SIGN_KEY = '00112233445566AA';

function gatewayAnswering(codeUrl: string) {
  let requests = 0;
  const transport: Transport = {
    async post() {
      requests++;
      return {
        status: 200,
        body: JSON.stringify({
          rsp_code: 'SUCCESS',
          rsp_msg: 'success',
          ...sealData({ order_id: 'A1', code_url: codeUrl }, SIGN_KEY),
        }),
      };
    },
    close() {},
  };
  const c = createGatewayClient(
    {
      baseUrl: 'https://gateway.example',
      merchantId: 'QC00005496',
      operatorId: '1',
      terminalNo: 'T1',
      signKey: SIGN_KEY,
    },
    { transport, random: () => 0, log: () => undefined },
  );
  const pay = () =>
    c.activePay({
      orderId: 'A1',
      amountCents: 500,
      tipCents: 0,
      wallet: 'WECHATPAY',
      callbackUrl: 'https://till.example/cb',
    });
  return { pay, requests: () => requests };
}

describe('code_url at the gateway boundary', () => {
  test('a 2,600-character code_url is an unknown outcome, sent once, worded as an unusable QR', async () => {
    const g = gatewayAnswering(`weixin://wxpay/bizpayurl?pr=${'x'.repeat(2600)}`);
    const err = await g.pay().then(
      () => assert.fail('accepted'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof UnusableCodeUrlError);
    assert.equal(err.kind, 'unknown_outcome');
    assert.match(err.message, /2628 characters/);
    assert.equal(g.requests(), 1, 'a pay request is never sent again');
    const change = changeFromPayError(err, 'gateway');
    assert.equal(change.event, 'OUTCOME_UNKNOWN');
    assert.equal(parseReason(change.reason ?? '')?.key, 'qrUnusable');
  });

  test('the longest code_url accepted is still drawn; a longer or non-ASCII one is refused by the schema too', async () => {
    const longest = `https://qr.alipay.com/${'a'.repeat(MAX_CODE_URL_LENGTH - 22)}`;
    assert.equal(longest.length, MAX_CODE_URL_LENGTH);
    assert.deepEqual(await gatewayAnswering(longest).pay(), { orderId: 'A1', codeUrl: longest });
    assert.equal(activePayData.safeParse({ code_url: `${longest}a` }).success, false);
    assert.equal(activePayData.safeParse({ code_url: 'https://qr.alipay.com/支付' }).success, false);
    assert.equal(activePayData.safeParse({ code_url: 'weixin://wxpay/bizpayurl?pr=abc' }).success, true);
  });
});
