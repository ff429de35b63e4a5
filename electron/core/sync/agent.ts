// The outbox agent: ships the journal's events to the central PostgreSQL, one batch in flight, each
// batch capped in size (bounded memory, and back-pressure: nothing is read before the previous batch is
// acknowledged). At least once: the acknowledgement is written to the journal only after the central
// commit, and the central side ignores what it already has. Sales never wait on it: the engine writes
// the journal as before; the agent only reads it, woken by each journal commit in this process
// (journal/commit-signal.ts) or a nudge, its interval the fallback, and retries with a capped backoff
// after any failure.
import pg from 'pg';
import type { StoreSyncStatus } from '../../../shared/store-sync.ts';
import { ingestBatch } from '../../store/ingest.ts';
import { migrateCentral } from '../../store/migrate.ts';
import { type PgSecrets, pgClientConfig, pgTarget, scrub } from '../../store/pg-config.ts';
import { checkTillLoginOnce, tillLoginError } from '../../store/till-login-check.ts';
import type { Clock, TimerHandle } from '../clock.ts';
import { durablePoint } from '../durable-points.ts';
import { onJournalCommit } from '../journal/commit-signal.ts';
import type { Db } from '../journal/open-journal.ts';
import type { Logger } from '../logging/index.ts';
import type { BatchPhases, RoundTrip } from './batch-phases.ts';
import { createOutbox } from './outbox.ts';
import { syncRetryDelayMs } from './retry-delay.ts';

/** Named points a crash test may stop the process at: the batch's one statement submitted (its outcome
 * unknown to the till), and the central commit known (the acknowledgement not yet written). */
export type SyncFaultPoint = 'sync.sent' | 'sync.committed';

export interface SyncAgentOptions {
  db: Db;
  /** The central database, without a password. */
  url: string;
  storeId: string;
  secrets: PgSecrets;
  terminalNo: string;
  timeZone: string;
  appVersion: string;
  clock: Clock;
  log: Logger;
  batchSize?: number;
  /** How often to look for new events when neither nudged nor woken by a journal commit. */
  pollMs?: number;
  /** Events older than this, not yet shipped, make the till say so. */
  staleAfterMs?: number;
  maxBackoffMs?: number;
  /** Draws each retry's jitter (Math.random; a test fixes it). */
  random?: () => number;
  /** Apply the central migrations on connect (the default); off when IT applies them with the CLI. */
  migrate?: boolean;
  fault?: (point: SyncFaultPoint) => void;
  onStatus?: (status: StoreSyncStatus) => void;
  /** Hears where each shipped batch's time went (the store-sync benchmark). */
  onBatch?: (phases: BatchPhases) => void;
}

export interface SyncAgent {
  status(): StoreSyncStatus;
  /** New events were written: look now rather than at the next poll. */
  nudge(): void;
  stop(): Promise<void>;
}

export const SYNC_DEFAULTS = {
  batchSize: 500,
  pollMs: 2000,
  staleAfterMs: 15 * 60_000,
  maxBackoffMs: 30_000,
};

