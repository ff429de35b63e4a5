// Opening a printer device at print time, checked again whatever the settings said (a file may have
// been put where the device was since): never through a symbolic link, never anything but a
// character device, so a receipt can never land in the journal, a settings file or /etc/passwd.
import { constants, type Stats } from 'node:fs';
import { type FileHandle, lstat, open, realpath } from 'node:fs/promises';
import { isatty } from 'node:tty';
import { serialPathProblem, usbDevicePathProblem } from '../../../shared/printing/printer-device-names.ts';
import { PrintError } from './printer.ts';

/** What a serial printer's name may resolve to on Linux: a terminal device (ttyUSB0, ttyACM0, pts/3 …). */
const LINUX_TTY_DEVICE = /^\/dev\/(?:tty[A-Za-z0-9]*|pts\/\d+|rfcomm\d+)$/;

function refused(path: string, why: string): PrintError {
  return new PrintError('unreachable', `printer device ${path} refused: ${why}`);
}

function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isFile()) return 'a regular file';
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a fifo';
  if (st.isSocket()) return 'a socket';
  if (st.isBlockDevice()) return 'a block device';
  return 'not a character device';
}

function notThere(path: string, err: unknown): PrintError {
  const code = (err as NodeJS.ErrnoException).code;
  return new PrintError(
    code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' ? 'offline' : 'unreachable',
    `printer device ${path}: ${code ?? String(err)}`,
  );
}

/**
 * Opens `path` for writing only if it is itself a character device (and, with `tty`, a terminal).
 * lstat first, so a fifo (whose open would block) or a link is refused before open; then the open
 * does not follow links and fstat checks what was really opened (the name may have changed between).
 */
export async function openCharDevice(path: string, opts: { tty?: boolean } = {}): Promise<FileHandle> {
  if (process.platform === 'win32') throw refused(path, 'no device files on Windows');
  let st: Stats;
  try {
    st = await lstat(path);
  } catch (err) {
    throw notThere(path, err);
  }
  if (!st.isCharacterDevice()) throw refused(path, kindOf(st));
  let handle: FileHandle;
  try {
    // O_NONBLOCK for a tty only: opening one must not wait for a carrier; a USB lp write should block.
    const flags =
      constants.O_RDWR | constants.O_NOFOLLOW | constants.O_NOCTTY | (opts.tty ? constants.O_NONBLOCK : 0);
    handle = await open(path, flags);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw refused(path, 'a symbolic link');
    throw notThere(path, err);
  }
  const opened = await handle.stat();
  if (!opened.isCharacterDevice() || (opts.tty === true && !isatty(handle.fd))) {
    await handle.close();
    throw refused(path, opened.isCharacterDevice() ? 'not a serial port (not a tty)' : kindOf(opened));
  }
  return handle;
}

/** A USB printer: the name must be /dev/usb/lpN and the thing opened a character device. */
export async function openUsbPrinterDevice(path: string): Promise<FileHandle> {
  const problem = usbDevicePathProblem(path);
  if (problem) throw refused(path, problem);
  return openCharDevice(path);
}

/**
 * A serial printer: the device the name resolves to (a /dev/serial/by-id link is the usual stable
 * name) must be a terminal device under /dev. Returns that resolved device, which serialport opens.
 * Windows COM ports are reserved device names, so the name rule is the whole check there.
 */
export async function checkSerialDevice(path: string): Promise<string> {
  const problem = serialPathProblem(path);
  if (problem) throw refused(path, problem);
  if (process.platform === 'win32') return path;
  let real: string;
  try {
    real = await realpath(path);
  } catch (err) {
    throw notThere(path, err);
  }
  if (!LINUX_TTY_DEVICE.test(real)) throw refused(path, `${real} is not a serial port`);
  const handle = await openCharDevice(real, { tty: true });
  await handle.close();
  return real;
}
