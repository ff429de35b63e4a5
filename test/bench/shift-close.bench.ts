// Closing a shift of 5,000 attempts (BENCH_SHIFT_ATTEMPTS) with its reconciliation against the
// simulator over HTTP: a status query of each order through the engine's bounded pool, each answer
// checked and applied, then the Z report built and frozen. The floor, measured in the same run, is the
// status queries alone through the same gateway client and the same pool.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGatewayClient } from '../../electron/core/gateway/client.ts';
import { createJournal } from '../../electron/core/journal/journal.ts';
import { openJournal } from '../../electron/core/journal/open-journal.ts';
import { pool } from '../../electron/core/payments/bounded-pool.ts';
import { createPaymentsEngine } from '../../electron/core/payments/engine.ts';
import { DEFAULT_TIMING } from '../../electron/core/payments/settings.ts';
import {
  createSimulator,
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../electron/core/simulator/index.ts';
import { createShifts } from '../../electron/core/staff/shifts.ts';
import { createOrderIdGenerator } from '../../shared/payments/order-id.ts';
import { attemptRow } from '../support/attempt-row.ts';
import { TEST_CODE_HASH_KEY } from '../support/code-hash-key.ts';

const ATTEMPTS = Number(process.env.BENCH_SHIFT_ATTEMPTS ?? 5_000);
const dir = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'shift-bench-'));
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

async function main(): Promise<void> {
  const sim = await createSimulator();
  const handle = openJournal({ path: path.join(dir, 'shift.db') });
  let shiftId: number | null = null;
  const journal = createJournal(handle.db, () => ({ cashierId: '1', approverId: null, shiftId }));
  const gateway = createGatewayClient({
    baseUrl: sim.url,
    merchantId: SANDBOX_MERCHANT_ID,
    operatorId: SANDBOX_OPERATOR_ID,
    signKey: SANDBOX_SIGN_KEY,
  });
  const engine = createPaymentsEngine({
    journal,
    gateway,
    terminalNo: 'B1',
    operatorId: SANDBOX_OPERATOR_ID,
    merchantId: SANDBOX_MERCHANT_ID,
    currency: 'CAD',
    codeHashKey: TEST_CODE_HASH_KEY,
  });
  const shifts = createShifts({
    journal: () => journal,
    currency: () => 'CAD',
    name: (id) => (id === null ? '' : `staff ${id}`),
    now: Date.now,
    reconcile: (attempts, refunds) => engine.reconcileOrders(attempts, refunds),
  });
  try {
    shiftId = shifts.ensureOpen('1');
    // The shift's payments: real orders at the simulator (paid passive payments), journaled as paid.
    const ids = createOrderIdGenerator({ terminalNo: 'B1', now: Date.now, random: Math.random });
    const orders = Array.from({ length: ATTEMPTS }, (_, i) => ({
      orderId: ids.next(),
      amountCents: 100 + (i % 90),
      code: `13${String(1e15 + i).padStart(16, '0')}`,
      walletTxnId: null as string | null,
    }));
    const built = process.hrtime.bigint();
    await pool(orders, 8, async (o) => {
      // Journaled as the till would have them: with the wallet's transaction number the answer gave.
      o.walletTxnId = (
        await gateway.passivePay({
          orderId: o.orderId,
          amountCents: o.amountCents,
          tipCents: 0,
          wallet: 'WECHATPAY',
          authCode: o.code,
        })
      ).walletTxnId;
    });
    const now = Date.now();
    journal.write(() => {
      for (const o of orders) {
        journal.sales.insert({
          saleId: o.orderId,
          amountCents: o.amountCents,
          tipCents: 0,
          currency: 'CAD',
          operatorId: SANDBOX_OPERATOR_ID,
          terminalNo: 'B1',
          createdAt: now,
          updatedAt: now,
          closedAt: now,
        });
        journal.attempts.insert(
          attemptRow(o.orderId, now, {
            mode: 'passive',
            amountCents: o.amountCents,
            state: 'paid',
            gatewaySeen: true,
            walletTxnId: o.walletTxnId,
            terminalNo: 'B1',
            paidAt: now,
          }),
        );
      }
    });
    console.log(
      `setup: ${ATTEMPTS} paid orders at the simulator and in the journal in ${ms(built).toFixed(0)} ms`,
    );

    // Floor: the status queries alone, same client, same pool width as the close uses; measured before
    // and after the close (the faster of the two), so warm-up favours neither side.
    const queriesAlone = async () => {
      const start = process.hrtime.bigint();
      await pool(orders, DEFAULT_TIMING.recoveryConcurrency, async (o) => {
        await gateway.query(o.orderId);
      });
      return ms(start);
    };
    const floorBefore = await queriesAlone();
    const closeStart = process.hrtime.bigint();
    const z = await shifts.close({ closedBy: '1', approvedBy: '1', acknowledgeUnresolved: false });
    const close = ms(closeStart);
    const floor = Math.min(floorBefore, await queriesAlone());
    if (z.count !== ATTEMPTS || (z.reconciliation?.differences.length ?? -1) !== 0)
      throw new Error(
        `unexpected Z report: ${z.count} payments, ${z.reconciliation?.differences.length} differences`,
      );

    console.log(
      `status queries alone (floor):   ${floor.toFixed(0)} ms for ${ATTEMPTS} (${((floor / ATTEMPTS) * 1000).toFixed(0)} µs each)`,
    );
    console.log(
      `shift close with reconciliation: ${close.toFixed(0)} ms (Z: ${z.count} payments, net ${(z.netCents / 100).toFixed(2)} CAD, 0 differences)`,
    );
    console.log(
      `close minus floor:               ${(close - floor).toFixed(0)} ms (ratio ${(close / floor).toFixed(2)}x)`,
    );
  } finally {
    await engine.close();
    await sim.close();
    handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
