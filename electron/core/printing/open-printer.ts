// A printer target (as the settings or the CLI name it) → the Printer that sends to it.

import { parsePrinterTarget } from '../../../shared/printing/printer-target.ts';
import { createDevicePrinter } from './device-printer.ts';
import type { Printer } from './printer.ts';
import { createSerialPrinter } from './serial-printer.ts';
import { createTcpPrinter } from './tcp-printer.ts';

export interface OpenPrinterOptions {
  /** How long to wait for a network printer's status answer (0: do not ask). */
  statusWaitMs?: number;
}

export function openPrinter(target: string, opts: OpenPrinterOptions = {}): Printer {
  const t = parsePrinterTarget(target);
  switch (t.kind) {
    case 'tcp':
      return createTcpPrinter({
        host: t.host,
        port: t.port,
        ...(opts.statusWaitMs === undefined ? {} : { statusWaitMs: opts.statusWaitMs }),
      });
    case 'serial':
      return createSerialPrinter({ path: t.path, baudRate: t.baudRate });
    case 'device':
      return createDevicePrinter(t.path);
  }
}
