// `store report` and `store migrate` as an IT person runs them, against a real PostgreSQL holding a
// real till's shipped journal: per store and till, paid count, gross, tips, refunds, net; cents in JSON.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { PG_MIGRATIONS } from '../../../electron/store/migrations/index.ts';
import type { ChainDayReport } from '../../../shared/store-report.ts';
import { startTestPostgres, TEST_PG_PASSWORD, type TestPostgres } from '../../support/postgres.ts';
import { prng } from '../../support/prng.ts';
import {
  lastSaleDay,
  makeSales,
  shipAll,
  shipUntilCaughtUp,
  tillIdOf,
  watchAgent,
} from '../../support/store-sync.ts';
import { runCli } from '../cli/run-cli.ts';
import { makeRig, type Rig } from '../payments/harness.ts';

let server: TestPostgres;
let rig: Rig;
let day: string;
const DB = 'cli';

before(async () => {
  server = await startTestPostgres();
  await server.createDatabase(DB);
  rig = await makeRig();
  await makeSales(rig, 12, prng(21));
  await shipAll(rig, server.url(DB), 'north');
  day = lastSaleDay(rig);
});
after(async () => {
  await rig?.close();
  server?.dispose();
});

describe('store report', () => {
  it('prints the day in cents as JSON, equal to the till’s own report', async () => {
    const res = await runCli(['store', 'report', '--pg', server.urlWithPassword(DB), '--day', day, '--json']);
    assert.equal(res.code, 0, res.stderr);
    const report = JSON.parse(res.stdout) as ChainDayReport;
    const own = rig.engine.dailyReport(day);
    const line = report.stores
      .find((s) => s.storeId === 'north')
      ?.tills.find((t) => t.tillId === tillIdOf(rig));
    assert.ok(line);
    assert.equal(line.grossCents, own.grossCents);
    assert.equal(line.tipCents, own.tipCents);
    assert.equal(line.refundedCents, own.refunds.totalCents);
    assert.equal(line.netCents, own.netCents);
    assert.equal(
      line.paidCount,
      own.byWallet.reduce((n, w) => n + w.count, 0),
    );
    assert.equal(report.chain[0]?.netCents, own.netCents);
    assert.ok(report.byWallet.length > 0 && report.byCashier.length > 0);
  });

  it('prints a table per store and till, password from PGPASSWORD, never echoed', async () => {
    const res = await runCli(['store', 'report', '--pg', server.url(DB), '--day', day, '--store', 'north'], {
      env: { PGPASSWORD: TEST_PG_PASSWORD },
    });
    assert.equal(res.code, 0, res.stderr);
    const own = rig.engine.dailyReport(day);
    assert.match(res.stdout, new RegExp(`^Chain report for ${day}, store north`));
    assert.match(res.stdout, /store north\n {2}till T1 \(/);
    const net = `${Math.floor(own.netCents / 100)}.${String(own.netCents % 100).padStart(2, '0')}`;
    assert.match(res.stdout, new RegExp(`chain total .* net +${net.replace('.', '\\.')}  CAD`));
    assert.doesNotMatch(res.stdout + res.stderr, new RegExp(TEST_PG_PASSWORD));
  });

  it('refuses bad input clearly, and a wrong password without echoing it', async () => {
    const badDay = await runCli(['store', 'report', '--pg', server.url(DB), '--day', '2026-02-30']);
    assert.equal(badDay.code, 2);
    assert.match(badDay.stderr, /--day is not a real date/);
    const badUrl = await runCli(['store', 'report', '--pg', 'mysql://x/y', '--day', day]);
    assert.equal(badUrl.code, 2);
    assert.match(badUrl.stderr, /--pg the URL must start with postgresql:\/\//);
    const wrong = `postgresql://postgres:not-the-password@127.0.0.1:${server.port}/${DB}`;
    const denied = await runCli(['store', 'report', '--pg', wrong, '--day', day]);
    assert.equal(denied.code, 1);
    assert.match(denied.stderr, /cannot reach postgresql:\/\/postgres:\[redacted\]@127/);
    assert.doesNotMatch(denied.stderr, /not-the-password/);
  });

  it('migrate applies the central schema once; a report on a database without it says so', async () => {
    await server.createDatabase('fresh');
    const empty = await runCli(['store', 'report', '--pg', server.urlWithPassword('fresh'), '--day', day]);
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /holds no till data yet/);
    const first = await runCli(['store', 'migrate', '--pg', server.urlWithPassword('fresh')]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(
      first.stdout,
      `applied central migrations ${PG_MIGRATIONS.map((m) => m.version).join(', ')}\n`,
    );
    const again = await runCli(['store', 'migrate', '--pg', server.urlWithPassword('fresh')]);
    assert.equal(again.stdout, 'central schema is up to date\n');
  });

  it('after migrate, a till login from `store add-till` ships (no CREATE right needed); a shared role no longer does', async () => {
    const admin = new pg.Client({ connectionString: server.urlWithPassword('fresh') });
    await admin.connect();
    try {
      // The shared role the README used to recommend (issue 22): refused, clearly, nothing written.
      await admin.query(`CREATE ROLE till_writer LOGIN PASSWORD 'writer-secret'`);
      await admin.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
      await admin.query(`GRANT USAGE ON SCHEMA pos TO till_writer`);
      await admin.query(`GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA pos TO till_writer`);
      const shared = watchAgent({
        db: rig.handle.db,
        url: `postgresql://till_writer@127.0.0.1:${server.port}/fresh`,
        storeId: 'north',
        secrets: { password: 'writer-secret' },
      });
      try {
        const s = await shared.until((x) => x.lastError !== null, 'an error');
        assert.match(s.lastError ?? '', /store add-till/);
      } finally {
        await shared.agent.stop();
      }
      const none = await admin.query('SELECT count(*)::int AS n FROM pos.events');
      assert.equal(none.rows[0]?.n, 0);
      const added = await runCli([
        'store',
        'add-till',
        '--pg',
        server.urlWithPassword('fresh'),
        '--role',
        'till_north',
      ]);
      assert.equal(added.code, 0, added.stderr);
      await shipUntilCaughtUp(rig, {
        url: `postgresql://till_north@127.0.0.1:${server.port}/fresh`,
        storeId: 'north',
        secrets: { password: /password: (\S+)/.exec(added.stdout)?.[1] ?? '' },
      });
      const n = await admin.query('SELECT count(*)::int AS n FROM pos.events');
      assert.ok(n.rows[0]?.n > 0);
    } finally {
      await admin.end();
    }
  });
});
