// Migration 0002 on a journal that already holds call-backs: the column arrives, rows whose attempt is
// known take its currency, the others stay without one, and a bad currency is refused afterwards.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { migration0001 } from '../../../electron/core/journal/migrations/0001-init.ts';
import { migration0002 } from '../../../electron/core/journal/migrations/0002-callback-currency.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-0002-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

it('adds the currency of call-back amounts, filled from the matched attempt', () => {
  const file = path.join(dir, 'till.db');
  const v1 = openJournal({ path: file, migrations: [migration0001] });
  v1.db.exec(`
    INSERT INTO sales VALUES ('S1', 100, 0, 'USD', '1', 'T1', 1, 1, NULL);
    INSERT INTO attempts (attempt_id, order_id, sale_id, mode, wallet, amount_cents, tip_cents, currency,
      state, operator_id, terminal_no, created_at, updated_at)
      VALUES ('A1', 'A1', 'S1', 'active', 'ALIPAY', 100, 0, 'USD', 'paid', '1', 'T1', 1, 1);
    INSERT INTO callbacks (received_at, verdict, order_id, attempt_id, amount_cents, body_sha256)
      VALUES (1, 'accepted', 'A1', 'A1', 100, 'h1'), (2, 'unknown_order', 'ZZ', NULL, 5, 'h2'),
             (3, 'forged', NULL, NULL, NULL, 'h3');`);
  v1.close();

  const v2 = openJournal({ path: file, migrations: [migration0001, migration0002] });
  try {
    assert.equal(v2.db.pragma('user_version', { simple: true }), 2);
    const rows = v2.db.prepare('SELECT verdict, currency FROM callbacks ORDER BY callback_id').all();
    assert.deepEqual(rows, [
      { verdict: 'accepted', currency: 'USD' },
      { verdict: 'unknown_order', currency: null },
      { verdict: 'forged', currency: null },
    ]);
    assert.throws(
      () =>
        v2.db.exec(
          "INSERT INTO callbacks (received_at, verdict, amount_cents, currency, body_sha256) VALUES (4, 'forged', 1, 'EUR', 'h4')",
        ),
      /CHECK constraint failed/,
    );
  } finally {
    v2.close();
  }
});
