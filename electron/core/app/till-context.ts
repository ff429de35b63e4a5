// The core context every handler group is given (core-context.ts says what each member is for), made
// from the till's parts: the stacks are reached through `live` because a settings change rebuilds them.
import type { Clock } from '../clock.ts';
import type { SecretStore } from '../config/secret-store.ts';
import type { SettingsStore } from '../config/settings-store.ts';
import type { StaffDirectory } from '../staff/directory.ts';
import type { StaffSession } from '../staff/session.ts';
import type { CoreContext } from './core-context.ts';
import type { CoreLogger } from './core-logger.ts';
import { diagnosticsText } from './diagnostics-text.ts';
import type { KeyedDraft } from './keyed-draft.ts';
import type { LiveStacks } from './live-stacks.ts';
import type { TillPinThrottles } from './pin-throttles.ts';
import type { PosApiSlot } from './pos-api-slot.ts';
import type { PublicSettingsView } from './public-settings.ts';
import type { ReceiptPrinting } from './receipt-printing.ts';
import type { ScanWait } from './scan-wait.ts';
import type { TillShifts } from './till-shifts.ts';
import type { TillViews } from './till-views.ts';

export function tillContext(p: {
  settings: SettingsStore;
  secrets: SecretStore;
  clock: Clock;
  logger: CoreLogger;
  appVersion: string | undefined;
  session: StaffSession;
  directory: StaffDirectory;
  tillShifts: TillShifts;
  pins: TillPinThrottles;
  live: LiveStacks;
  publicSettings: PublicSettingsView;
  views: TillViews;
  scanWait: ScanWait;
  receipts: ReceiptPrinting;
  draft: KeyedDraft;
  posApi: PosApiSlot;
  /** The sync agent follows the settings, the credentials and whether the till is live. */
  applySync(force?: boolean): Promise<void>;
}): CoreContext {
  const { settings, live, views, scanWait, draft } = p;
  return {
    settings,
    secrets: p.secrets,
    staff: p.session,
    directory: p.directory,
    shifts: p.tillShifts.shifts,
    onShiftClosed: p.tillShifts.onShiftClosed,
    openShiftFor: p.tillShifts.openShiftFor,
    pushSnapshot: views.pushSnapshot,
    pinThrottle: p.pins.pinThrottle,
    pinClaimThrottle: p.pins.pinClaimThrottle,
    clock: p.clock,
    logger: p.logger,
    payments: () => live.stack.payments,
    scanner: () => live.scanner,
    sandbox: () => live.stack.sandbox,
    publicSettings: p.publicSettings.get,
    snapshot: views.snapshot,
    settingsChanged: async (previous, signKeyChanged) => {
      await p.publicSettings.refresh();
      await live.followSettings(previous, signKeyChanged);
      await p.applySync();
      views.pushAll();
    },
    storeCredentialsChanged: async () => {
      await p.applySync(true);
      views.pushSnapshot();
    },
    submitCode: (code, source, timings) => scanWait.submit(code, source, timings),
    syncScanWait: () => scanWait.sync(),
    receipts: p.receipts,
    journal: () => live.stack.journal ?? null,
    setDraft: draft.set,
    announceSetAside: draft.announceSetAside,
    pickScanWallet: (wallet) => {
      scanWait.pick(wallet);
      views.pushSnapshot();
    },
    diagnosticsText: () =>
      diagnosticsText({
        appVersion: p.appVersion ?? 'dev',
        snapshot: views.snapshot(),
        settingsIssue: settings.loadIssue,
        recentLog: p.logger.recent(),
        simulatorUrl: live.stack.simulatorUrl,
        posApi: p.posApi.diagnostics(),
      }),
  };
}
