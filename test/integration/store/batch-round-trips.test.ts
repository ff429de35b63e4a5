// Issue 24: the store sync's shipping lag was about 13 single-row INSERT round trips, because every
// batch cost four round trips (BEGIN, the login's till check, the ingest, COMMIT). Now a batch is one
// statement, one round trip, prepared once per connection, with the login's till check once per
// connection. Counted on a real PostgreSQL by the server's ReadyForQuery messages (one ends every
// round trip). And the check being once per connection must not let a revoked till keep shipping:
// "promptly" here means its very next batch, even on the connection already open, is refused by the
// server in that batch's own statement and writes nothing; a new connection is refused as well.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import { addTillLogin } from '../../../electron/store/add-till.ts';
import type { Batch } from '../../../electron/store/batch.ts';
import { ingestBatch } from '../../../electron/store/ingest.ts';
import { TillLoginRefused } from '../../../electron/store/till-login-check.ts';
import { connectAs, migratedCentral, oneEventBatch } from '../../support/central-batch.ts';
import { startTestPostgres, type TestPostgres } from '../../support/postgres.ts';
import { prng } from '../../support/prng.ts';
import { caughtUp, makeSales, shipUntilCaughtUp, watchAgent } from '../../support/store-sync.ts';
import { makeRig } from '../payments/harness.ts';

const DB = 'round_trips';
const AT = Date.UTC(2026, 11, 1, 15);

let server: TestPostgres;
let owner: pg.Client;
const open: pg.Client[] = [];

/** A connection as `role`, with a count of the round trips it has made. */
async function loginAs(role: string, password: string): Promise<{ c: pg.Client; trips: () => number }> {
  const c = await connectAs(server.port, DB, role, password);
  open.push(c);
  let n = 0;
  c.connection.on('readyForQuery', () => {
    n++;
  });
  return { c, trips: () => n };
}

const batch = (tillId: string, seq: number): Batch => oneEventBatch({ tillId, seq, at: AT });

async function centralSeqs(tillId: string): Promise<number[]> {
  const r = await owner.query('SELECT seq::int AS s FROM pos.events WHERE till_id = $1 ORDER BY seq', [
    tillId,
  ]);
  return r.rows.map((row) => row.s as number);
}

/** Runs `fn` and returns how many round trips it took on the counted connection. */
async function tripsOf(conn: { trips: () => number }, fn: () => Promise<unknown>): Promise<number> {
  const before = conn.trips();
  await fn();
  return conn.trips() - before;
}

before(async () => {
  server = await startTestPostgres();
  owner = await migratedCentral(server, DB);
});

after(async () => {
  for (const c of [...open, owner]) await c?.end().catch(() => undefined);
  server?.dispose();
});

describe('a batch in one round trip', () => {
  it("one round trip per batch; the login's till check once per connection, again after a reconnect", async () => {
    const TILL = 'r'.repeat(32);
    const { password } = await addTillLogin(owner, 'till_r', null);
    const first = await loginAs('till_r', password);
    // The first batch binds the login (the check) and ships (the ingest).
    assert.equal(await tripsOf(first, () => ingestBatch(first.c, batch(TILL, 1))), 2);
    for (let seq = 2; seq <= 5; seq++)
      assert.equal(await tripsOf(first, () => ingestBatch(first.c, batch(TILL, seq))), 1, `batch ${seq}`);
    // The statement is parsed and planned once per connection (planning it cost more than the floor).
    const prepared = await first.c.query(
      `SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%pos.events%'`,
    );
    assert.equal(prepared.rows[0]?.n, 1);
    // A batch sent again is still one round trip, and changes nothing.
    assert.equal(await tripsOf(first, () => ingestBatch(first.c, batch(TILL, 5))), 1);
    const second = await loginAs('till_r', password);
    assert.equal(await tripsOf(second, () => ingestBatch(second.c, batch(TILL, 6))), 2);
    assert.equal(await tripsOf(second, () => ingestBatch(second.c, batch(TILL, 7))), 1);
    assert.deepEqual(await centralSeqs(TILL), [1, 2, 3, 4, 5, 6, 7]);
  });

  it('a batch naming another till on a checked connection is still refused with clear words', async () => {
    const TILL = 'q'.repeat(32);
    const { password } = await addTillLogin(owner, 'till_q', null);
    const q = await loginAs('till_q', password);
    await ingestBatch(q.c, batch(TILL, 1));
    await assert.rejects(ingestBatch(q.c, batch('r'.repeat(32), 99)), /ships till q{32}, not till r{32}/);
    assert.deepEqual(await centralSeqs(TILL), [1]);
    assert.ok(!(await centralSeqs('r'.repeat(32))).includes(99));
  });
});

