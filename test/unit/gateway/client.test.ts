// The client against an in-memory transport: what it sends, what it refuses to conclude, and what it
// never does (retry a pay request, send on bad input, leak the key).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createGatewayClient } from '../../../electron/core/gateway/client.ts';
import { openData, sealData } from '../../../electron/core/gateway/envelope.ts';
import type { GatewayLogEntry } from '../../../electron/core/gateway/exchange.ts';
import {
  type Transport,
  TransportError,
  type TransportRequest,
  type TransportResponse,
} from '../../../electron/core/gateway/transport.ts';
import { type GatewayConfig, GatewayError } from '../../../electron/core/gateway/types.ts';

const SIGN_KEY = '00112233445566AA';
const config: GatewayConfig = {
  baseUrl: 'https://gateway.example',
  merchantId: 'QC00005496',
  operatorId: '0000000696',
  terminalNo: 'T1',
  signKey: SIGN_KEY,
  versions: { ACTIVEPAY: '1.1' },
};

type Answer = TransportResponse | TransportError | ((req: Sent) => TransportResponse | TransportError);
interface Sent {
  request: TransportRequest;
  envelope: Record<string, unknown>;
  data: Record<string, unknown>;
}

function fakeTransport(answers: Answer[]) {
  const sent: Sent[] = [];
  const transport: Transport = {
    async post(request) {
      const envelope = JSON.parse(request.body) as Record<string, unknown>;
      const opened = openData(envelope, SIGN_KEY);
      assert.ok(opened.ok, 'the client sealed a verifiable envelope');
      const record = { request, envelope, data: opened.data };
      sent.push(record);
      const next = answers.shift();
      if (next === undefined) throw new Error('no more answers');
      const answer = typeof next === 'function' ? next(record) : next;
      if (answer instanceof TransportError) throw answer;
      return answer;
    },
    close() {},
  };
  return { transport, sent };
}

const reply = (rspCode: string, data?: Record<string, string | number>, status = 200): TransportResponse => ({
  status,
  body: JSON.stringify({
    rsp_code: rspCode,
    rsp_msg: rspCode.toLowerCase(),
    ...(data ? sealData(data, SIGN_KEY) : {}),
  }),
});

