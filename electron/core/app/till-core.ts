// The composition root of the Node core: settings, secrets and PIN, the payments stack (journal +
// gateway or embedded simulator + engine, recovered at start), scanners, gateway health, the customer
// projection and the event fan-out. Both shells hold the TillCore it returns.
import { mkdirSync } from 'node:fs';
import type { CustomerView, PublicSettings, TillSnapshot } from '../../../shared/domain.ts';
import { type Clock, systemClock } from '../clock.ts';
import { type DataDirLock, lockDataDir } from '../config/data-dir-lock.ts';
import type { StoredSettings } from '../config/defaults.ts';
import { createPinGuard } from '../config/pin-guard.ts';
import type { SecretStore } from '../config/secret-store.ts';
import { createSettingsStore } from '../config/settings-store.ts';
import type { LogSink } from '../logging/index.ts';
import { applyStoreStartValues, type StoreStartValues, storeStartValues } from '../sync/start-values.ts';
import { createSyncRunner } from '../sync/sync-runner.ts';
import type { CoreContext } from './core-context.ts';
import { type CoreLogger, createCoreLogger, errorFields } from './core-logger.ts';
import { projectCustomerView } from './customer-projection.ts';
import { defaultStacks } from './default-stacks.ts';
import { diagnosticsText } from './diagnostics-text.ts';
import { createEventHub } from './event-hub.ts';
import { startHealthProbes } from './gateway-health.ts';
import type { Handlers } from './handler-types.ts';
import { historyHandlers } from './history-handlers.ts';
import type { ScannerPort } from './ports.ts';
import { saleHandlers } from './sale-handlers.ts';
import { createScanWait } from './scan-wait.ts';
import { scannerHandlers } from './scanner-handlers.ts';
import { settingsHandlers } from './settings-handlers.ts';
import type { PaymentStack, StackFactories } from './stack-types.ts';
import { storeSyncHandlers } from './store-sync-handlers.ts';
import type { TillCore } from './till-core-types.ts';
import { createViewPusher } from './view-pusher.ts';

export type { TillCore } from './till-core-types.ts';

export interface TillCoreOptions {
  dataDir: string;
  secrets: SecretStore;
  clock?: Clock;
  env?: Record<string, string | undefined>;
  /** Where log lines go besides the in-memory ring (stderr, a rotating file). */
  logger?: LogSink;
  appVersion?: string;
  /** Replaces how the payments and scanner stacks are built (tests, special shells). */
  stacks?: Partial<StackFactories>;
  /** `--store-pg` / `--store-id` from the command line (TILL_STORE_PG / TILL_STORE_ID are read from env). */
  storeStart?: StoreStartValues;
}

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

interface StartDeps {
  clock: Clock;
  env: Record<string, string | undefined>;
  stacks: StackFactories;
  logger: CoreLogger;
  lock: DataDirLock;
}

