// A journal commit heard in the same process, by file: the sync agent (on its own connection to the
// same journal) wakes on it and ships at once, rather than waiting for its interval, whatever wrote
// the events (a sale, a refund, a staff or shift change). A write from another process is not heard:
// the agent's interval stays as the fallback for it.
import path from 'node:path';
import type { Db } from './open-journal.ts';

type Listener = () => void;
const listeners = new Map<string, Set<Listener>>();

const files = new WeakMap<Db, string | null>();

/** The journal's file as a key; in-memory databases have none. Resolved once per connection (every commit asks). */
function fileOf(db: Db): string | null {
  let file = files.get(db);
  if (file === undefined) {
    file = db.memory ? null : path.resolve(db.name);
    files.set(db, file);
  }
  return file;
}

/** Calls `fn` after each commit of a journal write to the file `db` has open; returns the unsubscribe. */
export function onJournalCommit(db: Db, fn: Listener): () => void {
  const file = fileOf(db);
  if (file === null) return () => undefined;
  const set = listeners.get(file) ?? new Set<Listener>();
  set.add(fn);
  listeners.set(file, set);
  return () => {
    set.delete(fn);
    if (set.size === 0 && listeners.get(file) === set) listeners.delete(file);
  };
}

/** A write to `db` committed (the journal calls it after its outermost transaction). */
export function journalCommitted(db: Db): void {
  const file = fileOf(db);
  const set = file === null ? undefined : listeners.get(file);
  if (!set) return;
  for (const fn of [...set]) {
    // A listener's failure is its own: the write it hears of is already committed.
    try {
      fn();
    } catch {}
  }
}
