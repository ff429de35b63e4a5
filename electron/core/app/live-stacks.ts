// The payments and scanner stacks the till runs now. Both start from the settings; the payments stack
// is recovered as it starts and then watched (gateway health probes, the CNY rate poller, its change
// feed); a change of payment settings or the sign key rebuilds it — never under a live payment: the
// rebuild then waits for the sale to end — and a change of scanner settings rebuilds the scanners.
import type { PublicSettings } from '../../../shared/domain.ts';
import type { Clock } from '../clock.ts';
import type { StoredSettings } from '../config/defaults.ts';
import type { SecretStore } from '../config/secret-store.ts';
import type { SettingsStore } from '../config/settings-store.ts';
import type { Db } from '../journal/open-journal.ts';
import type { JournalActor } from '../journal/rows.ts';
import type { PaymentsChange } from '../payments/changes.ts';
import { type CoreLogger, errorFields } from './core-logger.ts';
import type { EventHub } from './event-hub.ts';
import { startHealthProbes } from './gateway-health.ts';
import type { ScannerPort } from './ports.ts';
import { startRatePoller } from './rate-poller.ts';
import type { ScanWait } from './scan-wait.ts';
import type { PaymentStack, StackFactories } from './stack-types.ts';

/** Settings whose change needs a new gateway client / engine. */
const PAYMENT_KEYS: ReadonlyArray<keyof StoredSettings> = [
  'merchantId',
  'operatorId',
  'terminalNo',
  'gatewayUrl',
  'currency',
  'qrExpirySeconds',
  'wallets',
  'callback',
  'gatewayVersions',
  'refundQueryAction',
];

export interface LiveStacksDeps {
  dataDir: string;
  secrets: SecretStore;
  env: Record<string, string | undefined>;
  appVersion: string | undefined;
  clock: Clock;
  logger: CoreLogger;
  factories: StackFactories;
  settings: SettingsStore;
  publicSettings(): PublicSettings;
  journalActor(db: Db): () => JournalActor;
  cashierOperatorId(): string | null;
  hub: EventHub;
  pushSnapshot(): void;
  /** A new exchange rate was kept: the customer display's RMB line changes. */
  pushCustomerView(): void;
  /** Who hears a payments change (the till's fan-out), whichever stack is current. */
  paymentsChanged(change: PaymentsChange): void;
  pushAll(): void;
  /** Resumes the receipts a restart left queued, on the (new) stack's journal. */
  resumeReceipts(): void;
  /** The sync agent follows whether the till is live. */
  applySync(): Promise<void>;
  scanWait(): ScanWait;
  closed(): boolean;
}

export interface LiveStacks {
  readonly stack: PaymentStack;
  readonly scanner: ScannerPort;
  /** Starts the watches of the first stacks: health probes, the rate poller, the change feeds. */
  watch(): void;
  /** Rebuilds what the changed settings feed: the payments stack, the scanners. */
  followSettings(previous: StoredSettings, signKeyChanged: boolean): Promise<void>;
  /** Stops the health probes and the rate poller (the till is closing). */
  stop(): void;
  /** Stops hearing the payments and scanner stacks (the till is closing). */
  unwire(): void;
}

