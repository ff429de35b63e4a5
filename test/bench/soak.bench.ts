// `npm run bench -- soak [--sales N]`: a business week in an hour. N sales (default 50,000) through the
// browser shell's command API on loopback, with a till stream and a customer stream connected as the
// pages' SSE streams: active sales paid on the simulator's wallet page, passive sales with wallet codes,
// the 91–98 scenarios, cancels, partial refunds, receipts to a loopback network printer, and the sync
// agent shipping the journal to a PostgreSQL started for the run (soak-central.ts). Per window of
// sales (10,000, or a fifth of a shorter run): RSS, heap, open handles, journal and WAL size, the
// gateway books' size, charge→QR p50/p99 (the payActive command) against the raw loopback floor (a
// no-op command over the same HTTP), the customer stream's lag (command sent → QR on the stream), the
// sync lag (journal → central commit) p50/p99 and the server's connections; at the end, every event
// central exactly once.
// The till is a live till, as a shop's: its gateway is an OTTPay simulator this process starts (the
// same one the sandbox embeds, with its books in a file), so its journal is the live one and the sync
// agent ships it as it would in a shop. A sandbox till ships nothing, and stays so: nothing here
// bends that rule (test/integration/store/till-core-sync.test.ts).
// The shell runs in this process so heap and handles can be read; the driver's own share is constant.
// SOAK_DEBUG=1 names every sale slower than 500 ms on stderr.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createTillCore } from '../../electron/core/app/till-core.ts';
import { defaultSettings } from '../../electron/core/config/defaults.ts';
import { createMemorySecretStore } from '../../electron/core/config/secret-store.ts';
import { SETTINGS_FILE, writeSettingsFile } from '../../electron/core/config/settings-store.ts';
import { JOURNAL_FILE } from '../../electron/core/journal/journal-files.ts';
import { createSimulator } from '../../electron/core/simulator/index.ts';
import { createWebShell } from '../../electron/web-shell/server.ts';
import type { AttemptView, CustomerView, TillSnapshot } from '../../shared/domain.ts';
import { startFakeNetworkPrinter } from '../support/fake-network-printer.ts';
import { prng } from '../support/prng.ts';
import { OWNER_PIN } from '../support/sign-in.ts';
import { emitBenchJson, fmt, percentile } from './bench-support.ts';
import { startSoakCentral } from './soak-central.ts';

function flag(name: string, fallback: number): number {
  const i = process.argv.lastIndexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isSafeInteger(v) || v <= 0) throw new Error(`--${name} must be a whole number`);
  return v;
}

const SALES = flag('sales', 50_000);
const WINDOW = SALES >= 50_000 ? 10_000 : Math.max(1, Math.floor(SALES / 5));
const random = prng(flag('seed', 24));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soak-'));
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

// Not secrets: the merchant the bench's own simulator knows, in the shapes OTTPay uses.
const MERCHANT = { merchantId: 'QC00002424', signKey: '24AB24CD24EF2424' };
const BOOK_FILE = 'gateway-books.json';

const printer = await startFakeNetworkPrinter();
const central = await startSoakCentral();
const gateway = await createSimulator({ merchants: [MERCHANT], bookFile: path.join(dir, BOOK_FILE) });
// Settings as the shop left them: its merchant on the gateway, receipts to the network printer, the
// call-back listener on, so the simulator's call-back tells the till at once that the wallet paid (as
// OTTPay does), and the central database with the till's own login.
writeSettingsFile(path.join(dir, SETTINGS_FILE), {
  ...defaultSettings(),
  merchantId: MERCHANT.merchantId,
  operatorId: '0000002424',
  terminalNo: 'T1',
  gatewayUrl: gateway.url,
  storeSync: { ...defaultSettings().storeSync, url: central.tillUrl, storeId: central.storeId },
  receipts: {
    ...defaultSettings().receipts,
    printer: 'network',
    target: printer.target,
    afterPaid: 'customer',
  },
  callback: { enabled: true, bindHost: '127.0.0.1', port: 0, publicUrl: '' },
});
const core = await createTillCore({
  dataDir: dir,
  secrets: createMemorySecretStore({ signKey: MERCHANT.signKey, storePgPassword: central.tillPassword }),
  logger: { write: () => {} },
});
if (core.snapshot().sandbox) throw new Error('the soak till started in sandbox: it would ship nothing');
const shell = await createWebShell({ core, port: 0, rendererDir: path.join(dir, 'no-renderer') });
const simUrl = gateway.url;

