// Shared pieces of the store-sync tests: real sales on a till rig (paid, declined, refunded), a sync
// agent with its status changes turned into awaitable conditions, and the check that the central side
// holds every event of each till once and the same day figures as each till's own journal.
import assert from 'node:assert/strict';
import type pg from 'pg';
import { systemClock } from '../../electron/core/clock.ts';
import { silentLogger } from '../../electron/core/logging/index.ts';
import { localDate } from '../../electron/core/payments/local-day.ts';
import { type SyncAgent, type SyncAgentOptions, startSyncAgent } from '../../electron/core/sync/agent.ts';
import { createOutbox } from '../../electron/core/sync/outbox.ts';
import type { Batch } from '../../electron/store/batch.ts';
import { chainDayReport } from '../../electron/store/report.ts';
import { TERMINAL_ATTEMPT_STATES } from '../../shared/domain.ts';
import type { StoreSyncStatus } from '../../shared/store-sync.ts';
import { CODES, type Rig } from '../integration/payments/harness.ts';
import { TEST_PG_PASSWORD } from './postgres.ts';

export const TILL_ZONE = 'America/Toronto';

/** `count` passive sales: most paid (with tips), some declined (cents 93), a few partly refunded. */
export async function makeSales(rig: Rig, count: number, rand: () => number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const declined = rand() < 0.1;
    const amountCents = (1 + Math.floor(rand() * 80)) * 100 + (declined ? 93 : Math.floor(rand() * 90));
    const tipCents = rand() < 0.4 ? Math.floor(rand() * 500) : 0;
    rig.engine.newSale();
    await rig.engine.beginPassive({ amountCents, tipCents });
    const code = rand() < 0.5 ? CODES.WECHATPAY() : CODES.ALIPAY();
    const submitted = await rig.engine.submitPassiveCode(code, 'serial');
    // On a loaded machine the answer can outlast the passive window: the sale is still being
    // resolved, and a new sale is refused until it ends.
    const a = await rig.until(
      submitted.attemptId,
      (x) => TERMINAL_ATTEMPT_STATES.includes(x.state),
      'an ended sale',
    );
    if (a.state === 'paid' && rand() < 0.15) {
      await rig.engine.refund({ attemptId: a.attemptId, amountCents: 1 + Math.floor(rand() * amountCents) });
    }
  }
  rig.engine.newSale();
}

export interface WatchedAgent {
  agent: SyncAgent;
  /** Resolves on the first status (now or later) that matches. */
  until(match: (s: StoreSyncStatus) => boolean, what: string): Promise<StoreSyncStatus>;
}

export function watchAgent(
  options: Omit<
    SyncAgentOptions,
    'clock' | 'log' | 'onStatus' | 'secrets' | 'timeZone' | 'appVersion' | 'terminalNo'
  > &
    Partial<SyncAgentOptions>,
): WatchedAgent {
  const waiters = new Set<{
    match: (s: StoreSyncStatus) => boolean;
    resolve: (s: StoreSyncStatus) => void;
  }>();
  const agent = startSyncAgent({
    clock: systemClock,
    log: silentLogger,
    secrets: { password: TEST_PG_PASSWORD },
    timeZone: TILL_ZONE,
    appVersion: 'test',
    terminalNo: 'T1',
    pollMs: 50,
    ...options,
    onStatus(s) {
      options.onStatus?.(s);
      for (const w of [...waiters]) {
        if (w.match(s)) {
          waiters.delete(w);
          w.resolve(s);
        }
      }
    },
  });
  return {
    agent,
    until(match, what) {
      const now = agent.status();
      if (match(now)) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const w = {
          match,
          resolve: (s: StoreSyncStatus) => {
            clearTimeout(guard);
            resolve(s);
          },
        };
        // A failure guard only: the wait ends on the agent's own status change.
        const guard = setTimeout(() => {
          waiters.delete(w);
          reject(new Error(`sync agent never reached ${what}: ${JSON.stringify(agent.status())}`));
        }, 30_000);
        waiters.add(w);
      });
    },
  };
}

