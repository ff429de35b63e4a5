// Issue 24: the sync agent wakes on a journal commit in its own process, whatever wrote it, instead of
// waiting for its interval (two seconds by default; the till core's nudge covered payment changes
// only). Here the interval is ten minutes, so only the commit can wake it in time; a write the process
// does not hear (another connection's own SQL, as another process would write) still ships at the
// interval, the fallback. Real PostgreSQL, real journal files, the agent on its own connection.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { type JournalHandle, openJournal } from '../../../electron/core/journal/open-journal.ts';
import { agentConnection } from '../../../electron/core/sync/sync-runner.ts';
import { startTestPostgres, type TestPostgres } from '../../support/postgres.ts';
import { prng } from '../../support/prng.ts';
import { assertCentralMatches, caughtUp, makeSales, watchAgent } from '../../support/store-sync.ts';
import { makeRig, type Rig } from '../payments/harness.ts';

let server: TestPostgres;
const rigs: Rig[] = [];
const handles: JournalHandle[] = [];
const clients: pg.Client[] = [];

before(async () => {
  server = await startTestPostgres();
});
after(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
  for (const h of handles) h.close();
  for (const r of rigs) await r.close();
  server?.dispose();
});

async function setUp(db: string): Promise<{ rig: Rig; agentDb: JournalHandle; central: pg.Client }> {
  await server.createDatabase(db);
  const central = new pg.Client({ connectionString: server.urlWithPassword(db) });
  await central.connect();
  clients.push(central);
  const rig = await makeRig();
  rigs.push(rig);
  // As in the till: the agent reads the journal through a connection of its own.
  const agentDb = agentConnection(openJournal({ path: rig.handle.path }));
  handles.push(agentDb);
  return { rig, agentDb, central };
}

describe('the sync agent wakes on a journal commit', () => {
  it('sales written after it went idle ship without a nudge, its interval being ten minutes', async () => {
    const { rig, agentDb, central } = await setUp('wake_on_commit');
    const w = watchAgent({
      db: agentDb.db,
      url: server.url('wake_on_commit'),
      storeId: 's1',
      pollMs: 600_000,
    });
    try {
      await w.until((s) => s.state === 'up_to_date', 'idle');
      await makeSales(rig, 3, prng(241));
      await caughtUp(w, rig);
    } finally {
      await w.agent.stop();
    }
    await assertCentralMatches(central, [{ rig }]);
  });

  it('a write it cannot hear (another connection, no journal write) still ships at its interval', async () => {
    const { rig, agentDb, central } = await setUp('wake_by_interval');
    const w = watchAgent({ db: agentDb.db, url: server.url('wake_by_interval'), storeId: 's1', pollMs: 50 });
    try {
      await w.until((s) => s.state === 'up_to_date', 'idle');
      const other = openJournal({ path: rig.handle.path });
      handles.push(other);
      const seq = Number(
        other.db
          .prepare(`INSERT INTO events (at, entity, entity_id, type, cause, detail)
            VALUES (?, 'sale', 'S-outside', 'sale.created', 'command', '{}')`)
          .run(Date.now()).lastInsertRowid,
      );
      const s = await w.until((st) => st.lastShippedSeq >= seq && st.pendingEvents === 0, `event ${seq}`);
      assert.equal(s.lastShippedSeq, seq);
    } finally {
      await w.agent.stop();
    }
    const n = await central.query(`SELECT count(*)::int AS n FROM pos.events WHERE entity_id = 'S-outside'`);
    assert.equal(n.rows[0]?.n, 1);
  });
});
