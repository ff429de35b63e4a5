// Migration 0004 on a journal made by the schema before it, holding call-backs: the evidence tables
// arrive empty, existing call-backs are kept and found by body hash, bad kinds are refused.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { createCallbacksRepo } from '../../../electron/core/journal/callbacks-repo.ts';
import { migration0004 } from '../../../electron/core/journal/migrations/0004-callback-rejections.ts';
import { MIGRATIONS } from '../../../electron/core/journal/migrations/index.ts';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import { createRejectionsRepo } from '../../../electron/core/journal/rejections-repo.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journal-0004-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

it('adds bounded call-back evidence beside the call-backs already kept', () => {
  const file = path.join(dir, 'till.db');
  const old = openJournal({
    path: file,
    migrations: MIGRATIONS.filter((m) => m.version < migration0004.version),
  });
  const callbacks = createCallbacksRepo(old.db);
  for (const [i, verdict] of (['accepted', 'forged', 'forged'] as const).entries()) {
    callbacks.insert({
      receivedAt: i,
      verdict,
      orderId: null,
      attemptId: null,
      amountCents: null,
      currency: null,
      remote: '10.0.0.1',
      bodySha256: `h${i}`,
      note: null,
    });
  }
  old.close();

  const migrated = openJournal({
    path: file,
    migrations: MIGRATIONS.filter((m) => m.version <= migration0004.version),
  });
  try {
    assert.equal(migrated.db.pragma('user_version', { simple: true }), migration0004.version);
    const repo = createCallbacksRepo(migrated.db);
    assert.equal(repo.receivedBetween(0, 10).length, 3);
    assert.equal(repo.hasBody('h1'), true);
    assert.equal(repo.hasBody('h9'), false);
    const rejections = createRejectionsRepo(migrated.db);
    assert.deepEqual(rejections.counters(), []);
    rejections.add({ kind: 'forged', remote: '10.0.0.1', count: 2, firstSeen: 5, lastSeen: 6 });
    rejections.add({ kind: 'forged', remote: '10.0.0.1', count: 3, firstSeen: 1, lastSeen: 9 });
    assert.deepEqual(rejections.counters(), [
      { kind: 'forged', remote: '10.0.0.1', count: 5, firstSeen: 1, lastSeen: 9 },
    ]);
    assert.throws(
      () => rejections.add({ kind: 'nope' as 'forged', remote: 'x', count: 1, firstSeen: 1, lastSeen: 1 }),
      /CHECK constraint failed/,
    );
  } finally {
    migrated.close();
  }
});