/** Starts the payments stack, then the scanners (closing the payments stack if they fail). */
export async function startLiveStacks(o: LiveStacksDeps): Promise<LiveStacks> {
  const { clock, logger, settings } = o;
  let paymentsStale = false;
  let stack: PaymentStack = await startPayments();
  let scanner: ScannerPort = await startScanners().catch(async (err: unknown) => {
    await stack.close();
    throw err;
  });
  let stopProbes = () => {};
  let stopRates = () => {};
  let offPayments = () => {};
  let offScanner = () => {};

  async function startPayments(): Promise<PaymentStack> {
    const signKey = await o.secrets.get('signKey');
    const s = await o.factories.startPayments({
      dataDir: o.dataDir,
      settings: settings.get(),
      signKey,
      secrets: o.secrets,
      clock,
      logger,
      env: o.env,
      actor: o.journalActor,
      cashierOperatorId: o.cashierOperatorId,
      ...(o.appVersion ? { appVersion: o.appVersion } : {}),
    });
    logger.info(s.sandbox ? `sandbox mode: embedded simulator at ${s.simulatorUrl ?? '?'}` : 'live mode');
    try {
      await s.payments.recover();
    } catch (err) {
      logger.error('start-up recovery did not finish', errorFields(err));
    }
    return s;
  }

  /** The CNY rate for the customer display: asked now and every 30 minutes, kept in the journal. */
  function startRates(): () => void {
    const s = stack;
    const ask = s.exchangeRate;
    if (!ask || !s.journal) return () => {};
    const currency = settings.get().currency;
    return startRatePoller({
      fetch: ask,
      clock,
      record: (rate, at) => {
        s.journal?.rates.add({ currency, cnyPerUnit: rate.cnyPerUnit, raw: rate.raw, fetchedAt: at });
        o.pushCustomerView();
      },
      onError: (err, failures) =>
        logger.warn(`exchange rate not updated (${failures} tries)`, errorFields(err)),
    });
  }

  function startScanners(): Promise<ScannerPort> {
    return o.factories.startScanners({
      settings: o.publicSettings(),
      clock,
      logger,
      isCodeUsed: (code) => stack.payments.isCodeUsed(code),
    });
  }

  function wireScanner(s: ScannerPort): () => void {
    const offLog = s.onLog((entry) => o.hub.emit('scanner.log', entry));
    const offStatus = s.onStatus(() => o.pushSnapshot());
    const offRefused = s.onRefused((event) => o.hub.emit('scan.refused', event));
    return () => {
      offLog();
      offStatus();
      offRefused();
    };
  }

  /** Never swap the gateway under a live payment: a pending rebuild waits until the sale is over. */
  function saleIsLive(): boolean {
    const phase = stack.payments.currentSale()?.phase;
    return phase === 'in_progress' || phase === 'waiting_for_scan';
  }

  function onPaymentsChange(change: PaymentsChange): void {
    o.paymentsChanged(change);
    if (paymentsStale && !saleIsLive() && !o.closed()) {
      void rebuildPayments()
        .then(o.pushAll)
        .catch((err: unknown) => logger.error('applying new payment settings failed', errorFields(err)));
    }
  }

  async function rebuildPayments(): Promise<void> {
    if (saleIsLive()) {
      paymentsStale = true;
      logger.info('new payment settings apply when the current sale ends');
      return;
    }
    paymentsStale = false;
    stopProbes();
    stopRates();
    offPayments();
    await stack.close();
    stack = await startPayments();
    stopRates = startRates();
    o.resumeReceipts();
    offPayments = stack.payments.onChange(onPaymentsChange);
    stopProbes = startHealthProbes(() => stack.payments.probeGateway(), clock);
    await o.applySync();
  }

  async function rebuildScanners(): Promise<void> {
    offScanner();
    o.scanWait().reset();
    await scanner.close();
    scanner = await startScanners();
    offScanner = wireScanner(scanner);
    o.scanWait().sync();
  }

  return {
    get stack() {
      return stack;
    },
    get scanner() {
      return scanner;
    },
    watch() {
      stopProbes = startHealthProbes(() => stack.payments.probeGateway(), clock);
      stopRates = startRates();
      offPayments = stack.payments.onChange(onPaymentsChange);
      offScanner = wireScanner(scanner);
    },
    async followSettings(previous, signKeyChanged) {
      const next = settings.get();
      const paymentsChanged =
        signKeyChanged || PAYMENT_KEYS.some((k) => JSON.stringify(previous[k]) !== JSON.stringify(next[k]));
      if (paymentsChanged) await rebuildPayments();
      if (JSON.stringify(previous.scanners) !== JSON.stringify(next.scanners)) await rebuildScanners();
    },
    stop() {
      stopProbes();
      stopRates();
    },
    unwire() {
      offPayments();
      offScanner();
    },
  };
}
