// The composition root of the Node core: a list of what the till is built from, in the order it is
// built — settings, PINs, staff and shifts, updates, the POS API, the store sync, the payments and
// scanner stacks (recovered at start), the scan wait, customer choices, receipts, the screens' views,
// the payments fan-out and the handlers' context — and how it closes. Each part lives in its own file
// beside this one; an arrow into a part built later is read only when it runs. Both shells hold the
// TillCore it returns.

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Clock, systemClock } from '../clock.ts';
import { type DataDirLock, lockDataDir } from '../config/data-dir-lock.ts';
import { createSettingsStore } from '../config/settings-store.ts';
import { JOURNAL_FILE } from '../journal/journal-files.ts';
import { applyStoreStartValues, storeStartValues } from '../sync/start-values.ts';
import { createSyncRunner } from '../sync/sync-runner.ts';
import { type CoreLogger, createCoreLogger, errorFields } from './core-logger.ts';
import { createCustomerChoices } from './customer-choice.ts';
import { chooseWhileSignedIn } from './customer-choice-handlers.ts';
import { customerChoiceJournal } from './customer-choice-journal.ts';
import { createCustomerDisplays } from './customer-displays.ts';
import { createCustomerPairing } from './customer-pairing.ts';
import { defaultStacks } from './default-stacks.ts';
import { paymentFromDraft } from './draft-payment.ts';
import { createEventHub } from './event-hub.ts';
import { createKeyedDraft } from './keyed-draft.ts';
import { startLiveStacks } from './live-stacks.ts';
import { paymentsFanOut } from './payments-fan-out.ts';
import { createTillPinThrottles } from './pin-throttles.ts';
import { createPosApiSlot } from './pos-api-slot.ts';
import { createPublicSettings } from './public-settings.ts';
import { createReceiptPrinting } from './receipt-printing.ts';
import { refundTeller } from './refund-teller.ts';
import { createScanWait } from './scan-wait.ts';
import type { StackFactories } from './stack-types.ts';
import { createTillClosing } from './till-closing.ts';
import { tillContext } from './till-context.ts';
import type { TillCore, TillCoreOptions } from './till-core-types.ts';
import { tillHandlers } from './till-handlers.ts';
import { createTillShifts } from './till-shifts.ts';
import { startTillStaff } from './till-staff.ts';
import { createTillUpdates } from './till-updates.ts';
import { createTillViews } from './till-views.ts';

