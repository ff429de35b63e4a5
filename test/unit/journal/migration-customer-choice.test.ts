// Migration customer-choice on a journal made by the previous schema with real rows: the table arrives
// empty, existing attempts keep their rows, a choice is kept once per attempt, and its checks hold.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { createCustomerChoicesRepo } from '../../../electron/core/journal/customer-choices-repo.ts';
import { migration0010 } from '../../../electron/core/journal/migrations/0010-customer-choice.ts';
import { MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-customer-choice-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

it('adds the customer choices table to a journal with sales, and keeps one choice per attempt', () => {
  const file = path.join(dir, 'till.db');
  const before = MIGRATIONS.filter((m) => m.version < migration0010.version);
  const old = openJournal({ path: file, migrations: before });
  old.db.exec(`
    INSERT INTO sales VALUES ('S1', 4000, 720, 'CAD', '1', 'T1', 1, 1, NULL);
    INSERT INTO events (at, entity, entity_id, type, cause, detail) VALUES (1, 'sale', 'S1', 'sale.created', 'command', '{}');`);
  old.close();

  const migrated = openJournal({
    path: file,
    migrations: MIGRATIONS.filter((m) => m.version <= migration0010.version),
  });
  try {
    assert.equal(migrated.db.pragma('user_version', { simple: true }), migration0010.version);
    assert.equal(
      (migrated.db.prepare('SELECT count(*) AS n FROM customer_choices').get() as { n: number }).n,
      0,
    );
    assert.equal((migrated.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n, 1);
    const repo = createCustomerChoicesRepo(migrated.db);
    // The attempt itself is not the point here: its id is all the choice refers to.
    migrated.db.pragma('foreign_keys = OFF');
    repo.record('A1', { tipCents: 720, tipPercent: 18, language: 'zh' }, 5);
    repo.record('A1', { tipCents: 0, tipPercent: null, language: 'en' }, 6); // the first stands
    assert.deepEqual({ ...repo.forAttempt('A1') }, { tipCents: 720, tipPercent: 18, language: 'zh' });
    assert.equal(repo.forAttempt('A2'), null);
    assert.throws(
      () => repo.record('A3', { tipCents: 1, tipPercent: null, language: 'de' as 'en' }, 7),
      /CHECK constraint failed/,
    );
    assert.throws(
      () => repo.record('A4', { tipCents: -1, tipPercent: null, language: null }, 7),
      /CHECK constraint failed/,
    );
  } finally {
    migrated.close();
  }
});
