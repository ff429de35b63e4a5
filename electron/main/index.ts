// Composition root of the Electron main process: one instance, the core, the contract on ipcMain,
// the windows, and a clean shutdown. Every decision lives in the small modules imported here.
import { join } from 'node:path';
import { app, clipboard, dialog, ipcMain, Menu, protocol, safeStorage, session } from 'electron';
import { AppError, ok } from '../../shared/result.ts';
import { createTillCore, type TillCore } from '../core/app/till-core.ts';
import { dispatch } from '../core/dispatch.ts';
import { createLogger } from '../core/logging/logger.ts';
import { createRotatingFileSink } from '../core/logging/rotating-file-sink.ts';
import { type CustomerLan, followCustomerLanSetting } from '../web-shell/customer-lan.ts';
import { APP_SCHEME } from './app-origins.ts';
import { createAppProtocolHandler } from './app-protocol.ts';
import { diagnosticsText } from './diagnostics.ts';
import { registerIpc } from './ipc-registration.ts';
import { menuTemplate } from './menu.ts';
import { applyPermissionPolicy, guardContents } from './navigation-guard.ts';
import { createSafeStorageSecretStore, secureStorageProblem } from './secret-store-safe-storage.ts';
import { parseShellArgs } from './shell-args.ts';
import { createQuitGuard } from './shutdown.ts';
import { claimSingleInstance } from './single-instance.ts';
import { attachWedgeInput } from './till-wedge.ts';
import { createWindowRegistry } from './window-registry.ts';
import { openWindows, type ShellWindows } from './windows.ts';

// Must run before 'ready': app:// behaves like https (standard, secure origin) for the renderers.
// Not corsEnabled and no fetch support: the pages load same-origin files and nothing may read them
// cross-origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true } }]);
// Every renderer sandboxed, even one created without our window options.
app.enableSandbox();

const sink = createRotatingFileSink({ dir: app.getPath('logs') });
const logger = createLogger({ sink }).child('shell');
let windows: ShellWindows | null = null;
let core: TillCore | null = null;
let customerLan: CustomerLan | null = null;

// Every webContents ever created (windows, DevTools, anything) gets the navigation guard.
app.on('web-contents-created', (_event, contents) => guardContents(contents, logger));

async function start(): Promise<void> {
  const args = parseShellArgs(process.argv, process.env);
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
    storeStart: { url: args.storePg, storeId: args.storeId },
  });
  core = till;
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
    onTillContents: (win) => attachWedgeInput(win, till),
  });
  logger.info('till started', {
    version: app.getVersion(),
    packaged: app.isPackaged,
    kiosk: args.kiosk,
    dataDir,
  });
}

if (claimSingleInstance(app, () => windows?.focusTill())) {
  app.on(
    'before-quit',
    createQuitGuard({
      close: () => {
        if (!core) return null;
        windows?.dispose();
        const closing = core;
        // The journal closes whatever happens to the LAN display's server.
        return (customerLan?.close() ?? Promise.resolve()).finally(() => closing.close());
      },
      quit: () => app.quit(),
      onError: (err) => logger.error('core did not close cleanly', { err }),
      onDone: () => logger.info('till stopped'),
    }),
  );
  app.on('window-all-closed', () => app.quit());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
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
