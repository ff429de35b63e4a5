// The crash harness's sync child: the outbox agent ships a journal's events to the central PostgreSQL
// in small batches and SIGKILLs itself at the chosen point (sync.batch-read, sync.sent,
// sync.central-committed, sync.ack-written); run again with "none", it ships the rest. Run by
// crash-sync-runs.ts; its argument is one JSON object (SyncWorkerConfig).
import { systemClock } from '../../electron/core/clock.ts';
import { type DurablePoint, setDurablePointHook } from '../../electron/core/durable-points.ts';
import { openJournal } from '../../electron/core/journal/open-journal.ts';
import { silentLogger } from '../../electron/core/logging/index.ts';
import { type SyncFaultPoint, startSyncAgent } from '../../electron/core/sync/agent.ts';

export interface SyncWorkerConfig {
  db: string;
  url: string;
  storeId: string;
  password: string;
  killAt: string;
  /** Kill at the n-th time the point is reached (a later batch, not always the first). */
  killHit: number;
}

const cfg = JSON.parse(process.argv[2] ?? '{}') as SyncWorkerConfig;
let hits = 0;
const kill = (point: DurablePoint | SyncFaultPoint) => {
  if (point !== cfg.killAt) return;
  hits += 1;
  if (hits >= cfg.killHit) process.kill(process.pid, 'SIGKILL');
};
setDurablePointHook(kill);

const handle = openJournal({ path: cfg.db });
const newest = (handle.db.prepare('SELECT max(seq) AS s FROM events').get() as { s: number }).s;
await new Promise<void>((resolve) => {
  const agent = startSyncAgent({
    db: handle.db,
    url: cfg.url,
    storeId: cfg.storeId,
    secrets: { password: cfg.password },
    terminalNo: 'T1',
    timeZone: 'America/Toronto',
    appVersion: 'crash',
    clock: systemClock,
    log: silentLogger,
    batchSize: 4,
    pollMs: 20,
    fault: kill,
    onStatus(s) {
      if (s.lastShippedSeq >= newest && s.pendingEvents === 0) void agent.stop().then(resolve);
    },
  });
});
handle.close();
