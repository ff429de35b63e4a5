// The sandbox gateway's books in the till's data folder, so a restarted till still finds its earlier
// sandbox orders: refunds of them work and reconciliation shows no false "no such order". The whole
// books (sandbox-gateway.json) are written only at start; each tick in which they changed appends just
// the orders it changed and its new ledger entries to a log beside them (sandbox-gateway.json.log), so
// every sale costs the same however many came before (rewriting the whole file after each payment made
// each sale dearer than the last). At start the log is replayed onto the file (a line a crash cut short
// ends it), the merged books are written whole, and the log starts empty. A file that does not parse is
// set aside with its log (renamed, never deleted) and the simulator starts with empty books.
import { appendFileSync, existsSync, readFileSync, renameSync, truncateSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../config/atomic-file.ts';
import { ORDER_STATUSES } from '../gateway/schemas.ts';
import { type BookState, type LedgerEntry, SimBook, type SimOrder } from './ledger.ts';
import { SCENARIOS } from './scenarios.ts';

const wallet = z.enum(['WECHATPAY', 'ALIPAY', 'UNIONPAY']).nullable();
const status = z.enum(ORDER_STATUSES);
const scenario = z.enum(SCENARIOS.map((s) => s.scenario) as [string, ...string[]]).nullable();
const cents = z.number().int().min(0);
const text = z.string().nullable();

const orderSchema = z.object({
  orderId: z.string().min(1),
  merchantId: z.string(),
  kind: z.enum(['payment', 'refund']),
  mode: z.enum(['active', 'passive']).nullable(),
  wallet,
  amountCents: cents,
  tipCents: cents,
  status,
  scenario,
  createdAt: z.number(),
  paidAt: z.number().nullable(),
  refundedCents: cents,
  originalOrderId: text,
  callbackUrl: text,
  walletToken: text,
  codeUrl: text,
  walletTxnId: text,
  buyerLoginId: text,
  saleNum: text,
});

const entrySchema = z.object({
  type: z.enum(['charge', 'refund']),
  orderId: z.string(),
  merchantId: z.string(),
  originalOrderId: text,
  wallet,
  amountCents: cents,
  at: z.number(),
});

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
function replay(state: BookState, logText: string): { state: BookState; lines: number } {
  const orders = new Map(state.orders.map((o) => [o.orderId, o]));
  const ledger = [...state.ledger];
  let txnSeq = state.txnSeq;
  let lines = 0;
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
    lines += 1;
  }
  return { state: { orders: [...orders.values()], ledger: ledger.filter(Boolean), txnSeq }, lines };
}

export interface BookFile {
  book: SimBook;
  /** What happened when loading, for the log (null: loaded or new). */
  issue: string | null;
  /** Writes now whatever is pending (on close). */
  flush(): void;
}

export function openBookFile(path: string, now: () => number = Date.now): BookFile {
  const logPath = `${path}.log`;
  let issue: string | null = null;
  let state: BookState = { orders: [], ledger: [], txnSeq: 0 };
  if (existsSync(path)) {
    try {
      state = stateSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) as BookState;
    } catch (err) {
      const kept = `${path}.unreadable-${now()}`;
      renameSync(path, kept);
      // The log only makes sense on top of the file it followed.
      if (existsSync(logPath)) renameSync(logPath, `${kept}.log`);
      issue = `the sandbox gateway's books could not be read (${err instanceof Error ? err.message.slice(0, 200) : 'bad file'}); kept as ${kept}, starting with empty books`;
    }
  }
  if (existsSync(logPath)) {
    const replayed = replay(state, readFileSync(logPath, 'utf8'));
    state = replayed.state;
    // The merged books are written whole first; only then is the log emptied (a crash in between
    // replays the same lines again onto books that already have them, to the same result).
    if (replayed.lines > 0) writeFileAtomic(path, JSON.stringify({ version: 1, ...state }));
    truncateSync(logPath);
  }
  if (!existsSync(path)) writeFileAtomic(path, JSON.stringify({ version: 1, ...state }));
  let pending = false;
  const changed = new Set<SimOrder>();
  let savedLedger = state.ledger.length;
  const save = () => {
    pending = false;
    const ledger = book.ledgerFrom(savedLedger).map((e, k) => ({ i: savedLedger + k, e }));
    const line = { orders: [...changed].map((o) => ({ ...o })), ledger, txnSeq: book.txnSeq };
    changed.clear();
    savedLedger += ledger.length;
    appendFileSync(logPath, `${JSON.stringify(line)}\n`);
  };
  const book: SimBook = new SimBook({
    state,
    onChange: (order) => {
      if (order) changed.add(order);
      if (pending) return;
      pending = true;
      // Orders are completed in place right after they are added: save once the tick is over.
      queueMicrotask(save);
    },
  });
  return {
    book,
    issue,
    flush: () => {
      if (pending) save();
    },
  };
}
