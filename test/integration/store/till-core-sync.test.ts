// The till core with its sync agent: configured at start from --store-pg / TILL_STORE_PG (a password in
// the URL goes to the secret store, never to the settings file, a log or a snapshot), shipping a live
// sale made through the contract, its state in the snapshot; a sandbox till ships nothing; bad start
// values stop the start with a message naming the flag.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createTillCore, type TillCore } from '../../../electron/core/app/till-core.ts';
import { createMemorySecretStore } from '../../../electron/core/config/secret-store.ts';
import { dispatch } from '../../../electron/core/dispatch.ts';
import { JOURNAL_FILE } from '../../../electron/core/journal/journal-files.ts';
import type { Db } from '../../../electron/core/journal/open-journal.ts';
import { localDate, systemTimeZone } from '../../../electron/core/payments/local-day.ts';
import { createSimulator, type Simulator } from '../../../electron/core/simulator/index.ts';
import { FIRST_OWNER_NAME } from '../../../electron/core/staff/first-owner.ts';
import { createOutbox } from '../../../electron/core/sync/outbox.ts';
import { chainDayReport } from '../../../electron/store/report.ts';
import type { AttemptView, TillSnapshot } from '../../../shared/domain.ts';
import type { StoreSyncStatus } from '../../../shared/store-sync.ts';
import { startTestPostgres, TEST_PG_PASSWORD, type TestPostgres } from '../../support/postgres.ts';
import { signIn } from '../../support/sign-in.ts';

const LIVE_KEY = '00112233AABBCCDD';
const MERCHANT = 'QC00005496';
let server: TestPostgres;
let gateway: Simulator;
const dirs: string[] = [];

before(async () => {
  server = await startTestPostgres();
  await server.createDatabase('chain');
  gateway = await createSimulator({ merchants: [{ merchantId: MERCHANT, signKey: LIVE_KEY }] });
});
after(async () => {
  await gateway?.close();
  server?.dispose();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dataDir(live: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'till-sync-core-'));
  dirs.push(dir);
  if (live)
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ merchantId: MERCHANT, operatorId: '42', gatewayUrl: gateway.url, terminalNo: 'T7' }),
    );
  return dir;
}

function syncState(core: TillCore, match: (s: StoreSyncStatus) => boolean, what: string) {
  return new Promise<StoreSyncStatus>((resolve, reject) => {
    const check = () => {
      const s = core.snapshot().storeSync;
      if (!match(s)) return false;
      off();
      clearTimeout(guard);
      resolve(s);
      return true;
    };
    const off = core.subscribe('till', (name) => {
      if (name === 'till.snapshot') check();
    });
    // A failure guard only: the wait ends on the core's own snapshot push.
    const guard = setTimeout(() => {
      off();
      reject(new Error(`never ${what}: ${JSON.stringify(core.snapshot().storeSync)}`));
    }, 30_000);
    check();
  });
}