function request(
  method: string,
  url: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function command<T>(
  name: string,
  payload: unknown,
): Promise<{ ok: boolean; value?: T; error?: unknown }> {
  const text = await request(
    'POST',
    `http://127.0.0.1:${shell.port}/api/command/${name}`,
    JSON.stringify(payload),
    {
      'Content-Type': 'application/json',
      'X-Till-Token': shell.token,
    },
  );
  return JSON.parse(text) as { ok: boolean; value?: T; error?: unknown };
}

/** An SSE client as a page's EventSource: keeps the newest of each event and wakes waiters. */
function stream(pathname: string) {
  let latest: Record<string, unknown> = {};
  const waiters = new Set<{ name: string; test: (v: unknown) => boolean; resolve: (v: unknown) => void }>();
  const req = http.get(`http://127.0.0.1:${shell.port}${pathname}`, (res) => {
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!name || data === undefined) continue;
        const value = JSON.parse(data) as unknown;
        latest = { ...latest, [name]: value };
        for (const w of waiters)
          if (w.name === name && w.test(value)) {
            waiters.delete(w);
            w.resolve(value);
          }
      }
    });
  });
  return {
    until<T>(name: string, test: (v: T) => boolean): Promise<T> {
      const now = latest[name];
      if (now !== undefined && test(now as T)) return Promise.resolve(now as T);
      return new Promise((resolve) =>
        waiters.add({
          name,
          test: test as (v: unknown) => boolean,
          resolve: resolve as (v: unknown) => void,
        }),
      );
    },
    close: () => req.destroy(),
  };
}

await command('staff.signIn', { pin: OWNER_PIN });
const till = stream(`/api/events?token=${shell.token}`);
const customer = stream('/customer/events');

const FINAL = new Set(['paid', 'failed', 'expired']);
const code = (prefix: string) => `${prefix}${String(Math.floor(random() * 1e16)).padStart(16, '0')}`;
const fileSize = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
const journal = path.join(dir, JOURNAL_FILE);
// A reader of the till's journal (WAL: it never blocks the till's writer) for its newest event.
const journalReader = new Database(journal, { readonly: true });
const journalEvents = () =>
  journalReader.prepare('SELECT count(*) AS n, coalesce(max(seq), 0) AS newest FROM events').get() as {
    n: number;
    newest: number;
  };
let shippedUpTo = 0;

let chargeMs: number[] = [];
let floorMs: number[] = [];
let lagMs: number[] = [];
let paidSinceStart = 0;
type Window = ReturnType<typeof windowRow> & {
  syncP50: number;
  syncP99: number;
  events: number;
  tillConnections: number;
  pgConnections: number;
};
const windows: Window[] = [];

async function activeSale(amountCents: number, outcome: 'pay' | 'cancel'): Promise<void> {
  await command('sale.new', {});
  const sent = performance.now();
  const r = await command<AttemptView>('sale.payActive', { amountCents, tipCents: 0, wallet: 'WECHATPAY' });
  const answered = performance.now();
  if (!r.ok || !r.value) return;
  chargeMs.push(answered - sent);
  const attempt = r.value;
  await customer.until<CustomerView>('customer.view', (v) => v.phase === 'qr' && v.qrPayload !== null);
  lagMs.push(performance.now() - sent);
  if (outcome === 'cancel') {
    await command('sale.cancel', {});
    return;
  }
  await request('POST', `${simUrl}/_sim/orders/${attempt.orderId}/pay`, '{}');
  await till.until<TillSnapshot>(
    'till.snapshot',
    (s) => s.sale?.attempt?.attemptId === attempt.attemptId && s.sale.attempt.state === 'paid',
  );
  paidSinceStart += 1;
  if (random() < 0.05)
    await command('refund.create', {
      attemptId: attempt.attemptId,
      amountCents: Math.max(1, Math.floor(amountCents / 3)),
      pin: OWNER_PIN,
    });
}

