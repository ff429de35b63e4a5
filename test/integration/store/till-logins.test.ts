// Issue 22, finding 4: with one database login shared by every till, till A could rewrite till B's
// attempts and, with a forged high sequence number, hide B's later rows. Now each till has its own
// login (`store add-till`) and row-level security ties till_id to it. Real PostgreSQL throughout:
// A attacks through the ingest and through raw SQL with its own credentials; B's rows stay B's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { addTillLogin } from '../../../electron/store/add-till.ts';
import type { AttemptSnapshot, Batch } from '../../../electron/store/batch.ts';
import { ingestBatch } from '../../../electron/store/ingest.ts';
import { migrateCentral } from '../../../electron/store/migrate.ts';
import { pgMigration0003 } from '../../../electron/store/migrations/0003-till-logins.ts';
import { PG_MIGRATIONS } from '../../../electron/store/migrations/index.ts';
import { chainDayReport } from '../../../electron/store/report.ts';
import { connectAs, migratedCentral, oneEventBatch } from '../../support/central-batch.ts';
import { startTestPostgres, type TestPostgres } from '../../support/postgres.ts';
import { prng } from '../../support/prng.ts';
import { makeSales, shipUntilCaughtUp, tillIdOf } from '../../support/store-sync.ts';
import { runCli } from '../cli/run-cli.ts';
import { makeRig } from '../payments/harness.ts';

const DB = 'till_logins';
const TILL_A = 'a'.repeat(32);
const TILL_B = 'b'.repeat(32);
const AT = Date.UTC(2026, 11, 1, 15);
const DAY = '2026-12-01';

let server: TestPostgres;
let owner: pg.Client;
let a: pg.Client;
let b: pg.Client;
const logins: Record<string, string> = {};

const loginAs = (role: string, password: string): Promise<pg.Client> =>
  connectAs(server.port, DB, role, password);

function attempt(state: string): AttemptSnapshot {
  return {
    attemptId: 'att-1',
    orderId: 'ORD1',
    saleId: 'sale-1',
    mode: 'active',
    wallet: 'WECHATPAY',
    amountCents: 2000,
    tipCents: 0,
    currency: 'CAD',
    state,
    operatorId: '7',
    cashierId: '1',
    terminalNo: 'T1',
    createdAt: AT,
    paidAt: state === 'paid' ? AT : null,
    needsAttention: false,
    manual: false,
    refundedCents: 0,
  };
}

function batch(tillId: string, seq: number, state: string): Batch {
  const event = { entityId: 'att-1', type: 'attempt.state', cause: 'test', fromState: null, toState: state };
  return oneEventBatch({ tillId, seq, at: AT, event, attempts: [attempt(state)] });
}

async function bState(): Promise<{ state: string; as_of_seq: string }> {
  const r = await owner.query(`SELECT state, as_of_seq FROM pos.attempts WHERE till_id = $1`, [TILL_B]);
  return r.rows[0];
}

const denied = (e: unknown) => (e as { code?: string }).code === '42501';

before(async () => {
  server = await startTestPostgres();
  owner = await migratedCentral(server, DB);
  for (const role of ['till_a', 'till_b']) logins[role] = (await addTillLogin(owner, role, null)).password;
  a = await loginAs('till_a', logins.till_a ?? '');
  b = await loginAs('till_b', logins.till_b ?? '');
  // Each till's first batch binds its login to its till id.
  await ingestBatch(b, batch(TILL_B, 1, 'paid'));
  await ingestBatch(a, batch(TILL_A, 1, 'paid'));
});

after(async () => {
  for (const c of [a, b, owner]) await c?.end().catch(() => undefined);
  server?.dispose();
});

