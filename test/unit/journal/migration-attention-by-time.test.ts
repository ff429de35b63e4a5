// Migration attention-by-time on a journal made by the schema before it, with real rows: the attempts
// needing attention are then walked in time order by their own index — the oldest few without reading
// the rest, and counted from the index alone — the same rows as before, and nothing else moves.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { createJournal } from '../../../electron/core/journal/journal.ts';
import { migration0012 } from '../../../electron/core/journal/migrations/0012-attention-by-time.ts';
import { MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-attention-by-time-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

it('indexes the flagged attempts of a journal by time', () => {
  const file = path.join(dir, 'till.db');
  const old = openJournal({
    path: file,
    migrations: MIGRATIONS.filter((m) => m.version < migration0012.version),
  });
  old.db.exec(`
    INSERT INTO sales VALUES ('S1', 100, 5, 'CAD', '42', 'T1', 1, 1, NULL);
    INSERT INTO attempts (attempt_id, order_id, sale_id, mode, wallet, amount_cents, tip_cents, currency,
      state, operator_id, terminal_no, created_at, updated_at, needs_attention)
      VALUES ('A1', 'A1', 'S1', 'passive', 'WECHATPAY', 100, 5, 'CAD', 'paid', '42', 'T1', 5, 5, 1),
             ('A2', 'A2', 'S1', 'passive', 'WECHATPAY', 100, 5, 'CAD', 'failed', '42', 'T1', 2, 2, 0),
             ('A3', 'A3', 'S1', 'passive', 'WECHATPAY', 100, 5, 'CAD', 'unknown', '42', 'T1', 9, 9, 1),
             ('A4', 'A4', 'S1', 'active', 'ALIPAY', 100, 5, 'CAD', 'paid', '42', 'T1', 3, 3, 1);`);
  const before = createJournal(old.db)
    .attempts.needingAttention()
    .map((r) => r.attemptId);
  old.close();

  const migrated = openJournal({
    path: file,
    migrations: MIGRATIONS.filter((m) => m.version <= migration0012.version),
  });
  try {
    const db = migrated.db;
    assert.equal(db.pragma('user_version', { simple: true }), migration0012.version);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>)
        .map((r) => r.detail)
        .join(' | ');
    const oldest = plan('SELECT * FROM attempts WHERE needs_attention = 1 ORDER BY created_at LIMIT 2');
    assert.match(oldest, /attempts_attention_by_time/, oldest);
    assert.doesNotMatch(oldest, /TEMP B-TREE/, `walked in order, not sorted: ${oldest}`);
    const live = plan(
      "SELECT * FROM attempts WHERE needs_attention = 1 AND state NOT IN ('paid','failed','expired') ORDER BY created_at",
    );
    assert.match(live, /attempts_attention_by_time/, live);
    assert.doesNotMatch(live, /TEMP B-TREE/, `the unresolved flagged walked in order: ${live}`);
    const count = plan('SELECT count(*) FROM attempts WHERE needs_attention = 1');
    assert.match(count, /COVERING INDEX attempts_attention_by_time/, count);

    const journal = createJournal(db);
    assert.deepEqual(before, ['A4', 'A1', 'A3']);
    assert.deepEqual(
      journal.attempts.needingAttention().map((r) => r.attemptId),
      before,
      'the same rows, oldest first',
    );
    assert.deepEqual(
      journal.attempts.needingAttention(2).map((r) => r.attemptId),
      ['A4', 'A1'],
    );
    assert.deepEqual(
      journal.attempts.liveNeedingAttention().map((r) => r.attemptId),
      ['A3'],
    );
    assert.equal(journal.attempts.countNeedingAttention(), 3);
    assert.equal((db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n, 4);
  } finally {
    migrated.close();
  }
});