async function passiveSale(amountCents: number): Promise<void> {
  await command('sale.new', {});
  const begun = await command('sale.payPassive', { amountCents, tipCents: 0 });
  if (!begun.ok) return;
  const r = await command<AttemptView>('sale.submitScan', { code: code('13'), source: 'manual' });
  if (!r.ok || !r.value) return;
  const attempt = r.value;
  if (FINAL.has(attempt.state)) {
    if (attempt.state === 'paid') paidSinceStart += 1;
    return;
  }
  // Unknown or processing: the cashier sets it aside; the till resolves it in the background.
  await command('sale.setAside', {});
}

/** The raw floor: a command that does nothing but answer, over the same loopback HTTP. */
async function floor(): Promise<void> {
  const t = performance.now();
  await command('sale.draft', { amountCents: 0, tipCents: 0 });
  floorMs.push(performance.now() - t);
}

/** Waits until the sync agent says it shipped the journal's newest event (as the till's screen hears it). */
async function caughtUp(): Promise<number> {
  const { newest } = journalEvents();
  await till.until<TillSnapshot>('till.snapshot', (s) => s.storeSync.lastShippedSeq >= newest);
  return newest;
}

async function measure(sales: number, wallStart: number): Promise<void> {
  const salesPerS = WINDOW / ((performance.now() - wallStart) / 1000);
  // The window's events all central first: their lags are then complete (read from the server's
  // commit times, so the wait itself adds nothing to them).
  const newest = await caughtUp();
  const syncMs = await central.lags(shippedUpTo, newest);
  shippedUpTo = newest;
  const row = {
    ...windowRow(sales, salesPerS),
    syncP50: percentile(syncMs, 50),
    syncP99: percentile(syncMs, 99),
    events: newest,
    tillConnections: await central.tillConnections(),
    pgConnections: await central.allConnections(),
  };
  windows.push(row);
  console.log(
    `after ${sales} sales: rss ${fmt(row.rssMiB)} MiB, heap ${fmt(row.heapMiB)} MiB, handles ${row.handles} (${row.handleKinds}), ` +
      `streams ${row.openStreams}, journal ${fmt(row.journalMiB)} MiB + WAL ${fmt(row.walMiB)} MiB, books ${fmt(row.booksMiB)} MiB; ` +
      `charge→QR p50 ${fmt(row.chargeP50)} p99 ${fmt(row.chargeP99)} ms (floor p50 ${fmt(row.floorP50)} p99 ${fmt(row.floorP99)} ms); ` +
      `customer stream QR lag p50 ${fmt(row.lagP50)} p99 ${fmt(row.lagP99)} ms; ${fmt(row.salesPerS)} sales/s; ${row.receipts} receipts; ` +
      `sync lag p50 ${fmt(row.syncP50)} p99 ${fmt(row.syncP99)} ms over ${syncMs.length} events, ` +
      `${row.events} events, pg connections: till ${row.tillConnections}, all ${row.pgConnections}`,
  );
  chargeMs = [];
  floorMs = [];
  lagMs = [];
}

function countKinds(kinds: string[]): string {
  const n = new Map<string, number>();
  for (const k of kinds) n.set(k, (n.get(k) ?? 0) + 1);
  return [...n].map(([k, v]) => `${k}×${v}`).join(' ');
}

