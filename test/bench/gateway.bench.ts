// Gateway figures: envelope seal+open throughput, then the client's STATUS_QUERY end to end (check, seal,
// HTTP, open, verify, schema) against the floor: a raw node:http keep-alive POST of the same sealed
// request bytes to the same server, its answer read to its end as text (any client needs the text).
// Three servers: the simulator (the figure: both sides pay the simulator's own work), a canned
// server answering the simulator's bytes (the client's own cost, an order polled: the same answer each
// time) and a canned server answering a different sealed answer each call (the client's own cost when
// nothing it kept helps: a first answer for an order, as recovery sees by the thousand).
// The six series run interleaved in rounds, so the machine's load drifting does not favour one side.
// Prints figures only; no assertions. Run: npm run bench -- gateway  (BENCH_ROUNDS, BENCH_PER_ROUND)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createGatewayClient } from '../../electron/core/gateway/client.ts';
import { openData, sealData } from '../../electron/core/gateway/envelope.ts';
import { DEFAULT_SIGN_KEY_CACHE_ENTRIES } from '../../electron/core/gateway/sign-key-cache.ts';
import {
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../electron/core/simulator/sandbox.ts';
import { createSimulator } from '../../electron/core/simulator/server.ts';
import { SAMPLE_CODES } from '../../electron/core/simulator/wallet-codes.ts';
import { emitBenchJson, percentile, sealedRequest } from './bench-support.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 150);
const WARM_UP = 30;
const ORDER_ID = 'BENCH1';

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

/** One series: its round trip, and what it measured (wall ms per call, CPU µs per call per round). */
interface Series {
  name: string;
  call: () => Promise<unknown>;
  ms: number[];
  cpuUs: number[];
}

async function runRound(series: Series): Promise<void> {
  for (let i = 0; i < WARM_UP; i++) await series.call();
  const cpu = process.cpuUsage();
  for (let i = 0; i < PER_ROUND; i++) {
    const t = performance.now();
    await series.call();
    series.ms.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  series.cpuUs.push((used.user + used.system) / PER_ROUND);
}

const ms = (x: number) => `${x.toFixed(3)} ms`;
const p50 = (s: Series) => percentile(s.ms, 50);
const p99 = (s: Series) => percentile(s.ms, 99);
/** CPU per call (the process's, server included: it runs here too), median over the rounds. */
const cpu = (s: Series) => percentile(s.cpuUs, 50);

function line(s: Series): string {
  return `${s.name.padEnd(44)} p50 ${ms(p50(s))}, p95 ${ms(percentile(s.ms, 95))}, p99 ${ms(p99(s))}, CPU ${cpu(s).toFixed(0)} µs per call`;
}

function ratios(label: string, client: Series, floor: Series) {
  const r = { p50: p50(client) / p50(floor), p99: p99(client) / p99(floor), cpu: cpu(client) / cpu(floor) };
  console.log(
    `ratio ${label}: p50 ${r.p50.toFixed(2)}×, p99 ${r.p99.toFixed(2)}×, CPU ${r.cpu.toFixed(2)}× (goal ≤ 1.5× at p50)`,
  );
  return r;
}

/**
 * A bare node:http server that answers every POST with the given bytes, one answer after the other
 * round the list (and keeps the last body it got).
 */
async function cannedServer(
  answers: readonly string[],
): Promise<{ server: http.Server; lastBody: () => string }> {
  let last = '';
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      last = Buffer.concat(chunks).toString('utf8');
      const answer = answers[next] as string;
      next = (next + 1) % answers.length;
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(answer),
      });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, lastBody: () => last };
}

/**
 * The floor: the given bytes POSTed over a keep-alive node:http agent, the answer read to its end as
 * text (what any client needs before it can read the answer; the client's own transport does the same).
 */
