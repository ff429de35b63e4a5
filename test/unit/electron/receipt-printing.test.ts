// The system printer path of the Electron shell (receipt-printing.ts) on the stand-in BrowserWindow,
// whose webContents.print validates and sizes the page as Electron 45 does (A4 when no size is given).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PrintError } from '../../../electron/core/printing/printer.ts';
import { receiptPageSize } from '../../../electron/main/receipt-page-size.ts';
import { electronPrinting, SYSTEM_PRINT_TIMEOUT_MS } from '../../../electron/main/receipt-printing.ts';
import type { ReceiptDoc } from '../../../shared/printing/receipt-layout.ts';
import { createFakeElectron, type FakeBrowserWindow } from './fake-electron.ts';

const doc = (columns: number, lines = 30): ReceiptDoc => ({
  columns,
  lines: [
    ...Array.from({ length: lines }, (_, i) => ({
      kind: 'text' as const,
      text: `line ${i}`,
      align: 'left' as const,
      bold: false,
      big: false,
    })),
    { kind: 'qr', payload: 'https://example.test/r/1' },
  ],
});

function setup() {
  const fake = createFakeElectron({ userData: '/nowhere', logs: '/nowhere' }, true);
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const printing = electronPrinting({
    BrowserWindow: fake.module.BrowserWindow as never,
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
  });
  /** The print job main hands to the (stand-in) driver: call before printing. */
  const job = () =>
    new Promise<{
      win: FakeBrowserWindow;
      job: FakeBrowserWindow['webContents']['prints'][number] | undefined;
    }>((resolve) =>
      fake.events.once('window', (win: FakeBrowserWindow) =>
        win.webContents.once('stand-in:print', () => resolve({ win, job: win.webContents.prints[0] })),
      ),
    );
  return { fake, timers, printing, job };
}

test('a receipt prints on its roll: 80 mm or 58 mm wide and as long as its lines, never A4', async () => {
  for (const [columns, width] of [
    [48, 80_000],
    [32, 58_000],
  ] as const) {
    const { printing, job } = setup();
    const handed = job();
    const printed = printing.systemPrint?.(doc(columns), 'EPSON_TM_T20III');
    const { win, job: sent } = await handed;
    assert.ok(sent);
    assert.equal(sent.media.width, width);
    assert.ok(sent.media.height > 100_000 && sent.media.height < 297_000, `${sent.media.height} µm long`);
    assert.equal(sent.options.deviceName, 'EPSON_TM_T20III');
    assert.equal(sent.options.silent, true);
    sent.answer(true, '');
    await printed;
    assert.equal(win.isDestroyed(), true, 'the hidden print window is closed');
  }
  // More lines, a longer page.
  assert.ok(receiptPageSize(doc(48, 60)).height > receiptPageSize(doc(48, 30)).height);
});

test('a driver that never answers: the job fails as a timeout and the window goes; a refusal keeps its reason', async () => {
  const hung = setup();
  const handed = hung.job();
  const printed = hung.printing.systemPrint?.(doc(48), 'Receipt');
  const { win } = await handed;
  const timer = hung.timers.at(-1);
  assert.ok(timer);
  assert.equal(timer.ms, SYSTEM_PRINT_TIMEOUT_MS);
  timer.fn(); // the injected clock reaches the limit
  await assert.rejects(printed ?? Promise.resolve(), (err: unknown) => {
    assert.ok(err instanceof PrintError);
    assert.equal(err.kind, 'timeout');
    assert.match(err.message, /system printer Receipt: no answer from the driver in 30 s/);
    return true;
  });
  assert.equal(win.isDestroyed(), true);

  const refused = setup();
  const refusal = refused.job();
  const failing = refused.printing.systemPrint?.(doc(48), 'Receipt');
  const { job } = await refusal;
  job?.answer(false, 'Print job canceled');
  await assert.rejects(failing ?? Promise.resolve(), /system printer Receipt: Print job canceled/);
  assert.equal(refused.timers.at(-1)?.cleared, true, 'the timeout is cleared');
});
