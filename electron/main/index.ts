// Composition root of the Electron main process: one instance, the core, the contract on ipcMain,
// the windows, and a clean shutdown. Every decision lives in the small modules imported here.
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  safeStorage,
  session,
} from 'electron';
import type { PublicSettings } from '../../shared/domain.ts';
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
import { followAutostartSetting } from './autostart-follow.ts';
import { createCoreGate } from './core-gate.ts';
import { crashPageUrl } from './crash-page.ts';
import { registerCustomerChoiceIpc } from './customer-choice-ipc.ts';
import { prepareDataDirPaths } from './data-dir-paths.ts';
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
import { quitOnSignals } from './signal-quit.ts';
import { claimSingleInstance, singleInstanceRefused } from './single-instance.ts';
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
// this one (two on the same folder are still kept apart by the core's till.lock). The folders are
// created first: app.setPath throws for one that does not exist (data-dir-paths.ts).
let dataDirProblem: string | null = null;
if (args.dataDir) {
  try {
    const paths = prepareDataDirPaths(args.dataDir);
    app.setPath('userData', paths.profile);
    app.setAppLogsPath(paths.logs);
  } catch (err) {
    dataDirProblem = `The data folder ${args.dataDir} cannot be used: ${(err as Error).message}`;
  }
}
const sink = createRotatingFileSink({ dir: app.getPath('logs') });
const logger = createLogger({ sink }).child('shell');
let windows: ShellWindows | null = null;
let core: TillCore | null = null;
let customerLan: CustomerLan | null = null;
let printing: ReturnType<typeof electronPrinting> | null = null;
const kiosk = createKioskLock({
  locked: args.kiosk,
  askForPin: () => {
    // No core yet (the keyring still locked, or start-up failed): nothing can check a PIN.
    if (!core || !windows || windows.till.isDestroyed()) return false;
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
  const dataDir = args.dataDir ?? app.getPath('userData');

  // The till window first, the core after: the core reads its secrets as it starts, and with a locked
  // keyring (an auto-login kiosk) the answer waits for its password. Calls from the page wait for the core.
  const gate = createCoreGate<TillCore>();
  /** undefined until the OS store has answered (a locked keyring answers once unlocked). */
  let storageProblem: string | null | undefined;
  let customerMode: PublicSettings['customerDisplay'] = 'off';

  const shellDiagnostics = (till: TillCore, coreText: string | null) =>
    diagnosticsText({
      appVersion: app.getVersion(),
      versions: process.versions,
      platform: process.platform,
      arch: process.arch,
      packaged: app.isPackaged,
      at: Date.now(),
      settings: till.snapshot().settings,
      secureStorage:
        storageProblem === undefined
          ? 'not answered yet (a locked keyring?)'
          : (storageProblem ?? 'available'),
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
      const till = await gate.ready;
      const result = await dispatch(till, role, name, payload);
      // The supervisor PIN was right: the locked till may close (after this answer is sent).
      if (name === 'shell.quit' && result.ok) {
        kiosk.release();
        setImmediate(() => app.quit());
      }
      // The support text gains what only the shell knows: versions, storage, the shell's log lines.
      if (name === 'diagnostics.get' && result.ok) {
        return ok({ text: shellDiagnostics(till, (result.value as { text: string }).text) });
      }
      return result;
    },
  });
  // The customer window's one message: the customer's tip or language on a touch monitor (issue 21).
  registerCustomerChoiceIpc(ipcMain, {
    registry,
    logger,
    choose: async (choice) => (await gate.ready).customerChoose(choice),
  });

  // Electron 44+: clipboard.writeText answers with a promise (docs/api/clipboard.md); it can refuse.
  const copyDiagnostics = async () => {
    const till = await gate.ready;
    const answer = await dispatch(till, 'till', 'diagnostics.get', {});
    try {
      await clipboard.writeText(
        shellDiagnostics(till, answer.ok ? (answer.value as { text: string }).text : null),
      );
      logger.info('diagnostics copied to the clipboard');
    } catch (err) {
      logger.error('diagnostics could not be copied to the clipboard', { err });
    }
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({ packaged: app.isPackaged, onCopyDiagnostics: () => void copyDiagnostics() }),
    ),
  );

  windows = openWindows({
    preloadDir: join(dist, 'preload'),
    devTools: !app.isPackaged,
    kiosk: args.kiosk,
    fullscreen: args.autostarted,
    registry,
    subscribe: gate.subscribe,
    // The customer display opens once the core is there (customerMode stays 'off' until then).
    customerView: () => gate.current()?.customerView() ?? null,
    customerMode: () => customerMode,
    customerWindowJoined: () => gate.current()?.customerDisplays.joined({ kind: 'window' }) ?? (() => {}),
    logger,
    crashPageUrl: (role) => {
      const settings = gate.current()?.snapshot().settings;
      const language = role === 'till' ? settings?.operatorLanguage : settings?.customerLanguage;
      return crashPageUrl(language ?? 'en', app.getPath('logs'));
    },
  });
  // Windows ends the session: Electron terminates the process as soon as the handlers return, unless a
  // quit is under way (native_window_views_win.cc, WM_ENDSESSION), so what must happen happens now.
  windows.till.on('session-end', () => {
    kiosk.release();
    shutdown.endNow('Windows session end');
  });
  // Linux and macOS: the system is shutting down (logind); the lock goes now, before its SIGTERM.
  powerMonitor.on('shutdown', () => {
    kiosk.release();
    shutdown.endNow('system shutdown');
  });
  // Alt+F4 and the window manager's close button.
  windows.till.on('close', (event) => kiosk.hold(event));

  void secureStorageProblem(safeStorage, process.platform).then((problem) => {
    storageProblem = problem;
    if (problem) logger.warn(problem);
  });
  const secrets = createSafeStorageSecretStore(join(dataDir, 'secrets.safe.json'), safeStorage);
  printing = electronPrinting({
    BrowserWindow,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  });
  const till = await createTillCore({
    dataDir,
    secrets,
    env: process.env,
    logger: sink,
    appVersion: app.getVersion(),
    printing,
    storeStart: { url: args.storePg, storeId: args.storeId },
    updates: electronUpdates(args.updateFeed, logger),
    posApi: posApiStart({ port: args.posApiPort, key: args.posApiKey, host: args.posApiHost }, process.env),
  });
  core = till;
  gate.open(till);
  if (till.posApi) process.stdout.write(`pos api at ${till.posApi.url}\n`);
  // The "Browser (LAN)" display setting: the customer display for a tablet on the shop's network.
  customerLan = followCustomerLanSetting(till, {
    rendererDir: join(dist, 'renderer'),
    report: (line) => logger.info(line),
  });
  // "Start with the computer": the login item (Windows) or XDG autostart entry (Linux), kept in step.
  followAutostartSetting(till, { app, kiosk: args.kiosk, dataDir: args.dataDir, logger });

  customerMode = till.snapshot().settings.customerDisplay;
  windows.placeCustomer();
  till.subscribe('till', (name, payload) => {
    if (name !== 'till.snapshot') return;
    const mode = (payload as { settings: { customerDisplay: typeof customerMode } }).settings.customerDisplay;
    if (mode !== customerMode) {
      customerMode = mode;
      windows?.placeCustomer();
    }
  });
  logger.info('till started', {
    version: app.getVersion(),
    packaged: app.isPackaged,
    kiosk: args.kiosk,
    autostarted: args.autostarted,
    dataDir,
  });
}

