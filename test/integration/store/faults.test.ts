// The faults the issue names, each on a real PostgreSQL with real till journals, each ending with the
// same check: every event of each till is in the central table once, and the central day figures
// equal each till's own report to the cent.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createOutbox } from '../../../electron/core/sync/outbox.ts';
import { ingestBatch } from '../../../electron/store/ingest.ts';
import { migrateCentral } from '../../../electron/store/migrate.ts';
import { pgTarget } from '../../../electron/store/pg-config.ts';
import { chainDayReport } from '../../../electron/store/report.ts';
import { startTestPostgres, TEST_PG_PASSWORD, type TestPostgres } from '../../support/postgres.ts';
import { prng } from '../../support/prng.ts';
import {
  assertCentralMatches,
  caughtUp,
  makeSales,
  outboxBatch,
  shipAll,
  shipUntilCaughtUp,
  TILL_ZONE,
  tillIdOf,
  watchAgent,
} from '../../support/store-sync.ts';
import { makeRig, type Rig } from '../payments/harness.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
let server: TestPostgres;
const rigs: Rig[] = [];
const clients: pg.Client[] = [];

before(async () => {
  server = await startTestPostgres();
});
after(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
  for (const r of rigs) await r.close();
  server?.dispose();
});

async function freshDb(name: string): Promise<pg.Client> {
  await server.createDatabase(name);
  const c = new pg.Client({ connectionString: server.urlWithPassword(name) });
  c.on('error', () => undefined);
  await c.connect();
  clients.push(c);
  return c;
}

async function till(options: Parameters<typeof makeRig>[0] = {}): Promise<Rig> {
  const r = await makeRig(options);
  rigs.push(r);
  return r;
}

