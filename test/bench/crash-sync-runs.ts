// The crash harness's runs at the sync agent's durable points: a journal of real sales (paid, declined,
// refunded) is shipped to a throwaway PostgreSQL by a child killed at the point, then by a fresh child;
// every event of the till must be central exactly once.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DurablePoint } from '../../electron/core/durable-points.ts';
import type { SyncFaultPoint } from '../../electron/core/sync/agent.ts';
import { makeRig } from '../integration/payments/harness.ts';
import { startTestPostgres, TEST_PG_PASSWORD, type TestPostgres } from '../support/postgres.ts';
import { makeSales } from '../support/store-sync.ts';
import { runChild } from './crash-children.ts';
import type { SyncWorkerConfig } from './crash-sync-worker.ts';

export const SYNC_POINTS: ReadonlyArray<DurablePoint | SyncFaultPoint> = [
  'sync.batch-read',
  // The batch is on its way and its outcome unknown: committed centrally or not, the next child ships
  // the rest and nothing twice.
  'sync.sent',
  'sync.central-committed',
  'sync.ack-written',
];

const STORE = 'crash-store';

/** One PostgreSQL for all the sync runs of a harness invocation, started on first use. */
export function centralFor(): { get(): Promise<TestPostgres>; close(): void } {
  let server: Promise<TestPostgres> | null = null;
  return {
    get() {
      server ??= (async () => {
        const s = await startTestPostgres();
        await s.createDatabase('crash');
        return s;
      })();
      return server;
    },
    close() {
      void server?.then((s) => s.dispose());
    },
  };
}

export async function runSyncCrash(
  central: TestPostgres,
  point: DurablePoint | SyncFaultPoint,
  random: () => number,
): Promise<{ killed: boolean; problems: string[] }> {
  const rig = await makeRig();
  const problems: string[] = [];
  try {
    await makeSales(rig, 3 + Math.floor(random() * 4), random);
    await rig.engine.close();
    const db = path.join(rig.dir, 'till.db');
    const local = rig.handle.db.prepare('SELECT count(*) AS n, max(seq) AS m FROM events').get() as {
      n: number;
      m: number;
    };
    const tillId = (
      rig.handle.db.prepare(`SELECT value FROM meta WHERE key = 'till_id'`).get() as { value: string }
    ).value;
    rig.handle.close();
    const base: SyncWorkerConfig = {
      db,
      url: central.url('crash'),
      storeId: STORE,
      password: TEST_PG_PASSWORD,
      killAt: point,
      killHit: 1 + Math.floor(random() * 2),
    };
    const first = await runChild('crash-sync-worker', base);
    const killed = first.signal === 'SIGKILL';
    if (!killed && first.code !== 0)
      problems.push(`sync exited ${first.code}: ${first.err.trim().slice(-300)}`);
    const again = await runChild('crash-sync-worker', { ...base, killAt: 'none' });
    if (again.code !== 0)
      problems.push(`sync after restart exited ${again.code}: ${again.err.trim().slice(-300)}`);
    const c = new pg.Client({ connectionString: central.urlWithPassword('crash') });
    await c.connect();
    try {
      const r = await c.query(
        'SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d, max(seq)::int AS m FROM pos.events WHERE till_id = $1',
        [tillId],
      );
      const row = r.rows[0] as { n: number; d: number; m: number };
      if (row.d < local.n || row.m !== local.m) problems.push(`LOST: ${row.d} of ${local.n} events central`);
      if (row.n !== row.d) problems.push(`DOUBLE: ${row.n - row.d} events central twice`);
    } finally {
      await c.end();
    }
    // The ack never runs ahead of the central side.
    const ack = new Database(db, { readonly: true });
    try {
      const a = ack.prepare('SELECT max(acked_seq) AS s FROM sync_acks').get() as { s: number | null };
      if ((a.s ?? 0) !== local.m)
        problems.push(`the ack says ${a.s}, the journal's newest event is ${local.m}`);
    } finally {
      ack.close();
    }
    return { killed, problems };
  } finally {
    await rig.sim.close?.();
    fs.rmSync(rig.dir, { recursive: true, force: true });
  }
}