const shutdown = createShutdown({
  close: () => {
    if (!core) return null;
    windows?.dispose();
    printing?.close();
    const closing = core;
    // The journal closes whatever happens to the LAN display's server.
    return (customerLan?.close() ?? Promise.resolve()).finally(() => closing.close());
  },
  closeNow: () => {
    printing?.close();
    core?.closeNow();
    // The network and ports too, in case the process is not ended at once (Electron ends it on a
    // session end; a test's process is not ended): nothing then keeps it alive.
    void core?.close();
  },
  quit: () => app.quit(),
  exit: (code) => app.exit(code),
  onError: (err) => logger.error('core did not close cleanly', { err }),
  onTimeout: (ms) => logger.error(`core did not close within ${ms} ms: exiting (the journal is crash-safe)`),
  onEndNow: (why) => logger.info(`${why}: journal closed and data folder released at once`),
  onDone: () => logger.info('till stopped'),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

const refusedLock = () => {
  const line = singleInstanceRefused(app.getPath('userData'));
  logger.warn(line);
  console.error(line);
};

if (!x11 && dataDirProblem) {
  console.error(dataDirProblem);
  dialog.showErrorBox('OTTPay Till could not start', dataDirProblem);
  app.exit(1);
} else if (!x11 && claimSingleInstance(app, () => windows?.focusTill(), refusedLock)) {
  app.on('before-quit', (event) => {
    if (!kiosk.hold(event)) shutdown.beforeQuit(event);
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => {
      // From 'ready', where Electron's own SIGTERM/SIGINT/SIGHUP handlers no longer replace ours
      // (signal-quit.ts): a signal is the OS or a terminal ending the till, never held for the PIN.
      quitOnSignals(process, (signal) => {
        logger.info(`${signal}: quitting`);
        kiosk.release();
        app.quit();
      });
      return start();
    })
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
