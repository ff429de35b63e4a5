// The sync agent against a real PostgreSQL: a till's real sales (paid, declined, refunded) arrive
// whole, the central figures equal the till's own report, a restarted agent resumes from its
// acknowledgement, batches are capped, and an unreachable server is shown as such, never blocking a sale.
import assert from 'node:assert/strict';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createOutbox } from '../../../electron/core/sync/outbox.ts';
import { pgTarget } from '../../../electron/store/pg-config.ts';
import { startTestPostgres, type TestPostgres } from '../../support/postgres.ts';
import { prng } from '../../support/prng.ts';
import {
  assertCentralMatches,
  caughtUp,
  makeSales,
  shipUntilCaughtUp,
  tillIdOf,
  watchAgent,
} from '../../support/store-sync.ts';
import { makeRig, type Rig } from '../payments/harness.ts';

let server: TestPostgres;
let client: pg.Client;
let rig: Rig;
const DB = 'shipping';

before(async () => {
  server = await startTestPostgres();
  await server.createDatabase(DB);
  client = new pg.Client({ connectionString: server.urlWithPassword(DB) });
  await client.connect();
  rig = await makeRig();
});
after(async () => {
  await client?.end();
  await rig?.close();
  server?.dispose();
});

describe('shipping a till journal', () => {
  it('ships every event once and the central day figures equal the till’s own', async () => {
    await makeSales(rig, 25, prng(1));
    const s = await shipUntilCaughtUp(rig, { url: server.url(DB), storeId: 'store-1', batchSize: 7 });
    assert.equal(s.state === 'up_to_date' || s.state === 'shipping', true);
    assert.equal(s.lastError, null);
    assert.equal(s.target, pgTarget(server.url(DB)));
    await assertCentralMatches(client, [{ rig }]);
    const till = await client.query(
      'SELECT store_id, terminal_no, last_seq FROM pos.tills WHERE till_id = $1',
      [tillIdOf(rig)],
    );
    assert.equal(till.rows[0]?.store_id, 'store-1');
  });

  it('resumes from the acknowledged event after a restart, re-sending nothing already acknowledged', async () => {
    const outbox = createOutbox(rig.handle.db);
    const target = pgTarget(server.url(DB));
    const ackedBefore = outbox.acked(target);
    assert.ok(ackedBefore > 0);
    await makeSales(rig, 5, prng(2));
    const shipped: number[] = [];
    const w = watchAgent({
      db: rig.handle.db,
      url: server.url(DB),
      storeId: 'store-1',
      batchSize: 3,
      onStatus: (st) => {
        if (shipped.at(-1) !== st.lastShippedSeq) shipped.push(st.lastShippedSeq);
      },
    });
    try {
      assert.equal(w.agent.status().lastShippedSeq, ackedBefore);
      await caughtUp(w, rig);
    } finally {
      await w.agent.stop();
    }
    // Batches of 3 from the old acknowledgement on: had it started from the beginning, the first batch
    // would have ended at event 3.
    assert.deepEqual(shipped.slice(0, 2), [ackedBefore, ackedBefore + 3]);
    await assertCentralMatches(client, [{ rig }]);
  });

  it('reads at most a batch at a time, in sequence order', () => {
    const outbox = createOutbox(rig.handle.db);
    const first = outbox.read(0, 4);
    assert.deepEqual(
      first.events.map((e) => e.seq),
      [1, 2, 3, 4],
    );
    const next = outbox.read(4, 4);
    assert.equal(next.events[0]?.seq, 5);
    const waiting = outbox.pending(4);
    assert.equal(waiting.count, next.asOfSeq - 4);
    assert.equal(waiting.oldestAt, next.events[0]?.at);
    assert.deepEqual(outbox.pending(next.asOfSeq), { count: 0, oldestAt: null });
    assert.ok(next.asOfSeq >= 8);
    // The snapshot carries the rows those events touch, with their amounts.
    const created = first.events.find((e) => e.type === 'attempt.created');
    assert.ok(first.attempts.some((a) => a.attemptId === created?.entityId && a.amountCents > 0));
  });

  it('a server that accepts and never answers holds up no sale', async () => {
    const sockets: Socket[] = [];
    const hole = createServer((sock) => sockets.push(sock));
    await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
    const port = (hole.address() as AddressInfo).port;
    let accepted: () => void = () => undefined;
    const connected = new Promise<void>((r) => {
      accepted = r;
    });
    hole.on('connection', () => accepted());
    const w = watchAgent({
      db: rig.handle.db,
      url: `postgresql://postgres@127.0.0.1:${port}/x`,
      storeId: 'store-1',
    });
    try {
      await connected;
      const before = (rig.handle.db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n;
      await makeSales(rig, 2, prng(4));
      const after = (rig.handle.db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n;
      assert.equal(after, before + 2);
      // The agent is still waiting on the silent server: nothing shipped, no answer yet.
      assert.equal(w.agent.status().lastError, null);
      assert.ok(w.agent.status().state !== 'up_to_date');
    } finally {
      for (const s of sockets) s.destroy();
      await w.agent.stop();
      hole.close();
    }
  });

  it('says so when the server cannot be reached, and a sale still completes meanwhile', async () => {
    const w = watchAgent({
      db: rig.handle.db,
      url: `postgresql://postgres@127.0.0.1:${server.port}/no_such_db`,
      storeId: 'store-1',
      staleAfterMs: 0,
    });
    try {
      await makeSales(rig, 1, prng(3));
      w.agent.nudge();
      const s = await w.until((x) => x.state === 'retrying' && x.stale, 'retrying and stale');
      assert.match(s.lastError ?? '', /no_such_db/);
      assert.ok(s.pendingEvents > 0);
    } finally {
      await w.agent.stop();
    }
  });
});
