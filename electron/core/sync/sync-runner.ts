// Keeps one sync agent running for the till as its settings say: none when no central database is set,
// none in sandbox (sandbox payments never reach a live report), otherwise one agent on its own handle
// to the live journal, restarted when the settings or the central credentials change.
import { join } from 'node:path';
import { type StoreSyncStatus, SYNC_OFF } from '../../../shared/store-sync.ts';
import { JOURNAL_FILE } from '../app/payment-stack.ts';
import type { Clock } from '../clock.ts';
import type { StoredSettings } from '../config/defaults.ts';
import type { SecretStore } from '../config/secret-store.ts';
import { type JournalHandle, openJournal } from '../journal/open-journal.ts';
import type { Logger } from '../logging/index.ts';
import { systemTimeZone } from '../payments/local-day.ts';
import { type SyncAgent, type SyncFaultPoint, startSyncAgent } from './agent.ts';

export interface SyncRunnerOptions {
  dataDir: string;
  secrets: SecretStore;
  clock: Clock;
  log: Logger;
  appVersion: string;
  /** Called whenever the shown status changes. */
  onStatus: () => void;
  pollMs?: number;
  fault?: (point: SyncFaultPoint) => void;
}

export interface SyncRunner {
  /** Starts, restarts or stops the agent for these settings (a no-op when nothing it uses changed). */
  apply(settings: StoredSettings, sandbox: boolean, force?: boolean): Promise<void>;
  status(): StoreSyncStatus;
  nudge(): void;
  close(): Promise<void>;
}

/**
 * The agent's own connection writes only acknowledgements, and losing one to a power cut costs a re-sent
 * batch the central side ignores: its commits need not wait for an fsync (WAL, synchronous=NORMAL). The
 * payments engine's connection keeps synchronous=FULL; the setting is per connection.
 */
export function agentConnection(handle: JournalHandle): JournalHandle {
  handle.db.pragma('synchronous = NORMAL');
  return handle;
}

export function createSyncRunner(o: SyncRunnerOptions): SyncRunner {
  let agent: SyncAgent | null = null;
  let handle: JournalHandle | null = null;
  let key = '';
  let idle: StoreSyncStatus = SYNC_OFF;

  async function stop(): Promise<void> {
    const a = agent;
    agent = null;
    await a?.stop();
    handle?.close();
    handle = null;
  }

  async function applyNow(settings: StoredSettings, sandbox: boolean, force: boolean): Promise<void> {
    const s = settings.storeSync;
    const next = JSON.stringify([s, settings.terminalNo, sandbox]);
    if (next === key && !force) return;
    key = next;
    await stop();
    const password = (await o.secrets.get('storePgPassword')) || null;
    const clientKey = (await o.secrets.get('storePgClientKey')) || null;
    const base = { ...SYNC_OFF, passwordSet: password !== null, storeId: s.storeId || null };
    if (s.url === '' || sandbox) {
      idle = { ...base, state: s.url === '' ? 'off' : 'sandbox' };
      o.onStatus();
      return;
    }
    try {
      handle = agentConnection(
        openJournal({ path: join(o.dataDir, JOURNAL_FILE), now: () => o.clock.now() }),
      );
      agent = startSyncAgent({
        db: handle.db,
        url: s.url,
        storeId: s.storeId,
        secrets: { password, clientKey },
        terminalNo: settings.terminalNo,
        timeZone: systemTimeZone(),
        appVersion: o.appVersion,
        clock: o.clock,
        log: o.log,
        staleAfterMs: s.staleMinutes * 60_000,
        ...(o.pollMs ? { pollMs: o.pollMs } : {}),
        ...(o.fault ? { fault: o.fault } : {}),
        onStatus: () => o.onStatus(),
      });
    } catch (err) {
      await stop();
      key = ''; // the next apply tries again
      idle = { ...base, state: 'retrying', lastError: (err as Error).message, lastErrorAt: o.clock.now() };
      o.onStatus();
      throw err;
    }
  }

  // One change at a time: two overlapping applies must not leave two agents running.
  let queue: Promise<void> = Promise.resolve();
  return {
    apply(settings, sandbox, force = false) {
      const run = queue.then(() => applyNow(settings, sandbox, force));
      queue = run.catch(() => undefined);
      return run;
    },
    status: () => agent?.status() ?? idle,
    nudge: () => agent?.nudge(),
    close: () => {
      const run = queue.then(stop);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
