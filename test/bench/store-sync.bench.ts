// Store sync figures on a real PostgreSQL started for the run (test/support/postgres.ts):
//  1. Shipping lag: simulated tills (each its own journal file and sync agent, woken by the journal's
//     commits as in the till) make paid sales at a fixed total rate; the lag of a sale is from the commit of
//     its paid transition in the till's journal to the agent's record of the central commit that holds
//     it (the acknowledgement, just after the commit). Floor: one
//     single-row INSERT round trip to the same server, measured in the same run.
//  2. The chain day report over a generated year of attempts (50 tills in 10 stores), beside a full
//     scan of the same table.
// Short by default; the full size: --seconds 60 --tills 20 --rate 10 --attempts 10000000.
// Each till ships through its own login (row-level security, as a chain deploys it); --owner ships as
// the database owner instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { systemClock } from '../../electron/core/clock.ts';
import { createJournal, type Journal } from '../../electron/core/journal/journal.ts';
import { openJournal } from '../../electron/core/journal/open-journal.ts';
import { silentLogger } from '../../electron/core/logging/index.ts';
import { type SyncAgent, startSyncAgent } from '../../electron/core/sync/agent.ts';
import type { BatchPhases } from '../../electron/core/sync/batch-phases.ts';
import { agentConnection } from '../../electron/core/sync/sync-runner.ts';
import { addTillLogin } from '../../electron/store/add-till.ts';
import { migrateCentral } from '../../electron/store/migrate.ts';
import { chainDayReport } from '../../electron/store/report.ts';
import { attemptRow } from '../support/attempt-row.ts';
import { startTestPostgres, TEST_PG_PASSWORD } from '../support/postgres.ts';
import { percentile } from './bench-support.ts';

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    tills: { type: 'string', default: '20' },
    /** Ship as the database owner (no row-level security) instead of one till login per till. */
    owner: { type: 'boolean', default: false },
    rate: { type: 'string', default: '10' },
    attempts: { type: 'string', default: '200000' },
  },
});
const SECONDS = Number(flags.seconds);
const TILLS = Number(flags.tills);
const RATE = Number(flags.rate);
const ATTEMPTS = Number(flags.attempts);

const ms = (x: number) => `${x.toFixed(1)} ms`;

interface SimTill {
  journal: Journal;
  close(): void;
  agent: SyncAgent;
  /** seq of a sale's paid event → when it was committed (performance.now). */
  waiting: Map<number, number>;
}

/** One paid sale the way the engine writes it: created (sale + attempt + events), then paid. */
function sale(j: Journal, n: number, till: number): number {
  const now = Date.now();
  const id = `B${till}X${n}`;
  j.write(() => {
    j.sales.insert({
      saleId: `S${id}`,
      amountCents: 1000 + n,
      tipCents: 100,
      currency: 'CAD',
      operatorId: '1',
      terminalNo: `T${till}`,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    });
    j.events.append({ at: now, entity: 'sale', entityId: `S${id}`, type: 'sale.created', cause: 'command' });
    j.attempts.insert(
      attemptRow(id, now, {
        saleId: `S${id}`,
        mode: 'passive',
        wallet: 'ALIPAY',
        amountCents: 1000 + n,
        tipCents: 100,
        operatorId: '1',
        terminalNo: `T${till}`,
      }),
    );
    j.events.append({ at: now, entity: 'attempt', entityId: id, type: 'attempt.created', cause: 'command' });
  });
  return j.write(() => {
    const row = j.attempts.get(id);
    if (row) j.attempts.update({ ...row, state: 'paid', paidAt: now, gatewaySeen: true, updatedAt: now });
    return j.events.append({
      at: now,
      entity: 'attempt',
      entityId: id,
      type: 'attempt.gateway_paid',
      cause: 'gateway',
      fromState: 'submitted',
      toState: 'paid',
    });
  });
}

/** The floor: a single-row INSERT round trip on its own connection, timed at the same cadence and under
 * the same load as the sales (one just before each sale), so both see the same machine. */
async function floorProbe(url: string): Promise<{ probe(): Promise<number>; close(): Promise<void> }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('CREATE TABLE IF NOT EXISTS floor_probe (id bigserial PRIMARY KEY, at bigint NOT NULL)');
  return {
    async probe() {
      const t = performance.now();
      await c.query('INSERT INTO floor_probe (at) VALUES ($1)', [Date.now()]);
      return performance.now() - t;
    },
    close: () => c.end(),
  };
}

/** Per sale, where its lag went: each phase's milliseconds, keyed by name (see batch-phases.ts). */
type Breakdown = Map<string, number[]>;

function addPhase(b: Breakdown, name: string, ms: number): void {
  const xs = b.get(name) ?? [];
  xs.push(ms);
  b.set(name, xs);
}

/** Splits the lag of each sale the batch carries: waiting for the agent (busy with the batch before, or
 * asleep until woken), reading, each round trip, the ack, and what is left (the event loop, zod). */