function windowRow(sales: number, salesPerS: number) {
  // With --expose-gc the heap is read after a full collection: growth, not garbage not yet collected.
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return {
    sales,
    rssMiB: m.rss / 2 ** 20,
    heapMiB: m.heapUsed / 2 ** 20,
    handles: process.getActiveResourcesInfo().length,
    handleKinds: countKinds(process.getActiveResourcesInfo()),
    openStreams: shell.openStreams,
    journalMiB: fileSize(journal) / 2 ** 20,
    walMiB: fileSize(`${journal}-wal`) / 2 ** 20,
    booksMiB: (fileSize(path.join(dir, BOOK_FILE)) + fileSize(path.join(dir, `${BOOK_FILE}.log`))) / 2 ** 20,
    chargeP50: percentile(chargeMs, 50),
    chargeP99: percentile(chargeMs, 99),
    floorP50: percentile(floorMs, 50),
    floorP99: percentile(floorMs, 99),
    lagP50: percentile(lagMs, 50),
    lagP99: percentile(lagMs, 99),
    salesPerS,
    receipts: printer.jobs.length,
  };
}

console.log(
  `soak: ${SALES} sales, a line every ${WINDOW} (machine: ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)})`,
);
let wallStart = performance.now();
try {
  for (let i = 1; i <= SALES; i++) {
    const dice = random();
    const dollars = 100 * (1 + Math.floor(random() * 60));
    const t0 = performance.now();
    // 1% the 91–98 scenarios (95 waits out the gateway's timeout), 5% cancels, 45% active, 49% passive.
    const amount =
      dice < 0.01 ? dollars + 91 + Math.floor(random() * 8) : dollars + Math.floor(random() * 90);
    if (dice < 0.01) await passiveSale(amount);
    else if (dice < 0.06) await activeSale(dollars, 'cancel');
    else if (dice < 0.55) await activeSale(dollars, 'pay');
    else await passiveSale(amount);
    if (process.env.SOAK_DEBUG && performance.now() - t0 > 500)
      console.error(
        `sale ${i} (${dice < 0.01 ? 'scenario' : dice < 0.55 ? 'active' : 'passive'} ${amount}) took ${fmt(performance.now() - t0)} ms`,
      );
    if (i % 10 === 0) await floor();
    if (i % WINDOW === 0) {
      await measure(i, wallStart);
      wallStart = performance.now();
    }
  }
  // Every event central exactly once: as many rows as the journal's events, no sequence twice.
  await caughtUp();
  const local = journalEvents();
  const shipped = await central.counts();
  const once = shipped.rows === local.n && shipped.distinct === local.n && shipped.maxSeq === local.newest;
  console.log(
    `central events ${shipped.rows} (distinct ${shipped.distinct}, newest ${shipped.maxSeq}) vs journal ${local.n} (newest ${local.newest}): ${once ? 'each exactly once' : 'MISMATCH'}`,
  );
  const first = windows[0];
  const last = windows[windows.length - 1];
  if (first && last) {
    console.log(
      `soak drift (last window vs first): rss ${fmt(last.rssMiB - first.rssMiB)} MiB, heap ${fmt(last.heapMiB - first.heapMiB)} MiB, ` +
        `handles ${last.handles - first.handles}, charge→QR p99 ${fmt(last.chargeP99 / first.chargeP99)}×, ` +
        `sync lag p99 ${fmt(last.syncP99 / first.syncP99)}×, pg connections ${last.pgConnections - first.pgConnections}, ` +
        `throughput ${fmt(last.salesPerS / first.salesPerS)}× (paid ${paidSinceStart})`,
    );
    emitBenchJson('soak', {
      sales: SALES,
      window: WINDOW,
      windows,
      paid: paidSinceStart,
      centralEvents: shipped.rows,
      journalEvents: local.n,
    });
  }
  if (!once) throw new Error('the central store does not hold every journal event exactly once');
} finally {
  till.close();
  customer.close();
  await shell.close();
  await core.close();
  await printer.close();
  await gateway.close();
  journalReader.close();
  await central.close();
  agent.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
