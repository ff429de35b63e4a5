// A serial receipt printer through the project's serialport stack (loaded on first use, like the
// scanner driver, so a till without the native addon still prints over the network).
import { loadSerialDriver, type SerialPortClass } from '../devices/serial-driver.ts';
import { checkSerialDevice } from './char-device.ts';
import { PrintError, type Printer } from './printer.ts';

export interface SerialPrinterOptions {
  path: string;
  baudRate: number;
  /** Tests may pass their own SerialPort class. */
  SerialPort?: SerialPortClass;
}

export function createSerialPrinter(opts: SerialPrinterOptions): Printer {
  return {
    target: `serial:${opts.path}`,
    async print(bytes) {
      const SerialPort = opts.SerialPort ?? (await driver());
      // A serial printer must be a terminal device: the resolved device is opened, not the name,
      // so a link swapped after the check cannot redirect the receipt into a file.
      const device = await checkSerialDevice(opts.path);
      const port = new SerialPort({ path: device, baudRate: opts.baudRate, autoOpen: false });
      await new Promise<void>((resolve, reject) =>
        port.open((err) =>
          err ? reject(new PrintError('offline', `serial printer ${opts.path}: ${err.message}`)) : resolve(),
        ),
      );
      try {
        await new Promise<void>((resolve, reject) => {
          port.write(Buffer.from(bytes), (err) => {
            if (err) reject(new PrintError('printer_error', `serial printer ${opts.path}: ${err.message}`));
          });
          port.drain((err) =>
            err
              ? reject(new PrintError('printer_error', `serial printer ${opts.path}: ${err.message}`))
              : resolve(),
          );
        });
      } finally {
        await new Promise<void>((resolve) => port.close(() => resolve()));
      }
    },
  };
}

async function driver(): Promise<SerialPortClass> {
  const d = await loadSerialDriver();
  if (!d.loaded) throw new PrintError('unreachable', d.reason);
  return d.SerialPort;
}
