// Paid → the till shows Paid: from the moment the customer pays on the (simulated) gateway (at a random
// point of the poll interval) to the engine's change that turns the till's screen to Paid, with the
// till's own poll interval. Once by
// polling only, once with the call-back listener on. Floor, measured in the same run: one raw STATUS_QUERY
// round trip to the same simulator (the least any confirmation costs). BENCH_RUNS sets the runs (8).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { verifyCallback } from '../../electron/core/gateway/callback.ts';
import { createGatewayClient } from '../../electron/core/gateway/client.ts';
import { createJournal } from '../../electron/core/journal/journal.ts';
import { openJournal } from '../../electron/core/journal/open-journal.ts';
import { startCallbackServer } from '../../electron/core/payments/callback-server.ts';
import { createPaymentsEngine, type PaymentsEngine } from '../../electron/core/payments/engine.ts';
import { DEFAULT_TIMING } from '../../electron/core/payments/settings.ts';
import {
  createSimulator,
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../electron/core/simulator/index.ts';
import { TEST_CODE_HASH_KEY } from '../support/code-hash-key.ts';
import { prng } from '../support/prng.ts';
import { msSince, post, sealedRequest, spread } from './bench-support.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 8);
const POLL_MS = DEFAULT_TIMING.activePollMs;
const random = prng(20261130);

function paidChange(engine: PaymentsEngine, attemptId: string): Promise<void> {
  return new Promise((resolve) => {
    const off = engine.onChange((c) => {
      if (c.kind === 'attempt' && c.attempt.attemptId === attemptId && c.attempt.state === 'paid') {
        off();
        resolve();
      }
    });
  });
}

async function measure(withCallbacks: boolean): Promise<{ shown: number[]; floor: number[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paid-shown-bench-'));
  const sim = await createSimulator();
  const handle = openJournal({ path: path.join(dir, 'till.db') });
  const gateway = createGatewayClient({
    baseUrl: sim.url,
    merchantId: SANDBOX_MERCHANT_ID,
    operatorId: SANDBOX_OPERATOR_ID,
    signKey: SANDBOX_SIGN_KEY,
  });
  let engine: PaymentsEngine | null = null;
  const listener = withCallbacks
    ? await startCallbackServer({
        host: '127.0.0.1',
        port: 0,
        path: '/ottpay/callback',
        handle: (body, remote) =>
          engine
            ? engine.handleCallback(body, remote)
            : Promise.resolve({ status: 503, body: { rsp_code: 'FAIL', rsp_msg: 'starting' } }),
      })
    : null;
  const running = createPaymentsEngine({
    codeHashKey: TEST_CODE_HASH_KEY,
    journal: createJournal(handle.db),
    gateway,
    terminalNo: 'P1',
    operatorId: SANDBOX_OPERATOR_ID,
    merchantId: SANDBOX_MERCHANT_ID,
    currency: 'CAD',
    // The till's own timings (poll every 2 s while the QR is shown).
    ...(listener ? { callbackUrl: listener.url() } : {}),
    verifyCallback: (body) =>
      verifyCallback(body, { signKey: SANDBOX_SIGN_KEY, merchantId: SANDBOX_MERCHANT_ID }),
  });
  engine = running;
  const agent = new http.Agent({ keepAlive: false });
  const shown: number[] = [];
  const floor: number[] = [];
  try {
    await running.probeGateway();
    for (let i = 0; i < RUNS; i++) {
      running.newSale();
      const a = await running.payActive({ amountCents: 1500 + i, tipCents: 0, wallet: 'ALIPAY' });
      // The customer pays at some moment of the till's poll interval, not right after a poll.
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * POLL_MS)));
      const paid = paidChange(running, a.attemptId);
      const t = process.hrtime.bigint();
      sim.control.pay(a.orderId);
      await paid;
      shown.push(msSince(t));
      const f = process.hrtime.bigint();
      await post(`${sim.url}/processV2`, sealedRequest('STATUS_QUERY', { order_id: a.orderId }), agent);
      floor.push(msSince(f));
    }
  } finally {
    await running.close();
    await listener?.close();
    gateway.close();
    handle.close();
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { shown, floor };
}

const polling = await measure(false);
console.log(`paid → till shows Paid, polling only (${RUNS} runs):   ${spread(polling.shown)}`);
console.log(`  floor, one raw STATUS_QUERY round trip:          ${spread(polling.floor)}`);
const callbacks = await measure(true);
console.log(`paid → till shows Paid, call-back listener on:     ${spread(callbacks.shown)}`);
console.log(`  floor, one raw STATUS_QUERY round trip:          ${spread(callbacks.floor)}`);
