// The receipts-and-rates migration on a journal made by today's schema with a paid attempt in it: the
// print-job and exchange-rate tables arrive, the payment is untouched, and bad rows are refused.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { createJournal } from '../../../electron/core/journal/journal.ts';
import { migration0006 } from '../../../electron/core/journal/migrations/0006-receipts-and-rates.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-receipts-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

it('adds print jobs and exchange rates to a journal that holds payments', () => {
  const file = path.join(dir, 'till.db');
  const before = MIGRATIONS.filter((m) => m.version < migration0006.version);
  const old = openJournal({ path: file, migrations: before });
  old.db.exec(`
    INSERT INTO sales VALUES ('S1', 1190, 100, 'CAD', '1', 'T1', 1, 1, NULL);
    INSERT INTO attempts (attempt_id, order_id, sale_id, mode, wallet, amount_cents, tip_cents, currency,
      state, operator_id, terminal_no, created_at, updated_at, paid_at, wallet_txn_id)
      VALUES ('A1', 'A1', 'S1', 'active', 'WECHATPAY', 1190, 100, 'CAD', 'paid', '1', 'T1', 1, 1, 2, 'W1');`);
  old.close();

  const now = openJournal({
    path: file,
    migrations: MIGRATIONS.filter((m) => m.version <= migration0006.version),
  });
  try {
    assert.equal(now.db.pragma('user_version', { simple: true }), migration0006.version);
    const j = createJournal(now.db);
    assert.equal(j.attempts.get('A1')?.walletTxnId, 'W1');
    const job = j.printJobs.add({
      kind: 'sale',
      refId: 'A1',
      copy: 'customer',
      reprint: false,
      printer: 'tcp://h:9100',
      at: 5,
    });
    assert.equal(job.state, 'queued');
    assert.deepEqual(
      j.printJobs.due(5).map((r) => r.jobId),
      [job.jobId],
    );
    j.rates.add({ currency: 'CAD', cnyPerUnit: 5.2, raw: '520000000', fetchedAt: 10 });
    j.rates.add({ currency: 'CAD', cnyPerUnit: 5.3, raw: '530000000', fetchedAt: 20 });
    assert.equal(j.rates.latest('CAD')?.cnyPerUnit, 5.3);
    assert.equal(j.rates.latest('USD'), null);
    assert.throws(
      () =>
        now.db.exec(
          "INSERT INTO print_jobs (kind, copy, printer, state, created_at, updated_at) VALUES ('sale', 'customer', 'x', 'queued', 1, 1)",
        ),
      /CHECK constraint failed/,
    );
    assert.throws(
      () =>
        now.db.exec(
          "INSERT INTO exchange_rates (currency, cny_per_unit, raw, fetched_at) VALUES ('CAD', 0, '0', 1)",
        ),
      /CHECK constraint failed/,
    );
  } finally {
    now.close();
  }
  assert.ok(LATEST_SCHEMA_VERSION >= migration0006.version);
});
