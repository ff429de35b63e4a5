// The journal as the payments engine sees it: repositories over one open database plus `write`, which
// runs a synchronous function in one transaction (better-sqlite3 transactions cannot span an await:
// whatever a transition changes — the event and the projection row — commits together or not at all).
// Every write is BEGIN IMMEDIATE: it takes the write lock first (waiting up to the busy timeout), so a
// transaction that reads and then writes never meets SQLITE_BUSY halfway, where no wait applies.
import { AppError } from '../../../shared/result.ts';
import { createAttemptsRepo } from './attempts-repo.ts';
import { createCallbacksRepo } from './callbacks-repo.ts';
import { journalCommitted } from './commit-signal.ts';
import { createEventsRepo } from './events-repo.ts';
import type { Db } from './open-journal.ts';
import { createPrintJobsRepo } from './print-jobs-repo.ts';
import { createRatesRepo } from './rates-repo.ts';
import { createRefundsRepo } from './refunds-repo.ts';
import { createRejectionsRepo } from './rejections-repo.ts';
import { createReportsRepo } from './reports-repo.ts';
import { type JournalActor, NO_ACTOR } from './rows.ts';
import { createSalesRepo } from './sales-repo.ts';
import { createWalCheckpoints } from './wal-checkpoints.ts';

/** `actor` says who is signed in, who approves and which shift is open (filled into new rows). */
export function createJournal(db: Db, actor: () => JournalActor = () => NO_ACTOR) {
  const getMeta = db.prepare('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const checkpoints = createWalCheckpoints(db);
  // One transaction function for every write (immediate: BEGIN IMMEDIATE; a savepoint when nested):
  // better-sqlite3 would build a new wrapper, and its closures, on each call of db.transaction(fn).
  const inTransaction = db.transaction((fn: () => unknown) => fn());
  const newestId = db.prepare(`SELECT max(id) AS id FROM (SELECT max(order_id) AS id FROM attempts
    UNION ALL SELECT max(order_id) FROM refunds UNION ALL SELECT max(sale_id) FROM sales)`);

  const journal = {
    db,
    actor,
    events: createEventsRepo(db, actor),
    sales: createSalesRepo(db),
    attempts: createAttemptsRepo(db, actor),
    refunds: createRefundsRepo(db, actor),
    callbacks: createCallbacksRepo(db),
    rejections: createRejectionsRepo(db),
    reports: createReportsRepo(db),
    printJobs: createPrintJobsRepo(db),
    rates: createRatesRepo(db),
    write<T>(fn: () => T): T {
      const outermost = !db.inTransaction;
      let result: T;
      try {
        result = inTransaction.immediate(fn) as T;
      } catch (err) {
        throw isBusy(err) ? journalBusy() : err;
      }
      if (outermost) {
        checkpoints.noteCommit();
        // Heard once the outermost write commits (a nested write is a savepoint of it).
        journalCommitted(db);
      }
      return result;
    },
    /** Between sales (never on a charge's path): copies the WAL back into the database when due. */
    checkpointIfDue(): boolean {
      return checkpoints.checkpointIfDue();
    },
    meta(key: string): string | null {
      return (getMeta.get(key) as { value: string } | undefined)?.value ?? null;
    },
    setMeta(key: string, value: string): void {
      setMeta.run(key, value);
    },
    /** The newest id issued for a sale, attempt or refund: seeds the order id generator. */
    newestIssuedId(): string | null {
      return (newestId.get() as { id: string | null }).id;
    },
    integrityCheck(): string {
      return String(db.pragma('integrity_check', { simple: true }));
    },
  };
  return journal;
}

export type Journal = ReturnType<typeof createJournal>;

/** SQLITE_BUSY, SQLITE_LOCKED and their extended codes: another connection holds the journal. */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

export function journalBusy(): AppError {
  return new AppError(
    'STORAGE',
    'The journal is busy (another program is holding it) — nothing was changed; try again in a moment',
    true,
    'journal-busy',
  );
}
