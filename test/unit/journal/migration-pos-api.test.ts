// Migration pos-api on a journal made by the previous schema with real rows: the sales, attempts and
// refunds stay as they were, the two idempotency tables arrive empty, and their rules hold (a key
// names one sale, 1–64 characters, only a known method, a sale that exists).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { migration0009 } from '../../../electron/core/journal/migrations/0009-pos-api.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { createPosRecords } from '../../../electron/core/pos-api/pos-records.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-pos-api-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

it('adds empty POS idempotency tables to a journal with sales and events, keeping every row', () => {
  const file = path.join(dir, 'till.db');
  const old = openJournal({
    path: file,
    migrations: MIGRATIONS.filter((m) => m.version < migration0009.version),
  });
  old.db.exec(`
    INSERT INTO sales VALUES ('S1', 1234, 0, 'CAD', '1', 'T1', 1, 1, NULL);
    INSERT INTO sales VALUES ('S2', 500, 50, 'CAD', '1', 'T1', 2, 2, 3);
    INSERT INTO events (at, entity, entity_id, type, cause, detail) VALUES (1, 'sale', 'S1', 'sale.created', 'command', '{}');`);
  old.close();

  const upTo = MIGRATIONS.filter((m) => m.version <= migration0009.version);
  const j = openJournal({ path: file, migrations: upTo });
  try {
    assert.equal(j.db.pragma('user_version', { simple: true }), migration0009.version);
    const count = (t: string) => (j.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    assert.equal(count('sales'), 2);
    assert.equal(count('events'), 1);
    assert.equal(count('pos_payments'), 0);
    assert.equal(count('pos_refunds'), 0);
    const records = createPosRecords(j.db);
    const row = {
      saleId: 'S1',
      idemKey: 'order-77',
      requestHash: 'h',
      method: 'WECHATPAY' as const,
      reference: 'T7',
      createdAt: 5,
    };
    records.insertPayment(row);
    assert.deepEqual(records.paymentByKey('order-77'), row);
    assert.deepEqual(records.paymentBySale('S1'), row);
    assert.throws(() => records.insertPayment({ ...row, saleId: 'S2' }), /UNIQUE/);
    assert.throws(
      () => records.insertPayment({ ...row, saleId: 'S2', idemKey: 'k2', method: 'PAYPAL' as never }),
      /CHECK/,
    );
    assert.throws(() => records.insertPayment({ ...row, saleId: 'S2', idemKey: 'x'.repeat(65) }), /CHECK/);
    assert.throws(() => records.insertPayment({ ...row, saleId: 'NOPE', idemKey: 'k3' }), /FOREIGN KEY/);
  } finally {
    j.close();
  }
  const latest = openJournal({ path: file });
  try {
    assert.equal(latest.db.pragma('user_version', { simple: true }), LATEST_SCHEMA_VERSION);
  } finally {
    latest.close();
  }
});
