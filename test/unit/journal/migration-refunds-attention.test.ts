// Migration refunds-attention on a journal made by the schema before it, with real rows: the refunds
// needing attention are then read by their own index, the same rows as before, and nothing else moves.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { createJournal } from '../../../electron/core/journal/journal.ts';
import { migration0011 } from '../../../electron/core/journal/migrations/0011-refunds-attention.ts';
import { MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-refunds-attention-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

it('indexes the refunds needing attention of a journal that has refunds', () => {
  const file = path.join(dir, 'till.db');
  const old = openJournal({
    path: file,
    migrations: MIGRATIONS.filter((m) => m.version < migration0011.version),
  });
  old.db.exec(`
    INSERT INTO sales VALUES ('S1', 100, 5, 'CAD', '42', 'T1', 1, 1, NULL);
    INSERT INTO attempts (attempt_id, order_id, sale_id, mode, wallet, amount_cents, tip_cents, currency,
      state, operator_id, terminal_no, created_at, updated_at)
      VALUES ('A1', 'A1', 'S1', 'passive', 'WECHATPAY', 100, 5, 'CAD', 'paid', '42', 'T1', 1, 1);
    INSERT INTO refunds (refund_id, order_id, attempt_id, amount_cents, currency, state, operator_id,
      created_at, updated_at, needs_attention)
      VALUES ('R1', 'R1', 'A1', 20, 'CAD', 'refunded', '42', 2, 2, 0),
             ('R2', 'R2', 'A1', 30, 'CAD', 'unknown', '42', 4, 4, 1),
             ('R3', 'R3', 'A1', 10, 'CAD', 'unknown', '42', 3, 3, 1);`);
  old.close();

  const migrated = openJournal({
    path: file,
    migrations: MIGRATIONS.filter((m) => m.version <= migration0011.version),
  });
  try {
    const db = migrated.db;
    assert.equal(db.pragma('user_version', { simple: true }), migration0011.version);
    const plan = (
      db
        .prepare('EXPLAIN QUERY PLAN SELECT * FROM refunds WHERE needs_attention = 1 ORDER BY +created_at')
        .all() as Array<{ detail: string }>
    ).map((r) => r.detail);
    assert.ok(
      plan.some((d) => d.includes('refunds_attention')),
      `the plan reads the new index: ${plan.join(' | ')}`,
    );
    const journal = createJournal(db);
    assert.deepEqual(
      journal.refunds.needingAttention().map((r) => r.refundId),
      ['R3', 'R2'],
      'the same rows, oldest first',
    );
    assert.equal((db.prepare('SELECT count(*) AS n FROM refunds').get() as { n: number }).n, 3);
  } finally {
    migrated.close();
  }
});