function rawPoster(url: string, body: string, agent: http.Agent): () => Promise<string> {
  const { hostname, port, pathname } = new URL(url);
  return () =>
    new Promise<string>((resolve, reject) => {
      const req = http.request(
        {
          host: hostname,
          port,
          path: pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/**
 * `count` answers like the simulator's, each sealed over different data (another wallet transaction id
 * and trade time: fields the client reads but does not match against its request), so each has its own
 * md5 and AES key.
 */
function freshAnswers(answer: string, count: number): string[] {
  const envelope = JSON.parse(answer) as Record<string, unknown>;
  const opened = openData(envelope, SANDBOX_SIGN_KEY);
  if (!opened.ok) throw new Error(`the simulator's answer does not open: ${opened.reason}`);
  return Array.from({ length: count }, (_, i) => {
    const data = {
      ...(opened.data as Record<string, string>),
      bizpay_order_id: `42000012345678${String(90_000 + i)}`,
      trade_time: `Jan 15, 2026 8:${String(i % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} PM`,
    };
    return JSON.stringify({ ...envelope, ...sealData(data, SANDBOX_SIGN_KEY) });
  });
}

async function main() {
  const perSecond = sealOpenPerSecond();
  console.log(
    `envelope seal+open (10-field answer): ${Math.round(perSecond).toLocaleString('en')} per second`,
  );

  const sim = await createSimulator();
  const gatewayConfig = {
    merchantId: SANDBOX_MERCHANT_ID,
    operatorId: SANDBOX_OPERATOR_ID,
    signKey: SANDBOX_SIGN_KEY,
  };
  const simClient = createGatewayClient({ baseUrl: sim.url, ...gatewayConfig });
  await simClient.passivePay({
    orderId: ORDER_ID,
    amountCents: 1234,
    tipCents: 0,
    wallet: 'WECHATPAY',
    authCode: SAMPLE_CODES.WECHATPAY,
  });

  // The simulator's answer to this STATUS_QUERY, for the canned server to repeat.
  const simEndpoint = `${sim.url}/processV2`;
  const answer = await fetch(simEndpoint, {
    method: 'POST',
    body: sealedRequest('STATUS_QUERY', { order_id: ORDER_ID }),
  }).then((r) => r.text());
  const canned = await cannedServer([answer]);
  const cannedUrl = `http://127.0.0.1:${(canned.server.address() as AddressInfo).port}`;
  const cannedClient = createGatewayClient({ baseUrl: cannedUrl, ...gatewayConfig });
  // The floor posts the very bytes the client sends: its first request, as the canned server got it.
  await cannedClient.query(ORDER_ID);
  const requestBody = canned.lastBody();
  const agent = new http.Agent({ keepAlive: true });
  // Each call's answer differs from the one before (and there are more of them than the client keeps of
  // anything): each is new to the client, decrypted, verified and read in full.
  const fresh = await cannedServer(freshAnswers(answer, DEFAULT_SIGN_KEY_CACHE_ENTRIES * 2 + 1));
  const freshUrl = `http://127.0.0.1:${(fresh.server.address() as AddressInfo).port}`;
  const freshClient = createGatewayClient({ baseUrl: freshUrl, ...gatewayConfig });

  const series = (name: string, call: () => Promise<unknown>): Series => ({ name, call, ms: [], cpuUs: [] });
  const rawSim = series('raw POST → simulator (floor)', rawPoster(simEndpoint, requestBody, agent));
  const clientSim = series('client STATUS_QUERY → simulator', () => simClient.query(ORDER_ID));
  const rawCanned = series(
    'raw POST → canned server (floor)',
    rawPoster(`${cannedUrl}/processV2`, requestBody, agent),
  );
  const clientCanned = series('client STATUS_QUERY → canned server', () => cannedClient.query(ORDER_ID));
  const rawFresh = series(
    'raw POST → new answer each call (floor)',
    rawPoster(`${freshUrl}/processV2`, requestBody, agent),
  );
  const clientFresh = series('client STATUS_QUERY → new answer each call', () => freshClient.query(ORDER_ID));
  const all = [rawSim, clientSim, rawCanned, clientCanned, rawFresh, clientFresh];
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts with another series, so none always follows a warm (or a cold) neighbour.
    for (let i = 0; i < all.length; i++) await runRound(all[(round + i) % all.length] as Series);
  }

  const [load1 = 0] = os.loadavg();
  console.log(
    `request ${Buffer.byteLength(requestBody)} bytes, answer ${Buffer.byteLength(answer)} bytes; ${ROUNDS} interleaved rounds of ${PER_ROUND} calls per series; load average ${load1.toFixed(1)} on ${os.availableParallelism()} cores`,
  );
  for (const s of all) console.log(line(s));
  const onSimulator = ratios('client / raw, same simulator', clientSim, rawSim);
  const own = ratios("client / raw, same canned server (the client's own cost)", clientCanned, rawCanned);
  const ownFresh = ratios(
    "client / raw, a new answer each call (the client's own cost, nothing kept helps)",
    clientFresh,
    rawFresh,
  );
  emitBenchJson('gateway', { onSimulator, own, ownFresh });

  freshClient.close();
  fresh.server.closeAllConnections();
  await new Promise((resolve) => fresh.server.close(resolve));
  cannedClient.close();
  simClient.close();
  agent.destroy();
  canned.server.closeAllConnections();
  await new Promise((resolve) => canned.server.close(resolve));
  await sim.close();
}

await main();
