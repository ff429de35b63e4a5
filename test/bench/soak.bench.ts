// `npm run bench -- soak [--sales N] [--seed S] [--window N]`: a business week in an hour. N sales (default 50,000)
// through the browser shell's command API on loopback, with a till stream and a customer stream
// connected as the pages' SSE streams, and the sync agent shipping the journal to PostgreSQL
// (soak-rig.ts: the mix of sales and what runs around them). Per window of sales (10,000, or a fifth
// of a shorter run): RSS, heap, open handles, journal and WAL size, the gateway books' size, charge→QR
// p50/p99 (the payActive command) against the raw loopback floor (a no-op command over the same HTTP),
// the customer stream's lag (command sent → QR on the stream), the sync lag (journal → central commit)
// p50/p99 and the server's connections; then the drift of the last window against the first, and
// every event central exactly once (a mismatch fails the run).
// SOAK_DEBUG=1 names every sale slower than 500 ms on stderr.
import os from 'node:os';
import { emitBenchJson, fmt } from './bench-support.ts';
import { startSoakRig, type WindowFigures } from './soak-rig.ts';

function flag(name: string, fallback: number): number {
  const i = process.argv.lastIndexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(v) || v <= 0) throw new Error(`--${name} must be a whole number`);
  return v;
}

const SALES = flag('sales', 50_000);
// `--window N`: a line every N sales (default 10,000, or a fifth of a shorter run).
const WINDOW = process.argv.includes('--window')
  ? flag('window', 1)
  : SALES >= 50_000
    ? 10_000
    : Math.max(1, Math.floor(SALES / 5));
const rig = await startSoakRig(flag('seed', 24));
// Stopped by hand (Ctrl-C, a timeout's SIGTERM): the sale under way ends, the figures so far are
// printed, and the rig still stops its PostgreSQL and removes its folder.
let stopped: string | null = null;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    stopped = signal;
    console.error(`soak: ${signal}, stopping after this sale`);
  });
const windows: WindowFigures[] = [];

function print(row: WindowFigures): void {
  console.log(
    `after ${row.sales} sales: rss ${fmt(row.rssMiB)} MiB, heap ${fmt(row.heapMiB)} MiB (of ${fmt(row.heapTotalMiB)}), external ${fmt(row.externalMiB)} MiB, rest ${fmt(row.nativeMiB)} MiB, handles ${row.handles} (${row.handleKinds}), ` +
      `streams ${row.openStreams}, journal ${fmt(row.journalMiB)} MiB + WAL ${fmt(row.walMiB)} MiB, books ${fmt(row.booksMiB)} MiB; ` +
      `charge→QR p50 ${fmt(row.chargeP50)} p99 ${fmt(row.chargeP99)} ms (floor p50 ${fmt(row.floorP50)} p99 ${fmt(row.floorP99)} ms); ` +
      `customer stream QR lag p50 ${fmt(row.lagP50)} p99 ${fmt(row.lagP99)} ms; ${fmt(row.salesPerS)} sales/s; ${row.receipts} receipts; ` +
      `sync lag p50 ${fmt(row.syncP50)} p99 ${fmt(row.syncP99)} ms over ${row.syncEvents} events (${row.events} in all; floor: one INSERT p50 ${fmt(row.pgFloorP50)} p99 ${fmt(row.pgFloorP99)} ms); ` +
      `pg connections: till ${row.tillConnections}, all ${row.pgConnections}, sessions since start ${row.pgSessions}; ` +
      `cpu ${fmt(row.cpuMsPerSale)} ms/sale, load ${fmt(row.load)}; buffers ${fmt(row.arrayBuffersMiB)} MiB, rss anon ${fmt(row.anonMiB)} file ${fmt(row.fileMiB)} MiB, journal connections ${row.journalConnections}`,
  );
}

console.log(
  `soak: ${SALES} sales, a line every ${WINDOW} (machine: ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)})`,
);
let wallStart = performance.now();
try {
  for (let i = 1; i <= SALES && stopped === null; i++) {
    const t0 = performance.now();
    const { kind, amount } = await rig.sale();
    if (process.env.SOAK_DEBUG && performance.now() - t0 > 500)
      console.error(`sale ${i} (${kind} ${amount}) took ${fmt(performance.now() - t0)} ms`);
    if (i % 10 === 0) await rig.floor();
    if (i % WINDOW === 0) {
      const salesPerS = WINDOW / ((performance.now() - wallStart) / 1000);
      const row = await rig.window(i, salesPerS);
      windows.push(row);
      print(row);
      wallStart = performance.now();
    }
  }
  const check = await rig.exactlyOnce();
  console.log(
    `central events ${check.central.rows} (distinct ${check.central.distinct}, newest ${check.central.maxSeq}) vs journal ${check.journal.n} (newest ${check.journal.newest}): ${check.once ? 'each exactly once' : 'MISMATCH'}`,
  );
  const first = windows[0];
  const last = windows[windows.length - 1];
  if (first && last) {
    console.log(
      `soak drift (last window vs first): rss ${fmt(last.rssMiB - first.rssMiB)} MiB, heap ${fmt(last.heapMiB - first.heapMiB)} MiB, ` +
        `external ${fmt(last.externalMiB - first.externalMiB)} MiB, rest ${fmt(last.nativeMiB - first.nativeMiB)} MiB, ` +
        `handles ${last.handles - first.handles}, charge→QR p99 ${fmt(last.chargeP99 / first.chargeP99)}×, ` +
        `sync lag p99 ${fmt(last.syncP99 / first.syncP99)}×, pg connections ${last.pgConnections - first.pgConnections}, ` +
        `pg sessions ${last.pgSessions - first.pgSessions}, ` +
        `throughput ${fmt(last.salesPerS / first.salesPerS)}× (paid ${rig.paid()})`,
    );
    emitBenchJson('soak', {
      sales: SALES,
      window: WINDOW,
      windows,
      paid: rig.paid(),
      centralEvents: check.central.rows,
      journalEvents: check.journal.n,
    });
  }
  if (stopped !== null) process.exitCode = 130;
  if (!check.once) throw new Error('the central store does not hold every journal event exactly once');
} finally {
  await rig.close();
}
