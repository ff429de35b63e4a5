// BrowserWindow options for each window role. Pure (types only from 'electron'), so the unit tests
// assert every hardening flag, and the electronegativity test scans these exact objects.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import type { Role } from '../../shared/contract.ts';
import type { CustomerPlacement, Rect } from './display-placement.ts';

export interface WindowOptionsInput {
  /** Absolute path of dist/preload/<role>.cjs. */
  preloadPath: string;
  /** False in packaged builds (app.isPackaged). */
  devTools: boolean;
}

/** The security baseline: identical for both roles except the preload. */
export function hardenedWebPreferences(input: WindowOptionsInput): WebPreferences {
  return {
    preload: input.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Middle-click must not open anything either.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: input.devTools,
  };
}

export interface TillWindowInput extends WindowOptionsInput {
  kiosk: boolean;
  /** Work area of the primary display, when known. */
  bounds: Rect | null;
}

export function tillWindowOptions(input: TillWindowInput): BrowserWindowConstructorOptions {
  return {
    title: 'OTTPay Till',
    ...(input.bounds ?? { width: 1280, height: 800 }),
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    kiosk: input.kiosk,
    webPreferences: hardenedWebPreferences(input),
  };
}

export interface CustomerWindowInput extends WindowOptionsInput {
  placement: Exclude<CustomerPlacement, { kind: 'none' }>;
}

export function customerWindowOptions(input: CustomerWindowInput): BrowserWindowConstructorOptions {
  const fullscreen = input.placement.kind === 'fullscreen';
  return {
    title: 'OTTPay — Customer display',
    ...input.placement.bounds,
    minWidth: 320,
    minHeight: 240,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    // Full screen on its own display; otherwise an ordinary window the cashier can move and resize.
    fullscreen,
    frame: !fullscreen,
    resizable: !fullscreen,
    movable: !fullscreen,
    // Never steal focus from the till: the cashier keeps typing (and the wedge scanner keeps feeding it).
    focusable: !fullscreen,
    webPreferences: hardenedWebPreferences(input),
  };
}

export function windowOptionsFor(
  role: Role,
  input: WindowOptionsInput & {
    kiosk?: boolean;
    bounds?: Rect | null;
    placement?: CustomerWindowInput['placement'];
  },
): BrowserWindowConstructorOptions {
  if (role === 'till')
    return tillWindowOptions({ ...input, kiosk: input.kiosk ?? false, bounds: input.bounds ?? null });
  if (!input.placement) throw new Error('customer window needs a placement');
  return customerWindowOptions({ ...input, placement: input.placement });
}
