// How a receipt printer is named in the settings and on the command line (pure: the settings schema
// checks it at the boundary, the core opens it). A printer target is written to, so only printer
// device names pass: a path to a file (the journal, /etc/passwd) must never become a "printer".
// The core checks again when it opens the device (electron/core/printing/char-device.ts).
import { serialPathProblem, usbDevicePathProblem } from './printer-device-names.ts';

export type PrinterTarget =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'device'; path: string };

/** "tcp://HOST:PORT", "serial:PATH" (optionally "@BAUD"), or a device path such as /dev/usb/lp0. */
export function parsePrinterTarget(text: string): PrinterTarget {
  const t = text.trim();
  const tcp = /^tcp:\/\/(\[[^\]]+\]|[^:/\s]+)(?::(\d{1,5}))?\/?$/.exec(t);
  if (tcp) {
    const port = tcp[2] === undefined ? 9100 : Number(tcp[2]);
    if (port < 1 || port > 65535) throw new Error(`printer port ${port} is out of range`);
    return { kind: 'tcp', host: (tcp[1] ?? '').replace(/^\[|\]$/g, ''), port };
  }
  const serial = /^serial:(.+?)(?:@(\d{3,6}))?$/.exec(t);
  if (serial) {
    const path = serial[1] ?? '';
    const problem = serialPathProblem(path);
    if (problem) throw new Error(problem);
    return { kind: 'serial', path, baudRate: Number(serial[2] ?? 9600) };
  }
  if (t.startsWith('/') || /^[A-Za-z]:[\\/]/.test(t) || t.startsWith('\\')) {
    const problem = usbDevicePathProblem(t);
    if (problem) throw new Error(problem);
    return { kind: 'device', path: t };
  }
  throw new Error(
    `"${text}" is not a printer: use tcp://HOST:PORT, serial:PATH or a device path like /dev/usb/lp0`,
  );
}

/** Why a printer setting cannot work, or null: the target must fit the kind of printer chosen. */
export function printerTargetProblem(printer: string, target: string): string | null {
  if (printer === 'none' || printer === 'screen') return null;
  if (printer === 'system') return target.trim() === '' ? 'name the system printer' : null;
  let parsed: PrinterTarget;
  try {
    parsed = parsePrinterTarget(target);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  const want = { network: 'tcp', serial: 'serial', usb: 'device' }[printer];
  if (want && parsed.kind !== want) {
    const example = {
      network: 'tcp://192.168.1.50:9100',
      serial: 'serial:/dev/ttyUSB0',
      usb: '/dev/usb/lp0',
    }[printer as 'network' | 'serial' | 'usb'];
    return `a ${printer} printer is named like ${example}`;
  }
  return null;
}
