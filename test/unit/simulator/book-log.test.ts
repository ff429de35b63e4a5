// The sandbox gateway's books on disk: a SQLite file that a restart finds whole (orders, ledger, the
// wallet-txn counter), with only the payable orders and the last few hundred touched held in memory;
// JSON books of an older till imported once, by the rules that till read them with; a file that is
// not books set aside, never deleted.
import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openBookFile } from '../../../electron/core/simulator/book-file.ts';
import { BOOKS_SCHEMA } from '../../../electron/core/simulator/book-store.ts';
import {
  DEFAULT_CACHED_ORDERS,
  type LedgerEntry,
  type SimBook,
  type SimOrder,
} from '../../../electron/core/simulator/ledger.ts';
import { simOrder } from '../../support/sim-order.ts';

const root = mkdtempSync(join(tmpdir(), 'sim-books-'));
after(() => rmSync(root, { recursive: true, force: true }));
const newDir = () => mkdtempSync(join(root, 'd-'));

const T0 = 1_700_000_000_000;
const idOf = (n: number) => `2026120700000${String(n).padStart(9, '0')}T1`;

function order(n: number, fields: Partial<SimOrder> = {}): SimOrder {
  return simOrder(idOf(n), { amountCents: 1000 + (n % 10), createdAt: T0, ...fields });
}

/** One sale as the simulator makes it: the order added, then paid in a later tick. */
async function sale(book: SimBook, n: number): Promise<SimOrder> {
  const o = book.add(order(n));
  await Promise.resolve();
  book.markPaid(o, T0 + n);
  await Promise.resolve();
  return o;
}

function refundOf(original: SimOrder, n: number, amountCents: number): SimOrder {
  return simOrder(`R${n}`, {
    kind: 'refund',
    mode: null,
    amountCents,
    status: 'success',
    originalOrderId: original.orderId,
    merchantId: original.merchantId,
  });
}

