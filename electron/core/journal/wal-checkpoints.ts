// When the journal's WAL is copied back into the database file (a checkpoint). Left to SQLite, it runs
// inside whichever commit crosses 1,000 WAL pages — often a charge's, which then waits for the WAL and
// the database file to be synced (synchronous=FULL) on top of its own sync: that was the charge's p99.
// Here the till checkpoints between sales (the engine asks when a sale closes) once enough commits have
// gathered, and SQLite's own checkpoint stays only as a safety net at a higher mark, which bounds the WAL
// when no sale closes for a long while (e.g. a till that only recovers or ships to the store).
import type { Db } from './open-journal.ts';

/**
 * Commits between two checkpoints run between sales: a sale is about four, of ~10 WAL pages each, so
 * about SQLite's own 1,000 pages — as many checkpoints (two syncs each) as before, none in a charge.
 */
export const CHECKPOINT_EVERY_COMMITS = 96;
/** SQLite's own checkpoint, at this many WAL pages (4 KiB): never reached while sales close. */
export const WAL_SAFETY_NET_PAGES = 4_000;

export interface WalCheckpoints {
  /** A transaction of the journal committed. */
  noteCommit(): void;
  /** Between sales: checkpoints when enough commits gathered; true when it ran. */
  checkpointIfDue(): boolean;
}

export function createWalCheckpoints(db: Db, everyCommits = CHECKPOINT_EVERY_COMMITS): WalCheckpoints {
  db.pragma(`wal_autocheckpoint = ${WAL_SAFETY_NET_PAGES}`);
  let commits = 0;
  return {
    noteCommit() {
      commits += 1;
    },
    checkpointIfDue() {
      if (commits < everyCommits || db.inTransaction) return false;
      commits = 0;
      try {
        // PASSIVE: copies what it can without waiting on readers (as SQLite's own checkpoint does).
        db.pragma('wal_checkpoint(PASSIVE)');
        return true;
      } catch {
        // Closing a sale never fails for it: the next due one, or the safety net, copies the WAL.
        return false;
      }
    },
  };
}