export { SET_ASIDE_NOTICE_MS } from './keyed-draft.ts';
export type { TillCore, TillCoreOptions } from './till-core-types.ts';

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
  const { dataDir, secrets, appVersion } = opts;
  const settings = createSettingsStore(dataDir, () => clock.now());
  if (settings.loadIssue) logger.warn(settings.loadIssue);
  if (await applyStoreStartValues(storeStartValues(opts.storeStart ?? {}, env), settings, secrets))
    logger.info('central store database set from the start options');
  /** What most parts are built from. */
  const base = { dataDir, secrets, clock, logger, settings };
  const pins = createTillPinThrottles({ ...base, recordEvent: (event) => live.stack.recordEvent(event) });
  const staff = await startTillStaff({
    ...base,
    appVersion,
    throttle: pins.pinThrottle,
    changed: () => views.pushSnapshot(),
  });
  const { session } = staff;
  const directory = staff.store.directory;
  const tillShifts = createTillShifts({
    ...base,
    directory,
    payments: () => live.stack.payments,
    changed: () => views.pushSnapshot(),
  });
  const publicSettings = await createPublicSettings(settings, secrets);
  const hub = createEventHub((err) => logger.error('event listener failed', errorFields(err)));
  const closing = createTillClosing(() => ({
    logger,
    posApi,
    // Every timer and watch of the till, stopped by both ways of closing it.
    timers: [session, updates.service, draft, views, receipts, live, scanWait],
    live,
    sync,
    staffStore: staff.store,
    lock,
  }));
  const updates = createTillUpdates({
    options: opts.updates,
    currentVersion: appVersion ?? '0.0.0',
    clock,
    logger,
    settings: () => settings.get(),
    snapshot: () => views.snapshot(),
    changed: () => views.pushSnapshot(),
    journalFile: join(dataDir, JOURNAL_FILE),
  });
  // Shift close is the till's regular moment to install a downloaded update (when nothing is in the air).
  tillShifts.addShiftClosedHook(() => updates.service?.requestInstall('shift-close'));
  const posApi = await createPosApiSlot({ ...base, options: opts.posApi, fault: opts.posApiFault });
  const draft = createKeyedDraft(clock, () => views.pushCustomerView());
  const sync = createSyncRunner({
    ...base,
    log: logger.child('sync'),
    appVersion: appVersion ?? 'dev',
    onStatus: () => views.pushSnapshot(),
  });
  /** The sync agent follows the settings, the credentials and whether the till is live. */
  const applySync = async (force = false): Promise<void> => {
    try {
      await sync.apply(settings.get(), live.stack.sandbox, force);
    } catch (err) {
      logger.error('the store sync agent could not start', errorFields(err));
    }
  };
  const live = await startLiveStacks({
    ...base,
    env,
    appVersion,
    factories: stacks,
    publicSettings: publicSettings.get,
    journalActor: staff.journalActor,
    cashierOperatorId: () => session.cashier()?.operatorId ?? null,
    hub,
    pushSnapshot: () => views.pushSnapshot(),
    pushCustomerView: () => views.pushCustomerView(),
    paymentsChanged: (change) => {
      fanOut(change);
      tellRefund(change);
    },
    pushAll: () => views.pushAll(),
    resumeReceipts: () => receipts.resume(),
    applySync: () => applySync(),
    scanWait: () => scanWait,
    closed: closing.closed,
  });
  const scanWait = createScanWait({
    payments: () => live.stack.payments,
    scanner: () => live.scanner,
    logger,
    announce: (event) => hub.emit('scan.refused', event),
    now: () => clock.now(),
    fromDraft: () => paymentFromDraft(ctx, draft),
  });
  const pairing = createCustomerPairing({ now: () => clock.now() });
  const displays = createCustomerDisplays({
    isPaired: (token) => pairing.isPaired(token),
    changed: () => views.pushSnapshot(),
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
    ...base,
    ...{ hub, publicSettings, live, session, scanWait, receipts, sync, updates, posApi, choices, draft },
    shifts: tillShifts.shifts,
    displays,
    closed: closing.closed,
  });
  const fanOut = paymentsFanOut({
    posApi,
    draft,
    journalChoice: customerChoiceJournal({ ...base, choices, journal: () => live.stack.journal ?? null }),
    sync,
    scanWait,
    receipts,
    payments: () => live.stack.payments,
    pushAll: views.pushAll,
  });
  const tellRefund = refundTeller({ hub, signedIn: () => session.cashier() !== null });
  receipts.resume();
  live.watch();

  const ctx = tillContext({
    ...base,
    ...{ appVersion, session, directory, tillShifts, pins, live, publicSettings, views, scanWait },
    ...{ receipts, draft, posApi, applySync },
  });
  const handlers = tillHandlers(ctx, { updates, posApi, choices, pairing });

  await applySync();
  scanWait.sync();
  views.pushAll();
  updates.service?.start();
  const core: TillCore = {
    handlers,
    logger,
    signedIn: () => session.cashier() !== null,
    subscribe: (role, listener) => hub.subscribe(role, listener),
    customerView: views.customerView,
    customerPairing: pairing,
    customerDisplays: displays,
    customerChoose: (raw) => chooseWhileSignedIn(session.cashier() !== null, choices, raw),
    snapshot: views.snapshot,
    feedWedgeKeys: (events) => live.scanner.feedWedgeKeys(events),
    get sandboxInfo() {
      return live.stack.sandbox && live.stack.simulatorUrl ? { simulatorUrl: live.stack.simulatorUrl } : null;
    },
    onShiftClosed: tillShifts.addShiftClosedHook,
    get posApi() {
      return posApi.address();
    },
    close: closing.close,
    closeNow: closing.closeNow,
  };
  await posApi.start(ctx, () => core.close());
  return core;
}