function splitLag(b: Breakdown, p: BatchPhases, waiting: Map<number, number>, trips: number[]): void {
  trips.push(p.roundTrips.filter((r) => r.what !== 'connect').length);
  for (const [seq, at] of waiting) {
    if (seq < p.firstSeq || seq > p.lastSeq) continue;
    const woken = p.wokenAt !== null && p.wokenAt >= at ? p.wokenAt : null;
    addPhase(b, 'agent busy or asleep', (woken ?? p.readAt) - at);
    addPhase(b, 'woken → read', woken === null ? 0 : p.readAt - woken);
    addPhase(b, 'journal read', p.readMs);
    const byName = new Map<string, number>();
    // A reconnect is counted apart: it is not a batch's cost (and may have begun before the sale).
    for (const r of p.roundTrips)
      if (r.what !== 'connect') byName.set(r.what, (byName.get(r.what) ?? 0) + r.ms);
    for (const [what, ms] of byName) addPhase(b, `PG ${what}`, ms);
    addPhase(b, 'ack write', p.ackMs);
    const accounted = p.readAt - at + p.readMs + [...byName.values()].reduce((x, y) => x + y, 0) + p.ackMs;
    addPhase(b, 'other (event loop, validation)', p.ackedAt - at - accounted);
  }
}

/** Each till's URL and password: its own login (`store add-till`), as a chain deploys it, or the owner. */
async function tillLogins(url: string, dbUrl: string): Promise<Array<{ url: string; password: string }>> {
  if (flags.owner) return Array.from({ length: TILLS }, () => ({ url, password: TEST_PG_PASSWORD }));
  const owner = new pg.Client({ connectionString: dbUrl });
  await owner.connect();
  try {
    await migrateCentral(owner);
    const out: Array<{ url: string; password: string }> = [];
    for (let i = 0; i < TILLS; i++) {
      const login = await addTillLogin(owner, `bench_till_${i}`, null);
      const u = new URL(url);
      u.username = login.role;
      out.push({ url: u.toString(), password: login.password });
    }
    return out;
  } finally {
    await owner.end();
  }
}

