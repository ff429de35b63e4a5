// Serial ports for the settings screen: what serialport can see, USB devices first (a scanner is
// almost always a USB-CDC device; ttyS0… are the motherboard's), as the contract's PortInfo.
import type { PortInfo } from '../../../shared/contract.ts';
import { AppError } from '../../../shared/result.ts';
import { KERNEL_ROOTS, type KernelRoots, listKernelPorts } from './kernel-ports.ts';
import type { RawPortInfo } from './raw-port-info.ts';

export type { RawPortInfo } from './raw-port-info.ts';

const orNull = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);

export function toPortInfo(raw: RawPortInfo): PortInfo {
  return {
    path: raw.path,
    manufacturer: orNull(raw.manufacturer),
    serialNumber: orNull(raw.serialNumber),
    vendorId: orNull(raw.vendorId),
    productId: orNull(raw.productId),
  };
}

export function sortPorts(ports: PortInfo[]): PortInfo[] {
  return [...ports].sort((a, b) => {
    const usb = Number(b.vendorId !== null) - Number(a.vendorId !== null);
    return usb !== 0 ? usb : a.path.localeCompare(b.path, 'en', { numeric: true });
  });
}

/** `list` is serialport's SerialPort.list (serial-driver.ts) or a binding's, in tests. */
export async function listPorts(list: () => Promise<RawPortInfo[]>): Promise<PortInfo[]> {
  let raw: RawPortInfo[];
  try {
    raw = await list();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new AppError('DEVICE_UNAVAILABLE', `could not list serial ports: ${why}`, true);
  }
  return sortPorts(raw.filter((p) => typeof p.path === 'string' && p.path !== '').map(toPortInfo));
}

/**
 * serialport's lister, and on Linux what the kernel shows when that lister fails or finds nothing:
 * serialport runs `udevadm`, which minimal installs and containers lack (or have without a running
 * udev). A missing helper is not the operator's problem, so it is never reported as an error.
 */
export function withKernelFallback(
  list: () => Promise<RawPortInfo[]>,
  opts: { platform?: NodeJS.Platform; roots?: KernelRoots } = {},
): () => Promise<RawPortInfo[]> {
  if ((opts.platform ?? process.platform) !== 'linux') return list;
  const roots = opts.roots ?? KERNEL_ROOTS;
  return async () => {
    const found = await list().catch(() => []);
    return found.length > 0 ? found : listKernelPorts(roots);
  };
}