describe('sandbox books in SQLite', () => {
  it('a restart finds every order, the ledger and the wallet-txn counter', async () => {
    const path = join(newDir(), 'books.sqlite');
    const first = openBookFile(path);
    for (let n = 0; n < 2_050; n++) await sale(first.book, n);
    const ledger = first.book.ledger();
    first.book.close();

    const reopened = openBookFile(path);
    assert.deepEqual(reopened.notes, []);
    assert.equal(reopened.book.all().length, 2_050);
    assert.deepEqual(reopened.book.ledger(), ledger);
    assert.equal(ledger.entries.length, 2_050);
    assert.equal(reopened.book.txnSeq, 2_050);
    // Nothing is read into memory to open the books.
    assert.equal(reopened.book.cachedOrders, 0);
    const o = reopened.book.get(idOf(7));
    assert.equal(o?.status, 'success');
    assert.match(o?.walletTxnId ?? '', /000008$/);
    // The next payment continues the counter rather than reusing a wallet transaction id.
    const next = reopened.book.add(order(9_999));
    reopened.book.markPaid(next, T0);
    assert.match(next.walletTxnId ?? '', /002051$/);
    reopened.book.close();
  });

  it('refunds an order paid before the restart, and the refund is there after the next one', async () => {
    const path = join(newDir(), 'books.sqlite');
    const first = openBookFile(path);
    await sale(first.book, 1);
    first.book.close();

    const second = openBookFile(path);
    const original = second.book.getFor('M1', idOf(1));
    assert.ok(original);
    assert.equal(second.book.getFor('M2', idOf(1)), undefined, "another merchant's order does not exist");
    second.book.refund(original, refundOf(original, 1, 400), T0 + 5);
    second.book.close();

    const third = openBookFile(path);
    const after = third.book.get(idOf(1));
    assert.equal(after?.status, 'partial_refunded');
    assert.equal(after?.refundedCents, 400);
    assert.equal(third.book.get('R1')?.originalOrderId, idOf(1));
    const ledger = third.book.ledger();
    assert.deepEqual(
      ledger.entries.map((e) => [e.type, e.orderId, e.amountCents]),
      [
        ['charge', idOf(1), 1001],
        ['refund', 'R1', 400],
      ],
    );
    assert.equal(ledger.netCents, 601);
    third.book.close();
  });

  it("finds an active order by its wallet page's token after a restart, as the same object as by id", async () => {
    const path = join(newDir(), 'books.sqlite');
    const first = openBookFile(path);
    first.book.add(order(1, { walletToken: 'abc123', status: 'init' }));
    first.book.close();

    const second = openBookFile(path);
    const byToken = second.book.byToken('abc123');
    assert.ok(byToken);
    assert.equal(second.book.get(idOf(1)), byToken);
    assert.equal(second.book.byToken('fff000'), undefined);
    assert.ok(second.book.markPaid(byToken, T0 + 9));
    await Promise.resolve();
    second.book.close();
    const third = openBookFile(path);
    assert.equal(third.book.byToken('abc123')?.status, 'success');
    third.book.close();
  });

  it('holds a bounded number of orders in memory after 5,000 sales; a payable order stays the one object', async () => {
    const path = join(newDir(), 'books.sqlite');
    const { book } = openBookFile(path);
    const waiting = book.add(order(0, { mode: 'passive' }));
    await Promise.resolve();
    book.markSeen(waiting);
    for (let n = 1; n <= 5_000; n++) {
      await sale(book, n);
      if (n % 10 === 0) book.markUnpaid(book.add(order(100_000 + n)), 'orderclosed');
    }
    await Promise.resolve();
    assert.ok(
      book.cachedOrders <= DEFAULT_CACHED_ORDERS + 1,
      `${book.cachedOrders} orders in memory after 5,500`,
    );
    assert.equal(book.all().length, 5_501);
    // The payable order was never let go of: the engine's timers hold this very object.
    assert.equal(book.get(idOf(0)), waiting);
    assert.ok(book.markPaid(waiting, T0));
    await Promise.resolve();
    book.close();
    const again = openBookFile(path);
    assert.equal(again.book.get(idOf(0))?.status, 'success');
    assert.equal(again.book.ledger().entries.length, 5_001);
    again.book.close();
  });

  it('hands out the object still held somewhere, not a second copy, after it left the cache', async () => {
    const path = join(newDir(), 'books.sqlite');
    const { book } = openBookFile(path, { cacheSize: 10 });
    const held = await sale(book, 1);
    for (let n = 2; n < 50; n++) await sale(book, n);
    assert.ok(book.cachedOrders <= 10);
    assert.equal(book.get(idOf(1)), held);
    assert.equal(
      book.all().find((o) => o.orderId === idOf(1)),
      held,
    );
    book.refund(held, refundOf(held, 1, 1001), T0);
    await Promise.resolve();
    assert.equal(held.status, 'fully_refunded');
    book.close();
  });

  it('sets aside a books file that is not SQLite and starts with empty books', () => {
    const dir = newDir();
    const path = join(dir, 'books.sqlite');
    writeFileSync(path, 'this is not a database, it is a note about one');
    const opened = openBookFile(path, { now: () => 42 });
    assert.equal(opened.book.all().length, 0);
    assert.equal(opened.notes.length, 1);
    assert.match(
      opened.notes[0] ?? '',
      /could not be read .*kept as .*books\.sqlite\.unreadable-42, starting with empty books/,
    );
    assert.ok(existsSync(join(dir, 'books.sqlite.unreadable-42')), 'kept, never deleted');
    opened.book.add(order(1));
    opened.book.close();
    assert.equal(openBookFile(path).book.get(idOf(1))?.orderId, idOf(1));
  });

  it('a write that fails loses nothing: the order stays in memory and is written with the next change', async () => {
    const path = join(newDir(), 'books.sqlite');
    const errors: unknown[] = [];
    const { book } = openBookFile(path, { busyTimeoutMs: 0, onWriteError: (err) => errors.push(err) });
    await sale(book, 1);
    // Another holder of the file's write lock: the next tick's write is refused (SQLITE_BUSY).
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const second = book.add(order(2));
    book.markPaid(second, T0 + 2);
    await Promise.resolve();
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /locked|busy/i);
    assert.equal(book.get(idOf(2)), second, 'still there, the same object');
    other.exec('ROLLBACK');
    other.close();
    // A change to another order: the tick that failed is written with it.
    book.add(order(3));
    await Promise.resolve();
    assert.equal(errors.length, 1);
    book.close();
    const reopened = openBookFile(path);
    assert.equal(reopened.book.get(idOf(2))?.status, 'success');
    assert.equal(reopened.book.get(idOf(3))?.status, 'init');
    assert.deepEqual(
      reopened.book.ledger().entries.map((e) => e.orderId),
      [idOf(1), idOf(2)],
    );
    assert.equal(reopened.book.txnSeq, 2);
    reopened.book.close();
  });

  it('sets aside books written by a newer till rather than guess at them', () => {
    const dir = newDir();
    const path = join(dir, 'books.sqlite');
    const newer = new Database(path);
    newer.pragma(`user_version = ${BOOKS_SCHEMA + 1}`);
    newer.close();
    const opened = openBookFile(path, { now: () => 7 });
    assert.match(opened.notes[0] ?? '', /written by a newer till .*kept as .*unreadable-7/);
    assert.ok(existsSync(join(dir, 'books.sqlite.unreadable-7')));
    opened.book.close();
  });

  it('keeps the books in memory for this run when the file cannot be opened, and sets nothing aside', async () => {
    const dir = newDir();
    const path = join(dir, 'books.sqlite');
    mkdirSync(path);
    const opened = openBookFile(path);
    assert.match(opened.notes[0] ?? '', /could not be opened .* in memory only/);
    const o = await sale(opened.book, 1);
    assert.equal(opened.book.get(idOf(1)), o);
    assert.equal(opened.book.ledger().chargedCents, 1001);
    assert.deepEqual(readdirSync(dir), ['books.sqlite']);
    opened.book.close();
  });
});

