// The staff-and-shifts migration on a journal made by the schema before it, holding real rows: the
// rows keep every value (their cashier, approver and shift are unknown: NULL), staff and shifts
// arrive, one shift at most is open, a closed shift cannot change and nothing is ever deleted.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { createJournal } from '../../../electron/core/journal/journal.ts';
import { migration0007 as staffMigration } from '../../../electron/core/journal/migrations/0007-staff-and-shifts.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-staff-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

it('adds staff and shifts to a journal with payments, keeping its rows', () => {
  const file = path.join(dir, 'till.db');
  const old = openJournal({
    path: file,
    migrations: MIGRATIONS.filter((m) => m.version < staffMigration.version),
  });
  old.db.exec(`
    INSERT INTO sales VALUES ('S1', 100, 5, 'CAD', '42', 'T1', 1, 1, NULL);
    INSERT INTO attempts (attempt_id, order_id, sale_id, mode, wallet, amount_cents, tip_cents, currency,
      state, operator_id, terminal_no, created_at, updated_at)
      VALUES ('A1', 'A1', 'S1', 'passive', 'WECHATPAY', 100, 5, 'CAD', 'paid', '42', 'T1', 1, 1);
    INSERT INTO refunds (refund_id, order_id, attempt_id, amount_cents, currency, state, operator_id, created_at, updated_at)
      VALUES ('R1', 'R1', 'A1', 50, 'CAD', 'refunded', '42', 2, 2);`);
  const oldJournal = createJournal(old.db);
  oldJournal.write(() =>
    oldJournal.events.append({
      at: 3,
      entity: 'attempt',
      entityId: 'A1',
      type: 'attempt.paid',
      cause: 'gateway',
    }),
  );
  const before = {
    attempts: old.db.prepare('SELECT * FROM attempts').all(),
    refunds: old.db.prepare('SELECT * FROM refunds').all(),
    events: old.db.prepare('SELECT * FROM events').all(),
  };
  old.close();

  const migrated = openJournal({ path: file });
  try {
    const db = migrated.db;
    assert.equal(db.pragma('user_version', { simple: true }), LATEST_SCHEMA_VERSION);
    assert.ok(migrated.backupPath, 'a journal with data is backed up before migrating');
    const strip = (rows: unknown[], cols: string[]) =>
      (rows as Array<Record<string, unknown>>).map((r) => {
        const copy = { ...r };
        for (const c of cols) {
          assert.equal(copy[c], null, `${c} of an older row is unknown`);
          delete copy[c];
        }
        return copy;
      });
    assert.deepEqual(
      strip(db.prepare('SELECT * FROM attempts').all(), ['cashier_id', 'shift_id']),
      before.attempts,
    );
    assert.deepEqual(
      strip(db.prepare('SELECT * FROM refunds').all(), ['cashier_id', 'approver_id', 'shift_id']),
      before.refunds,
    );
    assert.deepEqual(
      strip(db.prepare('SELECT * FROM events').all(), ['staff_id', 'approver_id', 'shift_id']),
      before.events,
    );

    // New rows carry who did them.
    const j = createJournal(db, () => ({ cashierId: '7', approverId: '8', shiftId: null }));
    db.exec(`INSERT INTO staff (name, role, pin_hash, operator_id, created_at, updated_at)
      VALUES ('Ana', 'cashier', 'scrypt$x', '101', 1, 1)`);
    assert.throws(
      () =>
        db.exec(`INSERT INTO staff (name, role, pin_hash, operator_id, created_at, updated_at)
        VALUES ('Bad', 'manager', 'h', '1', 1, 1)`),
      /CHECK constraint failed/,
    );
    assert.throws(() => db.exec('DELETE FROM staff'), /never deleted/);
    db.exec("INSERT INTO shifts (opened_at, opened_by) VALUES (10, '1')");
    assert.throws(() => db.exec("INSERT INTO shifts (opened_at, opened_by) VALUES (11, '1')"), /UNIQUE/);
    const seq = j.write(() =>
      j.events.append({ at: 12, entity: 'attempt', entityId: 'A1', type: 'attempt.x', cause: 'command' }),
    );
    assert.deepEqual(db.prepare('SELECT staff_id, approver_id FROM events WHERE seq = ?').get(seq), {
      staff_id: '7',
      approver_id: '8',
    });
    db.exec(`UPDATE shifts SET closed_at = 20, closed_by = '1', z_report = '{}' WHERE shift_id = 1`);
    assert.throws(() => db.exec('UPDATE shifts SET z_report = \'{"x":1}\' WHERE shift_id = 1'), /immutable/);
    assert.throws(() => db.exec('DELETE FROM shifts'), /never deleted/);
    db.exec("INSERT INTO shifts (opened_at, opened_by) VALUES (21, '1')");
    assert.equal(migrated.db.pragma('integrity_check', { simple: true }), 'ok');
  } finally {
    migrated.close();
  }
});
