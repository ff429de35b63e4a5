// A stand-in for the 'electron' module, for running the real composition root (electron/main/index.ts,
// bundled as the build does) under plain Node: the Electron binary cannot run in tests. It records
// what main asks of Electron; the tests drive it like Electron would (ready, page loads, IPC, quit).
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { isAbsolute } from 'node:path';

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: Array<[string, unknown]> = [];
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
    this.emit('sent', channel, payload);
  }
  isDestroyed() {
    return false;
  }
  /** Key-downs the page received; a key-up whose key-down main prevented never arrives (below). */
  readonly pageKeys: Array<{ type: string; key: string }> = [];
  readonly #preventedDowns = new Set<string>();
  /**
   * A key from the OS, through before-input-event, as Electron 45 delivers it: when a listener
   * prevents a key-down, Chromium also drops that key's key-up before the event fires
   * (electron/electron#37336), so main never sees it and neither does the page.
   */
  pressKey(input: {
    type: 'keyDown' | 'keyUp';
    key: string;
    code: string;
    control?: boolean;
    alt?: boolean;
  }) {
    if (input.type === 'keyUp' && this.#preventedDowns.delete(input.code)) return;
    let prevented = false;
    this.emit('before-input-event', { preventDefault: () => (prevented = true) }, input);
    if (prevented && input.type === 'keyDown') this.#preventedDowns.add(input.code);
    if (!prevented) this.pageKeys.push({ type: input.type, key: input.key });
  }
  reloads = 0;
  reload() {
    this.reloads++;
  }
  /**
   * Print jobs main started. As Electron 45 (lib/browser/api/web-contents.ts, then
   * electron_api_web_contents.cc): pageSize and usePrinterDefaultPageSize together throw, a custom size
   * needs both sides of at least 353 microns, and with neither the page is A4. The callback is the
   * driver's: the test answers it (or never does, like a driver that hangs).
   */
  readonly prints: Array<{
    options: Record<string, unknown>;
    media: { width: number; height: number };
    answer: (success: boolean, failureReason: string) => void;
  }> = [];
  printerDefaultPage = { width: 80_000, height: 297_000 };
  print(options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void) {
    const { pageSize, usePrinterDefaultPageSize } = options as {
      pageSize?: string | { width: number; height: number };
      usePrinterDefaultPageSize?: boolean;
    };
    if (usePrinterDefaultPageSize !== undefined && pageSize !== undefined) {
      throw new Error('usePrinterDefaultPageSize cannot be combined with pageSize');
    }
    let media = { width: 210_000, height: 297_000 }; // A4: what Electron uses without either option
    if (typeof pageSize === 'object') {
      if (!pageSize.width || !pageSize.height)
        throw new Error('height and width properties are required for pageSize');
      const width = Math.ceil(pageSize.width);
      const height = Math.ceil(pageSize.height);
      if (width < 353 || height < 353)
        throw new RangeError('height and width properties must be minimum 352 microns.');
      media = { width, height };
    } else if (pageSize === 'Letter') {
      media = { width: 215_900, height: 279_400 };
    } else if (pageSize !== undefined && pageSize !== 'A4') {
      throw new Error(`Unsupported pageSize: ${pageSize}`);
    } else if (usePrinterDefaultPageSize) {
      media = this.printerDefaultPage;
    }
    this.prints.push({ options, media, answer: callback });
    this.emit('stand-in:print');
  }
}

/** What a test may look at on a stand-in BrowserWindow. */
export interface FakeBrowserWindowShape extends EventEmitter {
  readonly webContents: FakeWebContents;
  readonly options: { webPreferences?: Record<string, unknown>; fullscreen?: boolean; show?: boolean };
  url: string | null;
  visible: boolean;
  focus(): void;
  isFocused(): boolean;
  isDestroyed(): boolean;
  close(): void;
  destroy(): void;
}
export type FakeBrowserWindow = FakeBrowserWindowShape;

