// A printer that is a file: Linux USB printer devices (/dev/usb/lp0) take raw ESC/POS written to them.
// Opened for each receipt (the device comes and goes with the cable), written whole, closed. Only a
// /dev/usb/lpN character device is opened, never through a link (see char-device.ts).
import { openUsbPrinterDevice } from './char-device.ts';
import { PrintError, type Printer } from './printer.ts';

export function createDevicePrinter(path: string): Printer {
  return {
    target: path,
    async print(bytes) {
      // No O_CREAT: a missing device is an unplugged printer, not a file to make.
      const handle = await openUsbPrinterDevice(path);
      try {
        await handle.write(bytes);
      } catch (err) {
        throw new PrintError('printer_error', `printer device ${path}: ${(err as Error).message}`);
      } finally {
        await handle.close();
      }
    },
  };
}
