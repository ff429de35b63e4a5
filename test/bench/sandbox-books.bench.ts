// `npm run bench -- sandbox-books [--sales N]`: the sandbox gateway's books in-process, without HTTP.
// N sales (default 20,000) as the simulator makes them (the order added, paid in a later tick; every
// tenth sale also refunds the sale 1,000 before it, an order long out of memory), with the books in a
// file as the till keeps them. Per fifth of the run: the heap after a full GC against the heap before
// the first sale (the floor), RSS over its own floor (SQLite's page cache is native memory), and the books' size on disk; then how long the books take to open again
// and the heap that costs. SANDBOX_BOOKS_MODULE=path/to/book-file.ts measures another copy of the
// books (an A/B against an older tree), as long as it exports openBookFile(path).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { SimBook, SimOrder } from '../../electron/core/simulator/ledger.ts';
import { simOrder } from '../support/sim-order.ts';
import { fmt } from './bench-support.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const i = process.argv.lastIndexOf('--sales');
const SALES = i >= 0 ? Number(process.argv[i + 1]) : 20_000;
if (!Number.isSafeInteger(SALES) || SALES < 1000) throw new Error('--sales must be a whole number ≥ 1000');
const modulePath = process.env.SANDBOX_BOOKS_MODULE
  ? resolve(process.env.SANDBOX_BOOKS_MODULE)
  : new URL('../../electron/core/simulator/book-file.ts', import.meta.url).pathname;

interface Opened {
  book: SimBook;
  flush?: () => void;
  close?: () => void;
}
const { openBookFile } = (await import(pathToFileURL(modulePath).href)) as {
  openBookFile: (path: string) => Opened;
};

const dir = mkdtempSync(join(tmpdir(), 'sandbox-books-bench-'));
const bookPath = join(dir, 'books');
const mib = (bytes: number) => bytes / 2 ** 20;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
/** Every file of the books (the file, its log or WAL), as the soak counts them. */
const booksBytes = () =>
  readdirSync(dir)
    .filter((f) => f.startsWith('books'))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
/** RSS as the kernel splits it (Linux): anonymous memory, and mapped files such as SQLite's shared index. */
const rssKinds = () => {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    return `anon ${fmt(kb('RssAnon') / 1024)} file ${fmt(kb('RssFile') / 1024)} MiB`;
  } catch {
    return 'rss split n/a';
  }
};
const idOf = (n: number) => `B${String(n).padStart(12, '0')}`;
const tick = () => new Promise<void>((r) => setImmediate(r));

try {
  const floor = heap();
  const rssFloor = process.memoryUsage().rss;
  let first: Opened | null = openBookFile(bookPath);
  const started = performance.now();
  console.log(`sandbox books: ${SALES} sales, module ${relative(process.cwd(), modulePath)}`);
  for (let n = 1; n <= SALES; n++) {
    const order = first.book.add(simOrder(idOf(n), { amountCents: 1000 + (n % 90), createdAt: n }));
    await Promise.resolve();
    first.book.markPaid(order, 1_700_000_000_000 + n);
    if (n % 10 === 0 && n > 1000) {
      const original = first.book.get(idOf(n - 1000)) as SimOrder;
      first.book.refund(
        original,
        simOrder(`R${idOf(n)}`, { kind: 'refund', mode: null, amountCents: 100, status: 'success' }),
        1_700_000_000_000 + n,
      );
    }
    if (n % 100 === 0) await tick();
    if (n % (SALES / 5) === 0) {
      console.log(
        `after ${n} sales: heap +${fmt(mib(heap() - floor))} MiB over the floor (${fmt(mib(floor))} MiB), rss +${fmt(mib(process.memoryUsage().rss - rssFloor))} MiB (V8 heap reserved ${fmt(mib(process.memoryUsage().heapTotal))} MiB; ${rssKinds()}), books ${fmt(mib(booksBytes()))} MiB on disk, ${fmt((performance.now() - started) / n)} ms/sale`,
      );
    }
  }
  await tick();
  if (first.close) first.close();
  else first.flush?.();
  first = null;
  const beforeReopen = heap();
  const t0 = performance.now();
  const second = openBookFile(bookPath);
  const openMs = performance.now() - t0;
  console.log(
    `open again: ${fmt(openMs)} ms, heap +${fmt(mib(heap() - beforeReopen))} MiB for the reopened books; txnSeq ${second.book.txnSeq}`,
  );
  second.close?.();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
