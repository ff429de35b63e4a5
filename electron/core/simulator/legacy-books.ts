// The sandbox gateway's books as older tills kept them: the whole books in a JSON file
// (sandbox-gateway.json) and an append log beside it (sandbox-gateway.json.log), one line per tick
// with the orders it changed and its new ledger entries. Read once, on the first start of a till that
// keeps its books in SQLite, by the same rules those tills used: the log is replayed onto the file and a
// line a crash cut short ends it; a file that does not parse is set aside with its log (renamed, never
// deleted). The books are imported in one transaction and the files renamed aside only after its commit,
// so a crash in between imports them again onto books that already hold them, to the same result.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { type BookState, entrySchema, type LedgerEntry, orderSchema, type SimOrder } from './book-records.ts';
import type { BookStore } from './book-store.ts';

const stateSchema = z.object({
  version: z.literal(1),
  orders: z.array(orderSchema),
  ledger: z.array(entrySchema),
  txnSeq: z.number().int().min(0),
});

/** One tick's changes: orders as they now are, ledger entries at their index (replay is idempotent). */
const logLineSchema = z.object({
  orders: z.array(orderSchema),
  ledger: z.array(z.object({ i: z.number().int().min(0), e: entrySchema })),
  txnSeq: z.number().int().min(0),
});

/** Applies the log's whole lines to the books read from the file; stops at a line a crash cut short. */
export function replayBookLog(state: BookState, logText: string): BookState {
  const orders = new Map(state.orders.map((o) => [o.orderId, o]));
  const ledger = [...state.ledger];
  let txnSeq = state.txnSeq;
  for (const line of logText.split('\n')) {
    if (line === '') continue;
    let parsed: z.infer<typeof logLineSchema>;
    try {
      parsed = logLineSchema.parse(JSON.parse(line));
    } catch {
      break;
    }
    for (const o of parsed.orders) orders.set(o.orderId, o as SimOrder);
    for (const { i, e } of parsed.ledger) ledger[i] = e as LedgerEntry;
    txnSeq = Math.max(txnSeq, parsed.txnSeq);
  }
  return { orders: [...orders.values()], ledger: ledger.filter(Boolean), txnSeq };
}

const message = (err: unknown) => (err instanceof Error ? err.message.slice(0, 200) : 'bad file');

/**
 * Imports the JSON books at `jsonPath` (and their log) into `store`, then renames them aside as
 * `….imported-<time>`. Returns lines for the log: what was imported, what could not be read.
 */
export function importLegacyBooks(store: BookStore, jsonPath: string, now: () => number): string[] {
  const logPath = `${jsonPath}.log`;
  if (!existsSync(jsonPath) && !existsSync(logPath)) return [];
  const notes: string[] = [];
  let state: BookState = { orders: [], ledger: [], txnSeq: 0 };
  if (existsSync(jsonPath)) {
    try {
      state = stateSchema.parse(JSON.parse(readFileSync(jsonPath, 'utf8'))) as BookState;
    } catch (err) {
      const kept = `${jsonPath}.unreadable-${now()}`;
      renameSync(jsonPath, kept);
      // The log only makes sense on top of the file it followed.
      if (existsSync(logPath)) renameSync(logPath, `${kept}.log`);
      notes.push(
        `the sandbox gateway's books could not be read (${message(err)}); kept as ${kept}, starting with empty books`,
      );
      return notes;
    }
  }
  if (existsSync(logPath)) state = replayBookLog(state, readFileSync(logPath, 'utf8'));
  const added = store.importBooks(state);
  // Only after the commit: the JSON first, so that a crash before the log's rename leaves the log, whose
  // lines are the newest state of their orders, never the JSON alone without the log's later changes.
  const stamp = now();
  const moved: string[] = [];
  try {
    for (const from of [jsonPath, logPath]) {
      if (!existsSync(from)) continue;
      const to = `${from}.imported-${stamp}`;
      renameSync(from, to);
      moved.push(basename(to));
    }
  } catch (err) {
    notes.push(
      `the sandbox gateway's old books could not be renamed aside (${message(err)}); they are imported again, changing nothing, at the next start`,
    );
  }
  notes.push(
    `imported the sandbox gateway's books from ${basename(jsonPath)}: ${added.orders} orders and ${added.entries} ledger entries new of ${state.orders.length} and ${state.ledger.length}${moved.length ? `; kept as ${moved.join(', ')}` : ''}`,
  );
  return notes;
}
