// Which names a printer device may have (pure). Receipts are written to the target, so a name that
// could be an ordinary file is refused before anything opens it:
// - USB: Linux's printer class driver, /dev/usb/lpN. On Windows a USB receipt printer is driven by
//   its spooler driver, so it is the "system" printer (by name); there is no raw USB path to accept.
// - Serial: a device under /dev (ttyUSB0, ttyACM0, ttyS0, pts/N, or a /dev/serial/by-id link), or a
//   Windows COM port (COM3, \\.\COM12: reserved device names, never files).
// The core checks again at open time that the name really is a character device (and a tty for serial).

/** /dev/usb/lp0 … /dev/usb/lp999 */
export const USB_PRINTER_DEVICE = /^\/dev\/usb\/lp\d{1,3}$/;

/** A device file under /dev: plain path segments only (no "..", no "."), as udev names them. */
const LINUX_SERIAL_DEVICE = /^\/dev(?:\/[A-Za-z0-9_:+.,=-]+)+$/;
const WINDOWS_COM_PORT = /^(?:\\\\\.\\)?COM[1-9]\d{0,2}$/i;

export function usbDevicePathProblem(path: string): string | null {
  if (USB_PRINTER_DEVICE.test(path)) return null;
  if (/^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\'))
    return 'on Windows a USB receipt printer is the system printer: choose it by name';
  return `"${path}" is not a USB printer device: use /dev/usb/lp0 (or lp1, lp2 …)`;
}

export function serialPathProblem(path: string): string | null {
  if (WINDOWS_COM_PORT.test(path)) return null;
  if (LINUX_SERIAL_DEVICE.test(path) && !path.split('/').some((seg) => seg === '.' || seg === '..'))
    return null;
  return `"${path}" is not a serial port: use serial:/dev/ttyUSB0 (Linux) or serial:COM3 (Windows)`;
}
