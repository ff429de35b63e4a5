// Payments benchmarks, each against a floor measured in the same run:
//  1. charge-to-QR: payActive (journal writes + ACTIVEPAY over HTTP to the simulator) minus the raw
//     loopback HTTP round trip of the same sealed request; the median and the tail (p95, p99);
//     `--stages` splits each charge into its stages (charge-stages.ts) to show where the tail is made;
//  2. history search and the daily report on a journal of 1,000,000 attempts (built in one transaction).
//  3. the same charge as the screens get it: through dispatch on a whole sandbox till until the customer
//     view and the till snapshot carry the QR (till-charge.ts), beside the same raw floor;
// `--only charge-to-qr` (or `--only till-to-qr`, `--only big-journal`) runs one part.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createGatewayClient } from '../../electron/core/gateway/client.ts';
import { sealData } from '../../electron/core/gateway/envelope.ts';
import { createJournal } from '../../electron/core/journal/journal.ts';
import { openJournal } from '../../electron/core/journal/open-journal.ts';
import { createPaymentsEngine } from '../../electron/core/payments/engine.ts';
import {
  createSimulator,
  SANDBOX_MERCHANT_ID,
  SANDBOX_OPERATOR_ID,
  SANDBOX_SIGN_KEY,
} from '../../electron/core/simulator/index.ts';
import { createOrderIdGenerator } from '../../shared/payments/order-id.ts';
import { TEST_CODE_HASH_KEY } from '../support/code-hash-key.ts';
import { percentile, post, spread } from './bench-support.ts';
import { chargeStages, printStages } from './charge-stages.ts';
import { tillChargeToQr } from './till-charge.ts';

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 1_000_000);
// A p99 is the 10th slowest of 1,000 charges (of 200 it was the 2nd: one hiccup moved it); the first
// charges (JIT, first WAL header, first connections) are run the same way and not counted.
const CHARGES = Number(process.env.BENCH_CHARGES ?? 1000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 50);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? null : (process.argv[onlyAt + 1] ?? '');
const PARTS = ['charge-to-qr', 'till-to-qr', 'big-journal'];
if (only !== null && !PARTS.includes(only))
  throw new Error(`--only takes ${PARTS.join(', ')}, not '${only}'`);
const TILL_CHARGES = Number(process.env.BENCH_TILL_CHARGES ?? 500);
const dir = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'payments-bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

