// Bad input thrown at the simulator over raw HTTP: each gets a clear answer, and the simulator keeps
// serving a good request right after.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { sealData } from '../../../electron/core/gateway/envelope.ts';
import { SANDBOX_MERCHANT_ID, SANDBOX_SIGN_KEY } from '../../../electron/core/simulator/sandbox.ts';
import { type Harness, orderId, startHarness } from './harness.ts';

let h: Harness;
let paidId = '';
before(async () => {
  h = await startHarness();
  paidId = orderId();
  await h.client.passivePay({
    orderId: paidId,
    amountCents: 100,
    tipCents: 0,
    wallet: 'WECHATPAY',
    authCode: '134567890123456789',
  });
});
after(async () => {
  await h.close();
});

async function post(body: string | Buffer, path = '/processV2', headers: Record<string, string> = {}) {
  const res = await fetch(`${h.sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {}
  return { status: res.status, json, text };
}

const envelope = (data: Record<string, string | number>, extra: Record<string, unknown> = {}) => ({
  action: 'PASSIVEPAY',
  version: '1.0',
  merchant_id: SANDBOX_MERCHANT_ID,
  ...sealData(data, SANDBOX_SIGN_KEY),
  ...extra,
});

const goodPay = {
  order_id: 'BAD1',
  operator_id: '0000000001',
  amount: '100',
  auth_code: '134567890123456789',
  biz_type: 'WECHATPAY',
};

async function stillServing() {
  assert.equal((await h.client.query(paidId)).status, 'success', 'the simulator still serves');
}

const cases: Array<
  [string, () => Promise<{ status: number; json: Record<string, unknown> | null }>, number, string, RegExp]
> = [
  ['garbage', () => post('this is not json'), 400, 'PARAM_ERROR', /not valid JSON/],
  [
    'truncated JSON',
    () => post(JSON.stringify(envelope(goodPay)).slice(0, 60)),
    400,
    'PARAM_ERROR',
    /not valid JSON/,
  ],
  ['a JSON array', () => post('[1,2]'), 400, 'PARAM_ERROR', /not a JSON object/],
  [
    'missing md5',
    () => post(JSON.stringify(envelope(goodPay, { md5: undefined }))),
    200,
    'PARAM_ERROR',
    /md5 is missing/,
  ],
  [
    'missing data',
    () => post(JSON.stringify(envelope(goodPay, { data: '' }))),
    200,
    'PARAM_ERROR',
    /data is missing/,
  ],
  [
    'missing action',
    () => post(JSON.stringify(envelope(goodPay, { action: undefined }))),
    200,
    'PARAM_ERROR',
    /action is missing/,
  ],
  [
    'wrong merchant',
    () => post(JSON.stringify(envelope(goodPay, { merchant_id: 'QC00000009' }))),
    200,
    'PARAM_ERROR',
    /merchant_id/,
  ],
  [
    'garbage Base64',
    () => post(JSON.stringify(envelope(goodPay, { data: '@@@@not-base64@@@@' }))),
    200,
    'PARAM_ERROR',
    /md5 check failed: data is not valid Base64/,
  ],
  [
    'wrong key',
    () => post(JSON.stringify({ ...envelope(goodPay), ...sealData(goodPay, 'FFFFFFFFFFFFFFFF') })),
    200,
    'PARAM_ERROR',
    /md5 check failed/,
  ],
  [
    'md5 of other data',
    () => post(JSON.stringify(envelope(goodPay, { md5: sealData({ x: 'y' }, SANDBOX_SIGN_KEY).md5 }))),
    200,
    'PARAM_ERROR',
    /md5 check failed/,
  ],
  [
    'unknown action',
    () => post(JSON.stringify(envelope(goodPay, { action: 'MAKE_MONEY' }))),
    200,
    'PARAM_ERROR',
    /not supported/,
  ],
  [
    'missing amount',
    () =>
      post(JSON.stringify(envelope({ ...goodPay, amount: undefined } as unknown as Record<string, string>))),
    200,
    'PARAM_INVALID',
    /amount is required/,
  ],
  [
    'amount as a number',
    () => post(JSON.stringify(envelope({ ...goodPay, amount: 100 }))),
    200,
    'PARAM_INVALID',
    /amount must be a string/,
  ],
  [
    'amount with decimals',
    () => post(JSON.stringify(envelope({ ...goodPay, amount: '1.00' }))),
    200,
    'PARAM_INVALID',
    /integer cents/,
  ],
  [
    'bad wallet',
    () => post(JSON.stringify(envelope({ ...goodPay, biz_type: 'PAYPAL' }))),
    200,
    'PARAM_INVALID',
    /biz_type/,
  ],
  [
    'bad order id',
    () => post(JSON.stringify(envelope({ ...goodPay, order_id: 'x y' }))),
    200,
    'PARAM_INVALID',
    /order_id/,
  ],
  [
    'missing call_back_url',
    () => post(JSON.stringify(envelope({ ...goodPay, auth_code: '' }, { action: 'ACTIVEPAY' }))),
    200,
    'PARAM_INVALID',
    /call_back_url is required/,
  ],
  [
    'query without order_id',
    () => post(JSON.stringify(envelope({ x: '1' }, { action: 'STATUS_QUERY' }))),
    200,
    'PARAM_INVALID',
    /order_id is required/,
  ],
  ['oversized body (declared)', () => post('x'.repeat(70 * 1024)), 413, 'PARAM_ERROR', /larger than 65536/],
  [
    'oversized body (streamed)',
    async () => {
      const stream = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(1024)));
          controller.close();
        },
      });
      const res = await fetch(`${h.sim.url}/processV2`, {
        method: 'POST',
        body: stream,
        duplex: 'half',
      } as RequestInit);
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
    413,
    'PARAM_ERROR',
    /larger than/,
  ],
];

for (const [name, send, status, code, message] of cases) {
  test(`${name} → ${status} ${code}`, async () => {
    const answer = await send();
    assert.equal(answer.status, status);
    assert.equal(answer.json?.rsp_code, code);
    assert.match(String(answer.json?.rsp_msg), message);
    assert.equal(answer.json?.data, undefined, 'no data on a refusal');
    assert.ok(!JSON.stringify(answer.json).includes(SANDBOX_SIGN_KEY));
    await stillServing();
  });
}

test('wrong method, unknown path: clear HTTP answers', async () => {
  const get = await fetch(`${h.sim.url}/processV2`);
  assert.equal(get.status, 405);
  assert.equal(((await get.json()) as { rsp_code: string }).rsp_code, 'PARAM_ERROR');
  const missing = await fetch(`${h.sim.url}/nowhere`);
  assert.equal(missing.status, 404);
  await missing.text();
  await stillServing();
});

test('malformed HTTP gets 400 and the simulator keeps serving', async () => {
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(h.sim.port, '127.0.0.1', () => socket.write('THIS IS NOT HTTP\r\n\r\n'));
    let text = '';
    socket.on('data', (c) => {
      text += c.toString();
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  assert.match(answer, /^HTTP\/1\.1 400/);
  await stillServing();
});

test('control API: clear errors for bad requests', async () => {
  const notJson = await post('{', '/_sim/faults');
  assert.equal(notJson.status, 400);
  assert.match(String(notJson.json?.error), /not JSON/);
  const badFault = await post(JSON.stringify({ add: { mode: 'explode' } }), '/_sim/faults');
  assert.equal(badFault.status, 400);
  assert.match(String(badFault.json?.error), /add\.mode/);
  const unknownKey = await post(JSON.stringify({ surprise: true }), '/_sim/faults');
  assert.equal(unknownKey.status, 400);
  const noOrder = await post('', '/_sim/orders/NOPE/pay');
  assert.equal(noOrder.status, 404);
  const notPayable = await post('', `/_sim/orders/${paidId}/pay`);
  assert.equal(notPayable.status, 409);
  assert.match(String(notPayable.json?.error), /success, not payable/);
  const badPath = await post('', '/_sim/orders/%E0%A4%A/pay');
  assert.equal(badPath.status, 400);
  const unknownEndpoint = await post('', '/_sim/explode');
  assert.equal(unknownEndpoint.status, 404);
  await stillServing();
});
