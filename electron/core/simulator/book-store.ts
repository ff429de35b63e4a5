// The sandbox gateway's books in SQLite: every order it accepted (one row each, the order as JSON beside
// the keys it is found by) and the ledger of money that moved (typed columns, so totals are a SUM).
// Only what the simulator is working on lives in memory (ledger.ts); everything else is read from here
// when asked for, so its memory and its start cost the same however many sales the books hold.
// WAL with synchronous=NORMAL: a commit survives the till being killed (the crash harness's SIGKILL);
// only a power cut can take the last ticks, and these are sandbox books, not money.
import Database from 'better-sqlite3';
import {
  type BookState,
  type LedgerEntry,
  type LedgerSummary,
  orderSchema,
  type SimOrder,
} from './book-records.ts';

/** Schema of the books file (PRAGMA user_version); a file from a newer till is not guessed at. */
export const BOOKS_SCHEMA = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS orders (
  order_id TEXT PRIMARY KEY,
  wallet_token TEXT,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS orders_by_token ON orders (wallet_token) WHERE wallet_token IS NOT NULL;
CREATE TABLE IF NOT EXISTS ledger (
  seq INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('charge', 'refund')),
  order_id TEXT NOT NULL,
  merchant_id TEXT NOT NULL,
  original_order_id TEXT,
  wallet TEXT,
  amount_cents INTEGER NOT NULL,
  at INTEGER NOT NULL,
  -- A payment is charged once, a refund is its own order: writing an entry again changes nothing.
  UNIQUE (type, order_id)
);
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
`;

/** What one tick changed: orders as they now are, new ledger entries, the wallet-txn counter. */
export interface BookWrite {
  orders: readonly SimOrder[];
  ledger: readonly LedgerEntry[];
  txnSeq: number;
}

interface LedgerRow {
  type: 'charge' | 'refund';
  order_id: string;
  merchant_id: string;
  original_order_id: string | null;
  wallet: LedgerEntry['wallet'];
  amount_cents: number;
  at: number;
}

export class BookStore {
  readonly #db: Database.Database;
  readonly #upsert: Database.Statement;
  readonly #insertIfNew: Database.Statement;
  readonly #entry: Database.Statement;
  readonly #setTxnSeq: Database.Statement;
  readonly #byId: Database.Statement;
  readonly #byToken: Database.Statement;
  readonly #write: (changes: BookWrite) => void;
  #writtenTxnSeq = -1;

  /**
   * Opens or creates the books; throws if it cannot, a NotBooksError if the file is not books this till
   * can read (not SQLite, damaged, or from a newer till).
   */
  constructor(path: string, options: { busyTimeoutMs?: number } = {}) {
    let db: Database.Database;
    try {
      db = new Database(path);
    } catch (err) {
      throw asNotBooks(err);
    }
    try {
      db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      const version = Number(db.pragma('user_version', { simple: true }));
      if (version > BOOKS_SCHEMA) {
        throw new NotBooksError(
          `written by a newer till (books schema ${version}, this till knows ${BOOKS_SCHEMA})`,
        );
      }
      if (path !== ':memory:') db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // 2 MiB of page cache, not the 16 MiB better-sqlite3's build gives every connection: the sale path
      // appends and reads an order or two, and this cache is native memory that would grow with the file.
      db.pragma('cache_size = -2048');
      if (version < BOOKS_SCHEMA) {
        db.exec(SCHEMA);
        db.pragma(`user_version = ${BOOKS_SCHEMA}`);
      }
      this.#upsert = db.prepare(
        `INSERT INTO orders (order_id, wallet_token, body) VALUES (?, ?, ?)
         ON CONFLICT (order_id) DO UPDATE SET wallet_token = excluded.wallet_token, body = excluded.body`,
      );
      this.#insertIfNew = db.prepare(
        'INSERT OR IGNORE INTO orders (order_id, wallet_token, body) VALUES (?, ?, ?)',
      );
      this.#entry = db.prepare(
        `INSERT OR IGNORE INTO ledger (type, order_id, merchant_id, original_order_id, wallet, amount_cents, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      this.#setTxnSeq = db.prepare(
        `INSERT INTO meta (key, value) VALUES ('txnSeq', ?)
         ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value)`,
      );
      this.#byId = db.prepare('SELECT body FROM orders WHERE order_id = ?').pluck();
      this.#byToken = db.prepare('SELECT order_id FROM orders WHERE wallet_token = ?').pluck();
      // Made once: a sale writes twice (the order, then its payment), so this is the sale's hot path.
      this.#write = db.transaction((changes: BookWrite) => {
        for (const o of changes.orders) this.#upsert.run(o.orderId, o.walletToken, JSON.stringify(o));
        this.#addEntries(changes.ledger);
        // Most ticks pay nothing: the counter's page is written only when it moved.
        if (changes.txnSeq !== this.#writtenTxnSeq) this.#setTxnSeq.run(changes.txnSeq);
      });
    } catch (err) {
      db.close();
      throw asNotBooks(err);
    }
    this.#db = db;
  }

  /** The order as stored, or undefined. A row that does not read as an order throws. */
  order(orderId: string): SimOrder | undefined {
    const body = this.#byId.get(orderId) as string | undefined;
    return body === undefined ? undefined : readOrder(body);
  }

  orderIdByToken(token: string): string | undefined {
    return this.#byToken.get(token) as string | undefined;
  }

  /** Every order, oldest first. */
  orders(): SimOrder[] {
    const bodies = this.#db.prepare('SELECT body FROM orders ORDER BY rowid').pluck().all() as string[];
    return bodies.map(readOrder);
  }

  get txnSeq(): number {
    const value = this.#db.prepare("SELECT value FROM meta WHERE key = 'txnSeq'").pluck().get();
    return typeof value === 'number' ? value : 0;
  }

  ledger(): LedgerSummary {
    const rows = this.#db
      .prepare(
        'SELECT type, order_id, merchant_id, original_order_id, wallet, amount_cents, at FROM ledger ORDER BY seq',
      )
      .all() as LedgerRow[];
    const totals = this.#db
      .prepare(
        `SELECT coalesce(sum(CASE WHEN type = 'charge' THEN amount_cents END), 0) AS charged,
                coalesce(sum(CASE WHEN type = 'refund' THEN amount_cents END), 0) AS refunded
         FROM ledger`,
      )
      .get() as { charged: number; refunded: number };
    return {
      entries: rows.map((r) => ({
        type: r.type,
        orderId: r.order_id,
        merchantId: r.merchant_id,
        originalOrderId: r.original_order_id,
        wallet: r.wallet,
        amountCents: r.amount_cents,
        at: r.at,
      })),
      chargedCents: totals.charged,
      refundedCents: totals.refunded,
      netCents: totals.charged - totals.refunded,
    };
  }

  /** One tick's changes, in one transaction. */
  write(changes: BookWrite): void {
    this.#write(changes);
    this.#writtenTxnSeq = changes.txnSeq;
  }

  /**
   * Books read from an older till's JSON, in one transaction. An order already here is kept as it is
   * (it may have moved on since an earlier import), an entry already here is not added twice: running
   * the same import again changes nothing. Returns how many orders and entries were new.
   */
  importBooks(state: BookState): { orders: number; entries: number } {
    return this.#db.transaction(() => {
      let orders = 0;
      let entries = 0;
      for (const o of state.orders)
        orders += this.#insertIfNew.run(o.orderId, o.walletToken, JSON.stringify(o)).changes;
      entries = this.#addEntries(state.ledger);
      this.#setTxnSeq.run(state.txnSeq);
      return { orders, entries };
    })();
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #addEntries(entries: readonly LedgerEntry[]): number {
    let added = 0;
    for (const e of entries) {
      added += this.#entry.run(
        e.type,
        e.orderId,
        e.merchantId,
        e.originalOrderId,
        e.wallet,
        e.amountCents,
        e.at,
      ).changes;
    }
    return added;
  }
}

/** The file is not books this till can read: set it aside, never guess at it. */
export class NotBooksError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotBooksError';
  }
}

/** SQLite's word that the file is no database, or a damaged one; any other failure (busy, no room) is not. */
function asNotBooks(err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')))
    return new NotBooksError((err as Error).message);
  return err;
}

function readOrder(body: string): SimOrder {
  return orderSchema.parse(JSON.parse(body)) as SimOrder;
}