async function shippingLag(url: string, dbUrl: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-bench-'));
  const logins = await tillLogins(url, dbUrl);
  const lags: number[] = [];
  const breakdown: Breakdown = new Map();
  const tripsPerBatch: number[] = [];
  const tills: SimTill[] = [];
  try {
    for (let i = 0; i < TILLS; i++) {
      const file = path.join(dir, `till-${i}.db`);
      const handle = openJournal({ path: file });
      // As in the till: the agent has its own connection to the journal.
      const agentHandle = agentConnection(openJournal({ path: file }));
      const waiting = new Map<number, number>();
      const agent = startSyncAgent({
        db: agentHandle.db,
        url: logins[i]?.url ?? url,
        storeId: `store-${i % 4}`,
        secrets: { password: logins[i]?.password ?? null },
        terminalNo: `T${i}`,
        timeZone: 'America/Toronto',
        appVersion: 'bench',
        clock: systemClock,
        log: silentLogger,
        onBatch: (p) => splitLag(breakdown, p, waiting, tripsPerBatch),
        onStatus: (s) => {
          const now = performance.now();
          for (const [seq, at] of waiting) {
            if (seq > s.lastShippedSeq) continue;
            lags.push(now - at);
            waiting.delete(seq);
          }
        },
      });
      tills.push({
        journal: createJournal(handle.db),
        close: () => {
          agentHandle.close();
          handle.close();
        },
        agent,
        waiting,
      });
    }
    // Every agent connected and idle first: 20 connections opened at once are not a sale's lag.
    const deadlineUp = performance.now() + 60_000;
    while (tills.some((t) => t.agent.status().state !== 'up_to_date') && performance.now() < deadlineUp)
      await new Promise((r) => setTimeout(r, 20));
    const probe = await floorProbe(dbUrl);
    const floor: number[] = [];
    const total = SECONDS * RATE;
    const start = performance.now();
    for (let n = 0; n < total; n++) {
      const due = start + (n * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      floor.push(await probe.probe());
      const t = tills[n % TILLS];
      if (!t) continue;
      const seq = sale(t.journal, n, n % TILLS);
      t.waiting.set(seq, performance.now());
      // No nudge: the journal's commit wakes the agent (journal/commit-signal.ts), as in the till.
    }
    // Let the last sales arrive (bounded: a stuck agent shows as a missing count, not a hang).
    const deadline = performance.now() + 30_000;
    while (tills.some((t) => t.waiting.size > 0) && performance.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    await probe.close();
    const missing = tills.reduce((n, t) => n + t.waiting.size, 0);
    console.log(
      `shipping lag: ${TILLS} tills (${flags.owner ? 'as the owner' : 'one login each'}), ${RATE} sales/s in all, ${SECONDS} s, ${lags.length} sales shipped` +
        (missing ? `, ${missing} NOT shipped` : ''),
    );
    console.log(
      `  lag p50 ${ms(percentile(lags, 50))}  p95 ${ms(percentile(lags, 95))}  max ${ms(percentile(lags, 100))}`,
    );
    console.log(
      `  floor: one INSERT round trip p50 ${ms(percentile(floor, 50))}  p95 ${ms(percentile(floor, 95))}  ` +
        `(lag/floor at p50: ${(percentile(lags, 50) / percentile(floor, 50)).toFixed(1)}x)`,
    );
    const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);
    console.log(
      `  PostgreSQL round trips per batch: mean ${(sum(tripsPerBatch) / tripsPerBatch.length).toFixed(2)} ` +
        `over ${tripsPerBatch.length} batches (a reconnect's not counted)`,
    );
    console.log('  where the lag goes, per sale (p50, p95, mean):');
    for (const [name, xs] of breakdown)
      console.log(
        `    ${name.padEnd(32)} ${ms(percentile(xs, 50)).padStart(9)} ${ms(percentile(xs, 95)).padStart(9)} ${ms(sum(xs) / xs.length).padStart(9)}`,
      );
  } finally {
    for (const t of tills) {
      await t.agent.stop();
      t.close();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function chainReport(dbUrl: string): Promise<void> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    await migrateCentral(c);
    const t0 = performance.now();
    // A year of a 50-till, 10-store chain; 3 % of attempts refunded, 5 % failed, a few unresolved.
    await c.query(
      `INSERT INTO pos.stores (store_id) SELECT 's' || s FROM generate_series(0, 9) s ON CONFLICT DO NOTHING`,
    );
    await c.query(`INSERT INTO pos.tills (till_id, store_id, terminal_no, time_zone, last_seq)
      SELECT 't' || t, 's' || (t % 10), 'T' || t, 'America/Toronto', 0 FROM generate_series(0, 49) t
      ON CONFLICT DO NOTHING`);
    await c.query(
      `INSERT INTO pos.attempts (till_id, attempt_id, store_id, order_id, sale_id, mode, wallet, amount_cents,
        tip_cents, currency, state, operator_id, cashier_id, terminal_no, created_at, paid_at, business_day,
        needs_attention, manual, refunded_cents, as_of_seq)
      SELECT 't' || (i % 50), 'A' || i, 's' || (i % 50 % 10), 'A' || i, 'S' || i, 'passive',
        (ARRAY['WECHATPAY','ALIPAY','UNIONPAY'])[(1 + i % 3)::int], 100 + (i * 7919) % 20000, (i * 31) % 500, 'CAD',
        CASE WHEN i % 20 = 0 THEN 'failed' WHEN i % 997 = 0 THEN 'unknown' ELSE 'paid' END,
        '' || (i % 7), NULL, 'T' || (i % 50), ms, ms, (to_timestamp(ms / 1000.0) AT TIME ZONE 'America/Toronto')::date,
        false, false, 0, i
      FROM (SELECT i, 1735707600000 + (i::bigint * 31536000000 / $1) AS ms FROM generate_series(1, $1::bigint) i) g`,
      [ATTEMPTS],
    );
    await c.query(
      `INSERT INTO pos.refunds (till_id, refund_id, store_id, attempt_id, order_id, amount_cents, currency, state,
        operator_id, created_at, business_day, needs_attention, as_of_seq)
      SELECT till_id, 'R' || attempt_id, store_id, attempt_id, 'R' || attempt_id, amount_cents / 2, currency,
        'refunded', operator_id, created_at, business_day, false, as_of_seq
      FROM pos.attempts WHERE state = 'paid' AND as_of_seq % 33 = 0`,
    );
    await c.query('VACUUM ANALYZE pos.attempts');
    await c.query('VACUUM ANALYZE pos.refunds');
    const built = performance.now() - t0;
    const day = '2025-07-15';
    const report: number[] = [];
    const store: number[] = [];
    for (let i = 0; i < 7; i++) {
      let t = performance.now();
      await chainDayReport(c, day);
      report.push(performance.now() - t);
      t = performance.now();
      await chainDayReport(c, day, 's3');
      store.push(performance.now() - t);
    }
    const scan: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await c.query(`SELECT count(*), sum(amount_cents + tip_cents) FROM pos.attempts WHERE state = 'paid'`);
      scan.push(performance.now() - t);
    }
    const perDay = Math.round(ATTEMPTS / 365);
    console.log(
      `chain report: ${ATTEMPTS.toLocaleString('en-CA')} attempts over a year (50 tills, 10 stores, ~${perDay.toLocaleString('en-CA')} a day), built in ${(built / 1000).toFixed(1)} s`,
    );
    console.log(`  one day, whole chain (tills, wallets, cashiers): median ${ms(percentile(report, 50))}`);
    console.log(`  one day, one store: median ${ms(percentile(store, 50))}`);
    console.log(
      `  floor/contrast: full scan of the same table (paid count and sum): median ${ms(percentile(scan, 50))}`,
    );
  } finally {
    await c.end();
  }
}

const server = await startTestPostgres();
try {
  await server.createDatabase('lag');
  await server.createDatabase('report');
  await shippingLag(server.url('lag'), server.urlWithPassword('lag'));
  await chainReport(server.urlWithPassword('report'));
} finally {
  server.dispose();
}
