// Serial ports on Linux straight from what the kernel shows, for machines without `udevadm` (containers,
// minimal installs, CI): every /sys/class/tty/<name> with a `device` link, plus the links under
// /dev/serial/by-id, with the USB vendor and product ids (and maker and serial number) read from the
// USB device's sysfs folder. The roots are parameters so tests build a fake tree in a temp folder.
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { RawPortInfo } from './raw-port-info.ts';

export interface KernelRoots {
  /** Normally /sys. */
  sys: string;
  /** Normally /dev. */
  dev: string;
}

export const KERNEL_ROOTS: KernelRoots = { sys: '/sys', dev: '/dev' };

// The same device names serialport's own Linux lister keeps.
const SERIAL_NAME = /^(tty(S|WCH|ACM|USB|AMA|MFD|O|XRUSB)\d*|rfcomm\d+)/;

function readText(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The nearest folder at or above the tty's device that holds idVendor and idProduct (a USB device). */
function usbDeviceOf(deviceDir: string, sysRoot: string): string | null {
  const stop = realpathSync(sysRoot);
  for (let dir = deviceDir; dir.startsWith(stop) && dir !== stop; dir = dirname(dir)) {
    if (existsSync(join(dir, 'idVendor')) && existsSync(join(dir, 'idProduct'))) return dir;
  }
  return null;
}

/** A motherboard UART slot with no chip behind it reports type 0 (PORT_UNKNOWN): not a port. */
function isEmptyUartSlot(ttyDir: string, name: string): boolean {
  return name.startsWith('ttyS') && readText(join(ttyDir, 'type')) === '0';
}

function describeTty(name: string, roots: KernelRoots, listedById: boolean): RawPortInfo | null {
  const ttyDir = join(roots.sys, 'class', 'tty', name);
  const deviceLink = join(ttyDir, 'device');
  if (!listedById && !SERIAL_NAME.test(name)) return null;
  if (!existsSync(deviceLink) || isEmptyUartSlot(ttyDir, name)) return null;
  const path = join(roots.dev, name);
  if (!existsSync(path)) return null;
  let usb: string | null = null;
  try {
    usb = usbDeviceOf(realpathSync(deviceLink), roots.sys);
  } catch {
    usb = null;
  }
  if (!usb) return { path };
  return {
    path,
    vendorId: readText(join(usb, 'idVendor')),
    productId: readText(join(usb, 'idProduct')),
    manufacturer: readText(join(usb, 'manufacturer')),
    serialNumber: readText(join(usb, 'serial')),
  };
}

/** The tty names /dev/serial/by-id points at (a device sysfs may list under a name we filter out). */
function byIdNames(devRoot: string): string[] {
  const dir = join(devRoot, 'serial', 'by-id');
  const names: string[] = [];
  for (const link of list(dir)) {
    try {
      names.push(basename(realpathSync(join(dir, link))));
    } catch {
      // A dangling link: the device went away while we looked.
    }
  }
  return names;
}

export function listKernelPorts(roots: KernelRoots = KERNEL_ROOTS): RawPortInfo[] {
  const byId = new Set(byIdNames(roots.dev));
  const names = new Set([...list(join(roots.sys, 'class', 'tty')), ...byId]);
  const ports: RawPortInfo[] = [];
  for (const name of names) {
    const port = describeTty(name, roots, byId.has(name));
    if (port) ports.push(port);
  }
  return ports;
}
