// Finds what the CLI's `receipt` command prints in a till's data folder: a payment or a refund by our
// order id, or the newest paid payment. Live and sandbox journals are separate files; both are looked in.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { JOURNAL_FILE, SANDBOX_JOURNAL_FILE } from '../app/payment-stack.ts';
import { createJournal, type Journal } from '../journal/journal.ts';
import { openJournal } from '../journal/open-journal.ts';

export interface FoundReceipt {
  journal: Journal;
  sandbox: boolean;
  kind: 'sale' | 'refund';
  refId: string;
  close(): void;
}

interface Candidate {
  file: string;
  sandbox: boolean;
}

function journals(dataDir: string): Candidate[] {
  return [
    { file: join(dataDir, JOURNAL_FILE), sandbox: false },
    { file: join(dataDir, SANDBOX_JOURNAL_FILE), sandbox: true },
  ].filter((c) => existsSync(c.file));
}

/** By order id (a payment's or a refund's), else the newest paid payment of either journal. */
export function findReceipt(dataDir: string, query: { orderId: string } | { latest: true }): FoundReceipt {
  const found = journals(dataDir);
  if (found.length === 0) throw new Error(`no journal in ${dataDir}: is it the till's data folder?`);
  let best: (Omit<FoundReceipt, 'close'> & { at: number; handle: { close(): void } }) | null = null;
  for (const c of found) {
    const handle = openJournal({ path: c.file });
    const journal = createJournal(handle.db);
    let hit: { kind: 'sale' | 'refund'; refId: string; at: number } | null = null;
    if ('orderId' in query) {
      const a = journal.attempts.getByOrderId(query.orderId);
      const r = handle.db
        .prepare('SELECT refund_id AS id FROM refunds WHERE order_id = ?')
        .get(query.orderId) as { id: string } | undefined;
      if (a) hit = { kind: 'sale', refId: a.attemptId, at: 0 };
      else if (r) hit = { kind: 'refund', refId: r.id, at: 0 };
    } else {
      const a = handle.db
        .prepare(`SELECT attempt_id AS id, paid_at AS at FROM attempts WHERE state = 'paid'
          ORDER BY paid_at DESC, order_id DESC LIMIT 1`)
        .get() as { id: string; at: number } | undefined;
      if (a) hit = { kind: 'sale', refId: a.id, at: a.at };
    }
    if (hit && (best === null || hit.at > best.at)) {
      best?.handle.close();
      best = { journal, sandbox: c.sandbox, ...hit, handle };
    } else handle.close();
  }
  if (!best) {
    throw new Error(
      'orderId' in query ? `order ${query.orderId} is not in the journal` : 'no paid payment in the journal',
    );
  }
  const { handle, at: _at, ...rest } = best;
  return { ...rest, close: () => handle.close() };
}