export async function createTillCore(opts: TillCoreOptions): Promise<TillCore> {
  const clock = opts.clock ?? systemClock;
  const env = opts.env ?? {};
  const stacks: StackFactories = { ...defaultStacks, ...opts.stacks };
  const logger = createCoreLogger(() => clock.now(), opts.logger);
  mkdirSync(opts.dataDir, { recursive: true });
  const lock = lockDataDir(opts.dataDir, () => clock.now());
  try {
    return await startTillCore(opts, { clock, env, stacks, logger, lock });
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function startTillCore(
  opts: TillCoreOptions,
  { clock, env, stacks, logger, lock }: StartDeps,
): Promise<TillCore> {
  const settings = createSettingsStore(opts.dataDir, () => clock.now());
  if (settings.loadIssue) logger.warn(settings.loadIssue);
  if (await applyStoreStartValues(storeStartValues(opts.storeStart ?? {}, env), settings, opts.secrets))
    logger.info('central store database set from the start options');
  const pins = await createPinGuard({ secrets: opts.secrets, now: () => clock.now() });
  let signKeySet = await opts.secrets.has('signKey');
  const hub = createEventHub((err) => logger.error('event listener failed', errorFields(err)));

  let closed = false;
  let paymentsStale = false;

  const sync = createSyncRunner({
    dataDir: opts.dataDir,
    secrets: opts.secrets,
    clock,
    log: logger.child('sync'),
    appVersion: opts.appVersion ?? 'dev',
    onStatus: () => pushSnapshot(),
  });
  let stack: PaymentStack = await startPayments();
  let scanner: ScannerPort = await startScanners().catch(async (err: unknown) => {
    await stack.close();
    throw err;
  });
  const scanWait = createScanWait({
    payments: () => stack.payments,
    scanner: () => scanner,
    logger,
    announce: (event) => hub.emit('scan.refused', event),
    now: () => clock.now(),
  });
  const views = createViewPusher(
    clock,
    customerView,
    () => stack.payments.currentSale(),
    (v) => hub.emit('customer.view', v),
  );
  let stopProbes = startHealthProbes(() => stack.payments.probeGateway(), clock);
  let offPayments = stack.payments.onChange(onPaymentsChange);
  let offScanner = wireScanner(scanner);

  async function startPayments(): Promise<PaymentStack> {
    const signKey = await opts.secrets.get('signKey');
    const s = await stacks.startPayments({
      dataDir: opts.dataDir,
      settings: settings.get(),
      signKey,
      clock,
      logger,
      env,
    });
    logger.info(s.sandbox ? `sandbox mode: embedded simulator at ${s.simulatorUrl ?? '?'}` : 'live mode');
    try {
      await s.payments.recover();
    } catch (err) {
      logger.error('start-up recovery did not finish', errorFields(err));
    }
    return s;
  }

  function startScanners(): Promise<ScannerPort> {
    return stacks.startScanners({
      settings: publicSettings(),
      clock,
      logger,
      isCodeUsed: (code) => stack.payments.isCodeUsed(code),
    });
  }

  function wireScanner(s: ScannerPort): () => void {
    const offLog = s.onLog((entry) => hub.emit('scanner.log', entry));
    const offStatus = s.onStatus(() => pushSnapshot());
    const offRefused = s.onRefused((event) => hub.emit('scan.refused', event));
    return () => {
      offLog();
      offStatus();
      offRefused();
    };
  }

  function publicSettings(): PublicSettings {
    return { ...settings.get(), signKeySet };
  }

  function snapshot(): TillSnapshot {
    return {
      sandbox: stack.sandbox,
      gateway: stack.payments.gatewayHealth(),
      sale: stack.payments.currentSale(),
      attention: stack.payments.needsAttention(),
      scanners: scanner.statuses(),
      settings: publicSettings(),
      scanWallet: scanWait.picked(),
      storeSync: sync.status(),
    };
  }

  function customerView(): CustomerView {
    const s = settings.get();
    return projectCustomerView(stack.payments.currentSale(), {
      currency: s.currency,
      language: s.customerLanguage,
      sandbox: stack.sandbox,
      now: clock.now(),
    });
  }

  function pushSnapshot(): void {
    if (!closed) hub.emit('till.snapshot', snapshot());
  }

  function pushAll(): void {
    pushSnapshot();
    views.push();
  }

  async function settingsChanged(previous: StoredSettings, signKeyChanged: boolean): Promise<void> {
    signKeySet = await opts.secrets.has('signKey');
    const next = settings.get();
    const paymentsChanged =
      signKeyChanged || PAYMENT_KEYS.some((k) => JSON.stringify(previous[k]) !== JSON.stringify(next[k]));
    if (paymentsChanged) await rebuildPayments();
    if (JSON.stringify(previous.scanners) !== JSON.stringify(next.scanners)) await rebuildScanners();
    await applySync();
    pushAll();
  }

  /** Never swap the gateway under a live payment: a pending rebuild waits until the sale is over. */
  function saleIsLive(): boolean {
    const phase = stack.payments.currentSale()?.phase;
    return phase === 'in_progress' || phase === 'waiting_for_scan';
  }

  function onPaymentsChange(): void {
    sync.nudge();
    scanWait.sync();
    pushAll();
    if (paymentsStale && !saleIsLive() && !closed) {
      void rebuildPayments()
        .then(pushAll)
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
    offPayments();
    await stack.close();
    stack = await startPayments();
    offPayments = stack.payments.onChange(onPaymentsChange);
    stopProbes = startHealthProbes(() => stack.payments.probeGateway(), clock);
    await applySync();
  }

  /** The sync agent follows the settings, the credentials and whether the till is live. */
  async function applySync(force = false): Promise<void> {
    try {
      await sync.apply(settings.get(), stack.sandbox, force);
    } catch (err) {
      logger.error('the store sync agent could not start', errorFields(err));
    }
  }

  async function rebuildScanners(): Promise<void> {
    offScanner();
    scanWait.reset();
    await scanner.close();
    scanner = await startScanners();
    offScanner = wireScanner(scanner);
    scanWait.sync();
  }

  const ctx: CoreContext = {
    settings,
    secrets: opts.secrets,
    pins,
    clock,
    logger,
    payments: () => stack.payments,
    scanner: () => scanner,
    sandbox: () => stack.sandbox,
    publicSettings,
    snapshot,
    settingsChanged,
    storeCredentialsChanged: async () => {
      await applySync(true);
      pushSnapshot();
    },
    submitCode: (code, source, timings) => scanWait.submit(code, source, timings),
    syncScanWait: () => scanWait.sync(),
    pickScanWallet: (wallet) => {
      scanWait.pick(wallet);
      pushSnapshot();
    },
    diagnosticsText: () =>
      diagnosticsText({
        appVersion: opts.appVersion ?? 'dev',
        snapshot: snapshot(),
        settingsIssue: settings.loadIssue,
        recentLog: logger.recent(),
        simulatorUrl: stack.simulatorUrl,
      }),
  };

  const handlers: Handlers = {
    ...saleHandlers(ctx),
    ...historyHandlers(ctx),
    ...settingsHandlers(ctx),
    ...scannerHandlers(ctx),
    ...storeSyncHandlers(ctx),
  };

  await applySync();
  scanWait.sync();
  pushAll();

  return {
    handlers,
    logger,
    subscribe: (role, listener) => hub.subscribe(role, listener),
    customerView,
    snapshot,
    feedWedgeKeys: (events) => scanner.feedWedgeKeys(events),
    get sandboxInfo() {
      return stack.sandbox && stack.simulatorUrl ? { simulatorUrl: stack.simulatorUrl } : null;
    },
    async close() {
      if (closed) return;
      closed = true;
      views.stop();
      stopProbes();
      scanWait.stop();
      offPayments();
      offScanner();
      await sync.close().catch((err: unknown) => logger.error('sync agent close failed', errorFields(err)));
      await scanner.close().catch((err: unknown) => logger.error('scanner close failed', errorFields(err)));
      await stack.close().catch((err: unknown) => logger.error('payments close failed', errorFields(err)));
      lock.release();
    },
  };
}