describe('faults while shipping', () => {
  it('PostgreSQL stopped with a batch in flight and restarted: that batch never committed, is re-sent, nothing doubled', async () => {
    const db = 'stopped_mid_batch';
    const rig = await till();
    await makeSales(rig, 12, prng(10));
    const owner = await freshDb(db);
    await migrateCentral(owner);
    // The first ten events are central and acknowledged.
    const outbox = createOutbox(rig.handle.db);
    const first = await ingestBatch(owner, outboxBatch(rig, 0, 10));
    outbox.ack(pgTarget(server.url(db)), first.lastSeq, Date.now());
    // The owner holds the events table: the agent's next batch waits inside the server, uncommitted,
    // until the server goes down.
    await owner.query('BEGIN');
    await owner.query('LOCK TABLE pos.events IN SHARE MODE');
    let sent: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => {
      sent = resolve;
    });
    const w = watchAgent({
      db: rig.handle.db,
      url: server.url(db),
      storeId: 's1',
      batchSize: 10,
      maxBackoffMs: 100,
      fault: (point) => {
        if (point === 'sync.sent') sent();
      },
    });
    try {
      await inFlight;
      server.stop('immediate');
      const down = await w.until((s) => s.state === 'retrying', 'retrying');
      assert.ok(down.lastError);
      assert.equal(down.lastShippedSeq, 10);
    } finally {
      await w.agent.stop();
    }
    server.start();
    const client = new pg.Client({ connectionString: server.urlWithPassword(db) });
    await client.connect();
    clients.push(client);
    // The batch that was in flight never committed: the first ten events only.
    const kept = await client.query('SELECT count(*)::int AS n, max(seq)::int AS m FROM pos.events');
    assert.deepEqual(kept.rows[0], { n: 10, m: 10 });
    await shipAll(rig, server.url(db), 's1');
    await assertCentralMatches(client, [{ rig }]);
  });

  for (const [point, committed] of [
    ['sync.committed', true],
    // The batch's one statement is on the wire: the server may commit it or not; either way once.
    ['sync.sent', null],
  ] as const) {
    it(`a till killed (SIGKILL) at ${point}: the batch is sent again and counted once`, async () => {
      const db = `killed_${point.replace(/\W/g, '_')}`;
      const client = await freshDb(db);
      const rig = await till();
      await makeSales(rig, 10, prng(11));
      const journalPath = path.join(rig.dir, 'till.db');
      const child = spawn(
        process.execPath,
        [path.join(here, 'sync-child.ts'), journalPath, server.url(db), 's1', point],
        { env: { ...process.env, TILL_TEST_PG_PASSWORD: TEST_PG_PASSWORD }, stdio: 'inherit' },
      );
      const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_c, s) => resolve(s)),
      );
      assert.equal(signal, 'SIGKILL');
      const target = pgTarget(server.url(db));
      assert.equal(createOutbox(rig.handle.db).acked(target), 0, 'the ack was never written');
      const central = await client.query('SELECT count(*)::int AS n FROM pos.events');
      // After the commit the batch is there; a batch only sent may or may not be.
      if (committed !== null) assert.equal(central.rows[0]?.n > 0, committed);

      await shipUntilCaughtUp(rig, { url: server.url(db), storeId: 's1' });
      await assertCentralMatches(client, [{ rig }]);
    });
  }

  it('the same batch delivered twice changes nothing the second time', async () => {
    const client = await freshDb('same_batch_twice');
    await migrateCentral(client);
    const rig = await till();
    await makeSales(rig, 8, prng(12));
    const batch = outboxBatch(rig, 0, 10_000);
    const first = await ingestBatch(client, batch);
    assert.equal(first.inserted, batch.events.length);
    const day = new Date().toISOString().slice(0, 10);
    const before = await chainDayReport(client, day);
    const second = await ingestBatch(client, batch);
    assert.deepEqual(second, { inserted: 0, duplicates: batch.events.length, lastSeq: first.lastSeq });
    const afterTwice = await chainDayReport(client, day);
    const figures = (r: typeof before) => JSON.stringify(r.chain);
    assert.equal(figures(afterTwice), figures(before));
    await assertCentralMatches(client, [{ rig }]);
  });

  it('two tills of one store shipping at once: both complete, the store total is their sum', async () => {
    const db = 'two_tills';
    const client = await freshDb(db);
    const [a, b] = [await till(), await till()];
    await Promise.all([makeSales(a, 10, prng(13)), makeSales(b, 10, prng(14))]);
    const wa = watchAgent({ db: a.handle.db, url: server.url(db), storeId: 'shop', batchSize: 4 });
    const wb = watchAgent({
      db: b.handle.db,
      url: server.url(db),
      storeId: 'shop',
      batchSize: 4,
      terminalNo: 'T2',
    });
    try {
      await Promise.all([caughtUp(wa, a), caughtUp(wb, b)]);
    } finally {
      await Promise.all([wa.agent.stop(), wb.agent.stop()]);
    }
    await assertCentralMatches(client, [{ rig: a }, { rig: b }]);
    const days = new Set<string>();
    for (const r of [a, b]) {
      for (const row of r.handle.db.prepare('SELECT created_at AS t FROM attempts').all() as Array<{
        t: number;
      }>)
        days.add(new Intl.DateTimeFormat('en-CA', { timeZone: TILL_ZONE }).format(row.t));
    }
    for (const day of days) {
      const report = await chainDayReport(client, day, 'shop');
      const store = report.stores.find((s) => s.storeId === 'shop');
      const sum = (a.engine.dailyReport(day).netCents ?? 0) + (b.engine.dailyReport(day).netCents ?? 0);
      assert.equal(
        store?.totals.find((t) => t.currency === 'CAD')?.netCents ?? 0,
        sum,
        `store net on ${day}`,
      );
    }
  });

  it('a till whose clock is an hour off: nothing lost or doubled, its own days kept, the offset shown', async () => {
    const db = 'clock_off';
    const client = await freshDb(db);
    // The till's clock runs an hour ahead: timers run on real time, reads are shifted.
    const shifted = {
      now: () => Date.now() + 3_600_000,
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
      clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    const rig = await till({ clock: shifted });
    await makeSales(rig, 10, prng(15));
    await shipUntilCaughtUp(rig, { url: server.url(db), storeId: 's1', clock: shifted });
    await assertCentralMatches(client, [{ rig }]);
    const offset = await client.query(
      'SELECT clock_offset_ms::bigint AS o FROM pos.tills WHERE till_id = $1',
      [tillIdOf(rig)],
    );
    const o = Number(offset.rows[0]?.o);
    assert.ok(o < -3_500_000 && o > -3_700_000, `offset ${o}`);
  });
});