// ---- JSON books as today's main writes them (the format is spelled out here, not imported) ----

/** The books file of an older till: {version: 1, orders, ledger, txnSeq}. */
function writeJsonBooks(path: string, orders: SimOrder[], ledger: LedgerEntry[], txnSeq: number): void {
  writeFileSync(path, JSON.stringify({ version: 1, orders, ledger, txnSeq }));
}

/** One line of its log: the orders a tick changed, its ledger entries at their index, the counter. */
function logLine(orders: SimOrder[], entries: Array<[number, LedgerEntry]>, txnSeq: number): string {
  return `${JSON.stringify({ orders, ledger: entries.map(([i, e]) => ({ i, e })), txnSeq })}\n`;
}

const charge = (o: SimOrder, at: number): LedgerEntry => ({
  type: 'charge',
  orderId: o.orderId,
  merchantId: o.merchantId,
  originalOrderId: null,
  wallet: o.wallet,
  amountCents: o.amountCents + o.tipCents,
  at,
});

/** Two paid orders in the file; the log pays a third, refunds the first, then a line a crash cut short. */
function oldTillBooks(dir: string): { json: string; log: string } {
  const json = join(dir, 'sandbox-gateway.json');
  const a = order(1, { status: 'success', paidAt: T0, walletTxnId: 'W1' });
  const b = order(2, { status: 'success', paidAt: T0, walletTxnId: 'W2' });
  writeJsonBooks(json, [a, b], [charge(a, T0), charge(b, T0)], 2);
  const c = order(3, { status: 'init', walletToken: 'feed01' });
  const cPaid = { ...c, status: 'success' as const, paidAt: T0 + 3, walletTxnId: 'W3' };
  const aRefunded = { ...a, status: 'partial_refunded' as const, refundedCents: 300 };
  const r = refundOf(a, 1, 300);
  const refundEntry: LedgerEntry = {
    type: 'refund',
    orderId: 'R1',
    merchantId: 'M1',
    originalOrderId: a.orderId,
    wallet: a.wallet,
    amountCents: 300,
    at: T0 + 4,
  };
  const log = `${json}.log`;
  writeFileSync(
    log,
    logLine([c], [], 2) +
      logLine([cPaid], [[2, charge(cPaid, T0 + 3)]], 3) +
      logLine([aRefunded, r], [[3, refundEntry]], 3) +
      '{"orders":[{"orderId":"2026120700000000000009T1","merchantId":"M1","kin',
  );
  return { json, log };
}

