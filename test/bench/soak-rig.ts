// The soak's till and everything around it, started in this process so heap and handles can be read:
// a live till core (its gateway an OTTPay simulator started here, with its books in a file), the
// browser shell with a till stream and a customer stream connected, a loopback network printer, and a
// PostgreSQL the sync agent ships to (soak-central.ts). The till is live as a shop's: the sync agent
// ships its journal as in a shop. A sandbox till ships nothing, and stays so: nothing here bends that
// rule (test/integration/store/till-core-sync.test.ts).
// One call makes one sale of the mix: active (paid on the simulator's wallet page, or cancelled),
// passive with a wallet code, the 91–98 scenarios (set aside when not final), partial refunds.
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
import { percentile } from './bench-support.ts';
import { type CentralCounts, startSoakCentral } from './soak-central.ts';
import { commander, eventStream, request } from './soak-client.ts';

// Not secrets: the merchant the rig's own simulator knows, in the shapes OTTPay uses.
const MERCHANT = { merchantId: 'QC00002424', signKey: '24AB24CD24EF2424' };
const BOOK_FILE = 'gateway-books.sqlite';
const FINAL = new Set(['paid', 'failed', 'expired']);
/** How long the simulator holds a scenario-95 request before dropping it (the till's timeout is 20 s). */
export const SOAK_HOLD_MS = 500;

export type SaleKind = 'scenario' | 'cancel' | 'active' | 'passive';

export interface WindowFigures {
  sales: number;
  rssMiB: number;
  heapMiB: number;
  /** Where RSS grows when the V8 heap does not: the heap's reserve, Buffers, and the rest (native). */
  heapTotalMiB: number;
  externalMiB: number;
  /** The part of external that is Buffers and ArrayBuffers (kept receipts, stream chunks). */
  arrayBuffersMiB: number;
  nativeMiB: number;
  /** RSS as the kernel splits it: anonymous memory and mapped files. */
  anonMiB: number;
  fileMiB: number;
  /** SQLite connections open on the journal in this process (each keeps its own page cache). */
  journalConnections: number;
  handles: number;
  handleKinds: string;
  openStreams: number;
  journalMiB: number;
  walMiB: number;
  booksMiB: number;
  /** Orders the gateway's books hold in memory: flat however many sales (the rest are in the file). */
  gatewayOrdersInMemory: number;
  chargeP50: number;
  chargeP99: number;
  floorP50: number;
  floorP99: number;
  lagP50: number;
  lagP99: number;
  salesPerS: number;
  /** This process's CPU (user + system) per sale in the window: the till, the shell, the rig, the simulator. */
  cpuMsPerSale: number;
  /** The machine's 1-minute load average at the window's end (2 cores shared: figures are noisy). */
  load: number;
  receipts: number;
  /** Journal → central commit of the window's events. */
  syncP50: number;
  syncP99: number;
  syncEvents: number;
  /** One INSERT round trip to the same server, probed beside the floor command. */
  pgFloorP50: number;
  pgFloorP99: number;
  /** The journal's newest event at the window's end (all of them central by then). */
  events: number;
  tillConnections: number;
  pgConnections: number;
  /** Sessions ever opened on the central database: a reconnecting agent makes it grow. */
  pgSessions: number;
}

export interface ExactlyOnce {
  central: CentralCounts;
  journal: { n: number; newest: number };
  /** As many central rows as journal events, none twice, the newest the same. */
  once: boolean;
}

const fileSize = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);

/** RSS split as Linux counts it (anonymous: heaps, malloc, SQLite caches; file: mapped code); 0 elsewhere. */
function rssSplit(): { anonMiB: number; fileMiB: number } {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { anonMiB: kib('RssAnon') / 1024, fileMiB: kib('RssFile') / 1024 };
  } catch {
    return { anonMiB: 0, fileMiB: 0 };
  }
}

/** Open descriptors of this file in this process: one per SQLite connection to it (Linux; 0 elsewhere). */
function openConnections(file: string): number {
  try {
    return fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
      } catch {
        return false;
      }
    }).length;
  } catch {
    return 0;
  }
}

function countKinds(kinds: string[]): string {
  const n = new Map<string, number>();
  for (const k of kinds) n.set(k, (n.get(k) ?? 0) + 1);
  return [...n].map(([k, v]) => `${k}×${v}`).join(' ');
}

