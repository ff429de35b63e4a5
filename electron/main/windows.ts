// Opens the two windows with the options of window-options.ts, wires each to its role (registry,
// events, navigation guard by app 'web-contents-created') and keeps the customer display placed as
// displays come and go. Electron-bound: the decisions it makes are in the pure modules it calls.
import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import type { Role } from '../../shared/contract.ts';
import type { PublicSettings } from '../../shared/domain.ts';
import type { Logger } from '../core/logging/logger.ts';
import { eventChannel } from '../preload/channels.ts';
import { pageUrl } from './app-origins.ts';
import { keepCustomerUnfocused } from './customer-focus.ts';
import {
  type CustomerPlacement,
  placeCustomerDisplay,
  placeTill,
  samePlacement,
} from './display-placement.ts';
import { forwardEvents, type Subscribe } from './event-forwarding.ts';
import { createPageCrashRecovery } from './page-crash.ts';
import { showTillWhenReady } from './show-till.ts';
import { customerWindowOptions, tillWindowOptions } from './window-options.ts';
import type { WindowRegistry } from './window-registry.ts';

export interface WindowsDeps {
  preloadDir: string;
  devTools: boolean;
  kiosk: boolean;
  /** Started with the computer: the till opens full screen (kiosk mode is full screen already). */
  fullscreen: boolean;
  registry: WindowRegistry;
  subscribe: Subscribe;
  customerView: () => unknown;
  customerMode: () => PublicSettings['customerDisplay'];
  /** The customer window opened: the core counts it as a display that answers the tip ask; returns its leave. */
  customerWindowJoined?: () => () => void;
  logger: Logger;
  /** The data: URL of the page shown once a window's page has crashed too often. */
  crashPageUrl: (role: Role) => string;
}

export interface ShellWindows {
  readonly till: BrowserWindow;
  focusTill(): void;
  /** Re-places (or opens / closes) the customer display for the current displays and setting. */
  placeCustomer(): void;
  dispose(): void;
}

function displays() {
  return { all: screen.getAllDisplays(), primaryId: screen.getPrimaryDisplay().id };
}

/** Registry entry, events and cleanup shared by both windows. */
function attach(win: BrowserWindow, role: Role, deps: WindowsDeps): void {
  const id = win.webContents.id;
  deps.registry.add(id, role);
  const stop = forwardEvents(deps.subscribe, role, win.webContents);
  win.webContents.once('destroyed', () => {
    stop();
    deps.registry.remove(id);
  });
  // A crashed page must not leave the till blank: load it again after a pause that grows, and after
  // a few crashes show the page that says what to do (page-crash.ts).
  const recovery = createPageCrashRecovery({
    reload: () => {
      if (!win.isDestroyed()) win.webContents.reload();
    },
    showErrorPage: () => {
      if (!win.isDestroyed()) void win.loadURL(deps.crashPageUrl(role)).catch(() => {});
    },
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    const decision = recovery.onGone(details.reason);
    deps.logger.error(`${role} page process gone`, { reason: details.reason, decision });
  });
  win.once('closed', () => recovery.dispose());
  void win
    .loadURL(pageUrl(role))
    .catch((err: unknown) => deps.logger.error(`${role} page failed to load`, { err }));
}

export function openWindows(deps: WindowsDeps): ShellWindows {
  const log = deps.logger.child('windows');
  const d = displays();
  // Electronegativity flags contextIsolation, sandbox and auxclick here: it cannot follow options built
  // by window-options.ts, which sets all three (the reasons: electronegativity-exceptions.ts).
  const till = new BrowserWindow(
    tillWindowOptions({
      preloadPath: join(deps.preloadDir, 'till.cjs'),
      devTools: deps.devTools,
      kiosk: deps.kiosk,
      bounds: placeTill(d.all, d.primaryId),
    }),
  );
  if (deps.fullscreen && !deps.kiosk) till.setFullScreen(true);
  showTillWhenReady(till, {
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    onFallback: (why) => log.warn(`till window shown without ready-to-show (${why})`),
  });
  attach(till, 'till', deps);

  let customer: BrowserWindow | null = null;
  let placement: CustomerPlacement = { kind: 'none' };

  const openCustomer = (next: Exclude<CustomerPlacement, { kind: 'none' }>) => {
    // The same electronegativity exception as the till window's above.
    const win = new BrowserWindow(
      customerWindowOptions({
        preloadPath: join(deps.preloadDir, 'customer.cjs'),
        devTools: deps.devTools,
        placement: next,
      }),
    );
    keepCustomerUnfocused(win, till);
    attach(win, 'customer', deps);
    // The projection as it is now; later changes arrive as events.
    win.webContents.on('did-finish-load', () =>
      win.webContents.send(eventChannel('customer.view'), deps.customerView()),
    );
    const leave = deps.customerWindowJoined?.() ?? (() => {});
    win.on('closed', () => {
      leave();
      if (customer === win) {
        customer = null;
        placement = { kind: 'none' };
      }
    });
    customer = win;
  };

  const placeCustomer = () => {
    const now = displays();
    const next = placeCustomerDisplay(deps.customerMode(), now.all, now.primaryId);
    if (customer && samePlacement(next, placement)) return;
    log.info('customer display placed', { placement: next.kind, displays: now.all.length });
    // Full screen ↔ window changes the frame, which a live window cannot: open a new one.
    const old = customer;
    customer = null;
    old?.destroy();
    placement = next;
    if (next.kind !== 'none') openCustomer(next);
    till.focus();
  };

  const onDisplays = () => placeCustomer();
  // Work-area changes (a taskbar appearing) are ignored: only a display moving or resizing counts.
  const onMetrics = (_event: unknown, _display: unknown, changed: string[]) => {
    if (changed.includes('bounds')) placeCustomer();
  };
  screen.on('display-added', onDisplays);
  screen.on('display-removed', onDisplays);
  screen.on('display-metrics-changed', onMetrics);
  placeCustomer();
  // The till closing ends the app: the customer display and every hidden helper window (the receipt
  // rasteriser's) go with it, since Electron counts hidden windows before 'window-all-closed'.
  till.on('closed', () => {
    customer?.destroy();
    for (const win of BrowserWindow.getAllWindows()) if (win !== till && !win.isDestroyed()) win.destroy();
  });

  return {
    till,
    focusTill() {
      if (till.isDestroyed()) return;
      if (till.isMinimized()) till.restore();
      till.focus();
    },
    placeCustomer,
    dispose() {
      screen.removeListener('display-added', onDisplays);
      screen.removeListener('display-removed', onDisplays);
      screen.removeListener('display-metrics-changed', onMetrics);
    },
  };
}
