// The simulator's `delivers` option (a test rig's network in front of OTTPay): a request it refuses is
// dropped unread — the client cannot tell it from a lost answer, and no order exists — while others
// are served as before. The crash harness uses it to keep its gateway inside the grace the till gives
// it (crash-gateway-window.ts): a pay request older than the child's timeout never reaches it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createGatewayClient } from '../../../electron/core/gateway/client.ts';
import { createHttpTransport } from '../../../electron/core/gateway/transport.ts';
import { GatewayError } from '../../../electron/core/gateway/types.ts';
import {
  createSimulator,
  SAMPLE_CODES,
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../../electron/core/simulator/index.ts';
import { deliveredInTime, GATEWAY_TIMEOUT_MS } from '../../bench/crash-gateway-window.ts';

describe('simulator: a network that loses requests', () => {
  test('a request the network does not deliver makes no order, and the client sees an unknown outcome', async () => {
    const sim = await createSimulator({ delivers: (url) => !url.includes('lost=1') });
    const http = createHttpTransport();
    let lose = false;
    const client = createGatewayClient(
      {
        baseUrl: sim.url,
        merchantId: SANDBOX_MERCHANT_ID,
        operatorId: SANDBOX_OPERATOR_ID,
        signKey: SANDBOX_SIGN_KEY,
        timeoutMs: 5_000,
      },
      {
        transport: {
          post: (req) => http.post(lose ? { ...req, url: `${req.url}?lost=1` } : req),
          close: () => http.close(),
        },
      },
    );
    const pay = (orderId: string) =>
      client.passivePay({
        orderId,
        amountCents: 1200,
        tipCents: 0,
        wallet: 'WECHATPAY',
        authCode: SAMPLE_CODES.WECHATPAY,
      });
    try {
      const stamp = String(Date.now()).slice(-8);
      lose = true;
      const lost = `T1${stamp}LOST01`;
      await assert.rejects(
        pay(lost),
        (err: unknown) => err instanceof GatewayError && err.kind === 'unknown_outcome',
      );
      assert.equal(sim.control.order(lost), null);
      lose = false;
      const kept = `T1${stamp}KEPT01`;
      assert.equal((await pay(kept)).status, 'success');
      assert.equal(sim.control.order(kept)?.status, 'success');
    } finally {
      client.close();
      await sim.close();
    }
  });

  test('the crash harness delivers a pay request only within the child timeout of its journaled send', () => {
    const sentAt = 1_000_000;
    const url = `http://127.0.0.1:1/processV2?sentAt=${sentAt}`;
    assert.equal(deliveredInTime(url, sentAt + GATEWAY_TIMEOUT_MS), true);
    assert.equal(deliveredInTime(url, sentAt + GATEWAY_TIMEOUT_MS + 1), false);
    assert.equal(
      deliveredInTime('http://127.0.0.1:1/processV2', sentAt + 60_000),
      true,
      'queries carry no stamp',
    );
  });
});
