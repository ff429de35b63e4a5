// What the screens see, built from the parts of the till: the till's snapshot (stripped of payments
// while the till is locked) and the customer display's view (the sale, the keyed draft, the set-aside
// notice, the CNY rate, the customer's tip and language), pushed to the event hub as they change.
import type { CustomerView, TillSnapshot } from '../../../shared/domain.ts';
import type { FreshRate } from '../../../shared/payments/cny.ts';
import type { Clock } from '../clock.ts';
import type { SettingsStore } from '../config/settings-store.ts';
import { markCustomerView, markSale } from '../pos-api/pos-mark.ts';
import type { StaffSession } from '../staff/session.ts';
import type { Shifts } from '../staff/shifts.ts';
import type { SyncRunner } from '../sync/sync-runner.ts';
import { type CoreLogger, errorFields } from './core-logger.ts';
import type { CustomerChoices } from './customer-choice.ts';
import type { CustomerDisplays } from './customer-displays.ts';
import { projectCustomerView } from './customer-projection.ts';
import type { EventHub } from './event-hub.ts';
import type { KeyedDraft } from './keyed-draft.ts';
import type { LiveStacks } from './live-stacks.ts';
import { lockedSnapshot } from './locked-snapshot.ts';
import type { PosApiSlot } from './pos-api-slot.ts';
import type { PublicSettingsView } from './public-settings.ts';
import type { ReceiptPrinting } from './receipt-printing.ts';
import type { ScanWait } from './scan-wait.ts';
import type { TillUpdates } from './till-updates.ts';
import { createViewPusher } from './view-pusher.ts';

export interface TillViews {
  snapshot(): TillSnapshot;
  customerView(): CustomerView;
  /** The till's snapshot to its screens (not once the till is closed). */
  pushSnapshot(): void;
  /** The customer display's view, when it changed (and again when it changes by itself). */
  pushCustomerView(): void;
  pushAll(): void;
  /** Stops the customer view's own timer (the till is closing). */
  stop(): void;
}

/** The attempts needing attention a screen update carries when all are settled: a screenful. */
export const ATTENTION_SHOWN = 25;

export function createTillViews(o: {
  clock: Clock;
  logger: CoreLogger;
  hub: EventHub;
  settings: SettingsStore;
  publicSettings: PublicSettingsView;
  live: LiveStacks;
  session: StaffSession;
  shifts: Shifts;
  scanWait: ScanWait;
  receipts: ReceiptPrinting;
  sync: SyncRunner;
  updates: TillUpdates;
  posApi: PosApiSlot;
  choices: CustomerChoices;
  draft: KeyedDraft;
  displays: CustomerDisplays;
  closed(): boolean;
}): TillViews {
  const { clock, logger, hub, settings, live, session, updates, choices } = o;

  function snapshot(): TillSnapshot {
    const stack = live.stack;
    const flagged = stack.payments.attentionBrief(ATTENTION_SHOWN);
    const full: TillSnapshot = {
      sandbox: stack.sandbox,
      gateway: stack.payments.gatewayHealth(),
      sale: markSale(stack.payments.currentSale(), stack.journal ?? null),
      attention: flagged.attempts,
      attentionCount: flagged.count,
      background: stack.payments.inBackground(),
      scanners: live.scanner.statuses(),
      settings: o.publicSettings.get(),
      scanWallet: o.scanWait.picked(),
      printing: o.receipts.view(),
      staff: {
        cashier: session.cashier(),
        shiftId: o.shifts.openId(),
        idleLockSeconds: settings.get().idleLockMinutes * 60,
      },
      storeSync: o.sync.status(),
      ...(updates.service ? { updates: updates.service.status() } : {}),
      posApi: o.posApi.view(),
      customerChoice: choices.tillView(),
      customerDisplay: { canAnswerTipAsk: o.displays.canAnswerTipAsk() },
    };
    return session.cashier() === null ? lockedSnapshot(full) : full;
  }

  function customerView(): CustomerView {
    const s = settings.get();
    const stack = live.stack;
    const sale = stack.payments.currentSale();
    let rate: FreshRate | null = null;
    try {
      rate = stack.journal?.rates.latest(sale?.currency ?? s.currency) ?? null;
    } catch (err) {
      logger.error('the exchange rate could not be read', errorFields(err));
    }
    const view = projectCustomerView(sale, {
      currency: s.currency,
      language: s.customerLanguage,
      sandbox: stack.sandbox,
      now: clock.now(),
      rate,
      draft: o.draft.current(),
      setAside: o.draft.setAsideShown(),
    });
    return choices.overlay(markCustomerView(view, sale, stack.journal ?? null), sale);
  }

  const pusher = createViewPusher(
    clock,
    customerView,
    () => live.stack.payments.currentSale(),
    (v) => hub.emit('customer.view', v),
  );

  function pushSnapshot(): void {
    if (o.closed()) return;
    // Payments or the sale may have moved: an update waiting for an idle till may go now.
    updates.service?.activityChanged();
    hub.emit('till.snapshot', snapshot());
  }

  return {
    snapshot,
    customerView,
    pushSnapshot,
    pushCustomerView: pusher.push,
    pushAll() {
      pushSnapshot();
      pusher.push();
    },
    stop: pusher.stop,
  };
}