export async function startSoakRig(seed: number) {
  const random = prng(seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soak-'));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const closers: Array<() => unknown> = [
    () => fs.rmSync(dir, { recursive: true, force: true }),
    () => agent.destroy(),
  ];
  const close = async () => {
    for (const c of closers.splice(0).reverse()) await c();
  };
  try {
    // Counts its receipts without keeping them: 50,000 receipts' bytes would be the rig's own leak.
    const printer = await startFakeNetworkPrinter({ keepJobs: false });
    closers.push(() => printer.close());
    const central = await startSoakCentral();
    closers.push(() => central.close());
    // Scenario 95 (no answer): the simulator drops the held request after SOAK_HOLD_MS instead of the
    // till waiting out its 20 s gateway timeout. The till sees the same thing — a request sent and no
    // answer, outcome unknown, set aside and resolved in the background — but a business week does not
    // spend a sixth of its hour on those waits (62 of them in 50,000 sales). A cancelled QR's order is
    // closed by the wallet after a minute, not five: the till watches each cancelled attempt until the
    // gateway says closed, and at soak speed five minutes of cancels kept ~75 of them polled at once.
    const gateway = await createSimulator({
      merchants: [MERCHANT],
      bookFile: path.join(dir, BOOK_FILE),
      timings: { holdMs: SOAK_HOLD_MS, activeTtlMs: 60_000 },
    });
    closers.push(() => gateway.close());
    // Settings as the shop left them: its merchant on the gateway, receipts to the network printer, the
    // call-back listener on, so the simulator's call-back tells the till at once that the wallet paid
    // (as OTTPay does), and the central database with the till's own login.
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
    closers.push(() => core.close());
    if (core.snapshot().sandbox) throw new Error('the soak till started in sandbox: it would ship nothing');
    const shell = await createWebShell({ core, port: 0, rendererDir: path.join(dir, 'no-renderer') });
    closers.push(() => shell.close());
    const command = commander(agent, shell.port, shell.token);
    const signedIn = await command('staff.signIn', { pin: OWNER_PIN });
    if (!signedIn.ok) throw new Error(`sign-in refused: ${JSON.stringify(signedIn)}`);
    const till = eventStream(`http://127.0.0.1:${shell.port}/api/events?token=${shell.token}`);
    closers.push(() => till.close());
    const customer = eventStream(`http://127.0.0.1:${shell.port}/customer/events`);
    closers.push(() => customer.close());

    const journal = path.join(dir, JOURNAL_FILE);
    // A reader of the till's journal (WAL: it never blocks the till's writer) for its newest event.
    const journalReader = new Database(journal, { readonly: true });
    closers.push(() => journalReader.close());
    // The newest by the primary key (no scan: the reader's own page cache stays small until the end).
    const newestEvent = () =>
      (
        journalReader.prepare('SELECT coalesce(max(seq), 0) AS newest FROM events').get() as {
          newest: number;
        }
      ).newest;
    const journalEvents = () =>
      journalReader.prepare('SELECT count(*) AS n, coalesce(max(seq), 0) AS newest FROM events').get() as {
        n: number;
        newest: number;
      };

    const code = (prefix: string) => `${prefix}${String(Math.floor(random() * 1e16)).padStart(16, '0')}`;
    let chargeMs: number[] = [];
    let floorMs: number[] = [];
    let pgFloorMs: number[] = [];
    let lagMs: number[] = [];
    let shippedUpTo = 0;
    let paid = 0;
    let cpuAt = process.cpuUsage();
    let salesAt = 0;

    async function activeSale(amountCents: number, outcome: 'pay' | 'cancel'): Promise<void> {
      await command('sale.new', {});
      const sent = performance.now();
      const r = await command<AttemptView>('sale.payActive', {
        amountCents,
        tipCents: 0,
        wallet: 'WECHATPAY',
      });
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
      await request(agent, 'POST', `${gateway.url}/_sim/orders/${attempt.orderId}/pay`, '{}');
      await till.until<TillSnapshot>(
        'till.snapshot',
        (s) => s.sale?.attempt?.attemptId === attempt.attemptId && s.sale.attempt.state === 'paid',
      );
      paid += 1;
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
        if (attempt.state === 'paid') paid += 1;
        return;
      }
      // Unknown or processing: the cashier sets it aside; the till resolves it in the background.
      await command('sale.setAside', {});
    }

    /** Waits until the sync agent says it shipped the journal's newest event (as the till's screen hears it). */
    async function caughtUp(): Promise<number> {
      const newest = newestEvent();
      await till.until<TillSnapshot>('till.snapshot', (s) => s.storeSync.lastShippedSeq >= newest);
      return newest;
    }

    return {
      printer,
      /** One sale of the mix; says which kind and amount. */
      async sale(): Promise<{ kind: SaleKind; amount: number }> {
        const dice = random();
        const dollars = 100 * (1 + Math.floor(random() * 60));
        // 1% the 91–98 scenarios (95 waits out the gateway's timeout), 5% cancels, 49% active, 45% passive.
        const amount =
          dice < 0.01 ? dollars + 91 + Math.floor(random() * 8) : dollars + Math.floor(random() * 90);
        if (dice < 0.01) {
          await passiveSale(amount);
          return { kind: 'scenario', amount };
        }
        if (dice < 0.06) {
          await activeSale(dollars, 'cancel');
          return { kind: 'cancel', amount: dollars };
        }
        if (dice < 0.55) {
          await activeSale(dollars, 'pay');
          return { kind: 'active', amount: dollars };
        }
        await passiveSale(amount);
        return { kind: 'passive', amount };
      },
      /**
       * The raw floors: a command that does nothing but answer, over the same loopback HTTP; and one
       * INSERT round trip to the central server.
       */
      async floor(): Promise<void> {
        const t = performance.now();
        await command('sale.draft', { amountCents: 0, tipCents: 0 });
        floorMs.push(performance.now() - t);
        pgFloorMs.push(await central.probe());
      },
      paid: () => paid,
      /** The figures of the window just ended (its samples then start again). */
      async window(sales: number, salesPerS: number): Promise<WindowFigures> {
        // The window's events all central first: their lags are then complete (read from the server's
        // commit times, so the wait itself adds nothing to them).
        const newest = await caughtUp();
        const syncMs = await central.lags(shippedUpTo, newest);
        shippedUpTo = newest;
        // With --expose-gc the heap is read after a full collection: growth, not garbage not yet collected.
        (globalThis as { gc?: () => void }).gc?.();
        const m = process.memoryUsage();
        const cpu = process.cpuUsage(cpuAt);
        cpuAt = process.cpuUsage();
        const cpuMsPerSale = (cpu.user + cpu.system) / 1000 / Math.max(1, sales - salesAt);
        salesAt = sales;
        const row: WindowFigures = {
          sales,
          rssMiB: m.rss / 2 ** 20,
          heapMiB: m.heapUsed / 2 ** 20,
          heapTotalMiB: m.heapTotal / 2 ** 20,
          externalMiB: m.external / 2 ** 20,
          arrayBuffersMiB: m.arrayBuffers / 2 ** 20,
          // What V8 does not hold: SQLite's caches, libuv, the allocator's own keep.
          nativeMiB: (m.rss - m.heapTotal - m.external) / 2 ** 20,
          ...rssSplit(),
          journalConnections: openConnections(journal),
          handles: process.getActiveResourcesInfo().length,
          handleKinds: countKinds(process.getActiveResourcesInfo()),
          openStreams: shell.openStreams,
          journalMiB: fileSize(journal) / 2 ** 20,
          walMiB: fileSize(`${journal}-wal`) / 2 ** 20,
          // The gateway's SQLite books and their WAL.
          booksMiB:
            (fileSize(path.join(dir, BOOK_FILE)) + fileSize(path.join(dir, `${BOOK_FILE}-wal`))) / 2 ** 20,
          gatewayOrdersInMemory: gateway.control.ordersInMemory(),
          chargeP50: percentile(chargeMs, 50),
          chargeP99: percentile(chargeMs, 99),
          floorP50: percentile(floorMs, 50),
          floorP99: percentile(floorMs, 99),
          lagP50: percentile(lagMs, 50),
          lagP99: percentile(lagMs, 99),
          salesPerS,
          cpuMsPerSale,
          load: os.loadavg()[0] ?? 0,
          receipts: printer.received,
          syncP50: percentile(syncMs, 50),
          syncP99: percentile(syncMs, 99),
          syncEvents: syncMs.length,
          pgFloorP50: percentile(pgFloorMs, 50),
          pgFloorP99: percentile(pgFloorMs, 99),
          events: newest,
          tillConnections: await central.tillConnections(),
          pgConnections: await central.allConnections(),
          pgSessions: await central.sessions(),
        };
        chargeMs = [];
        floorMs = [];
        lagMs = [];
        pgFloorMs = [];
        return row;
      },
      /** Waits for the agent to ship everything, then counts the events on both sides. */
      async exactlyOnce(): Promise<ExactlyOnce> {
        await caughtUp();
        const local = journalEvents();
        const shipped = await central.counts();
        return {
          central: shipped,
          journal: local,
          once: shipped.rows === local.n && shipped.distinct === local.n && shipped.maxSeq === local.newest,
        };
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

export type SoakRig = Awaited<ReturnType<typeof startSoakRig>>;