describe('the till core ships its live journal', () => {
  it('takes --store-pg with a password from the start options, keeps the password secret, and ships a sale', async () => {
    const dir = dataDir(true);
    const secrets = createMemorySecretStore({ signKey: LIVE_KEY });
    const lines: string[] = [];
    const core = await createTillCore({
      dataDir: dir,
      secrets,
      logger: { write: (l) => lines.push(l) },
      storeStart: { url: server.urlWithPassword('chain'), storeId: 'north' },
    });
    try {
      assert.equal(core.snapshot().sandbox, false);
      const saved = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
      assert.equal(saved.storeSync.url, server.url('chain'));
      assert.equal(saved.storeSync.storeId, 'north');
      assert.equal(await secrets.get('storePgPassword'), TEST_PG_PASSWORD);

      await signIn(core);
      const paid = await dispatch(core, 'till', 'sale.payPassive', { amountCents: 1250, tipCents: 100 });
      assert.ok(paid.ok, JSON.stringify(paid));
      const scanned = await dispatch(core, 'till', 'sale.submitScan', {
        code: '134567890123456789',
        source: 'manual',
      });
      assert.ok(scanned.ok && (scanned.value as AttemptView).state === 'paid', JSON.stringify(scanned));
      // The signed-in cashier (staff accounts, journal migration 0007) is recorded with the attempt.
      const cashierId = (scanned.value as AttemptView).cashierId;
      assert.ok(cashierId, JSON.stringify(scanned.value));
      // A refund taken by the signed-in owner and approved with the owner's own PIN.
      const refunded = await dispatch(core, 'till', 'refund.create', {
        attemptId: (scanned.value as AttemptView).attemptId,
        amountCents: 100,
        pin: '1234',
      });
      assert.ok(refunded.ok, JSON.stringify(refunded));
      const s = await syncState(
        core,
        (x) => x.state === 'up_to_date' && x.pendingEvents === 0 && x.lastShippedSeq >= 3,
        'shipped',
      );
      assert.equal(s.passwordSet, true);
      assert.equal(s.target, `127.0.0.1:${server.port}/chain`);

      const c = new pg.Client({ connectionString: server.urlWithPassword('chain') });
      await c.connect();
      try {
        const r = await c.query(
          `SELECT a.amount_cents, a.tip_cents, a.state, a.operator_id, a.cashier_id, t.terminal_no, t.store_id
           FROM pos.attempts a JOIN pos.tills t USING (till_id)`,
        );
        assert.deepEqual(r.rows, [
          {
            amount_cents: '1250',
            tip_cents: '100',
            state: 'paid',
            operator_id: '42',
            cashier_id: cashierId,
            terminal_no: 'T7',
            store_id: 'north',
          },
        ]);
        // The central per-cashier figures count the sale under that cashier, not the till's operator.
        const attempt = scanned.value as AttemptView;
        const report = await chainDayReport(c, localDate(attempt.createdAt, systemTimeZone()), 'north');
        // … and by the name of that staff account on this till, shipped with the batches.
        assert.deepEqual(
          report.byCashier.map((l) => [l.cashierId, l.name, l.paidCount, l.grossCents]),
          [[cashierId, FIRST_OWNER_NAME, 1, 1350]],
        );
        const refunds = await c.query('SELECT amount_cents, cashier_id, approver_id FROM pos.refunds');
        assert.deepEqual(refunds.rows, [
          { amount_cents: '100', cashier_id: cashierId, approver_id: cashierId },
        ]);
        const staff = await c.query('SELECT staff_id, name, role, active FROM pos.staff');
        assert.deepEqual(staff.rows, [
          { staff_id: cashierId, name: FIRST_OWNER_NAME, role: 'owner', active: true },
        ]);
      } finally {
        await c.end();
      }
      // What the agent ships: the staff directory without a PIN field or hash (read as it reads it).
      const journal = new Database(join(dir, JOURNAL_FILE), { readonly: true });
      try {
        const read = createOutbox(journal as unknown as Db).read(0, 1000);
        assert.equal(read.staff.length, 1);
        const hash = (journal.prepare('SELECT pin_hash FROM staff').get() as { pin_hash: string }).pin_hash;
        const batchText = JSON.stringify(read);
        assert.doesNotMatch(batchText, /pin/i);
        assert.ok(!batchText.includes(hash));
      } finally {
        journal.close();
      }
      const snapshotText = JSON.stringify(core.snapshot());
      assert.doesNotMatch(snapshotText, new RegExp(TEST_PG_PASSWORD));
      assert.doesNotMatch(lines.join('\n'), new RegExp(TEST_PG_PASSWORD));
      assert.doesNotMatch(readFileSync(join(dir, 'settings.json'), 'utf8'), new RegExp(TEST_PG_PASSWORD));
    } finally {
      await core.close();
    }
  });

  it('reads TILL_STORE_PG / TILL_STORE_ID; a wrong password shows as retrying until the right one is set', async () => {
    const dir = dataDir(true);
    const secrets = createMemorySecretStore({ signKey: LIVE_KEY });
    const core = await createTillCore({
      dataDir: dir,
      secrets,
      env: { TILL_STORE_PG: server.url('chain'), TILL_STORE_ID: 'south' },
    });
    try {
      await signIn(core);
      const paid = await dispatch(core, 'till', 'sale.payPassive', { amountCents: 500, tipCents: 0 });
      assert.ok(paid.ok, JSON.stringify(paid));
      const scanned = await dispatch(core, 'till', 'sale.submitScan', {
        code: '134567890123456780',
        source: 'manual',
      });
      assert.ok(scanned.ok, JSON.stringify(scanned));
      const failing = await syncState(core, (x) => x.state === 'retrying', 'retrying');
      assert.match(failing.lastError ?? '', /password/);
      const set = await dispatch(core, 'till', 'settings.setStoreCredentials', {
        password: TEST_PG_PASSWORD,
        pin: '1234',
      });
      assert.ok(set.ok, JSON.stringify(set));
      assert.doesNotMatch(JSON.stringify(set), new RegExp(TEST_PG_PASSWORD));
      const ok = await syncState(core, (x) => x.state === 'up_to_date' && x.pendingEvents === 0, 'caught up');
      assert.equal(ok.storeId, 'south');
    } finally {
      await core.close();
    }
  });

  it('two settings saves at once leave one agent, one connection', async () => {
    const dir = dataDir(true);
    const secrets = createMemorySecretStore({ signKey: LIVE_KEY, storePgPassword: TEST_PG_PASSWORD });
    const core = await createTillCore({
      dataDir: dir,
      secrets,
      storeStart: { url: server.url('chain'), storeId: 'east' },
    });
    const admin = new pg.Client({ connectionString: server.urlWithPassword('chain') });
    await admin.connect();
    try {
      await signIn(core); // a locked till takes no settings
      await syncState(core, (x) => x.state === 'up_to_date', 'connected');
      const saves = [7, 8, 9].map((staleMinutes) =>
        dispatch(core, 'till', 'settings.update', {
          patch: { storeSync: { url: server.url('chain'), storeId: 'east', staleMinutes } },
          pin: '1234',
        }),
      );
      for (const r of await Promise.all(saves)) assert.ok(r.ok, JSON.stringify(r));
      await syncState(core, (x) => x.state === 'up_to_date', 'connected again');
      const tills = await admin.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ottpay-till' AND datname = 'chain'`,
      );
      assert.equal(tills.rows[0]?.n, 1);
    } finally {
      await admin.end();
      await core.close();
    }
  });

  it('a sandbox till ships nothing and says why', async () => {
    const core = await createTillCore({
      dataDir: dataDir(false),
      secrets: createMemorySecretStore(),
      storeStart: { url: server.url('chain'), storeId: 'north' },
    });
    try {
      const snap = (await dispatch(core, 'till', 'till.snapshot', {})) as { ok: true; value: TillSnapshot };
      assert.equal(snap.value.storeSync.state, 'sandbox');
    } finally {
      await core.close();
    }
  });

  it('refuses a bad --store-id at start, naming it', async () => {
    await assert.rejects(
      createTillCore({
        dataDir: dataDir(false),
        secrets: createMemorySecretStore(),
        storeStart: { url: server.url('chain'), storeId: 'no spaces allowed' },
      }),
      /--store-id \/ TILL_STORE_ID: store id is 1 to 64/,
    );
  });
});
