// The sandbox gateway's books in the till's data folder (a SQLite file, book-store.ts), so a restarted
// till still finds its earlier sandbox orders: refunds of them work and reconciliation shows no false
// "no such order". Opening reads no order: its cost is the same whatever the books' size. A file that
// is not books this till can read is set aside (renamed with its WAL, never deleted) and the simulator
// starts with empty books; JSON books of an older till are imported once (legacy-books.ts).
import { existsSync, renameSync } from 'node:fs';
import { BookStore, NotBooksError } from './book-store.ts';
import { SimBook, type SimBookOptions } from './ledger.ts';
import { importLegacyBooks } from './legacy-books.ts';

export interface BookFileOptions {
  /** The JSON books of an older till, imported (then renamed aside) if they are there. */
  legacyPath?: string;
  /** Used in the names of files set aside. */
  now?: () => number;
  /** Orders kept in memory besides the payable ones. */
  cacheSize?: number;
  /** A write failed (what it held is tried again with the next change). */
  onWriteError?: (err: unknown) => void;
  /** How long a write waits for another holder of the file's write lock (default 5 s). */
  busyTimeoutMs?: number;
}

export interface BookFile {
  book: SimBook;
  /** What happened when opening, for the log: books set aside, old books imported. */
  notes: string[];
}

export function openBookFile(path: string, options: BookFileOptions = {}): BookFile {
  const now = options.now ?? Date.now;
  const notes: string[] = [];
  const busy = options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs };
  // Books that may be sound but cannot be used now (locked, no room, a rename refused) are left as
  // they are, and this run keeps its books in memory rather than stopping the till.
  const inMemory = (err: unknown): BookFile => {
    notes.push(
      `the sandbox gateway's books could not be opened (${message(err)}); this run keeps them in memory only`,
    );
    return { book: new SimBook(bookOptions(options)), notes };
  };
  let store: BookStore;
  try {
    store = new BookStore(path, busy);
  } catch (err) {
    if (!(err instanceof NotBooksError)) return inMemory(err);
    const kept = `${path}.unreadable-${now()}`;
    try {
      // The WAL and its index only make sense with the file they belong to.
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(`${path}${suffix}`)) renameSync(`${path}${suffix}`, `${kept}${suffix}`);
      }
      notes.push(
        `the sandbox gateway's books could not be read (${message(err)}); kept as ${kept}, starting with empty books`,
      );
      store = new BookStore(path, busy);
    } catch (again) {
      return inMemory(again);
    }
  }
  try {
    if (options.legacyPath) notes.push(...importLegacyBooks(store, options.legacyPath, now));
  } catch (err) {
    // Left where they are for the next start; the till runs on with the books it has.
    notes.push(
      `the sandbox gateway's old books could not be imported (${message(err)}); they are tried again at the next start`,
    );
  }
  return { book: new SimBook({ store, ...bookOptions(options) }), notes };
}

const message = (err: unknown) => (err instanceof Error ? err.message.slice(0, 200) : String(err));

function bookOptions(options: BookFileOptions): SimBookOptions {
  return {
    ...(options.cacheSize === undefined ? {} : { cacheSize: options.cacheSize }),
    ...(options.onWriteError ? { onWriteError: options.onWriteError } : {}),
  };
}
