// The sandbox gateway's books on disk: each tick appends only what it changed, so every sale writes
// the same number of bytes however many came before (they were rewritten whole after each payment);
// a restart replays the log onto the file, ignores a line a crash cut short, and writes the books whole.
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openBookFile } from '../../../electron/core/simulator/book-file.ts';
import type { SimBook, SimOrder } from '../../../electron/core/simulator/ledger.ts';
import { simOrder } from '../../support/sim-order.ts';

const dir = mkdtempSync(join(tmpdir(), 'sim-books-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function order(n: number): SimOrder {
  return simOrder(`2026120700000${String(n).padStart(9, '0')}T1`, {
    amountCents: 1000 + (n % 10),
    createdAt: 1_700_000_000_000,
  });
}

/** One sale as the simulator makes it: the order added, then paid in a later tick. */
async function sale(book: SimBook, n: number): Promise<void> {
  const o = book.add(order(n));
  await Promise.resolve();
  book.markPaid(o, 1_700_000_000_000 + n);
  await Promise.resolve();
}

const size = (p: string) => statSync(p).size;

describe('sandbox books on disk', () => {
  it('writes as many bytes for the 2,000th sale as for the 10th, and a restart finds every sale', async () => {
    const path = join(dir, 'sandbox-gateway.json');
    const file = openBookFile(path);
    const log = `${path}.log`;
    const bytesOf = async (from: number, count: number) => {
      const before = size(log);
      for (let n = from; n < from + count; n++) await sale(file.book, n);
      return size(log) - before;
    };
    await sale(file.book, 0);
    const early = await bytesOf(1, 50);
    for (let n = 51; n < 2_000; n++) await sale(file.book, n);
    const late = await bytesOf(2_000, 50);
    // Only the digits of the growing ledger index differ; a whole rewrite would be ~40× more by now.
    assert.ok(late < early * 1.02, `bytes per 50 sales: ${early} early, ${late} after 2,000`);
    file.flush();

    const reopened = openBookFile(path);
    assert.equal(reopened.issue, null);
    assert.equal(reopened.book.all().length, 2_050);
    assert.equal(reopened.book.ledger().chargedCents, file.book.ledger().chargedCents);
    assert.equal(reopened.book.txnSeq, 2_050);
    // Written whole at start, the log emptied.
    assert.equal(size(log), 0);
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).orders.length, 2_050);
  });

  it('ignores a last line a crash cut short and keeps everything before it', async () => {
    const path = join(dir, 'torn.json');
    const file = openBookFile(path);
    for (let n = 0; n < 5; n++) await sale(file.book, n);
    appendFileSync(`${path}.log`, '{"orders":[{"orderId":"20261207');
    const reopened = openBookFile(path);
    assert.equal(reopened.issue, null);
    assert.equal(reopened.book.all().length, 5);
    assert.ok(reopened.book.all().every((o) => o.status === 'success'));
    assert.equal(reopened.book.ledger().entries.length, 5);
  });

  it('replays a log twice to the same books (a crash between writing them whole and emptying the log)', async () => {
    const path = join(dir, 'twice.json');
    const file = openBookFile(path);
    for (let n = 0; n < 3; n++) await sale(file.book, n);
    const logText = readFileSync(`${path}.log`, 'utf8');
    openBookFile(path);
    appendFileSync(`${path}.log`, logText);
    const again = openBookFile(path);
    assert.equal(again.book.all().length, 3);
    assert.equal(again.book.ledger().entries.length, 3);
  });
});
