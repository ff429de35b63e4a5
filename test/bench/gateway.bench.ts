// Gateway figures: envelope seal+open throughput, and a client round trip (seal, HTTP, simulator,
// open, verify, schema) against a raw loopback HTTP round trip of the same bytes — the floor.
// Prints figures only; no assertions. Run: node test/bench/gateway.bench.ts
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createGatewayClient } from '../../electron/core/gateway/client.ts';
import { openData, sealData } from '../../electron/core/gateway/envelope.ts';
import {
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../electron/core/simulator/sandbox.ts';
import { createSimulator } from '../../electron/core/simulator/server.ts';
import { SAMPLE_CODES } from '../../electron/core/simulator/wallet-codes.ts';

const ROUND_TRIPS = 400;
const WARM_UP = 50;

function sealOpenPerSecond(): number {
  const data = {
    order_id: 'P20260115120000123',
    order_status: 'success',
    total_amount: '1234',
    receive_amount: '1234',
    pay_amount: '1234',
    tip: '0',
    refund_fee: '0',
    trade_time: 'Jan 15, 2026 8:00:00 PM',
    bizpay_order_id: '4200001234567890123',
    exchange_rate: '5.2',
  };
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < 1_000) {
    for (let i = 0; i < 100; i++) {
      const opened = openData(sealData(data, SANDBOX_SIGN_KEY), SANDBOX_SIGN_KEY);
      if (!opened.ok) throw new Error(opened.reason);
    }
    n += 100;
  }
  return n / ((performance.now() - start) / 1000);
}

async function timeEach(count: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)] ?? 0;
const p95 = (sorted: number[]) => sorted[Math.floor(sorted.length * 0.95)] ?? 0;

async function main() {
  const perSecond = sealOpenPerSecond();
  console.log(
    `envelope seal+open (10-field answer): ${Math.round(perSecond).toLocaleString('en')} per second`,
  );

  const sim = await createSimulator();
  const client = createGatewayClient({
    baseUrl: sim.url,
    merchantId: SANDBOX_MERCHANT_ID,
    operatorId: SANDBOX_OPERATOR_ID,
    signKey: SANDBOX_SIGN_KEY,
  });
  await client.passivePay({
    orderId: 'BENCH1',
    amountCents: 1234,
    tipCents: 0,
    wallet: 'WECHATPAY',
    authCode: SAMPLE_CODES.WECHATPAY,
  });

  // The floor: the same request and answer bytes over a bare node:http keep-alive loopback.
  const sealed = sealData({ order_id: 'BENCH1' }, SANDBOX_SIGN_KEY);
  const requestBody = JSON.stringify({
    action: 'STATUS_QUERY',
    version: '1.0',
    merchant_id: SANDBOX_MERCHANT_ID,
    operator_id: SANDBOX_OPERATOR_ID,
    ...sealed,
  });
  const answer = await fetch(`${sim.url}/processV2`, { method: 'POST', body: requestBody }).then((r) =>
    r.text(),
  );
  const raw = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(answer),
      });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  const agent = new http.Agent({ keepAlive: true });
  const rawPort = (raw.address() as AddressInfo).port;
  const rawPost = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: rawPort,
          path: '/processV2',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end(requestBody);
    });

  // The same client against the floor's server (the simulator's canned answer): what the client itself
  // costs (seal, agent, open, verify, schema), apart from the simulator's own work on each request.
  const cannedClient = createGatewayClient({
    baseUrl: `http://127.0.0.1:${rawPort}`,
    merchantId: SANDBOX_MERCHANT_ID,
    operatorId: SANDBOX_OPERATOR_ID,
    signKey: SANDBOX_SIGN_KEY,
  });
  const rawTimes = await timeEach(ROUND_TRIPS, rawPost);
  const cannedTimes = await timeEach(ROUND_TRIPS, () => cannedClient.query('BENCH1'));
  const clientTimes = await timeEach(ROUND_TRIPS, () => client.query('BENCH1'));
  // Interleaved again, so the machine's load drifting during the run does not favour one side.
  const rawTimes2 = await timeEach(ROUND_TRIPS, rawPost);
  const cannedTimes2 = await timeEach(ROUND_TRIPS, () => cannedClient.query('BENCH1'));
  rawTimes.push(...rawTimes2);
  rawTimes.sort((a, b) => a - b);
  cannedTimes.push(...cannedTimes2);
  cannedTimes.sort((a, b) => a - b);
  console.log(
    `request ${Buffer.byteLength(requestBody)} bytes, answer ${Buffer.byteLength(answer)} bytes, ${ROUND_TRIPS} round trips each`,
  );
  console.log(
    `raw loopback HTTP (floor):        median ${median(rawTimes).toFixed(3)} ms, p95 ${p95(rawTimes).toFixed(3)} ms`,
  );
  console.log(
    `client STATUS_QUERY → simulator:  median ${median(clientTimes).toFixed(3)} ms, p95 ${p95(clientTimes).toFixed(3)} ms`,
  );
  console.log(
    `client STATUS_QUERY → same server: median ${median(cannedTimes).toFixed(3)} ms, p95 ${p95(cannedTimes).toFixed(3)} ms`,
  );
  console.log(`ratio client / floor (median): ${(median(clientTimes) / median(rawTimes)).toFixed(2)}×`);
  console.log(
    `ratio client / floor, same server (median): ${(median(cannedTimes) / median(rawTimes)).toFixed(2)}× (the rest is the simulator's own work)`,
  );

  cannedClient.close();
  client.close();
  agent.destroy();
  raw.closeAllConnections();
  await new Promise((resolve) => raw.close(resolve));
  await sim.close();
}

await main();
