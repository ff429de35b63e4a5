// The two ways of closing the till. close(): the POS API, then every timer and watch, then the sync
// agent, the scanners and the payments stack over the network, then the staff store and the data
// folder's lock. closeNow() (a session end, a system shutdown: no await will run): the timers stop,
// and the journal, the staff store and the lock go at once; a close() after it ends the network and
// ports that are left. Both stop the timers through one list, so neither can miss one.
import type { DataDirLock } from '../config/data-dir-lock.ts';
import type { StaffStore } from '../staff/staff-store.ts';
import type { SyncRunner } from '../sync/sync-runner.ts';
import { type CoreLogger, errorFields } from './core-logger.ts';
import type { LiveStacks } from './live-stacks.ts';
import type { PosApiSlot } from './pos-api-slot.ts';

export interface ClosingParts {
  logger: CoreLogger;
  posApi: PosApiSlot;
  /** Every timer and watch of the till (null: a part this till does not run). */
  timers: ReadonlyArray<{ stop(): void } | null>;
  live: LiveStacks;
  sync: SyncRunner;
  staffStore: StaffStore;
  lock: DataDirLock;
}

export interface TillClosing {
  /** Either close began: no snapshot is pushed and no payments rebuild starts. */
  closed(): boolean;
  close(): Promise<void>;
  closeNow(): void;
}

/** `parts` is read when a close runs (the till is built by then). */
export function createTillClosing(parts: () => ClosingParts): TillClosing {
  let closed = false;
  /** closeNow ran: the journal is closed, the network and ports are not. */
  let closedNow = false;
  const stopTimers = (timers: ClosingParts['timers']) => {
    for (const timer of timers) timer?.stop();
  };
  return {
    closed: () => closed,
    async close() {
      const { logger, posApi, timers, live, sync, staffStore, lock } = parts();
      // After closeNow (the process was to end at once): what is left is the network and ports.
      if (closedNow) {
        closedNow = false;
        await posApi.close().catch(() => {});
        await sync.close().catch(() => {});
        await live.scanner.close().catch(() => {});
        await live.stack.close().catch(() => {});
        return;
      }
      if (closed) return;
      closed = true;
      await posApi.close().catch((err: unknown) => logger.error('POS API close failed', errorFields(err)));
      stopTimers(timers);
      live.unwire();
      await sync.close().catch((err: unknown) => logger.error('sync agent close failed', errorFields(err)));
      await live.scanner
        .close()
        .catch((err: unknown) => logger.error('scanner close failed', errorFields(err)));
      await live.stack
        .close()
        .catch((err: unknown) => logger.error('payments close failed', errorFields(err)));
      staffStore.close();
      lock.release();
    },
    closeNow() {
      const { timers, live, staffStore, lock } = parts();
      // Also while an ordinary close awaits the network: the journal and the lock go now.
      if (!closed) {
        closed = true;
        closedNow = true;
        stopTimers(timers);
      }
      live.stack.closeJournalNow?.();
      staffStore.close();
      lock.release();
    },
  };
}