async function chargeToQr(): Promise<void> {
  const sim = await createSimulator();
  const handle = openJournal({ path: path.join(dir, 'qr.db') });
  const journal = createJournal(handle.db);
  const gateway = createGatewayClient({
    baseUrl: sim.url,
    merchantId: SANDBOX_MERCHANT_ID,
    operatorId: SANDBOX_OPERATOR_ID,
    signKey: SANDBOX_SIGN_KEY,
  });
  const stages = process.argv.includes('--stages') ? chargeStages(journal, gateway) : null;
  const engine = createPaymentsEngine({
    codeHashKey: TEST_CODE_HASH_KEY,
    journal: stages?.journal ?? journal,
    gateway: stages?.gateway ?? gateway,
    terminalNo: 'B1',
    operatorId: SANDBOX_OPERATOR_ID,
    merchantId: SANDBOX_MERCHANT_ID,
    currency: 'CAD',
    timing: { activePollMs: 60_000 },
  });
  const ids = createOrderIdGenerator({ terminalNo: 'F1', now: Date.now, random: Math.random });
  const agent = new http.Agent({ keepAlive: false });
  const floor: number[] = [];
  const full: number[] = [];
  // The other floor: a charge makes two durable commits (attempt + SEND, then the answer), each one
  // fsync of the WAL. Two raw 4 KiB write + fsync pairs on the same disk, timed beside each charge.
  const syncs: number[] = [];
  const syncFile = fs.openSync(path.join(dir, 'sync-floor'), 'w');
  const page = Buffer.alloc(4096, 1);
  try {
    await engine.probeGateway();
    engine.onChange((c) => {
      if (c.kind === 'attempt' && c.attempt.qr) stages?.qrHeard();
    });
    for (let i = -WARMUP; i < CHARGES; i++) {
      const counted = i >= 0;
      // The same request, sealed beforehand, posted raw: the floor.
      const data = sealData(
        {
          order_id: ids.next(),
          operator_id: SANDBOX_OPERATOR_ID,
          amount: '1000',
          biz_type: 'WECHATPAY',
          call_back_url: 'http://127.0.0.1/cb',
        },
        SANDBOX_SIGN_KEY,
      );
      const body = JSON.stringify({
        action: 'ACTIVEPAY',
        version: '1.0',
        merchant_id: SANDBOX_MERCHANT_ID,
        operator_id: SANDBOX_OPERATOR_ID,
        ...data,
      });
      let t = process.hrtime.bigint();
      await post(`${sim.url}/processV2`, body, agent);
      if (counted) floor.push(ms(t));
      t = process.hrtime.bigint();
      for (let k = 0; k < 2; k++) {
        fs.writeSync(syncFile, page, 0, page.length, 0);
        fs.fsyncSync(syncFile);
      }
      if (counted) syncs.push(ms(t));
      engine.newSale();
      if (counted) stages?.begin();
      t = process.hrtime.bigint();
      const a = await engine.payActive({ amountCents: 1000, tipCents: 0, wallet: 'WECHATPAY' });
      if (counted) full.push(ms(t));
      stages?.end();
      if (!a.qr) throw new Error(`no QR: ${a.state}`);
      engine.cancel();
      engine.newSale();
    }
  } finally {
    fs.closeSync(syncFile);
    await engine.close();
    gateway.close();
    handle.close();
    await sim.close();
  }
  if (stages) {
    stages.stop();
    printStages(stages.samples());
  }
  const f = median(floor);
  const c = median(full);
  console.log(`charge-to-QR (payActive → QR):  ${spread(full)} over ${CHARGES}`);
  console.log(
    `counted charges ${CHARGES} after ${WARMUP} not counted; load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(`raw loopback ACTIVEPAY (floor): ${spread(floor)}`);
  console.log(
    `charge-to-QR minus floor:       median ${(c - f).toFixed(2)} ms (ratio ${(c / f).toFixed(2)}x)`,
  );
  const c99 = percentile(full, 99);
  const f99 = percentile(floor, 99);
  console.log(
    `tail, p99 minus floor p99:      ${(c99 - f99).toFixed(2)} ms (ratio ${(c99 / f99).toFixed(2)}x)`,
  );
  // What is left when the disk's two syncs are taken out too: the till's own work (CPU, SQLite pages).
  // Per charge (the floors were timed just before it), so a slow moment of the disk cancels out.
  const own = full.map((x, i) => x - (floor[i] ?? 0) - (syncs[i] ?? 0));
  console.log(`two raw 4 KiB write+fsync (floor): ${spread(syncs)}`);
  console.log(`charge minus both floors, each: ${spread(own)}`);
}

function bigJournal(): void {
  const file = path.join(dir, 'big.db');
  const handle = openJournal({ path: file });
  const db = handle.db;
  const wallets = ['WECHATPAY', 'ALIPAY', 'UNIONPAY'];
  const states = ['paid', 'paid', 'paid', 'paid', 'failed', 'expired'];
  const start = Date.UTC(2025, 0, 1, 14);
  const span = 365 * 86_400_000;
  const ids = createOrderIdGenerator({ terminalNo: 'T1', now: () => 0, random: Math.random });
  let t = process.hrtime.bigint();
  const sale = db.prepare(`INSERT INTO sales VALUES (?, ?, 0, 'CAD', ?, 'T1', ?, ?, ?)`);
  const attempt =
    db.prepare(`INSERT INTO attempts (attempt_id, order_id, sale_id, mode, wallet, amount_cents, tip_cents,
    currency, state, gateway_seen, wallet_txn_id, operator_id, terminal_no, created_at, updated_at, paid_at, manual)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'CAD', ?, 1, ?, ?, 'T1', ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < ATTEMPTS; i++) {
      const at = start + Math.floor((i / ATTEMPTS) * span);
      const id = ids.next();
      const amount = 100 + ((i * 7919) % 20_000);
      const state = states[i % states.length] ?? 'failed';
      const op = `000000000${i % 4}`;
      sale.run(id, amount, op, at, at, at);
      attempt.run(
        id,
        id,
        id,
        i % 2 ? 'active' : 'passive',
        wallets[i % 3],
        amount,
        i % 5 === 0 ? 100 : 0,
        state,
        state === 'paid' ? `4200${String(i).padStart(14, '0')}` : null,
        op,
        at,
        at,
        state === 'paid' ? at : null,
        i % 997 === 0 ? 1 : 0,
      );
    }
  })();
  const buildMs = ms(t);
  const size = fs.statSync(file).size;
  console.log(
    `journal of ${ATTEMPTS.toLocaleString('en')} attempts built in ${(buildMs / 1000).toFixed(1)} s (${(size / 1e6).toFixed(0)} MB)`,
  );
  handle.close();

  // Reopen cold-ish, as the till would, and time the queries through the engine.
  const h2 = openJournal({ path: file });
  const j2 = createJournal(h2.db);
  const engine = createPaymentsEngine({
    codeHashKey: TEST_CODE_HASH_KEY,
    journal: j2,
    gateway: null as never,
    terminalNo: 'T1',
    operatorId: '1',
    merchantId: SANDBOX_MERCHANT_ID,
    currency: 'CAD',
    timeZone: 'UTC',
  });
  const some = h2.db
    .prepare('SELECT order_id AS o, wallet_txn_id AS w FROM attempts WHERE rowid = ?')
    .get(Math.floor(ATTEMPTS / 2)) as { o: string; w: string | null };
  const cases: Array<[string, () => unknown]> = [
    ['search: latest 100', () => engine.search({ limit: 100 })],
    ['search: order id prefix', () => engine.search({ text: some.o.slice(0, 10), limit: 100 })],
    ['search: wallet txn id', () => engine.search({ text: some.w ?? '4200', limit: 100 })],
    [
      'search: one day + wallet',
      () => engine.search({ from: '2025-06-01', to: '2025-06-01', wallet: 'ALIPAY', limit: 500 }),
    ],
    [
      'search: amount over a month',
      () => engine.search({ amountCents: 5000, from: '2025-03-01', to: '2025-03-31', limit: 100 }),
    ],
    ['daily report', () => engine.dailyReport('2025-06-01')],
    ['CSV export of a day', () => engine.exportCsv('2025-06-01')],
  ];
  for (const [name, fn] of cases) {
    fn();
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      t = process.hrtime.bigint();
      fn();
      times.push(ms(t));
    }
    console.log(`${name.padEnd(30)} median ${median(times).toFixed(2)} ms`);
  }
  const full = h2.db.prepare('SELECT count(*) AS n FROM attempts WHERE reason IS NULL');
  t = process.hrtime.bigint();
  full.get();
  console.log(`${'floor: full scan of attempts'.padEnd(30)} ${ms(t).toFixed(2)} ms`);
  void engine.close();
  h2.close();
}

try {
  if (only === null || only === 'charge-to-qr') await chargeToQr();
  if (only === null || only === 'till-to-qr') await tillChargeToQr(dir, TILL_CHARGES, WARMUP);
  if (only === null || only === 'big-journal') bigJournal();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