const errors: unknown[] = [];
async function failure(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (err) {
    errors.push(err);
    assert.ok(err instanceof GatewayError, `a GatewayError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a GatewayError');
}

function client(answers: Answer[], extra: Partial<GatewayConfig> = {}) {
  const fake = fakeTransport(answers);
  const log: GatewayLogEntry[] = [];
  const c = createGatewayClient(
    { ...config, ...extra },
    { transport: fake.transport, random: () => 0, log: (e) => log.push(e) },
  );
  return { c, sent: fake.sent, log };
}

const passive = {
  orderId: 'P1',
  amountCents: 1234,
  tipCents: 0,
  wallet: 'WECHATPAY' as const,
  authCode: '134567890123456789',
};

describe('what is sent', () => {
  test('PASSIVEPAY: envelope fields, string data, no tip when zero, a fresh connection', async () => {
    const { c, sent } = client([
      reply('SUCCESS', { order_id: 'P1', order_status: 'success', total_amount: 1234 }),
    ]);
    const state = await c.passivePay({ ...passive, saleNum: 'INV-7' });
    assert.equal(state.status, 'success');
    assert.equal(state.totalAmountCents, 1234);
    const [one] = sent;
    assert.ok(one);
    assert.equal(one.request.url, 'https://gateway.example/processV2');
    assert.equal(one.request.freshConnection, true);
    assert.deepEqual(
      { ...one.envelope, data: undefined, md5: undefined },
      {
        action: 'PASSIVEPAY',
        version: '1.0',
        merchant_id: 'QC00005496',
        terminal_no: 'T1',
        operator_id: '0000000696',
        data: undefined,
        md5: undefined,
      },
    );
    assert.deepEqual(one.data, {
      order_id: 'P1',
      operator_id: '0000000696',
      amount: '1234',
      sale_num: 'INV-7',
      auth_code: '134567890123456789',
      biz_type: 'WECHATPAY',
    });
  });

  test('ACTIVEPAY: configured version, tip as a string, code_url back', async () => {
    const { c, sent } = client([
      reply('SUCCESS', { order_id: 'A1', code_url: 'weixin://wxpay/bizpayurl?pr=x' }),
    ]);
    const result = await c.activePay({
      orderId: 'A1',
      amountCents: 500,
      tipCents: 75,
      wallet: 'ALIPAY',
      callbackUrl: 'https://till.example/cb',
    });
    assert.deepEqual(result, { orderId: 'A1', codeUrl: 'weixin://wxpay/bizpayurl?pr=x' });
    assert.equal(sent[0]?.envelope.version, '1.1');
    assert.equal(sent[0]?.data.tip, '75');
    assert.equal(sent[0]?.data.call_back_url, 'https://till.example/cb');
  });

  test('queries ride pooled connections; refund query action is configurable', async () => {
    const state = { order_id: 'R1', order_status: 'success' };
    const { c, sent } = client([reply('SUCCESS', state), reply('SUCCESS', state)], {
      refundQueryAction: 'REFUND_QUERY',
    });
    await c.refundQuery('R1');
    assert.equal(sent[0]?.envelope.action, 'REFUND_QUERY');
    assert.equal(sent[0]?.request.freshConnection, false);
    const other = client([reply('SUCCESS', state)]);
    await other.c.refundQuery('R1');
    assert.equal(other.sent[0]?.envelope.action, 'STATUS_QUERY');
    assert.equal(sent.length, 1);
  });

  test("a request's operator id (the signed-in cashier's) replaces the till's in envelope and data", async () => {
    const { c, sent } = client([
      reply('SUCCESS', { order_id: 'P2', order_status: 'success', total_amount: 1234 }),
      reply('SUCCESS', { order_id: 'A2', code_url: 'weixin://x' }),
      reply('SUCCESS', { order_id: 'R2', ori_order_id: 'P2', refund_amt: 100, order_status: 'success' }),
    ]);
    await c.passivePay({ ...passive, orderId: 'P2', operatorId: '101' });
    await c.activePay({
      orderId: 'A2',
      amountCents: 500,
      tipCents: 0,
      wallet: 'ALIPAY',
      callbackUrl: 'https://till.example/cb',
      operatorId: '102',
    });
    await c.refund({ refundOrderId: 'R2', originalOrderId: 'P2', amountCents: 100, operatorId: '103' });
    assert.deepEqual(
      sent.map((x) => [x.envelope.action, x.envelope.operator_id, x.data.operator_id]),
      [
        ['PASSIVEPAY', '101', '101'],
        ['ACTIVEPAY', '102', '102'],
        ['REFUND', '103', undefined],
      ],
    );
  });

  test('base URL may already name /processV2', async () => {
    const { c, sent } = client([reply('SUCCESS', { feeType: 'CAD', rate: '520000000' })], {
      baseUrl: 'http://127.0.0.1:9/processV2/',
    });
    assert.deepEqual(await c.exchangeRate('CAD'), { currency: 'CAD', cnyPerUnit: 5.2, raw: '520000000' });
    assert.equal(sent[0]?.request.url, 'http://127.0.0.1:9/processV2');
  });
});

describe('pay actions are never retried', () => {
  test('sent but no answer ⇒ unknown_outcome, one request only', async () => {
    const { c, sent } = client([new TransportError('timeout', true, 'no answer within 1 ms')]);
    const err = await failure(c.passivePay(passive));
    assert.equal(err.kind, 'unknown_outcome');
    assert.equal(sent.length, 1);
  });

  test('nothing sent ⇒ network, one request only', async () => {
    const { c, sent } = client([new TransportError('connect', false, 'could not connect (ECONNREFUSED)')]);
    const err = await failure(c.refund({ refundOrderId: 'R1', originalOrderId: 'P1', amountCents: 1 }));
    assert.equal(err.kind, 'network');
    assert.equal(sent.length, 1);
  });

  const unknowns: Array<[string, TransportResponse]> = [
    ['HTTP 500 garbage', { status: 500, body: '<html>oops' }],
    ['HTTP 502 JSON SYSTEM_ERROR', reply('SYSTEM_ERROR', undefined, 502)],
    ['HTTP 503 with a readable FAIL (a proxy page, not a decline)', reply('FAIL', undefined, 503)],
    ['HTTP 500 with a verified SUCCESS', reply('SUCCESS', { order_id: 'P1', order_status: 'success' }, 500)],
    ['TIMEOUT code', reply('TIMEOUT')],
    ['DB_ERROR code', reply('DB_ERROR')],
    ['unrecognised code', reply('BRAND_NEW_CODE')],
    ['ORDER_PAID', reply('ORDER_PAID')],
    ['ORDER_USED', reply('ORDER_USED')],
    ['SUCCESS without data', reply('SUCCESS')],
    ['no rsp_code', { status: 200, body: '{"rsp_msg":"?"}' }],
    ['JSON array', { status: 200, body: '[]' }],
    ['truncated JSON', { status: 200, body: '{"rsp_code":"SUCC' }],
    [
      'data that does not verify',
      { status: 200, body: JSON.stringify({ rsp_code: 'SUCCESS', md5: 'A'.repeat(32), data: 'AAAA' }) },
    ],
    ['SUCCESS without order_status', reply('SUCCESS', { order_id: 'P1' })],
    ['an unknown order_status', reply('SUCCESS', { order_id: 'P1', order_status: 'teleported' })],
    ['answer about another order', reply('SUCCESS', { order_id: 'P2', order_status: 'success' })],
  ];
  for (const [name, answer] of unknowns) {
    test(`PASSIVEPAY ${name} ⇒ unknown_outcome`, async () => {
      const { c, sent } = client([answer]);
      const err = await failure(c.passivePay(passive));
      assert.equal(err.kind, 'unknown_outcome');
      assert.equal(sent.length, 1);
    });
  }

  test('PROCESSING ⇒ notpay, whatever order_status says', async () => {
    const { c } = client([reply('PROCESSING', { order_id: 'P1', order_status: 'success' })]);
    const state = await c.passivePay(passive);
    assert.equal(state.status, 'notpay');
    assert.equal(state.rspCode, 'PROCESSING');
  });

  const finals: Array<[string, string]> = [
    ['FAIL', 'declined'],
    ['PWD_INCORRECT', 'declined'],
    ['AUTH_CODE_INVALID', 'declined'],
    ['PARAM_ERROR', 'invalid_request'],
  ];
  for (const [code, kind] of finals) {
    test(`${code} ⇒ ${kind} with the rsp_code kept`, async () => {
      const { c } = client([reply(code)]);
      const err = await failure(c.passivePay(passive));
      assert.equal(err.kind, kind);
      assert.equal(err.rspCode, code);
      assert.equal(err.notFound, false);
    });
  }

  test('REFUND answering another amount ⇒ unknown_outcome', async () => {
    const { c } = client([reply('SUCCESS', { order_id: 'R1', ori_order_id: 'P1', refund_amt: '999' })]);
    const err = await failure(c.refund({ refundOrderId: 'R1', originalOrderId: 'P1', amountCents: 100 }));
    assert.equal(err.kind, 'unknown_outcome');
  });
});

describe('queries retry', () => {
  test('network, 5xx and transient codes are retried, then the answer is returned', async () => {
    const { c, sent, log } = client([
      new TransportError('connect', false, 'refused'),
      { status: 503, body: 'busy' },
      reply('SYSTEM_ERROR'),
      reply('SUCCESS', { order_id: 'P1', order_status: 'success', refund_fee: 0 }),
    ]);
    const state = await c.query('P1');
    assert.equal(state.status, 'success');
    assert.equal(sent.length, 4);
    assert.deepEqual(
      log.map((e) => [e.attempt, e.outcome]),
      [
        [1, 'network'],
        [2, 'unknown_outcome'],
        [3, 'unknown_outcome'],
        [4, 'ok'],
      ],
    );
  });

  test('gives up after the configured number of tries with the last error', async () => {
    const { c, sent } = client([reply('SYSTEM_ERROR'), reply('SYSTEM_ERROR')], {
      queryRetry: { maxAttempts: 2 },
    });
    const err = await failure(c.query('P1'));
    assert.equal(err.kind, 'unknown_outcome');
    assert.equal(sent.length, 2);
  });

  test('an unknown order is declined + notFound, not retried; the rule is configurable', async () => {
    const { c, sent } = client([{ status: 200, body: '{"rsp_code":"FAIL","rsp_msg":"order not exist"}' }]);
    const err = await failure(c.query('P404'));
    assert.equal(err.kind, 'declined');
    assert.equal(err.notFound, true);
    assert.equal(sent.length, 1);
    const custom = client([{ status: 200, body: '{"rsp_code":"NO_SUCH","rsp_msg":"?"}' }], {
      notFoundRules: [{ rspCode: 'NO_SUCH' }],
    });
    assert.equal((await failure(custom.c.query('P404'))).notFound, true);
    const other = client([{ status: 200, body: '{"rsp_code":"FAIL","rsp_msg":"merchant frozen"}' }]);
    assert.equal((await failure(other.c.query('P404'))).notFound, false);
  });

  test('a "no such order" inside an HTTP 5xx is not believed: retried until a real answer', async () => {
    const { c, sent } = client([
      { status: 502, body: '{"rsp_code":"FAIL","rsp_msg":"order not exist"}' },
      reply('SUCCESS', { order_id: 'P1', order_status: 'success', refund_fee: 0 }),
    ]);
    assert.equal((await c.query('P1')).status, 'success');
    assert.equal(sent.length, 2);
  });
});

describe('nothing is sent on bad input or bad settings', () => {
  const bad: Array<
    [string, Partial<GatewayConfig>, (c: ReturnType<typeof createGatewayClient>) => Promise<unknown>]
  > = [
    ['bad order id', {}, (c) => c.passivePay({ ...passive, orderId: 'has space' })],
    ['zero amount', {}, (c) => c.passivePay({ ...passive, amountCents: 0 })],
    ['fractional cents', {}, (c) => c.passivePay({ ...passive, amountCents: 12.5 })],
    ['negative tip', {}, (c) => c.passivePay({ ...passive, tipCents: -1 })],
    ['empty wallet code', {}, (c) => c.passivePay({ ...passive, authCode: ' ' })],
    [
      'call-back not http',
      {},
      (c) =>
        c.activePay({ orderId: 'A1', amountCents: 1, tipCents: 0, wallet: 'ALIPAY', callbackUrl: 'ftp://x' }),
    ],
    ['bad currency', {}, (c) => c.exchangeRate('EUR' as 'CAD')],
    ['missing sign key', { signKey: '' }, (c) => c.query('P1')],
    ['bad base URL', { baseUrl: 'not a url' }, (c) => c.passivePay(passive)],
    ['ftp base URL', { baseUrl: 'ftp://gateway.example' }, (c) => c.passivePay(passive)],
  ];
  for (const [name, extra, call] of bad) {
    test(name, async () => {
      const { c, sent } = client([], extra);
      const err = await failure(call(c));
      assert.equal(err.kind, 'invalid_request');
      assert.equal(sent.length, 0);
    });
  }
});

test('no error message or log line ever holds the sign key', async () => {
  const { c, log } = client([reply('PARAM_ERROR'), new TransportError('timeout', true, 'x')]);
  await failure(c.passivePay(passive));
  await failure(c.passivePay({ ...passive, orderId: 'P2' }));
  assert.ok(errors.length > 20);
  for (const err of errors) {
    assert.ok(err instanceof Error);
    assert.ok(!err.message.includes(SIGN_KEY), err.message);
    assert.ok(!JSON.stringify(err).includes(SIGN_KEY));
  }
  assert.ok(!JSON.stringify(log).includes(SIGN_KEY));
});

describe("a polled query keeps its sealed body and its answer's reading, never past a settings change", () => {
  const NEW_KEY = 'FFEEDDCCBBAA9988';

  /** A gateway that opens requests under `keys.request` and seals its answers under `keys.answer`. */
  function gatewayUnder(keys: { request: string; answer: string }) {
    const bodies: string[] = [];
    const transport: Transport = {
      async post(request) {
        bodies.push(request.body);
        const opened = openData(JSON.parse(request.body) as Record<string, unknown>, keys.request);
        if (!opened.ok) return reply('PARAM_ERROR');
        const data = { order_id: String(opened.data.order_id), order_status: 'notpay' };
        return {
          status: 200,
          body: JSON.stringify({ rsp_code: 'SUCCESS', rsp_msg: 'ok', ...sealData(data, keys.answer) }),
        };
      },
      close() {},
    };
    return { transport, bodies };
  }

  test('a changed sign key seals the very next query and reads its answer under the new key', async () => {
    const settings: GatewayConfig = { ...config, queryRetry: { maxAttempts: 1 } };
    const keys = { request: SIGN_KEY, answer: SIGN_KEY };
    const gateway = gatewayUnder(keys);
    const c = createGatewayClient(settings, { transport: gateway.transport, random: () => 0 });
    assert.equal((await c.query('Q1')).status, 'notpay');
    assert.equal((await c.query('Q1')).status, 'notpay');
    assert.equal(gateway.bodies[1], gateway.bodies[0], 'a poll re-sends the same sealed bytes');

    settings.signKey = NEW_KEY;
    keys.request = NEW_KEY;
    keys.answer = NEW_KEY;
    assert.equal((await c.query('Q1')).status, 'notpay');
    assert.notEqual(gateway.bodies[2], gateway.bodies[1]);

    // An answer still sealed under the old key (same data, same md5) is not believed any more.
    keys.answer = SIGN_KEY;
    const err = await failure(c.query('Q1'));
    assert.equal(err.kind, 'unknown_outcome');
    assert.match(err.message, /could not be verified/);
    assert.ok(!err.message.includes(SIGN_KEY) && !err.message.includes(NEW_KEY));

    // Back to the old key: the old body again, and the old key's answers believed again.
    settings.signKey = SIGN_KEY;
    keys.request = SIGN_KEY;
    assert.equal((await c.query('Q1')).status, 'notpay');
    assert.equal(gateway.bodies.at(-1), gateway.bodies[0]);
    c.close();
  });

  test('each poll of the same answer is its own state; a changed answer for the order is read anew', async () => {
    const paid = reply('SUCCESS', { order_id: 'Q3', order_status: 'success', total_amount: '1234' });
    const refunded = reply('SUCCESS', { order_id: 'Q3', order_status: 'fully_refunded', refund_fee: '1234' });
    const other = reply('SUCCESS', { order_id: 'Q4', order_status: 'success' });
    const { c } = client([paid, paid, refunded, other, other], { queryRetry: { maxAttempts: 1 } });
    const first = await c.query('Q3');
    const second = await c.query('Q3');
    assert.notEqual(second, first);
    first.status = 'failure';
    assert.equal(second.status, 'success');
    assert.equal(second.totalAmountCents, 1234);
    const third = await c.query('Q3');
    assert.deepEqual([third.status, third.refundedCents], ['fully_refunded', 1234]);
    // An answer text read (and kept) for Q4 comes back to a query for Q3: never taken for Q3's.
    assert.equal((await c.query('Q4')).status, 'success');
    const err = await failure(c.query('Q3'));
    assert.equal(err.kind, 'unknown_outcome');
    assert.match(err.message, /another order/);
  });

  test('the envelope follows a changed merchant, terminal or version on the next query', async () => {
    const settings: GatewayConfig = { ...config };
    const gateway = gatewayUnder({ request: SIGN_KEY, answer: SIGN_KEY });
    const c = createGatewayClient(settings, { transport: gateway.transport, random: () => 0 });
    await c.query('Q2');
    settings.merchantId = 'QC00000001';
    settings.terminalNo = 'T9';
    settings.versions = { STATUS_QUERY: '1.1' };
    await c.query('Q2');
    const second = JSON.parse(gateway.bodies[1] ?? '{}') as Record<string, unknown>;
    assert.deepEqual([second.merchant_id, second.terminal_no, second.version], ['QC00000001', 'T9', '1.1']);
  });
});
