// The journal as the payments engine sees it: repositories over one open database plus `write`, which
// runs a synchronous function in one transaction (better-sqlite3 transactions cannot span an await:
// whatever a transition changes — the event and the projection row — commits together or not at all).
import { randomBytes } from 'node:crypto';
import { createAttemptsRepo } from './attempts-repo.ts';
import { createCallbacksRepo } from './callbacks-repo.ts';
import { createEventsRepo } from './events-repo.ts';
import type { Db } from './open-journal.ts';
import { createRefundsRepo } from './refunds-repo.ts';
import { createReportsRepo } from './reports-repo.ts';
import { type JournalActor, NO_ACTOR } from './rows.ts';
import { createSalesRepo } from './sales-repo.ts';

/** `actor` says who is signed in, who approves and which shift is open (filled into new rows). */
export function createJournal(db: Db, actor: () => JournalActor = () => NO_ACTOR) {
  const getMeta = db.prepare('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
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
    reports: createReportsRepo(db),
    write<T>(fn: () => T): T {
      return db.transaction(fn)();
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
    /**
     * A random key kept in this journal, used to hash wallet codes for the single-use check: the hash of
     * a short digit string alone could be reversed by trying every code.
     */
    codeHashKey(): Buffer {
      const existing = journal.meta('code_hash_key');
      if (existing) return Buffer.from(existing, 'hex');
      const key = randomBytes(32);
      journal.write(() => {
        if (!journal.meta('code_hash_key')) journal.setMeta('code_hash_key', key.toString('hex'));
      });
      return Buffer.from(journal.meta('code_hash_key') ?? '', 'hex');
    },
    integrityCheck(): string {
      return String(db.pragma('integrity_check', { simple: true }));
    },
  };
  return journal;
}

export type Journal = ReturnType<typeof createJournal>;
