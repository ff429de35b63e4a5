// Where a client STATUS_QUERY's time goes: a loop of client status queries against the simulator over
// loopback HTTP, the simulator in a child process so that a CPU profile of this process holds the
// client alone. Not a benchmark (no floor): run it under a profiler, e.g.
//   node --cpu-prof --cpu-prof-dir=prof test/bench/gateway-profile.ts [queries]
// (`--raw` posts the same sealed bytes with bare node:http instead: the floor's profile, to compare).
// Prints the queries' CPU (user + system) and time per call: both swell on a loaded machine (every
// round trip waits for the child to be scheduled); the profile's shares are what it is for.
import { fork } from 'node:child_process';
import http from 'node:http';
import { createGatewayClient } from '../../electron/core/gateway/client.ts';
import {
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../electron/core/simulator/sandbox.ts';
import { createSimulator } from '../../electron/core/simulator/server.ts';
import { SAMPLE_CODES } from '../../electron/core/simulator/wallet-codes.ts';
import { sealedRequest } from './bench-support.ts';

const ORDER_ID = 'PROFILE1';
const gatewayConfig = {
  merchantId: SANDBOX_MERCHANT_ID,
  operatorId: SANDBOX_OPERATOR_ID,
  signKey: SANDBOX_SIGN_KEY,
};

/** The child: a simulator with one paid order, its URL sent to the parent; it ends when the parent does. */
async function serve(): Promise<void> {
  const sim = await createSimulator();
  const payer = createGatewayClient({ baseUrl: sim.url, ...gatewayConfig });
  await payer.passivePay({
    orderId: ORDER_ID,
    amountCents: 1234,
    tipCents: 0,
    wallet: 'WECHATPAY',
    authCode: SAMPLE_CODES.WECHATPAY,
  });
  payer.close();
  process.send?.(sim.url);
  process.once('disconnect', () => void sim.close());
}

async function profile(count: number, raw: boolean): Promise<void> {
  const child = fork(new URL(import.meta.url), ['--serve'], { execArgv: [] });
  const url = await new Promise<string>((resolve) => child.once('message', (m) => resolve(String(m))));
  const client = createGatewayClient({ baseUrl: url, ...gatewayConfig });
  const agent = new http.Agent({ keepAlive: true });
  const body = sealedRequest('STATUS_QUERY', { order_id: ORDER_ID });
  const { hostname, port } = new URL(url);
  const rawPost = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.request({ host: hostname, port, path: '/processV2', method: 'POST', agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end(body);
    });
  const call = raw ? rawPost : () => client.query(ORDER_ID);
  for (let i = 0; i < 500; i++) await call();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) await call();
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - started;
  console.log(
    `${raw ? 'raw POST' : 'client STATUS_QUERY'} × ${count}: CPU ${((used.user + used.system) / count).toFixed(1)} µs per call, ${((wall * 1000) / count).toFixed(1)} µs of time`,
  );
  client.close();
  agent.destroy();
  child.disconnect();
}

const args = process.argv.slice(2);
if (args.includes('--serve')) await serve();
else await profile(Number(args.find((a) => /^\d+$/.test(a)) ?? 20_000), args.includes('--raw'));
