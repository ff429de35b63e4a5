import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SerialPort, SerialPortMock } from 'serialport';
import { type KernelRoots, listKernelPorts } from '../../../electron/core/devices/kernel-ports.ts';
import { listPorts, withKernelFallback } from '../../../electron/core/devices/port-list.ts';
import { AppError } from '../../../shared/result.ts';

// @serialport/binding-mock, as serialport itself loads it (one module instance, typed).
const MockBinding = SerialPortMock.binding;

describe('port listing for the settings screen', () => {
  it('maps what the binding lists to PortInfo, USB devices first, natural order', async () => {
    MockBinding.reset();
    MockBinding.createPort('/dev/ttyS10');
    MockBinding.createPort('/dev/ttyS2');
    MockBinding.createPort('/dev/ttyACM0', { vendorId: '05e0', productId: '1200', manufacturer: 'Zebra' });
    const ports = await listPorts(() => MockBinding.list());
    assert.deepEqual(
      ports.map((p) => p.path),
      ['/dev/ttyACM0', '/dev/ttyS2', '/dev/ttyS10'],
    );
    assert.deepEqual(ports[0], {
      path: '/dev/ttyACM0',
      manufacturer: 'Zebra',
      serialNumber: '3',
      vendorId: '05e0',
      productId: '1200',
    });
    assert.equal(ports[1]?.vendorId, null);
    MockBinding.reset();
  });

  it('says plainly when ports cannot be listed', async () => {
    await assert.rejects(
      listPorts(async () => {
        throw new Error('udevadm not found');
      }),
      (err) =>
        err instanceof AppError && err.code === 'DEVICE_UNAVAILABLE' && /udevadm not found/.test(err.message),
    );
  });

  it("lists this machine's real ports without failing, udevadm or not", async () => {
    const ports = await listPorts(withKernelFallback(() => SerialPort.list()));
    assert.ok(Array.isArray(ports));
    for (const p of ports) assert.equal(typeof p.path, 'string');
  });
});

const tree = mkdtempSync(join(tmpdir(), 'till-sysfs-'));
after(() => rmSync(tree, { recursive: true, force: true }));

/** A fake /sys and /dev: a USB scanner (ACM), a real UART, an empty UART slot, a virtual console,
 *  a USB adapter whose /dev node is gone, and a gadget port only /dev/serial/by-id names. */
function fakeKernel(): KernelRoots {
  const sys = join(tree, 'sys');
  const dev = join(tree, 'dev');
  const file = (path: string, text = '') => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  const tty = (name: string, device: string | null, extra: Record<string, string> = {}) => {
    const dir = join(sys, 'devices', 'virtual-or-real', name);
    mkdirSync(dir, { recursive: true });
    for (const [k, v] of Object.entries(extra)) file(join(dir, k), v);
    if (device) {
      mkdirSync(join(sys, device), { recursive: true });
      symlinkSync(join(sys, device), join(dir, 'device'));
    }
    mkdirSync(join(sys, 'class', 'tty'), { recursive: true });
    symlinkSync(dir, join(sys, 'class', 'tty', name));
  };
  const usb = join(sys, 'devices', 'pci0000:00', '0000:00:14.0', 'usb1', '1-2');
  file(join(usb, 'idVendor'), '05e0\n');
  file(join(usb, 'idProduct'), '1200\n');
  file(join(usb, 'manufacturer'), 'Zebra Technologies\n');
  file(join(usb, 'serial'), 'S1234\n');
  tty('ttyACM0', 'devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0');
  tty('ttyS0', 'devices/platform/serial8250/s0', { type: '4\n' });
  tty('ttyS1', 'devices/platform/serial8250/s1', { type: '0\n' });
  tty('tty0', null);
  tty('ttyUSB3', 'devices/pci0000:00/0000:00:14.0/usb1/1-3/1-3:1.0');
  tty('ttyGS0', 'devices/platform/gadget/g0');
  for (const name of ['ttyACM0', 'ttyS0', 'ttyS1', 'tty0', 'ttyGS0']) file(join(dev, name));
  mkdirSync(join(dev, 'serial', 'by-id'), { recursive: true });
  symlinkSync(
    join(dev, 'ttyACM0'),
    join(dev, 'serial', 'by-id', 'usb-Zebra_Technologies_Scanner_S1234-if00'),
  );
  symlinkSync(join(dev, 'ttyGS0'), join(dev, 'serial', 'by-id', 'usb-Linux_Gadget_Serial-if00'));
  return { sys, dev };
}

describe('port listing without udevadm (what the kernel shows)', () => {
  const roots = fakeKernel();

  it('lists ttys with a device behind them, with USB ids from sysfs, and skips empty UART slots', async () => {
    const ports = await listPorts(async () => listKernelPorts(roots));
    assert.deepEqual(ports, [
      {
        path: join(roots.dev, 'ttyACM0'),
        manufacturer: 'Zebra Technologies',
        serialNumber: 'S1234',
        vendorId: '05e0',
        productId: '1200',
      },
      {
        path: join(roots.dev, 'ttyGS0'),
        manufacturer: null,
        serialNumber: null,
        vendorId: null,
        productId: null,
      },
      {
        path: join(roots.dev, 'ttyS0'),
        manufacturer: null,
        serialNumber: null,
        vendorId: null,
        productId: null,
      },
    ]);
  });

  it('falls back to the kernel when serialport cannot run udevadm (hidden from PATH)', async () => {
    const savedPath = process.env.PATH;
    const empty = mkdtempSync(join(tmpdir(), 'till-no-udevadm-'));
    process.env.PATH = empty;
    try {
      if (process.platform === 'linux')
        await assert.rejects(SerialPort.list(), /udevadm/, 'serialport alone needs udevadm');
      const ports = await listPorts(
        withKernelFallback(() => SerialPort.list(), { platform: 'linux', roots }),
      );
      assert.deepEqual(
        ports.map((p) => [p.path, p.vendorId]),
        [
          [join(roots.dev, 'ttyACM0'), '05e0'],
          [join(roots.dev, 'ttyGS0'), null],
          [join(roots.dev, 'ttyS0'), null],
        ],
      );
    } finally {
      process.env.PATH = savedPath;
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('keeps what serialport found when it works, and other systems are left to serialport', async () => {
    const found = [{ path: '/dev/ttyUSB9', vendorId: '1a86' }];
    assert.deepEqual(await withKernelFallback(async () => found, { platform: 'linux', roots })(), found);
    const failing = async () => {
      throw new Error('no such helper');
    };
    await assert.rejects(withKernelFallback(failing, { platform: 'win32', roots })(), /no such helper/);
  });
});
