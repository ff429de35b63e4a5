// A stand-in for the 'electron' module, for running the real composition root (electron/main/index.ts,
// bundled as the build does) under plain Node: the Electron binary cannot run in tests. It records
// what main asks of Electron; the tests drive it like Electron would (ready, page loads, IPC, quit).
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { request as httpRequest } from 'node:http';

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
  /** Input events main sent, as real Electron turns them into keys (see `asElectronKeyCode`). */
  readonly injected: Array<{ type: string; keyCode: string }> = [];
  /** Key-downs the page received; a key-up whose key-down main prevented never arrives (below). */
  readonly pageKeys: Array<{ type: string; key: string }> = [];
  readonly #preventedDowns = new Set<string>();
  sendInputEvent(event: { type: string; keyCode: string }) {
    this.injected.push({ type: event.type, keyCode: asElectronKeyCode(event.keyCode) });
  }
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
}

/**
 * webContents.sendInputEvent's keyCode as Electron reads it: a one-character code is lower-cased and
 * no Shift is added (so "A" arrives as "a").
 */
export function asElectronKeyCode(keyCode: string): string {
  return [...keyCode].length === 1 ? keyCode.toLowerCase() : keyCode;
}

/** What a test may look at on a stand-in BrowserWindow. */
export interface FakeBrowserWindowShape extends EventEmitter {
  readonly webContents: FakeWebContents;
  readonly options: { webPreferences?: Record<string, unknown>; fullscreen?: boolean };
  url: string | null;
  visible: boolean;
  focus(): void;
  isFocused(): boolean;
}
export type FakeBrowserWindow = FakeBrowserWindowShape;

export function createFakeElectron(
  paths: { userData: string; logs: string },
  packaged: boolean,
  /** What app.getVersion() says (electron-updater compares the feed with it). */
  version = '0.0.0-test',
) {
  const events = new EventEmitter();
  const windows: FakeBrowserWindow[] = [];
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
    setPath: (name: string, path: string) => {
      if (name === 'userData') paths.userData = path;
    },
    setAppLogsPath: (path: string) => {
      paths.logs = path;
    },
    /** The user-data folder when the single-instance lock was asked for (Electron keeps it there). */
    lockedUserData: null as string | null,
    getVersion: () => version,
    getName: () => 'OTTPay Till',
    name: 'OTTPay Till',
    getAppPath: () => paths.userData,
    requestSingleInstanceLock: () => {
      app.lockedUserData = paths.userData;
      return true;
    },
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
      app.emit('before-quit', event);
      if (event.prevented) return;
      // As Electron: then every window is closed, and a window that prevents its 'close' cancels the quit.
      for (const win of windows) {
        if (win.isDestroyed()) continue;
        win.close();
        if (!win.isDestroyed()) return;
      }
      events.emit('quit');
      // As Electron: 'quit' on app too, with the exit code (electron-updater installs on it).
      app.emit('quit', {}, 0);
    },
    /** As Electron: windows are destroyed without 'close', no before-quit. */
    relaunch: (options: unknown) => events.emit('relaunch', options),
    exit: (code: number) => {
      for (const win of windows) win.destroy();
      events.emit('exit', code);
    },
  });

  class FakeBrowserWindow extends EventEmitter implements FakeBrowserWindowShape {
    readonly webContents = new FakeWebContents();
    readonly options: { webPreferences?: Record<string, unknown>; fullscreen?: boolean };
    url: string | null = null;
    constructor(options: FakeBrowserWindow['options']) {
      super();
      this.options = options;
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
      events.emit('window', this);
    }
    visible = false;
    destroyed = false;
    async loadURL(url: string) {
      this.url = url;
      events.emit('load', this);
      // Electron: 'ready-to-show' once the page has painted, i.e. after loadURL has started.
      setImmediate(() => {
        if (!this.destroyed) this.emit('ready-to-show');
      });
    }
    /** Like Electron on Windows and Linux: showing a window focuses it. */
    show() {
      this.visible = true;
      this.focus();
    }
    showInactive() {
      this.visible = true;
    }
    focus() {
      if (this.destroyed) return;
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
    // Not encryption: stands in for the OS keystore, which Node cannot reach.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (s: string) => Buffer.from(s, 'utf8').reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString('utf8'),
    },
    clipboard: { writeText: (t: string) => events.emit('clipboard', t) },
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
    ready: () => {
      isReady = true;
      readyResolve();
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
