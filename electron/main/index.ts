// Composition root of the Electron main process: one instance, the core, the contract on ipcMain,
// the windows, and a clean shutdown. Every decision lives in the small modules imported here.
import { join } from 'node:path';
import { app, clipboard, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { AppError, ok } from '../../shared/result.ts';
import { createTillCore, type TillCore } from '../core/app/till-core.ts';
import { dispatch } from '../core/dispatch.ts';
import { createLogger } from '../core/logging/logger.ts';
import { createRotatingFileSink } from '../core/logging/rotating-file-sink.ts';
import { posApiStart } from '../core/pos-api/start-options.ts';
import { eventChannel } from '../preload/channels.ts';
import { type CustomerLan, followCustomerLanSetting } from '../web-shell/customer-lan.ts';
import { APP_SCHEME } from './app-origins.ts';
import { createAppProtocolHandler } from './app-protocol.ts';
import { crashPageUrl } from './crash-page.ts';
import { diagnosticsText } from './diagnostics.ts';
import { registerIpc } from './ipc-registration.ts';
import { createKioskLock } from './kiosk-lock.ts';
import { linuxSwitches, x11Relaunch } from './linux-switches.ts';
import { menuTemplate } from './menu.ts';
import { applyPermissionPolicy, guardContents } from './navigation-guard.ts';
import { electronPrinting } from './receipt-printing.ts';
import { createSafeStorageSecretStore, secureStorageProblem } from './secret-store-safe-storage.ts';
import { parseShellArgs } from './shell-args.ts';
import { createShutdown } from './shutdown.ts';
import { claimSingleInstance } from './single-instance.ts';
import { electronUpdates } from './updates.ts';
import { createWindowRegistry } from './window-registry.ts';
import { openWindows, type ShellWindows } from './windows.ts';

// Must run before 'ready': app:// behaves like https (standard, secure origin) for the renderers.
// Not corsEnabled and no fetch support: the pages load same-origin files and nothing may read them
// cross-origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
// Every renderer sandboxed, even one created without our window options.
app.enableSandbox();
// Before 'ready': safeStorage's keyring on Linux; X11 in a Wayland session (linux-switches.ts).
for (const { name, value } of linuxSwitches(process.argv, process.platform))
  app.commandLine.appendSwitch(name, value);
const x11 = x11Relaunch(process.argv, process.env, process.platform);
if (x11) {
  app.relaunch(x11);
  app.exit(0);
}

const args = parseShellArgs(process.argv, process.env);
// Electron's single-instance lock lives in the user-data folder: with --data-dir the till keeps its
// Chromium profile and logs beside its journal, so a till on another data folder can run beside
// this one (two on the same folder are still kept apart by the core's till.lock).
if (args.dataDir) {
  app.setPath('userData', join(args.dataDir, 'shell'));
  app.setAppLogsPath(join(args.dataDir, 'logs'));
}
const sink = createRotatingFileSink({ dir: app.getPath('logs') });
const logger = createLogger({ sink }).child('shell');
let windows: ShellWindows | null = null;
let core: TillCore | null = null;
let customerLan: CustomerLan | null = null;
const kiosk = createKioskLock({
  locked: args.kiosk,
  askForPin: () => {
    if (!windows || windows.till.isDestroyed()) return false;
    windows.focusTill();
    windows.till.webContents.send(eventChannel('shell.quitRequested'), {});
    return true;
  },
});

// Every webContents ever created (windows, DevTools, anything) gets the navigation guard.
app.on('web-contents-created', (_event, contents) => guardContents(contents, logger));

async function start(): Promise<void> {
  const dist = join(__dirname, '..');
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(dist, 'renderer')));
  applyPermissionPolicy(session.defaultSession, logger);

  const storageProblem = secureStorageProblem(safeStorage, process.platform);
  if (storageProblem) logger.warn(storageProblem);
  const dataDir = args.dataDir ?? app.getPath('userData');
  const secrets = createSafeStorageSecretStore(join(dataDir, 'secrets.safe.json'), safeStorage);
  const till = await createTillCore({
    dataDir,
    secrets,
    env: process.env,
    logger: sink,
    appVersion: app.getVersion(),
    printing: electronPrinting(),
    storeStart: { url: args.storePg, storeId: args.storeId },
    updates: electronUpdates(args.updateFeed, logger),
    posApi: posApiStart({ port: args.posApiPort, key: args.posApiKey, host: args.posApiHost }, process.env),
  });
  core = till;
  if (till.posApi) process.stdout.write(`pos api at ${till.posApi.url}\n`);
  // The "Browser (LAN)" display setting: the customer display for a tablet on the shop's network.
  customerLan = followCustomerLanSetting(till, {
    rendererDir: join(dist, 'renderer'),
    report: (line) => logger.info(line),
  });

  const shellDiagnostics = (coreText: string | null) =>
    diagnosticsText({
      appVersion: app.getVersion(),
      versions: process.versions,
      platform: process.platform,
      arch: process.arch,
      packaged: app.isPackaged,
      at: Date.now(),
      settings: till.snapshot().settings,
      secureStorage: storageProblem ?? 'available',
      coreText,
      // The core's own lines are in coreText already.
      logLines: sink
        .recent()
        .filter((line) => !line.includes('"scope":"core'))
        .slice(-100),
    });

  const registry = createWindowRegistry();
  registerIpc(ipcMain, {
    registry,
    logger,
    dispatch: async (role, name, payload) => {
      const result = await dispatch(till, role, name, payload);
      // The supervisor PIN was right: the locked till may close (after this answer is sent).
      if (name === 'shell.quit' && result.ok) {
        kiosk.release();
        setImmediate(() => app.quit());
      }
      // The support text gains what only the shell knows: versions, storage, the shell's log lines.
      if (name === 'diagnostics.get' && result.ok) {
        return ok({ text: shellDiagnostics((result.value as { text: string }).text) });
      }
      return result;
    },
  });

  const copyDiagnostics = async () => {
    const answer = await dispatch(till, 'till', 'diagnostics.get', {});
    clipboard.writeText(shellDiagnostics(answer.ok ? (answer.value as { text: string }).text : null));
    logger.info('diagnostics copied to the clipboard');
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({ packaged: app.isPackaged, onCopyDiagnostics: () => void copyDiagnostics() }),
    ),
  );

  let customerMode = till.snapshot().settings.customerDisplay;
  till.subscribe('till', (name, payload) => {
    if (name !== 'till.snapshot') return;
    const mode = (payload as { settings: { customerDisplay: typeof customerMode } }).settings.customerDisplay;
    if (mode !== customerMode) {
      customerMode = mode;
      windows?.placeCustomer();
    }
  });

  windows = openWindows({
    preloadDir: join(dist, 'preload'),
    devTools: !app.isPackaged,
    kiosk: args.kiosk,
    registry,
    subscribe: (role, listener) => till.subscribe(role, listener),
    customerView: () => till.customerView(),
    customerMode: () => customerMode,
    logger,
    crashPageUrl: (role) => {
      const { operatorLanguage, customerLanguage } = till.snapshot().settings;
      return crashPageUrl(role === 'till' ? operatorLanguage : customerLanguage, app.getPath('logs'));
    },
  });
  windows.till.on('session-end', () => {
    kiosk.release();
    shutdown.sessionEnd();
  });
  // Alt+F4 and the window manager's close button.
  windows.till.on('close', (event) => kiosk.hold(event));
  logger.info('till started', {
    version: app.getVersion(),
    packaged: app.isPackaged,
    kiosk: args.kiosk,
    dataDir,
  });
}

const shutdown = createShutdown({
  close: () => {
    if (!core) return null;
    windows?.dispose();
    const closing = core;
    // The journal closes whatever happens to the LAN display's server.
    return (customerLan?.close() ?? Promise.resolve()).finally(() => closing.close());
  },
  quit: () => app.quit(),
  exit: (code) => app.exit(code),
  onError: (err) => logger.error('core did not close cleanly', { err }),
  onTimeout: (ms) => logger.error(`core did not close within ${ms} ms: exiting (the journal is crash-safe)`),
  onDone: () => logger.info('till stopped'),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

if (!x11 && claimSingleInstance(app, () => windows?.focusTill())) {
  app.on('before-quit', (event) => {
    if (!kiosk.hold(event)) shutdown.beforeQuit(event);
  });
  app.on('window-all-closed', () => app.quit());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      kiosk.release();
      app.quit();
    });
  }
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      logger.error('the till could not start', { err });
      // AppError messages are written for the shop; anything else stays in the log.
      const why = err instanceof AppError ? err.message : 'An unexpected error occurred.';
      dialog.showErrorBox(
        'OTTPay Till could not start',
        `${why}\n\nDetails are in the till log: ${app.getPath('logs')}`,
      );
      app.exit(1);
    });
}
