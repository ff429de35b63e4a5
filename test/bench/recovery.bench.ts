// Start-up recovery of unresolved attempts against the simulator: a till that stopped with 1,000
// attempts sent but unanswered (BENCH_RECOVERY_ATTEMPTS), whose customers meanwhile paid (half) or gave
// up (half), is restarted; recover() queries each one. Figures: seconds, and queries per second beside the
// simulator's own floor measured in the same run: the same number of raw, pre-sealed STATUS_QUERY posts
// at the same concurrency.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createGatewayClient } from '../../electron/core/gateway/client.ts';
import { createJournal } from '../../electron/core/journal/journal.ts';
import { type JournalHandle, openJournal } from '../../electron/core/journal/open-journal.ts';
import { pool } from '../../electron/core/payments/bounded-pool.ts';
import { createPaymentsEngine } from '../../electron/core/payments/engine.ts';
import {
  createSimulator,
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../electron/core/simulator/index.ts';
import { createOrderIdGenerator } from '../../shared/payments/order-id.ts';
import { attemptRow } from '../support/attempt-row.ts';
import { TEST_CODE_HASH_KEY } from '../support/code-hash-key.ts';
import { msSince, post, sealedRequest } from './bench-support.ts';

const ATTEMPTS = Number(process.env.BENCH_RECOVERY_ATTEMPTS ?? 1000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recovery-bench-'));
const sim = await createSimulator({ timings: { activeTtlMs: 3_600_000 } });
const gateway = createGatewayClient({
  baseUrl: sim.url,
  merchantId: SANDBOX_MERCHANT_ID,
  operatorId: SANDBOX_OPERATOR_ID,
  signKey: SANDBOX_SIGN_KEY,
});
const journalPath = path.join(dir, 'till.db');
const engineOn = (handle: JournalHandle) =>
  createPaymentsEngine({
    codeHashKey: TEST_CODE_HASH_KEY,
    journal: createJournal(handle.db),
    gateway,
    terminalNo: 'R1',
    operatorId: SANDBOX_OPERATOR_ID,
    merchantId: SANDBOX_MERCHANT_ID,
    currency: 'CAD',
    callbackUrl: 'http://127.0.0.1:9/ottpay/callback',
  });

try {
  // The till before the stop: ATTEMPTS pay requests sent (the gateway has the orders) whose answers
  // never reached the journal: each attempt is 'submitted'. Then the customers pay or give up.
  const agent = new http.Agent({ keepAlive: false });
  const ids = createOrderIdGenerator({ terminalNo: 'R1', now: Date.now, random: Math.random });
  const orders = Array.from({ length: ATTEMPTS }, () => ids.next());
  const t0 = process.hrtime.bigint();
  await pool(orders, 8, (orderId) =>
    post(
      `${sim.url}/processV2`,
      sealedRequest('ACTIVEPAY', {
        order_id: orderId,
        operator_id: SANDBOX_OPERATOR_ID,
        amount: '1000',
        biz_type: 'WECHATPAY',
        call_back_url: 'http://127.0.0.1:9/ottpay/callback',
      }),
      agent,
    ),
  );
  const before = openJournal({ path: journalPath });
  const journal = createJournal(before.db);
  const now = Date.now();
  journal.write(() => {
    for (const orderId of orders) {
      journal.sales.insert({
        saleId: orderId,
        amountCents: 1000,
        tipCents: 0,
        currency: 'CAD',
        operatorId: SANDBOX_OPERATOR_ID,
        terminalNo: 'R1',
        createdAt: now,
        updatedAt: now,
        closedAt: null,
      });
      journal.attempts.insert(attemptRow(orderId, now, { terminalNo: 'R1' }));
    }
  });
  before.close();
  for (const [i, id] of orders.entries()) {
    if (i % 2 === 0) sim.control.pay(id);
    else sim.control.cancel(id);
  }
  console.log(`setup: ${ATTEMPTS} unresolved attempts in ${(msSince(t0) / 1000).toFixed(1)} s`);

  // The restart.
  const after = openJournal({ path: journalPath });
  const second = engineOn(after);
  const concurrency = 4; // the engine's recoveryConcurrency
  const t1 = process.hrtime.bigint();
  const report = await second.recover();
  const recoverMs = msSince(t1);
  await second.close();
  after.close();

  // Floor: the simulator answering the same number of raw STATUS_QUERY posts at the same concurrency.
  const bodies = orders.map((id) => sealedRequest('STATUS_QUERY', { order_id: id }));
  const t2 = process.hrtime.bigint();
  await pool(bodies, concurrency, (body) => post(`${sim.url}/processV2`, body, agent));
  const floorMs = msSince(t2);

  const qps = (n: number, ms: number) => (n / (ms / 1000)).toFixed(0);
  console.log(
    `start-up recovery of ${report.checked} attempts: ${(recoverMs / 1000).toFixed(2)} s, ` +
      `${qps(report.checked, recoverMs)} queries/s (${report.resolved} resolved, ${report.unresolved.length} unresolved)`,
  );
  console.log(
    `floor, ${bodies.length} raw STATUS_QUERY posts ×${concurrency}: ${(floorMs / 1000).toFixed(2)} s, ` +
      `${qps(bodies.length, floorMs)} queries/s`,
  );
  console.log(`recovery / floor: ${(recoverMs / floorMs).toFixed(2)}x`);
} finally {
  gateway.close();
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