/** How the stand-in differs per test: what the machine it pretends to be does. */
export interface FakeElectronOptions {
  /** false: another instance holds the lock, or it cannot be taken (exFAT, a changed hostname). */
  singleInstanceLock?: boolean;
  /** 'locked': the keyring asks for its password; sync safeStorage calls would block main until then. */
  keyring?: 'unlocked' | 'locked';
  /** 'fail': every page load fails before its first paint (no ready-to-show). */
  pageLoads?: 'ok' | 'fail';
  /**
   * 'by-test': a page load says nothing by itself; the test emits did-finish-load and ready-to-show when
   * its page gets there (the start-up benchmark's page in Chromium). By default ready-to-show follows
   * loadURL at once.
   */
  pageEvents?: 'at-once' | 'by-test';
  /** false: clipboard.writeText's promise rejects (no clipboard owner, a remote session). */
  clipboardWorks?: boolean;
  /** What app.getVersion() says (electron-updater compares the feed with it). */
  version?: string;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type ShutdownSignal = (typeof SIGNALS)[number];

export function createFakeElectron(
  paths: { userData: string; logs: string },
  packaged: boolean,
  opts: FakeElectronOptions = {},
) {
  const events = new EventEmitter();
  const windows: FakeBrowserWindow[] = [];
  /** Listeners that were there before main ran (the test runner's): not part of the app. */
  const baseline = Object.fromEntries(SIGNALS.map((sig) => [sig, new Set(process.listeners(sig))])) as Record<
    ShutdownSignal,
    Set<unknown>
  >;
  /** Listeners main registered before Electron installed its own handlers (at ready): never called. */
  const replaced = Object.fromEntries(SIGNALS.map((sig) => [sig, new Set<unknown>()])) as Record<
    ShutdownSignal,
    Set<unknown>
  >;
  let electronHandlers = false;
  /** The window list went empty (Electron says so once, until a window opens again). */
  let allClosed = false;
  let quitting = false;
  let exiting = false;
  let keyringLocked = opts.keyring === 'locked';
  const keyringWaiters: Array<() => void> = [];
  const whenKeyringOpen = () =>
    keyringLocked ? new Promise<void>((resolve) => keyringWaiters.push(resolve)) : Promise.resolve();
  /** safeStorage's synchronous calls, each with whether a till window was on screen then. */
  const syncSafeStorageCalls: Array<{ method: string; windowShown: boolean }> = [];
  const syncCall = (method: string) =>
    syncSafeStorageCalls.push({ method, windowShown: windows.some((w) => w.visible && !w.isDestroyed()) });
  /** Login items as Electron records them (Windows: the Run registry key). */
  let loginItem: { openAtLogin: boolean; path?: string; args?: string[] } = { openAtLogin: false };
  /** Which window had focus, in order: show() and focus() focus a window, showInactive() does not. */
  const focusLog: FakeBrowserWindowShape[] = [];
  let displays = [
    {
      id: 1,
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    },
  ];
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const privileged: unknown[] = [];
  let protocolHandler: ((req: Request) => Promise<Response>) | null = null;
  let menu: unknown = null;
  let readyResolve: () => void = () => {};
  let isReady = false;
  const ready = new Promise<void>((r) => {
    readyResolve = r;
  });

  const app = Object.assign(new EventEmitter(), {
    isPackaged: packaged,
    getPath: (name: string) => (name === 'logs' ? paths.logs : paths.userData),
    /** As Electron (docs/api/app.md): a relative path, or a folder that does not exist, throws. */
    setPath: (name: string, path: string) => {
      if (!isAbsolute(path)) throw new Error('Path must be absolute');
      if (!existsSync(path)) throw new Error('Failed to set path');
      if (name === 'userData') paths.userData = path;
    },
    setAppLogsPath: (path: string) => {
      paths.logs = path;
    },
    /** The user-data folder when the single-instance lock was asked for (Electron keeps it there). */
    lockedUserData: null as string | null,
    getVersion: () => opts.version ?? '0.0.0-test',
    getName: () => 'OTTPay Till',
    name: 'OTTPay Till',
    getAppPath: () => '/opt/OTTPay Till/resources/app.asar',
    requestSingleInstanceLock: () => {
      if (opts.singleInstanceLock === false) return false;
      app.lockedUserData = paths.userData;
      return true;
    },
    setLoginItemSettings: (settings: { openAtLogin?: boolean; path?: string; args?: string[] }) => {
      loginItem = { ...settings, openAtLogin: settings.openAtLogin === true };
    },
    getLoginItemSettings: () => ({ ...loginItem }),
    sandboxEnabled: false,
    enableSandbox: () => {
      app.sandboxEnabled = true;
    },
    whenReady: () => ready,
    isReady: () => isReady,
    /** Switches appended, and whether the app was ready then (Chromium reads most only before). */
    switches: [] as Array<{ name: string; value: string; beforeReady: boolean }>,
    commandLine: {
      appendSwitch: (name: string, value = '') => app.switches.push({ name, value, beforeReady: !isReady }),
    },
    quit: () => {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      if (quitting) return;
      app.emit('before-quit', event);
      if (event.prevented) return;
      // As Electron (browser.cc Quit): then every window is closed, and a window that prevents its
      // 'close' cancels the quit.
      quitting = true;
      for (const win of windows) {
        if (win.isDestroyed()) continue;
        win.close();
        if (!win.isDestroyed()) {
          quitting = false;
          return;
        }
      }
      events.emit('quit');
      // As Electron: 'quit' on app too, with the exit code (electron-updater installs on it).
      app.emit('quit', {}, 0);
    },
    isQuitting: () => quitting,
    /** As Electron: windows are destroyed without 'close', no before-quit. */
    relaunch: (options: unknown) => events.emit('relaunch', options),
    exit: (code: number) => {
      quitting = true;
      exiting = true;
      for (const win of windows) win.destroy();
      events.emit('exit', code);
    },
  });

  class FakeBrowserWindow extends EventEmitter implements FakeBrowserWindowShape {
    readonly webContents = new FakeWebContents();
    readonly options: { webPreferences?: Record<string, unknown>; fullscreen?: boolean; show?: boolean };
    url: string | null = null;
    constructor(options: FakeBrowserWindow['options']) {
      super();
      this.options = options;
      windows.push(this);
      allClosed = false;
      app.emit('web-contents-created', {}, this.webContents);
      events.emit('window', this);
    }
    visible = false;
    destroyed = false;
    async loadURL(url: string) {
      this.url = url;
      events.emit('load', this);
      if (opts.pageLoads === 'fail' && !url.startsWith('data:')) {
        // Nothing painted: no ready-to-show; did-fail-load, and loadURL rejects (as Electron).
        this.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', url, true);
        throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`);
      }
      // As Electron: loadURL's promise settles with the page's load.
      if (opts.pageEvents === 'by-test') {
        await once(this.webContents, 'did-finish-load');
        return;
      }
      // Electron: 'ready-to-show' once the page has painted, i.e. after loadURL has started.
      setImmediate(() => {
        if (!this.destroyed) this.emit('ready-to-show');
      });
    }
    /** Like Electron on Windows and Linux: showing a window focuses it; 'show' when it was hidden. */
    show() {
      const wasHidden = !this.visible;
      this.visible = true;
      if (wasHidden) this.emit('show');
      this.focus();
    }
    showInactive() {
      const wasHidden = !this.visible;
      this.visible = true;
      if (wasHidden) this.emit('show');
    }
    isVisible() {
      return this.visible && !this.destroyed;
    }
    fullScreen = false;
    setFullScreen(on: boolean) {
      this.fullScreen = on;
    }
    /** A hidden window is not focused (the "focus() on a hidden window does nothing"). */
    focus() {
      if (this.destroyed || !this.visible) return;
      focusLog.push(this);
      this.emit('focus');
    }
    isFocused(): boolean {
      return focusLog.at(-1) === this;
    }
    restore() {}
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return this.destroyed;
    }
    /** Alt+F4 or the window manager's close button: 'close' first, which a listener may prevent. */
    close() {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      this.emit('close', event);
      if (!event.prevented) this.destroy();
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
      // As Electron (browser.cc OnWindowAllClosed): when the last window goes, hidden ones included,
      // 'window-all-closed' — unless a quit or exit is already under way.
      if (!allClosed && windows.every((w) => w.isDestroyed())) {
        allClosed = true;
        if (!quitting && !exiting) app.emit('window-all-closed');
      }
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((w) => !w.isDestroyed());
    }
  }

  const screen = Object.assign(new EventEmitter(), {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => ({ id: 1 }),
  });
  /** Plugs (or unplugs) a second display 1920 px right of the first, and says so as Electron does. */
  const setSecondDisplay = (present: boolean) => {
    const [first] = displays;
    if (!first) return;
    const second = {
      id: 2,
      bounds: { x: 1920, y: 0, width: 1280, height: 800 },
      workArea: { x: 1920, y: 0, width: 1280, height: 800 },
    };
    displays = present ? [first, second] : [first];
    screen.emit(present ? 'display-added' : 'display-removed', {}, second);
  };

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    screen,
    ipcMain: {
      handle: (channel: string, h: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        handlers.set(channel, h),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
      handle: (_scheme: string, h: (req: Request) => Promise<Response>) => {
        protocolHandler = h;
      },
    },
    session: {
      defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} },
      fromPartition: (partition: string) => ({ partition }),
    },
    // electron.net.request as electron-updater uses it (plain http here: the feed is on loopback);
    // Node's ClientRequest emits 'response' with the same statusCode, headers and data events.
    net: {
      request: (options: Record<string, unknown>) => {
        const { session: _session, redirect: _redirect, ...rest } = options;
        return httpRequest(rest);
      },
    },
    /** Electron's own autoUpdater: electron-updater emits 'before-quit-for-update' on it. */
    autoUpdater: new EventEmitter(),
    // Not encryption: stands in for the OS keystore, which Node cannot reach. The synchronous calls
    // are recorded: with a locked keyring the real ones block the main thread on the unlock prompt.
    safeStorage: {
      isEncryptionAvailable: () => {
        syncCall('isEncryptionAvailable');
        return true;
      },
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s: string) => {
        syncCall('encryptString');
        return Buffer.from(s, 'utf8').reverse();
      },
      decryptString: (b: Buffer) => {
        syncCall('decryptString');
        return Buffer.from(b).reverse().toString('utf8');
      },
      isAsyncEncryptionAvailable: async () => {
        await whenKeyringOpen();
        return true;
      },
      encryptStringAsync: async (s: string) => {
        await whenKeyringOpen();
        return Buffer.from(s, 'utf8').reverse();
      },
      decryptStringAsync: async (b: Buffer) => {
        await whenKeyringOpen();
        return { shouldReEncrypt: false, result: Buffer.from(b).reverse().toString('utf8') };
      },
    },
    // Electron 44+: writeText returns a promise (docs/api/clipboard.md).
    clipboard: {
      writeText: async (t: string) => {
        if (opts.clipboardWorks === false) {
          events.emit('clipboard-refused', t);
          throw new Error('clipboard is not available');
        }
        events.emit('clipboard', t);
      },
    },
    powerMonitor: new EventEmitter(),
    dialog: { showErrorBox: (title: string, body: string) => events.emit('error-box', title, body) },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => {
        menu = m;
      },
    },
  };

  return {
    module,
    events,
    windows,
    focusLog,
    setSecondDisplay,
    handlers,
    privileged,
    /** Electron runs main, installs its SIGINT/SIGTERM/SIGHUP handlers, then emits ready. */
    ready: () => {
      for (const sig of SIGNALS) {
        for (const l of process.listeners(sig)) if (!baseline[sig].has(l)) replaced[sig].add(l);
      }
      electronHandlers = true;
      isReady = true;
      readyResolve();
    },
    syncSafeStorageCalls,
    unlockKeyring() {
      keyringLocked = false;
      for (const resolve of keyringWaiters.splice(0)) resolve();
    },
    /**
     * A signal as the OS delivers it. Node's listener is one libuv handler per signal: while a listener
     * main added before Electron's sigaction (electron_browser_main_parts_posix.cc) is still there,
     * Electron's handler keeps the signal and turns it into app.quit(); listeners added later (once the
     * earlier ones are gone) get it instead.
     */
    sendSignal(sig: ShutdownSignal) {
      const mine = process.listeners(sig).filter((l) => !baseline[sig].has(l));
      if (electronHandlers && (mine.length === 0 || mine.some((l) => replaced[sig].has(l)))) {
        events.emit('electron-signal', sig);
        app.quit();
        return;
      }
      for (const l of mine) (l as (s: string) => void)(sig);
    },
    /**
     * Windows ends the session (native_window_views_win.cc, WM_ENDSESSION): every window hears
     * 'session-end', then the process is terminated at once unless a quit is already under way.
     */
    endSession(reasons: string[] = ['shutdown']) {
      for (const win of windows.filter((w) => !w.isDestroyed())) win.emit('session-end', { reasons });
      if (!quitting) events.emit('terminated');
    },
    protocolHandler: () => protocolHandler,
    menu: () => menu,
    /** A menu item with a role, chosen as Electron would act on it ('quit' → app.quit()). */
    chooseRole(role: string) {
      const items = (menu as Array<{ submenu?: Array<{ role?: string }> }>).flatMap((m) => m.submenu ?? []);
      assert.ok(
        items.some((item) => item.role === role),
        `the menu has a ${role} item`,
      );
      if (role === 'quit') app.quit();
    },
  };
}
