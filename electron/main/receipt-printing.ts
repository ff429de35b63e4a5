// What Electron adds to receipt printing: a silent print of the receipt page to a named system printer,
// and the line rasteriser for printers without a Chinese font (a hidden page's canvas draws the line).
// Both use hidden windows with the hardened preferences and no preload; the rasteriser's is kept.
import { BrowserWindow } from 'electron';
import type { PrintingShell } from '../core/app/receipt-printing.ts';
import { DRAW_LINE_SOURCE, type DrawnLine } from '../core/printing/draw-line-source.ts';
import { PrintError } from '../core/printing/printer.ts';
import { receiptPageHtml } from './receipt-page.ts';

function hiddenWindow(javascript: boolean): BrowserWindow {
  // Written out here (not spread from window-options.ts) so the static security scan sees every flag.
  return new BrowserWindow({
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

export function electronPrinting(): PrintingShell & { close(): void } {
  let canvasWindow: Promise<BrowserWindow> | null = null;
  const canvas = () => {
    canvasWindow ??= (async () => {
      const win = hiddenWindow(true);
      await win.loadURL(dataUrl('<!doctype html><meta charset="utf-8"><title>raster</title>'));
      return win;
    })();
    return canvasWindow;
  };
  return {
    async systemPrint(doc, deviceName) {
      const win = hiddenWindow(false);
      try {
        await win.loadURL(dataUrl(receiptPageHtml(doc)));
        await new Promise<void>((resolve, reject) => {
          win.webContents.print(
            { silent: true, deviceName, printBackground: false, margins: { marginType: 'none' } },
            (success, failureReason) =>
              success
                ? resolve()
                : reject(new PrintError('printer_error', `system printer ${deviceName}: ${failureReason}`)),
          );
        });
      } finally {
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