export function startSyncAgent(o: SyncAgentOptions): SyncAgent {
  const batchSize = o.batchSize ?? SYNC_DEFAULTS.batchSize;
  const pollMs = o.pollMs ?? SYNC_DEFAULTS.pollMs;
  const staleAfterMs = o.staleAfterMs ?? SYNC_DEFAULTS.staleAfterMs;
  const maxBackoffMs = o.maxBackoffMs ?? SYNC_DEFAULTS.maxBackoffMs;
  const outbox = createOutbox(o.db);
  const target = pgTarget(o.url);
  const tillId = outbox.tillId();
  const secretsList = [o.secrets.password, o.secrets.clientKey];

  let client: pg.Client | null = null;
  let running = true;
  let wake: (() => void) | null = null;
  let timer: TimerHandle | null = null;
  let nudged = false;
  let failures = 0;
  /** When the agent was last woken from a wait (performance.now()), for the batch's phases. */
  let wokenAt: number | null = null;
  /** Round trips spent connecting, counted into the next batch's phases. */
  let connectTrips: RoundTrip[] = [];
  let status: StoreSyncStatus = {
    state: 'shipping',
    stale: false,
    target,
    storeId: o.storeId,
    lastShippedSeq: outbox.acked(target),
    lastShippedAt: outbox.ackedAt(target),
    pendingEvents: 0,
    lagMs: null,
    lastError: null,
    lastErrorAt: null,
    passwordSet: Boolean(o.secrets.password),
  };

  let shown = '';
  /** Recomputes the status; listeners hear of it when more than the lag's age moved. */
  const publish = (patch: Partial<StoreSyncStatus>): void => {
    const now = o.clock.now();
    // What waits after the patch's acknowledgement, not the one before it (else one batch behind).
    const pending = outbox.pending(patch.lastShippedSeq ?? status.lastShippedSeq);
    const lagMs = pending.oldestAt === null ? null : Math.max(0, now - pending.oldestAt);
    status = {
      ...status,
      ...patch,
      pendingEvents: pending.count,
      lagMs,
      stale: lagMs !== null && lagMs > staleAfterMs,
    };
    const next = JSON.stringify({ ...status, lagMs: null });
    if (next === shown) return;
    shown = next;
    o.onStatus?.(status);
  };

  /**
   * Waits `ms`, or less: a stop ends any wait; a nudge (new events) ends a poll's wait but not a
   * failure's backoff, so a busy till does not hammer a server that is down.
   */
  let wakeOnNudge = true;
  const pause = (ms: number, byNudge: boolean): Promise<void> =>
    new Promise((resolve) => {
      if ((nudged && byNudge) || !running) {
        nudged = false;
        resolve();
        return;
      }
      wakeOnNudge = byNudge;
      wake = () => {
        wokenAt = performance.now();
        resolve();
      };
      timer = o.clock.setTimeout(() => {
        wake = null;
        timer = null;
        wokenAt = performance.now();
        resolve();
      }, ms);
    });
  const wakeNow = (): void => {
    const w = wake;
    wake = null;
    if (timer !== null) o.clock.clearTimeout(timer);
    timer = null;
    w?.();
  };

  async function connected(): Promise<pg.Client> {
    if (client) return client;
    const c = new pg.Client({ ...pgClientConfig(o.url, o.secrets), query_timeout: 30_000, keepAlive: true });
    // A dropped connection surfaces on the next query; this only keeps the error from being unhandled.
    c.on('error', () => undefined);
    try {
      const t = performance.now();
      await c.connect();
      connectTrips.push({ what: 'connect', ms: performance.now() - t });
      if (o.migrate !== false) await migrateCentral(c);
      // The login's till check, once per connection: a login bound to another till shows at start,
      // and no batch waits for it.
      await checkTillLoginOnce(c, tillId, (what, ms) => connectTrips.push({ what, ms }));
    } catch (err) {
      await c.end().catch(() => undefined);
      throw tillLoginError(err);
    }
    client = c;
    return c;
  }

  /**
   * Ships one batch; false when there was nothing to ship. Connects first even then, so a wrong URL,
   * password or certificate shows at start, not at the first sale.
   */
  async function shipOnce(): Promise<boolean> {
    const c = await connected();
    const woke = wokenAt;
    wokenAt = null;
    const readAt = performance.now();
    const read = outbox.read(status.lastShippedSeq, batchSize);
    const readMs = performance.now() - readAt;
    if (read.events.length === 0) {
      connectTrips = []; // a connection made while idle is no batch's cost
      return false;
    }
    durablePoint('sync.batch-read');
    const roundTrips = connectTrips;
    connectTrips = [];
    const res = await ingestBatch(
      c,
      {
        storeId: o.storeId,
        tillId,
        terminalNo: o.terminalNo,
        timeZone: o.timeZone,
        appVersion: o.appVersion,
        sentAt: o.clock.now(),
        ...read,
      },
      {
        sent: () => o.fault?.('sync.sent'),
        onRoundTrip: (what, ms) => roundTrips.push({ what, ms }),
      },
    );
    o.fault?.('sync.committed');
    durablePoint('sync.central-committed');
    const ackStart = performance.now();
    outbox.ack(target, res.lastSeq, o.clock.now());
    const ackedAt = performance.now();
    durablePoint('sync.ack-written');
    o.onBatch?.({
      firstSeq: read.events[0]?.seq ?? 0,
      lastSeq: res.lastSeq,
      wokenAt: woke,
      readAt,
      readMs,
      roundTrips,
      ackMs: ackedAt - ackStart,
      ackedAt,
    });
    publish({ lastShippedSeq: res.lastSeq, lastShippedAt: o.clock.now() });
    return true;
  }

  const loop = (async () => {
    publish({});
    while (running) {
      let more = false;
      try {
        more = await shipOnce();
        failures = 0;
        if (!more) publish({ state: 'up_to_date', lastError: null });
      } catch (err) {
        failures++;
        const message = scrub((err as Error).message ?? String(err), secretsList);
        // A long outage retries every 30 s: log a new error, then only every 20th repeat of it.
        if (message !== status.lastError || failures % 20 === 1)
          o.log.warn('shipping to the central database failed; will retry', { error: message, failures });
        const old = client as pg.Client | null;
        client = null;
        await old?.end().catch(() => undefined);
        publish({ state: 'retrying', lastError: message, lastErrorAt: o.clock.now() });
        await pause(syncRetryDelayMs(failures, maxBackoffMs, o.random ?? Math.random), false);
        continue;
      }
      if (more) {
        publish({ state: 'shipping' });
        continue;
      }
      await pause(pollMs, true);
    }
  })();

  const nudge = (): void => {
    if (wake && wakeOnNudge) wakeNow();
    else nudged = true;
  };
  // A commit to this journal in this process wakes the agent at once; the interval is the fallback.
  const unsubscribe = onJournalCommit(o.db, nudge);
  return {
    status: () => status,
    nudge,
    async stop() {
      unsubscribe();
      running = false;
      wakeNow();
      await loop;
      const last = client as pg.Client | null;
      client = null;
      await last?.end().catch(() => undefined);
    },
  };
}
