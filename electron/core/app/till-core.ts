// The composition root of the Node core: settings, secrets and PIN, the payments stack (journal +
// gateway or embedded simulator + engine, recovered at start), scanners, gateway health, the customer
// projection and the event fan-out. Both shells hold the TillCore it returns.

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Clock, systemClock } from '../clock.ts';
import { type DataDirLock, lockDataDir } from '../config/data-dir-lock.ts';
import type { StoredSettings } from '../config/defaults.ts';
import type { SecretStore } from '../config/secret-store.ts';
import { createSettingsStore } from '../config/settings-store.ts';
import { JOURNAL_FILE } from '../journal/journal-files.ts';
import type { LogSink } from '../logging/index.ts';
import type { PosFaultHook } from '../pos-api/fault-points.ts';
import type { PosApiStart } from '../pos-api/start-options.ts';
import { applyStoreStartValues, type StoreStartValues, storeStartValues } from '../sync/start-values.ts';
import { createSyncRunner } from '../sync/sync-runner.ts';
import type { CoreContext } from './core-context.ts';
import { type CoreLogger, createCoreLogger, errorFields } from './core-logger.ts';
import { createCustomerChoices } from './customer-choice.ts';
import { customerChoiceJournal } from './customer-choice-journal.ts';
import { defaultStacks } from './default-stacks.ts';
import { diagnosticsText } from './diagnostics-text.ts';
import { paymentFromDraft } from './draft-payment.ts';
import { createEventHub } from './event-hub.ts';
import { createKeyedDraft } from './keyed-draft.ts';
import { startLiveStacks } from './live-stacks.ts';
import { paymentsFanOut } from './payments-fan-out.ts';
import { createTillPinThrottles } from './pin-throttles.ts';
import { createPosApiSlot } from './pos-api-slot.ts';
import { createPublicSettings } from './public-settings.ts';
import { createReceiptPrinting, type PrintingShell } from './receipt-printing.ts';
import { createScanWait } from './scan-wait.ts';
import type { StackFactories } from './stack-types.ts';
import type { TillCore } from './till-core-types.ts';
import { tillHandlers } from './till-handlers.ts';
import { createTillShifts } from './till-shifts.ts';
import { startTillStaff } from './till-staff.ts';
import { createTillUpdates, type TillUpdatesOptions } from './till-updates.ts';
import { createTillViews } from './till-views.ts';

