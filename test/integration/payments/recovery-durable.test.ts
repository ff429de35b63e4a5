// Start-up recovery against the real simulator over HTTP, on a real journal file: its answers are
// journaled in shared transactions (group-commit.ts), and still nothing acts on an answer before it is
// durable — every change the screens hear is already visible to another connection to the file.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { createGatewayClient } from '../../../electron/core/gateway/client.ts';
import {
  createSimulator,
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
  type Simulator,
} from '../../../electron/core/simulator/index.ts';
import { createOrderIdGenerator } from '../../../shared/payments/order-id.ts';
import { attemptRow } from '../../support/attempt-row.ts';
import { FAST_SIM, makeRig, type Rig } from './harness.ts';

let sim: Simulator;
let rig: Rig;
before(async () => {
  sim = await createSimulator({ timings: { ...FAST_SIM, activeTtlMs: 600_000 }, callbackRetryDelaysMs: [] });
  rig = await makeRig({ sim });
});
after(async () => {
  await rig.close();
  await sim.close();
});

/** Orders the gateway took whose answers never reached the journal: attempts left 'submitted'. */
async function sentButUnanswered(n: number): Promise<string[]> {
  const client = createGatewayClient({
    baseUrl: sim.url,
    merchantId: SANDBOX_MERCHANT_ID,
    operatorId: SANDBOX_OPERATOR_ID,
    signKey: SANDBOX_SIGN_KEY,
  });
  const ids = createOrderIdGenerator({ terminalNo: 'T1', now: Date.now, random: Math.random });
  const orders = Array.from({ length: n }, () => ids.next());
  try {
    for (const orderId of orders) {
      await client.activePay({
        orderId,
        amountCents: 1000,
        tipCents: 0,
        wallet: 'WECHATPAY',
        callbackUrl: 'http://127.0.0.1:9/ottpay/callback',
      });
    }
  } finally {
    client.close();
  }
  const now = Date.now();
  rig.journal.write(() => {
    for (const orderId of orders) {
      rig.journal.sales.insert({
        saleId: orderId,
        amountCents: 1000,
        tipCents: 0,
        currency: 'CAD',
        operatorId: SANDBOX_OPERATOR_ID,
        terminalNo: 'T1',
        createdAt: now,
        updatedAt: now,
        closedAt: now,
      });
      rig.journal.attempts.insert(attemptRow(orderId, now));
    }
  });
  return orders;
}

describe('start-up recovery, batched', () => {
  it('every answer is durable before the screens hear of it; paid is paid, given up is failed', async () => {
    const orders = await sentButUnanswered(24);
    const paid = new Set(orders.filter((_, i) => i % 2 === 0));
    for (const id of orders) {
      if (paid.has(id)) sim.control.pay(id);
      else sim.control.cancel(id);
    }
    await rig.restart();
    const reader = new Database(path.join(rig.dir, 'till.db'), { readonly: true });
    const stateOnDisk = reader.prepare('SELECT state FROM attempts WHERE attempt_id = ?');
    const heard: Array<{ id: string; told: string; onDisk: string }> = [];
    const stop = rig.engine.onChange((c) => {
      if (c.kind !== 'attempt') return;
      const onDisk = (stateOnDisk.get(c.attempt.attemptId) as { state: string }).state;
      heard.push({ id: c.attempt.attemptId, told: c.attempt.state, onDisk });
    });
    try {
      const report = await rig.engine.recover();
      assert.equal(report.checked, 24);
      assert.equal(report.resolved, 24);
      assert.deepEqual(report.unresolved, []);
    } finally {
      stop();
      reader.close();
    }
    assert.equal(heard.length, 24, 'the screens heard of each answer once');
    for (const h of heard) assert.equal(h.onDisk, h.told, `${h.id}: told ${h.told} before it was durable`);
    for (const id of orders) {
      assert.equal(rig.engine.attempt(id).state, paid.has(id) ? 'paid' : 'failed', id);
      const recovery = rig.engine.history(id).filter((e) => e.detail.recovery === true);
      assert.equal(recovery.length, 1, 'one journaled answer per attempt');
    }
  });
});