/** Resolves when the agent has shipped everything the journal holds now. */
export function caughtUp(w: WatchedAgent, rig: Rig): Promise<StoreSyncStatus> {
  const newest = (rig.handle.db.prepare('SELECT max(seq) AS s FROM events').get() as { s: number }).s;
  return w.until((s) => s.lastShippedSeq >= newest && s.pendingEvents === 0, `event ${newest}`);
}

type WatchOptions = Parameters<typeof watchAgent>[0];

/**
 * Ships everything the rig's journal holds now with a fresh agent of these options (on the rig's
 * journal unless given another handle), then stops it; resolves to the status that caught up.
 */
export async function shipUntilCaughtUp(
  rig: Rig,
  options: Omit<WatchOptions, 'db'> & Partial<Pick<WatchOptions, 'db'>>,
): Promise<StoreSyncStatus> {
  const w = watchAgent({ db: rig.handle.db, ...options });
  try {
    return await caughtUp(w, rig);
  } finally {
    await w.agent.stop();
  }
}

/** Ships everything the rig's journal holds now with a fresh agent, then stops it. */
export async function shipAll(rig: Rig, url: string, storeId: string): Promise<void> {
  await shipUntilCaughtUp(rig, { url, storeId });
}

/** A batch of the rig's events after `afterSeq` (at most `limit`), as its agent would send it. */
export function outboxBatch(rig: Rig, afterSeq: number, limit: number, storeId = 's1'): Batch {
  return {
    storeId,
    tillId: tillIdOf(rig),
    terminalNo: 'T1',
    timeZone: TILL_ZONE,
    appVersion: 'test',
    sentAt: Date.now(),
    ...createOutbox(rig.handle.db).read(afterSeq, limit),
  };
}

/** The till's local day of its newest attempt. */
export function lastSaleDay(rig: Rig): string {
  const row = rig.handle.db.prepare('SELECT max(created_at) AS t FROM attempts').get() as { t: number };
  return localDate(row.t, TILL_ZONE);
}

export function tillIdOf(rig: Rig): string {
  return (rig.handle.db.prepare(`SELECT value FROM meta WHERE key = 'till_id'`).get() as { value: string })
    .value;
}

function daysOf(rig: Rig): string[] {
  const rows = rig.handle.db
    .prepare('SELECT created_at AS t FROM attempts UNION SELECT created_at FROM refunds')
    .all() as Array<{ t: number }>;
  return [...new Set(rows.map((r) => localDate(r.t, TILL_ZONE)))].sort();
}

/**
 * Every event of each till is in the central table exactly once, and for every day of each till the
 * central line equals the till's own daily report, to the cent.
 */
export async function assertCentralMatches(client: pg.Client, tills: ReadonlyArray<{ rig: Rig }>) {
  for (const { rig } of tills) {
    const tillId = tillIdOf(rig);
    const local = rig.handle.db.prepare('SELECT count(*) AS n, max(seq) AS m FROM events').get() as {
      n: number;
      m: number;
    };
    const central = await client.query(
      'SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d, max(seq)::int AS m FROM pos.events WHERE till_id = $1',
      [tillId],
    );
    assert.deepEqual(central.rows[0], { n: local.n, d: local.n, m: local.m }, `events of till ${tillId}`);
    for (const day of daysOf(rig)) {
      const own = rig.engine.dailyReport(day);
      const report = await chainDayReport(client, day);
      const line = report.stores
        .flatMap((s) => s.tills)
        .find((t) => t.tillId === tillId && t.currency === own.currency);
      const paidCount = own.byWallet.reduce((sum, w) => sum + w.count, 0);
      assert.deepEqual(
        line
          ? {
              paidCount: line.paidCount,
              grossCents: line.grossCents,
              tipCents: line.tipCents,
              refundCount: line.refundCount,
              refundedCents: line.refundedCents,
              netCents: line.netCents,
            }
          : null,
        {
          paidCount,
          grossCents: own.grossCents,
          tipCents: own.tipCents,
          refundCount: own.refunds.count,
          refundedCents: own.refunds.totalCents,
          netCents: own.netCents,
        },
        `till ${tillId} on ${day}`,
      );
    }
  }
}
