// Migration 0003 on a journal made by schema 2 with real events: the event log is rebuilt to take PIN
// events, with every row, its sequence, its indexes and its append-only triggers kept.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { createEventsRepo } from '../../../electron/core/journal/events-repo.ts';
import { migration0003 } from '../../../electron/core/journal/migrations/0003-pin-events.ts';
import { MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { createSalesRepo } from '../../../electron/core/journal/sales-repo.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-0003-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

it('keeps every event and the log append-only, and accepts PIN events', () => {
  const file = path.join(dir, 'till.db');
  const before = MIGRATIONS.filter((m) => m.version < migration0003.version);
  const old = openJournal({ path: file, migrations: before });
  // The repositories of today's code that exist at that schema, writing real rows.
  const j = { events: createEventsRepo(old.db), sales: createSalesRepo(old.db) };
  old.db.transaction(() => {
    j.sales.insert({
      saleId: 'S1',
      amountCents: 1234,
      tipCents: 0,
      currency: 'CAD',
      operatorId: '1',
      terminalNo: 'T1',
      createdAt: 10,
      updatedAt: 10,
      closedAt: null,
    });
    j.events.append({ at: 10, entity: 'sale', entityId: 'S1', type: 'sale.created', cause: 'command' });
    j.events.append({
      at: 11,
      entity: 'callback',
      entityId: '7',
      type: 'callback.forged',
      cause: 'callback',
      detail: { remote: '10.0.0.9' },
    });
  })();
  assert.throws(() =>
    j.events.append({ at: 12, entity: 'pin' as 'sale', entityId: 'till', type: 'x', cause: 'command' }),
  );
  const rowsBefore = old.db.prepare('SELECT * FROM events ORDER BY seq').all();
  old.close();

  const migrated = openJournal({
    path: file,
    migrations: MIGRATIONS.filter((m) => m.version <= migration0003.version),
  });
  try {
    const db = migrated.db;
    assert.equal(db.pragma('user_version', { simple: true }), migration0003.version);
    assert.deepEqual(db.prepare('SELECT * FROM events ORDER BY seq').all(), rowsBefore);
    const after = { events: createEventsRepo(db) };
    const seq = after.events.append({
      at: 13,
      entity: 'pin',
      entityId: 'till',
      type: 'pin.wrong',
      cause: 'command',
    });
    assert.equal(seq, rowsBefore.length + 1);
    assert.throws(() => db.exec('UPDATE events SET type = 1'), /append-only/);
    assert.throws(() => db.exec('DELETE FROM events'), /append-only/);
    assert.throws(
      () =>
        after.events.append({ at: 14, entity: 'nope' as 'pin', entityId: 'x', type: 'x', cause: 'command' }),
      /CHECK constraint failed/,
    );
    const indexes = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL",
      )
      .all() as Array<{ name: string }>;
    assert.deepEqual(indexes.map((i) => i.name).sort(), ['events_by_entity', 'events_by_time']);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  } finally {
    migrated.close();
  }
});