export { SET_ASIDE_NOTICE_MS } from './keyed-draft.ts';
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
  /** What the shell adds to receipt printing (Electron's system printer, a line rasteriser). */
  printing?: PrintingShell;
  /** `--store-pg` / `--store-id` from the command line (TILL_STORE_PG / TILL_STORE_ID are read from env). */
  storeStart?: StoreStartValues;
  /** The shell's updater (electron-updater) and the feed from its start options (issue 19). */
  updates?: TillUpdatesOptions;
  /** The local POS API (`--pos-api-port`, `--pos-api-key`, `--pos-api-host`); null or absent: off. */
  posApi?: PosApiStart | null;
  /** Crash-harness hook at the POS API's named points (pos-api/fault-points.ts); a no-op in production. */
  posApiFault?: PosFaultHook;
}

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
  const lock = lockDataDir(opts.dataDir, () => clock.now(), { onTakeOver: (line) => logger.warn(line) });
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
  const pins = createTillPinThrottles({
    dataDir: opts.dataDir,
    clock,
    logger,
    recordEvent: (event) => live.stack.recordEvent(event),
  });
  const staff = await startTillStaff({
    dataDir: opts.dataDir,
    secrets: opts.secrets,
    clock,
    logger,
    settings,
    appVersion: opts.appVersion,
    throttle: pins.pinThrottle,
    changed: () => views.pushSnapshot(),
  });
  const { session } = staff;
  const directory = staff.store.directory;
  const tillShifts = createTillShifts({
    settings,
    directory,
    clock,
    logger,
    payments: () => live.stack.payments,
    changed: () => views.pushSnapshot(),
  });
  const { shifts } = tillShifts;
  const publicSettings = await createPublicSettings(settings, opts.secrets);
  const hub = createEventHub((err) => logger.error('event listener failed', errorFields(err)));

  let closed = false;
  /** closeNow ran: the journal is closed, the network and ports are not. */
  let closedNow = false;
  const updates = createTillUpdates({
    options: opts.updates,
    currentVersion: opts.appVersion ?? '0.0.0',
    clock,
    logger,
    settings: () => settings.get(),
    snapshot: () => views.snapshot(),
    changed: () => views.pushSnapshot(),
    journalFile: join(opts.dataDir, JOURNAL_FILE),
  });
  // Shift close is the till's regular moment to install a downloaded update (when nothing is in the air).
  tillShifts.addShiftClosedHook(() => updates.service?.requestInstall('shift-close'));
  const posApi = await createPosApiSlot({
    options: opts.posApi,
    fault: opts.posApiFault,
    dataDir: opts.dataDir,
    secrets: opts.secrets,
    settings,
  });
  const draft = createKeyedDraft(clock, () => views.pushCustomerView());

  const sync = createSyncRunner({
    dataDir: opts.dataDir,
    secrets: opts.secrets,
    clock,
    log: logger.child('sync'),
    appVersion: opts.appVersion ?? 'dev',
    onStatus: () => views.pushSnapshot(),
  });
  const live = await startLiveStacks({
    dataDir: opts.dataDir,
    secrets: opts.secrets,
    env,
    appVersion: opts.appVersion,
    clock,
    logger,
    factories: stacks,
    settings,
    publicSettings: publicSettings.get,
    journalActor: staff.journalActor,
    cashierOperatorId: () => session.cashier()?.operatorId ?? null,
    hub,
    pushSnapshot: () => views.pushSnapshot(),
    pushCustomerView: () => views.pushCustomerView(),
    paymentsChanged: (change) => fanOut(change),
    pushAll: () => views.pushAll(),
    resumeReceipts: () => receipts.resume(),
    applySync: () => applySync(),
    scanWait: () => scanWait,
    closed: () => closed,
  });
  const scanWait = createScanWait({
    payments: () => live.stack.payments,
    scanner: () => live.scanner,
    logger,
    announce: (event) => hub.emit('scan.refused', event),
    now: () => clock.now(),
    fromDraft: () => paymentFromDraft(ctx, draft),
  });
  const choices = createCustomerChoices({
    randomId: () => randomBytes(16).toString('hex'),
    changed: () => {
      views.pushCustomerView();
      views.pushSnapshot();
    },
  });
  const receipts = createReceiptPrinting({
    journal: () => live.stack.journal ?? null,
    settings: () => settings.get(),
    sandbox: () => live.stack.sandbox,
    clock,
    logger,
    shell: opts.printing ?? {},
    changed: () => views.pushSnapshot(),
  });
  const views = createTillViews({
    clock,
    logger,
    hub,
    settings,
    publicSettings,
    live,
    session,
    shifts,
    scanWait,
    receipts,
    sync,
    updates,
    posApi,
    choices,
    draft,
    closed: () => closed,
  });
  const fanOut = paymentsFanOut({
    posApi,
    draft,
    journalChoice: customerChoiceJournal({
      choices,
      journal: () => live.stack.journal ?? null,
      clock,
      logger,
    }),
    sync,
    scanWait,
    receipts,
    payments: () => live.stack.payments,
    pushAll: views.pushAll,
  });
  receipts.resume();
  live.watch();

  async function settingsChanged(previous: StoredSettings, signKeyChanged: boolean): Promise<void> {
    await publicSettings.refresh();
    await live.followSettings(previous, signKeyChanged);
    await applySync();
    views.pushAll();
  }

  /** The sync agent follows the settings, the credentials and whether the till is live. */
  async function applySync(force = false): Promise<void> {
    try {
      await sync.apply(settings.get(), live.stack.sandbox, force);
    } catch (err) {
      logger.error('the store sync agent could not start', errorFields(err));
    }
  }

  const ctx: CoreContext = {
    settings,
    secrets: opts.secrets,
    staff: session,
    directory,
    shifts,
    onShiftClosed: tillShifts.onShiftClosed,
    openShiftFor: tillShifts.openShiftFor,
    pushSnapshot: views.pushSnapshot,
    pinThrottle: pins.pinThrottle,
    pinClaimThrottle: pins.pinClaimThrottle,
    clock,
    logger,
    payments: () => live.stack.payments,
    scanner: () => live.scanner,
    sandbox: () => live.stack.sandbox,
    publicSettings: publicSettings.get,
    snapshot: views.snapshot,
    settingsChanged,
    storeCredentialsChanged: async () => {
      await applySync(true);
      views.pushSnapshot();
    },
    submitCode: (code, source, timings) => scanWait.submit(code, source, timings),
    syncScanWait: () => scanWait.sync(),
    receipts,
    journal: () => live.stack.journal ?? null,
    setDraft: draft.set,
    announceSetAside: draft.announceSetAside,
    pickScanWallet: (wallet) => {
      scanWait.pick(wallet);
      views.pushSnapshot();
    },
    diagnosticsText: () =>
      diagnosticsText({
        appVersion: opts.appVersion ?? 'dev',
        snapshot: views.snapshot(),
        settingsIssue: settings.loadIssue,
        recentLog: logger.recent(),
        simulatorUrl: live.stack.simulatorUrl,
        posApi: posApi.diagnostics(),
      }),
  };

  const handlers = tillHandlers(ctx, { updates, posApi, choices });

  await applySync();
  scanWait.sync();
  views.pushAll();
  updates.service?.start();
  /** Every timer and watch of the till, stopped by both ways of closing it. */
  function stopTimers(): void {
    session.stop();
    updates.service?.stop();
    draft.stop();
    views.stop();
    receipts.stop();
    live.stop();
    scanWait.stop();
  }
  const core: TillCore = {
    handlers,
    logger,
    signedIn: () => session.cashier() !== null,
    subscribe: (role, listener) => hub.subscribe(role, listener),
    customerView: views.customerView,
    customerChoose: (raw) => choices.choose(raw),
    snapshot: views.snapshot,
    feedWedgeKeys: (events) => live.scanner.feedWedgeKeys(events),
    get sandboxInfo() {
      return live.stack.sandbox && live.stack.simulatorUrl ? { simulatorUrl: live.stack.simulatorUrl } : null;
    },
    onShiftClosed: tillShifts.addShiftClosedHook,
    get posApi() {
      return posApi.address();
    },
    async close() {
      // After closeNow (the process was to end at once): what is left is the network and ports.
      if (closedNow) {
        closedNow = false;
        await posApi.close().catch(() => {});
        await sync.close().catch(() => {});
        await live.scanner.close().catch(() => {});
        await live.stack.close().catch(() => {});
        return;
      }
      if (closed) return;
      closed = true;
      await posApi.close().catch((err: unknown) => logger.error('POS API close failed', errorFields(err)));
      stopTimers();
      live.unwire();
      await sync.close().catch((err: unknown) => logger.error('sync agent close failed', errorFields(err)));
      await live.scanner
        .close()
        .catch((err: unknown) => logger.error('scanner close failed', errorFields(err)));
      await live.stack
        .close()
        .catch((err: unknown) => logger.error('payments close failed', errorFields(err)));
      staff.store.close();
      lock.release();
    },
    closeNow() {
      // Also while an ordinary close awaits the network: the journal and the lock go now.
      if (!closed) {
        closed = true;
        closedNow = true;
        stopTimers();
      }
      live.stack.closeJournalNow?.();
      staff.store.close();
      lock.release();
    },
  };
  await posApi.start(ctx, () => core.close());
  return core;
}
