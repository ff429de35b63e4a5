// The sandbox gateway's books in the till's data folder, so a restarted till still finds its earlier
// sandbox orders: refunds of them work and reconciliation shows no false "no such order". Saved whole
// (write to a temporary file, then rename) once per tick in which the book changed. A file that does
// not parse is set aside (renamed, never deleted) and the simulator starts with empty books.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ORDER_STATUSES } from '../gateway/schemas.ts';
import { type BookState, SimBook } from './ledger.ts';
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

const stateSchema = z.object({
  version: z.literal(1),
  orders: z.array(orderSchema),
  ledger: z.array(
    z.object({
      type: z.enum(['charge', 'refund']),
      orderId: z.string(),
      merchantId: z.string(),
      originalOrderId: text,
      wallet,
      amountCents: cents,
      at: z.number(),
    }),
  ),
  txnSeq: z.number().int().min(0),
});

export interface BookFile {
  book: SimBook;
  /** What happened when loading, for the log (null: loaded or new). */
  issue: string | null;
  /** Writes now whatever is pending (on close). */
  flush(): void;
}

export function openBookFile(path: string, now: () => number = Date.now): BookFile {
  let issue: string | null = null;
  let state: BookState | undefined;
  if (existsSync(path)) {
    try {
      state = stateSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) as BookState;
    } catch (err) {
      const kept = `${path}.unreadable-${now()}`;
      renameSync(path, kept);
      issue = `the sandbox gateway's books could not be read (${err instanceof Error ? err.message.slice(0, 200) : 'bad file'}); kept as ${kept}, starting with empty books`;
    }
  }
  let pending = false;
  const save = () => {
    pending = false;
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, ...book.state() }));
    renameSync(tmp, path);
  };
  const book: SimBook = new SimBook({
    ...(state ? { state } : {}),
    onChange: () => {
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
