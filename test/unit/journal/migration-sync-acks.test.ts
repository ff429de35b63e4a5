// Migration sync-acks on a journal made by today's schema with real rows: the acknowledgement table
// arrives empty (nothing was shipped yet, so everything will be), and the till gets one id that a
// later open does not change.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { migration0008 } from '../../../electron/core/journal/migrations/0008-sync-acks.ts';
import { MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-sync-acks-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

it('adds an empty acknowledgement table and a stable till id to a journal with events', () => {
  const file = path.join(dir, 'till.db');
  const before = MIGRATIONS.filter((m) => m.version < migration0008.version);
  const old = openJournal({ path: file, migrations: before });
  old.db.exec(`
    INSERT INTO sales VALUES ('S1', 100, 0, 'CAD', '1', 'T1', 1, 1, NULL);
    INSERT INTO events (at, entity, entity_id, type, cause, detail) VALUES (1, 'sale', 'S1', 'sale.created', 'command', '{}');`);
  old.close();

  const upTo = MIGRATIONS.filter((m) => m.version <= migration0008.version);
  const migrated = openJournal({ path: file, migrations: upTo });
  const id = (migrated.db.prepare(`SELECT value FROM meta WHERE key = 'till_id'`).get() as { value: string })
    .value;
  try {
    assert.equal(migrated.db.pragma('user_version', { simple: true }), migration0008.version);
    assert.match(id, /^[0-9a-f]{32}$/);
    assert.equal((migrated.db.prepare('SELECT count(*) AS n FROM sync_acks').get() as { n: number }).n, 0);
    assert.equal((migrated.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n, 1);
    assert.throws(
      () => migrated.db.exec(`INSERT INTO sync_acks VALUES ('db', -1, 0)`),
      /CHECK constraint failed/,
    );
  } finally {
    migrated.close();
  }
  const again = openJournal({ path: file });
  try {
    const same = again.db.prepare(`SELECT value FROM meta WHERE key = 'till_id'`).get() as { value: string };
    assert.equal(same.value, id);
  } finally {
    again.close();
  }
});