describe('one database login per till', () => {
  it("till A's ingest cannot write till B's rows, nor shadow them with a forged sequence", async () => {
    await assert.rejects(
      ingestBatch(a, batch(TILL_B, 1_000_000_000, 'failed')),
      /ships till a{32}, not till b{32}/,
    );
    assert.deepEqual(await bState(), { state: 'paid', as_of_seq: '1' });
    // B's own later rows still land (nothing shadows them).
    await ingestBatch(b, batch(TILL_B, 2, 'paid'));
    assert.deepEqual(await bState(), { state: 'paid', as_of_seq: '2' });
    const events = await owner.query('SELECT count(*)::int AS n FROM pos.events WHERE till_id = $1', [
      TILL_B,
    ]);
    assert.equal(events.rows[0]?.n, 2);
  });

  it("raw SQL with till A's credentials cannot read, write, shadow or unbind till B's rows", async () => {
    const hidden = await a.query('SELECT count(*)::int AS n FROM pos.attempts WHERE till_id = $1', [TILL_B]);
    assert.equal(hidden.rows[0]?.n, 0);
    const updated = await a.query(
      `UPDATE pos.attempts SET state = 'failed', as_of_seq = 1e12 WHERE till_id = $1`,
      [TILL_B],
    );
    assert.equal(updated.rowCount, 0);
    await assert.rejects(
      a.query(
        `INSERT INTO pos.events (till_id, seq, store_id, at, entity, entity_id, type, cause, detail)
         VALUES ($1, 999999999, 'downtown', 0, 'attempt', 'att-1', 'x', 'x', '{}')`,
        [TILL_B],
      ),
      denied,
    );
    await assert.rejects(
      a.query(
        `INSERT INTO pos.attempts (till_id, attempt_id, store_id, order_id, sale_id, mode, wallet, amount_cents,
           tip_cents, currency, state, operator_id, terminal_no, created_at, business_day, needs_attention,
           manual, refunded_cents, as_of_seq)
         VALUES ($1, 'att-1', 'downtown', 'ORD1', 'sale-1', 'active', 'WECHATPAY', 2000, 0, 'CAD', 'failed', '7',
           'T1', 0, '2026-12-01', false, false, 0, 1000000000)
         ON CONFLICT (till_id, attempt_id) DO UPDATE SET state = 'failed', as_of_seq = 1000000000`,
        [TILL_B],
      ),
      denied,
    );
    const tills = await a.query('UPDATE pos.tills SET last_seq = 1e12 WHERE till_id = $1', [TILL_B]);
    assert.equal(tills.rowCount, 0);
    await assert.rejects(a.query(`UPDATE pos.till_logins SET till_id = $1`, [TILL_B]), denied);
    await assert.rejects(a.query(`DELETE FROM pos.attempts WHERE till_id = $1`, [TILL_B]), denied);
    await assert.rejects(a.query('ALTER TABLE pos.attempts DISABLE ROW LEVEL SECURITY'), denied);
    await assert.rejects(a.query('SET ROLE till_b'), denied);
    const still = await a.query('SELECT pos.claim_till($1) AS till', [TILL_B]);
    assert.equal(still.rows[0]?.till, TILL_A);
    assert.deepEqual(await bState(), { state: 'paid', as_of_seq: '2' });
    const bTill = await owner.query('SELECT last_seq FROM pos.tills WHERE till_id = $1', [TILL_B]);
    assert.equal(bTill.rows[0]?.last_seq, '2');
    // A's own rows are A's to write.
    const own = await a.query(`UPDATE pos.attempts SET needs_attention = false WHERE till_id = $1`, [TILL_A]);
    assert.equal(own.rowCount, 1);
  });

  it('a new login cannot take over a till id the database already knows', async () => {
    const c = await addTillLogin(owner, 'till_c', null);
    const client = await loginAs('till_c', c.password);
    try {
      await assert.rejects(ingestBatch(client, batch(TILL_B, 3, 'failed')), /already ships to this database/);
    } finally {
      await client.end();
    }
    assert.deepEqual(await bState(), { state: 'paid', as_of_seq: '2' });
  });

  it('upgrading a database of schema 2: rows kept, an existing till gets its own login with --till', async () => {
    await server.createDatabase('upgrade');
    const old = new pg.Client({ connectionString: server.urlWithPassword('upgrade') });
    await old.connect();
    try {
      const before = PG_MIGRATIONS.filter((m) => m.version < pgMigration0003.version);
      await migrateCentral(old, before);
      const TILL_OLD = 'c'.repeat(32);
      // What a till shipped under the old shared setup (as the schema-2 ingest wrote it).
      await old.query(`INSERT INTO pos.stores (store_id) VALUES ('downtown');
        INSERT INTO pos.tills (till_id, store_id, terminal_no, time_zone, last_seq) VALUES ('${TILL_OLD}', 'downtown', 'T1', 'America/Toronto', 1);
        INSERT INTO pos.attempts (till_id, attempt_id, store_id, order_id, sale_id, mode, wallet, amount_cents, tip_cents,
          currency, state, operator_id, terminal_no, created_at, business_day, needs_attention, manual, refunded_cents, as_of_seq)
        VALUES ('${TILL_OLD}', 'att-1', 'downtown', 'ORD1', 'sale-1', 'active', 'WECHATPAY', 2000, 0, 'CAD', 'paid', '7', 'T1',
          ${AT}, '${DAY}', false, false, 0, 1);`);
      assert.deepEqual(await migrateCentral(old), [pgMigration0003.version]);
      const kept = await old.query('SELECT state FROM pos.attempts WHERE till_id = $1', [TILL_OLD]);
      assert.equal(kept.rows[0]?.state, 'paid');
      const login = await addTillLogin(old, 'till_old', TILL_OLD);
      const c = new pg.Client({
        host: '127.0.0.1',
        port: server.port,
        user: 'till_old',
        password: login.password,
        database: 'upgrade',
      });
      await c.connect();
      try {
        await ingestBatch(c, batch(TILL_OLD, 2, 'paid'));
        await assert.rejects(ingestBatch(c, batch(TILL_A, 1, 'paid')), /ships till c{32}/);
      } finally {
        await c.end();
      }
      const now = await old.query('SELECT as_of_seq FROM pos.attempts WHERE till_id = $1', [TILL_OLD]);
      assert.equal(now.rows[0]?.as_of_seq, '2');
    } finally {
      await old.end();
    }
  });

  it('the owner and a report reader still read the whole chain; a till login only its own till', async () => {
    const tillsIn = async (c: pg.Client) =>
      (await chainDayReport(c, DAY)).stores.flatMap((s) => s.tills.map((t) => t.tillId)).sort();
    assert.deepEqual(await tillsIn(owner), [TILL_A, TILL_B]);
    await owner.query(`CREATE ROLE report_reader LOGIN PASSWORD 'reader-secret'`);
    await owner.query('GRANT USAGE ON SCHEMA pos TO report_reader');
    await owner.query('GRANT SELECT ON ALL TABLES IN SCHEMA pos TO report_reader');
    const reader = await loginAs('report_reader', 'reader-secret');
    try {
      assert.deepEqual(await tillsIn(reader), [TILL_A, TILL_B]);
    } finally {
      await reader.end();
    }
    assert.deepEqual(await tillsIn(a), [TILL_A]);
  });

  it('`store add-till` makes a login a real till ships through, bound to that till only', async () => {
    const rig = await makeRig();
    try {
      await makeSales(rig, 3, prng(31));
      const res = await runCli([
        'store',
        'add-till',
        '--pg',
        server.urlWithPassword(DB),
        '--role',
        'till_north',
        '--till',
        tillIdOf(rig),
      ]);
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, new RegExp(`^added till login till_north \\(till ${tillIdOf(rig)}\\)`));
      const password = /password: (\S+)/.exec(res.stdout)?.[1] ?? '';
      assert.ok(password.length >= 20);
      const log = await owner.query(`SELECT rolpassword FROM pg_authid WHERE rolname = 'till_north'`);
      assert.match(String(log.rows[0]?.rolpassword), /^SCRAM-SHA-256\$4096:/);
      const s = await shipUntilCaughtUp(rig, {
        url: `postgresql://till_north@127.0.0.1:${server.port}/${DB}`,
        storeId: 'north',
        secrets: { password },
      });
      assert.equal(s.lastError, null);
      const shipped = await owner.query('SELECT count(*)::int AS n FROM pos.events WHERE till_id = $1', [
        tillIdOf(rig),
      ]);
      assert.ok(shipped.rows[0]?.n > 0);
      const again = await runCli([
        'store',
        'add-till',
        '--pg',
        server.urlWithPassword(DB),
        '--role',
        'till_n2',
        '--till',
        tillIdOf(rig),
      ]);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /already has the login till_north/);
      assert.doesNotMatch(again.stderr + again.stdout, /test-pg-secret/);
    } finally {
      await rig.close();
    }
  });
});
