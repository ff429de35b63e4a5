// The store-sync status counts what still waits as of the acknowledgement just written: the status
// published after a batch is acknowledged no longer counts that batch (it used to, until the next
// status, one batch behind). The journal holds a fixed set of events and nothing writes to it while the
// agent ships, so each status's waiting count must be exactly the newest event minus the last shipped.
// Real PostgreSQL 15, a real journal file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openJournal } from '../../../electron/core/journal/open-journal.ts';
import type { StoreSyncStatus } from '../../../shared/store-sync.ts';
import { startTestPostgres, type TestPostgres } from '../../support/postgres.ts';
import { watchAgent } from '../../support/store-sync.ts';

let server: TestPostgres;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-status-'));
const DB = 'status_after_ack';

before(async () => {
  server = await startTestPostgres();
  await server.createDatabase(DB);
});
after(() => {
  server?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the store-sync status after an acknowledged batch', () => {
  it('no longer counts the batch just shipped as waiting, nor dates the lag from it', async () => {
    const handle = openJournal({ path: path.join(dir, 'journal.db') });
    const insert = handle.db.prepare(`INSERT INTO events (at, entity, entity_id, type, cause, detail)
      VALUES (?, 'sale', ?, 'sale.created', 'command', '{}')`);
    // Five events, one minute apart, the oldest an hour ago: batches of two ship them as 2, 2, 1.
    const hourAgo = Date.now() - 3_600_000;
    for (let i = 0; i < 5; i++) insert.run(hourAgo + i * 60_000, `S-${i}`);
    const rows = handle.db.prepare('SELECT seq, at FROM events ORDER BY seq').all() as Array<{
      seq: number;
      at: number;
    }>;
    const newest = rows.at(-1)?.seq ?? 0;

    const seen: StoreSyncStatus[] = [];
    const w = watchAgent({
      db: handle.db,
      url: server.url(DB),
      storeId: 's1',
      batchSize: 2,
      pollMs: 600_000,
      onStatus: (s) => seen.push(s),
    });
    try {
      await w.until((s) => s.state === 'up_to_date', 'up to date');
    } finally {
      await w.agent.stop();
      handle.close();
    }

    const afterAcks = seen.filter((s) => s.lastShippedSeq > 0);
    // Every acknowledgement was heard (2, 4 and 5 events shipped), the first status of each included.
    const batchEnds = [rows[1], rows[3], rows[4]].map((r) => r?.seq);
    const firstOfEach = batchEnds.map((seq) => afterAcks.find((s) => s.lastShippedSeq === seq));
    for (const [i, s] of firstOfEach.entries()) {
      assert.ok(s, `no status after acknowledgement ${i + 1}: ${JSON.stringify(seen)}`);
      const waiting = newest - s.lastShippedSeq;
      assert.equal(s.pendingEvents, waiting, `events waiting after shipping up to ${s.lastShippedSeq}`);
      // The lag dates from the oldest event still waiting, none when nothing waits.
      const oldestWaiting = rows.find((r) => r.seq > s.lastShippedSeq);
      if (oldestWaiting === undefined) assert.equal(s.lagMs, null);
      else {
        assert.ok(s.lagMs !== null, 'a lag while events wait');
        assert.ok(
          s.lagMs >= 0 && s.lagMs <= Date.now() - oldestWaiting.at,
          `lag ${s.lagMs} ms dates from an event already shipped`,
        );
      }
    }
    assert.equal(seen.at(-1)?.pendingEvents, 0);
  });
});
