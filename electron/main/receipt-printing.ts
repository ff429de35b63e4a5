// What Electron adds to receipt printing: a silent print of the receipt page to a named system printer,
// and the line rasteriser for printers without a Chinese font (a hidden page's canvas draws the line).
// Both use hidden windows with the hardened preferences and no preload; the rasteriser's is kept, and
// closed with the till window (a hidden window counts for 'window-all-closed': left open, it would keep
// a windowless till running). Electron's BrowserWindow and the timers are passed in.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { PrintingShell } from '../core/app/receipt-printing.ts';
import { DRAW_LINE_SOURCE, type DrawnLine } from '../core/printing/draw-line-source.ts';
import { PrintError } from '../core/printing/printer.ts';
import { receiptPageHtml } from './receipt-page.ts';
import { receiptPageSize } from './receipt-page-size.ts';

/** A driver that never calls back must not hold the print queue: the job fails after this. */
export const SYSTEM_PRINT_TIMEOUT_MS = 30_000;

export interface ElectronPrintingDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  printTimeoutMs?: number;
}

function hiddenWindow(Window: ElectronPrintingDeps['BrowserWindow'], javascript: boolean): BrowserWindow {
  // Written out here (not spread from window-options.ts) so the static security scan sees every flag.
  return new Window({
    show: false,
    width: 600,
    height: 800,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
      javascript,
    },
  });
}

function dataUrl(html: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

export function electronPrinting(deps: ElectronPrintingDeps): PrintingShell & { close(): void } {
  let canvasWindow: Promise<BrowserWindow> | null = null;
  const canvas = () => {
    canvasWindow ??= (async () => {
      const win = hiddenWindow(deps.BrowserWindow, true);
      await win.loadURL(dataUrl('<!doctype html><meta charset="utf-8"><title>raster</title>'));
      return win;
    })();
    return canvasWindow;
  };
  return {
    async systemPrint(doc, deviceName) {
      const win = hiddenWindow(deps.BrowserWindow, false);
      const ms = deps.printTimeoutMs ?? SYSTEM_PRINT_TIMEOUT_MS;
      let timer: unknown = null;
      try {
        await win.loadURL(dataUrl(receiptPageHtml(doc)));
        await new Promise<void>((resolve, reject) => {
          timer = deps.setTimer(
            () =>
              reject(
                new PrintError(
                  'timeout',
                  `system printer ${deviceName}: no answer from the driver in ${ms / 1000} s`,
                ),
              ),
            ms,
          );
          win.webContents.print(
            {
              silent: true,
              deviceName,
              printBackground: false,
              margins: { marginType: 'none' },
              // The roll's width, not Electron's default A4 (receipt-page-size.ts).
              pageSize: receiptPageSize(doc),
            },
            (success, failureReason) =>
              success
                ? resolve()
                : reject(new PrintError('printer_error', `system printer ${deviceName}: ${failureReason}`)),
          );
        });
      } finally {
        if (timer !== null) deps.clearTimer(timer);
        win.destroy();
      }
    },
    async rasterise(text, { bold, widthDots }) {
      const win = await canvas();
      const r = (await win.webContents.executeJavaScript(
        `(${DRAW_LINE_SOURCE})(${JSON.stringify(text)}, ${bold}, ${widthDots})`,
      )) as DrawnLine;
      return { width: r.width, height: r.height, data: Uint8ClampedArray.from(r.data) };
    },
    close() {
      void canvasWindow?.then((w) => w.destroy());
      canvasWindow = null;
    },
  };
}