describe('JSON books of an older till', () => {
  it('are imported once, the log replayed up to the line a crash cut short, then renamed aside', () => {
    const dir = newDir();
    const { json, log } = oldTillBooks(dir);
    const path = join(dir, 'sandbox-gateway.sqlite');
    const opened = openBookFile(path, { legacyPath: json, now: () => 77 });
    assert.equal(opened.notes.length, 1);
    assert.match(opened.notes[0] ?? '', /imported .* 4 orders and 4 ledger entries new/);
    const { book } = opened;
    assert.deepEqual(
      book.all().map((o) => [o.orderId, o.status]),
      [
        [idOf(1), 'partial_refunded'],
        [idOf(2), 'success'],
        [idOf(3), 'success'],
        ['R1', 'success'],
      ],
    );
    assert.equal(book.get(idOf(9)), undefined, 'the cut-short line is not imported');
    assert.equal(book.byToken('feed01')?.orderId, idOf(3));
    const ledger = book.ledger();
    assert.deepEqual(
      ledger.entries.map((e) => [e.type, e.orderId]),
      [
        ['charge', idOf(1)],
        ['charge', idOf(2)],
        ['charge', idOf(3)],
        ['refund', 'R1'],
      ],
    );
    assert.equal(ledger.netCents, 1001 + 1002 + 1003 - 300);
    assert.equal(book.txnSeq, 3);
    book.close();
    assert.ok(!existsSync(json) && !existsSync(log));
    assert.deepEqual(
      readdirSync(dir)
        .filter((f) => f.includes('.imported-'))
        .sort(),
      ['sandbox-gateway.json.imported-77', 'sandbox-gateway.json.log.imported-77'],
    );

    const again = openBookFile(path, { legacyPath: json });
    assert.deepEqual(again.notes, [], 'nothing to import the second time');
    assert.equal(again.book.all().length, 4);
    again.book.close();
  });

  it('imported again after a crash between the commit and the renames: nothing doubled, nothing undone', async () => {
    const dir = newDir();
    const { json, log } = oldTillBooks(dir);
    copyFileSync(json, join(dir, 'json.copy'));
    copyFileSync(log, join(dir, 'log.copy'));
    const path = join(dir, 'sandbox-gateway.sqlite');
    const first = openBookFile(path, { legacyPath: json });
    // The till ran on after the import: the second order was refunded in full.
    const b = first.book.get(idOf(2));
    assert.ok(b);
    first.book.refund(b, refundOf(b, 2, 1002), T0 + 9);
    first.book.close();
    // As if the renames had never happened.
    copyFileSync(join(dir, 'json.copy'), json);
    copyFileSync(join(dir, 'log.copy'), log);

    const second = openBookFile(path, { legacyPath: json });
    assert.match(second.notes[0] ?? '', /0 orders and 0 ledger entries new of 4 and 4/);
    assert.equal(second.book.all().length, 5);
    assert.equal(
      second.book.get(idOf(2))?.status,
      'fully_refunded',
      'the import does not undo a later refund',
    );
    assert.equal(second.book.ledger().entries.length, 5);
    assert.equal(second.book.ledger().netCents, 1001 + 1003 - 300);
    assert.equal(second.book.txnSeq, 3);
    second.book.close();
  });

  it('a JSON file that does not parse is set aside with its log and the books start empty', () => {
    const dir = newDir();
    const json = join(dir, 'sandbox-gateway.json');
    writeFileSync(json, '{"version":1,"orders":[{"orderId":');
    writeFileSync(`${json}.log`, logLine([order(5)], [], 0));
    const opened = openBookFile(join(dir, 'sandbox-gateway.sqlite'), { legacyPath: json, now: () => 5 });
    assert.match(opened.notes[0] ?? '', /could not be read .* starting with empty books/);
    assert.equal(opened.book.all().length, 0);
    assert.ok(existsSync(`${json}.unreadable-5`));
    assert.ok(existsSync(`${json}.unreadable-5.log`));
    assert.ok(!existsSync(json));
    opened.book.close();
  });

  it('a log without its file is replayed onto empty books', () => {
    const dir = newDir();
    const json = join(dir, 'sandbox-gateway.json');
    writeFileSync(`${json}.log`, logLine([order(5)], [], 0) + logLine([order(6)], [], 0));
    const opened = openBookFile(join(dir, 'sandbox-gateway.sqlite'), { legacyPath: json });
    assert.deepEqual(
      opened.book.all().map((o) => o.orderId),
      [idOf(5), idOf(6)],
    );
    assert.ok(!existsSync(`${json}.log`));
    opened.book.close();
  });
});
