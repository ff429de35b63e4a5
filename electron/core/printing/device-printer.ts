// A printer that is a file: Linux USB printer devices (/dev/usb/lp0) take raw ESC/POS written to them.
// Opened for each receipt (the device comes and goes with the cable), written whole, closed.
import { open } from 'node:fs/promises';
import { PrintError, type Printer } from './printer.ts';

export function createDevicePrinter(path: string): Printer {
  return {
    target: path,
    async print(bytes) {
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        // No O_CREAT: a missing device is an unplugged printer, not a file to make.
        handle = await open(path, 'r+');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        throw new PrintError(
          code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' ? 'offline' : 'unreachable',
          `printer device ${path}: ${code ?? String(err)}`,
        );
      }
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