describe("a till's sync agent", () => {
  it('checks its login when it connects, then ships each batch in one round trip', async () => {
    const rig = await makeRig();
    try {
      await makeSales(rig, 3, prng(242));
      const { password } = await addTillLogin(owner, 'till_batches', null);
      const trips: string[][] = [];
      await shipUntilCaughtUp(rig, {
        url: `postgresql://till_batches@127.0.0.1:${server.port}/${DB}`,
        storeId: 'downtown',
        secrets: { password },
        batchSize: 4,
        onBatch: (p) => trips.push(p.roundTrips.map((r) => r.what)),
      });
      assert.ok(trips.length >= 3, `${trips.length} batches`);
      // The connection (and its login check) went with the first batch, when there was no idle wait.
      for (const [i, batchTrips] of trips.entries())
        assert.deepEqual(
          batchTrips.filter((what) => what !== 'connect' && what !== 'login check'),
          ['ingest'],
          `batch ${i}`,
        );
      assert.equal(trips.flat().filter((what) => what === 'login check').length, 1);
    } finally {
      await rig.close();
    }
  });
});

describe('a revoked till login is refused promptly', () => {
  const revocations: Array<[string, (role: string, till: string) => string]> = [
    [
      'its row in pos.till_logins deleted',
      (role) => `DELETE FROM pos.till_logins WHERE role_name = '${role}'`,
    ],
    ['its membership of pos_till revoked', (role) => `REVOKE pos_till FROM ${role}`],
    [
      'rebound to another till id',
      (role) => `UPDATE pos.till_logins SET till_id = 'elsewhere' WHERE role_name = '${role}'`,
    ],
  ];
  revocations.forEach(([how, sql], i) => {
    it(`${how}: the next batch on the open connection is refused and writes nothing; so is a new connection`, async () => {
      const role = `till_v${i}`;
      const TILL = `v${i}`.repeat(16);
      const { password } = await addTillLogin(owner, role, null);
      const v = await loginAs(role, password);
      await ingestBatch(v.c, batch(TILL, 1));
      await ingestBatch(v.c, batch(TILL, 2)); // shipped without a check: the connection passed it
      await owner.query(sql(role, TILL));
      await assert.rejects(ingestBatch(v.c, batch(TILL, 3)), TillLoginRefused);
      await assert.rejects(ingestBatch(v.c, batch(TILL, 4)), TillLoginRefused);
      const fresh = await loginAs(role, password);
      await assert.rejects(ingestBatch(fresh.c, batch(TILL, 3)), TillLoginRefused);
      assert.deepEqual(await centralSeqs(TILL), [1, 2]);
    });
  });

  it("a till's running sync agent says so at the first batch after its login is revoked", async () => {
    const rig = await makeRig();
    try {
      await makeSales(rig, 2, prng(24));
      const { password } = await addTillLogin(owner, 'till_agent', null);
      const w = watchAgent({
        db: rig.handle.db,
        url: `postgresql://till_agent@127.0.0.1:${server.port}/${DB}`,
        storeId: 'downtown',
        secrets: { password },
      });
      try {
        const shipped = await caughtUp(w, rig);
        await owner.query(`DELETE FROM pos.till_logins WHERE role_name = 'till_agent'`);
        await makeSales(rig, 1, prng(25));
        w.agent.nudge();
        const refused = await w.until((s) => s.state === 'retrying', 'refused');
        assert.match(refused.lastError ?? '', /may not write this till's rows/);
        assert.equal(refused.lastShippedSeq, shipped.lastShippedSeq);
      } finally {
        await w.agent.stop();
      }
    } finally {
      await rig.close();
    }
  });
});
